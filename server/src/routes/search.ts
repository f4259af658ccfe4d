import type { FastifyInstance } from 'fastify';
import { callerOf } from '../http/auth.js';
import { badRequest } from '../http/errors.js';
import { nodeJson } from '../repo/node-json.js';
import type { Repository } from '../repo/repository.js';
import { parseAfts } from '../search/afts-parser.js';
import { compileAfts } from '../search/afts-sql.js';
import { parseSort, searchPage } from '../search/search-pages.js';
import { searchFrom, topLevelTerms, typesOnly } from '../search/search-plan.js';
import { SEARCH } from './paths.js';

const INCLUDES = new Set([
  'properties',
  'aspectNames',
  'path',
  'allowableOperations',
  'isLink',
  'isLocked',
  'permissions',
  'association',
]);

type Body = Record<string, unknown>;

function intOf(v: unknown, name: string, dflt: number, max: number): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max)
    throw badRequest(`Invalid ${name}`);
  return v;
}

/** POST search (AFTS subset, paging, sort, include, filterQueries). */
export function registerSearch(app: FastifyInstance, repo: Repository): void {
  app.post(`${SEARCH}/search`, async (req) => {
    const c = callerOf(repo, req);
    const body = req.body as Body;
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw badRequest('A JSON body is required');
    const query = body.query as Body | undefined;
    if (typeof query !== 'object' || query === null || typeof query.query !== 'string') {
      throw badRequest('query.query is required');
    }
    const language = query.language ?? 'afts';
    if (language !== 'afts' && language !== 'lucene')
      throw badRequest(`Unsupported query language: ${String(language)}`);
    const paging = (body.paging ?? {}) as Body;
    if (typeof paging !== 'object' || paging === null) throw badRequest('Invalid paging');
    const maxItems = intOf(paging.maxItems, 'maxItems', 100, 10_000) || 100;
    const skipCount = intOf(paging.skipCount, 'skipCount', 0, Number.MAX_SAFE_INTEGER);
    const include = body.include ?? [];
    if (!Array.isArray(include) || include.some((x) => typeof x !== 'string'))
      throw badRequest('include must be an array');
    const inc = new Set((include as string[]).filter((x) => INCLUDES.has(x)));
    const root = parseAfts(query.query);
    const conds = [compileAfts(repo.model, root)];
    const top = topLevelTerms(root).map((t) => compileAfts(repo.model, t));
    const fq = body.filterQueries ?? [];
    if (!Array.isArray(fq)) throw badRequest('filterQueries must be an array');
    for (const f of fq as Body[]) {
      if (typeof f !== 'object' || f === null || typeof f.query !== 'string')
        throw badRequest('Invalid filter query');
      const fqRoot = parseAfts(f.query);
      conds.push(compileAfts(repo.model, fqRoot));
      top.push(...topLevelTerms(fqRoot).map((t) => compileAfts(repo.model, t)));
    }
    const plan = searchFrom(repo.db, top);
    const params: unknown[] = [...plan.params, ...conds.flatMap((x) => x.params)];
    const sort = parseSort(body.sort);
    const where = conds.map((x) => x.sql).join(' AND ');
    const types = typesOnly(top);
    const page = searchPage(repo, c, { plan, types, where, params, sort, skipCount, maxItems });
    const total = page.total;
    const entries = repo.rows
      .getMany(page.ids)
      .map((n) => ({ entry: { ...nodeJson(repo, c, n, inc), search: { score: 1 } } }));
    return {
      list: {
        pagination: {
          count: entries.length,
          hasMoreItems: skipCount + entries.length < total,
          totalItems: total,
          skipCount,
          maxItems,
        },
        context: { consistency: { lastTxId: 0 } },
        entries,
      },
    };
  });
}
