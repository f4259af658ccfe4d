import type { FastifyInstance, FastifyRequest } from 'fastify';
import { callerOf } from '../http/auth.js';
import { badRequest, notFound } from '../http/errors.js';
import { listBody, pageOf, parsePaging } from '../http/paging.js';
import { formatAcsDate } from '../model/property-values.js';
import { nodeJson, parseIncludes, type Includes } from '../repo/node-json.js';
import type { NodeRow } from '../repo/node-rows.js';
import type { Caller, Repository } from '../repo/repository.js';
import { CORE } from '../routes/paths.js';
import { Favorites, parseFavoritesWhere, type FavoriteRow } from './favorites.js';
import { ownPerson } from './person-scope.js';

type Q = Record<string, unknown>;

/**
 * The Favorite of the ACS API (definitions/Favorite). `target.file` / `target.folder` is the
 * node as ADF's document list reads it (CustomResourcesService.loadFavorites uses it as the
 * row's node entry) plus the fields of ACS's legacy Document/Folder target (`guid`, `title`,
 * `description`).
 */
function favoriteJson(repo: Repository, c: Caller, node: NodeRow, fav: FavoriteRow,
  inc: Includes): Record<string, unknown> {
  const target = {
    ...nodeJson(repo, c, node, new Set([...inc].filter((i) => i === 'path' || i === 'isLink'))),
    guid: node.id,
    title: node.props['cm:title'] ?? '',
    description: node.props['cm:description'] ?? '',
  };
  const out: Record<string, unknown> = {
    targetGuid: node.id,
    createdAt: formatAcsDate(fav.createdAt),
    target: { [node.isFolder ? 'folder' : 'file']: target },
  };
  // As FavouritesImpl.getFavourite: properties (minus cm:title/cm:description), aspectNames
  // and allowableOperations sit beside the target when asked for.
  if (inc.has('properties')) {
    const { ['cm:title']: _t, ['cm:description']: _d, ...rest } = node.props;
    out.properties = rest;
  }
  if (inc.has('aspectNames')) out.aspectNames = node.aspects;
  if (inc.has('allowableOperations')) out.allowableOperations = c.perms.allowableOperations(node);
  return out;
}

/** The guid of a FavoriteBodyCreate (`{target: {file|folder|site: {guid}}}`). */
function targetGuid(body: unknown): { kind: string; guid: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('A favorite needs a target');
  }
  const { target, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length) throw badRequest(`Unknown field: ${Object.keys(rest)[0]}`);
  if (typeof target !== 'object' || target === null || Array.isArray(target)) {
    throw badRequest('A favorite needs a target');
  }
  const kinds = Object.keys(target);
  if (kinds.length !== 1 || !['file', 'folder', 'site'].includes(kinds[0])) {
    throw badRequest('target must name one of file, folder, site');
  }
  const t = (target as Record<string, unknown>)[kinds[0]] as Record<string, unknown> | null;
  if (typeof t !== 'object' || t === null || typeof t.guid !== 'string' || t.guid === '') {
    throw badRequest(`target.${kinds[0]}.guid is required`);
  }
  return { kind: kinds[0], guid: t.guid };
}

/** `people/{personId}/favorites` (list with `where`, create, get, delete) of the ACS API. */
export function registerFavorites(app: FastifyInstance, repo: Repository): void {
  const favorites = new Favorites(repo.db);
  const person = (req: FastifyRequest, c: Caller): string =>
    ownPerson(repo, c, (req.params as { personId: string }).personId);

  app.get(`${CORE}/people/:personId/favorites`, async (req) => {
    const c = callerOf(repo, req);
    const user = person(req, c);
    const q = req.query as Q;
    const kinds = parseFavoritesWhere(q.where);
    const paging = parsePaging(q);
    const inc = parseIncludes(q.include);
    const rows = favorites.list(user);
    const nodes = new Map(repo.rows.getMany(rows.map((r) => r.nodeId)).map((n) => [n.id, n]));
    // No sites exist in server/, so a site favorite never matches; unreadable nodes are left out.
    const visible = rows.flatMap((f) => {
      const n = nodes.get(f.nodeId);
      if (!n || !c.perms.has(n, 'Read')) return [];
      return kinds.has(n.isFolder ? 'folder' : 'file') ? [{ f, n }] : [];
    });
    return listBody(pageOf(visible, paging).map(({ f, n }) => favoriteJson(repo, c, n, f, inc)),
      paging, visible.length);
  });

  app.get(`${CORE}/people/:personId/favorites/:favoriteId`, async (req) => {
    const c = callerOf(repo, req);
    const user = person(req, c);
    const id = (req.params as { favoriteId: string }).favoriteId;
    const fav = favorites.get(user, id);
    const node = fav ? repo.rows.get(id) : undefined;
    if (!fav || !node || !c.perms.has(node, 'Read')) {
      throw notFound(`The entity with id: ${id} was not found`);
    }
    return { entry: favoriteJson(repo, c, node, fav, parseIncludes((req.query as Q).include)) };
  });

  app.post(`${CORE}/people/:personId/favorites`, async (req, reply) => {
    const c = callerOf(repo, req);
    const user = person(req, c);
    const inc = parseIncludes((req.query as Q).include);
    // ACA's ContentApiService.addFavorite posts an array; ACS takes one body or a list.
    const many = Array.isArray(req.body);
    const bodies = many ? (req.body as unknown[]) : [req.body];
    if (bodies.length === 0) throw badRequest('No favorite to create');
    const targets = bodies.map(targetGuid);
    const entries = repo.db.transaction(() => targets.map(({ kind, guid }) => {
      if (kind === 'site') throw notFound(`The entity with id: ${guid} was not found`);
      const node = repo.getReadable(c, guid);
      if (node.isFolder !== (kind === 'folder')) {
        throw badRequest(`${guid} is not a ${kind}`);
      }
      return favoriteJson(repo, c, node, favorites.add(user, node.id, c.rule.now), inc);
    }))();
    const paging = { skipCount: 0, maxItems: entries.length };
    return reply.code(201).send(many ? listBody(entries, paging, entries.length)
      : { entry: entries[0] });
  });

  app.delete(`${CORE}/people/:personId/favorites/:favoriteId`, async (req, reply) => {
    const c = callerOf(repo, req);
    const user = person(req, c);
    const id = (req.params as { favoriteId: string }).favoriteId;
    if (!favorites.remove(user, id)) throw notFound(`The entity with id: ${id} was not found`);
    return reply.code(204).send();
  });
}
