import type { FastifyInstance } from 'fastify';
import { callerOf } from '../http/auth.js';
import { badRequest } from '../http/errors.js';
import { isPrefixedQName } from '../model/names.js';
import { nodeJson } from '../repo/node-json.js';
import type { NodeRow } from '../repo/node-rows.js';
import type { Caller, Repository } from '../repo/repository.js';
import { parseAfts } from '../search/afts-parser.js';
import { compileAfts } from '../search/afts-sql.js';
import { searchFrom, topLevelTerms } from '../search/search-plan.js';
import { SEARCH } from './paths.js';

const SORT_COLUMNS: Record<string, string> = {
  'cm:name': 'n.name COLLATE NOCASE',
  name: 'n.name COLLATE NOCASE',
  'cm:created': 'n.created_at',
  'cm:modified': 'n.modified_at',
  'cm:content.size': 'n.content_size',
  'cm:creator': 'n.created_by',
  'cm:modifier': 'n.modified_by',
  TYPE: 'n.type',
};
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

function sortSql(sort: unknown, params: unknown[]): string {
  if (sort === undefined) return 'n.modified_at DESC, n.id ASC';
  if (!Array.isArray(sort) || sort.length > 5) throw badRequest('sort must be an array');
  const out: string[] = [];
  for (const s of sort as Body[]) {
    if (typeof s !== 'object' || s === null) throw badRequest('Invalid sort entry');
    const type = s.type ?? 'FIELD';
    const dir = s.ascending === true ? 'ASC' : 'DESC';
    if (s.ascending !== undefined && typeof s.ascending !== 'boolean')
      throw badRequest('ascending must be a boolean');
    if (type === 'SCORE' || type === 'DOCUMENT') continue; // every row scores the same here
    if (type !== 'FIELD' || typeof s.field !== 'string') throw badRequest('Invalid sort entry');
    const col = SORT_COLUMNS[s.field];
    if (col) out.push(`${col} ${dir}`);
    else if (isPrefixedQName(s.field)) {
      params.push(s.field);
      out.push(`(SELECT COALESCE(p.v_num, p.v_text) FROM node_props p INDEXED BY node_props_node_qname
        WHERE p.node_id = n.id AND p.qname = ? LIMIT 1) ${dir}`);
    } else throw badRequest(`Invalid sort field: ${s.field}`);
  }
  out.push('n.id ASC');
  return out.join(', ');
}

function intOf(v: unknown, name: string, dflt: number, max: number): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max)
    throw badRequest(`Invalid ${name}`);
  return v;
}

/**
 * Rows the caller may read, in query order. Nodes without a local ACL that the caller did not
 * create read as their parent reads, so their verdict is memoised per parent.
 */
function readableIds(
  repo: Repository,
  c: Caller,
  ids: { id: string; parent_id: string | null; acl_local: number; created_by: string }[],
): string[] {
  if (c.perms.isAdmin) return ids.map((r) => r.id);
  const byParent = new Map<string, boolean>();
  const out: string[] = [];
  for (const r of ids) {
    let ok: boolean;
    if (r.acl_local === 0 && r.created_by !== c.userId && r.parent_id) {
      let hit = byParent.get(r.parent_id);
      if (hit === undefined) {
        const parent = repo.rows.get(r.parent_id);
        hit = parent ? c.perms.has(parent, 'Read') : false;
        byParent.set(r.parent_id, hit);
      }
      ok = hit;
    } else {
      const n = repo.rows.get(r.id);
      ok = n ? c.perms.has(n, 'Read') : false;
    }
    if (ok) out.push(r.id);
  }
  return out;
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
    const from = plan.from;
    const idExpr = plan.distinct ? 'DISTINCT n.id' : 'n.id';
    const orderParams: unknown[] = [];
    const order = sortSql(body.sort, orderParams);
    const where = conds.map((x) => x.sql).join(' AND ');
    let pageIds: string[];
    let total: number;
    if (c.perms.isAdmin) {
      total = (
        repo.db
          .prepare(`SELECT COUNT(${idExpr}) AS k FROM ${from} WHERE ${where}`)
          .get(...params) as { k: number }
      ).k;
      pageIds = (
        repo.db
          .prepare(
            `SELECT ${idExpr} FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
          )
          .all(...params, ...orderParams, maxItems, skipCount) as { id: string }[]
      ).map((r) => r.id);
    } else {
      const all = repo.db
        .prepare(
          `SELECT ${plan.distinct ? 'DISTINCT ' : ''}n.id, n.parent_id, n.acl_local,
        n.created_by FROM ${from} WHERE ${where} ORDER BY ${order}`,
        )
        .all(...params, ...orderParams) as {
        id: string;
        parent_id: string | null;
        acl_local: number;
        created_by: string;
      }[];
      const ok = readableIds(repo, c, all);
      total = ok.length;
      pageIds = ok.slice(skipCount, skipCount + maxItems);
    }
    const entries = pageIds
      .map((id) => repo.rows.get(id) as NodeRow)
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
