import type { FastifyInstance, FastifyRequest } from 'fastify';
import { callerOf } from '../http/auth.js';
import { badRequest } from '../http/errors.js';
import { listBody, pageOf, parsePaging } from '../http/paging.js';
import { formatAcsDate } from '../model/property-values.js';
import { nodeJson, parseIncludes, type Includes } from '../repo/node-json.js';
import type { Caller, Repository } from '../repo/repository.js';
import { CORE } from '../routes/paths.js';
import { getArchived, listArchived, purgeArchived, restoreArchived,
  type ArchivedTree } from './trashcan.js';

type Q = Record<string, unknown>;

/**
 * The trashcan API of ACS (`deleted-nodes`: list, get, restore, purge) over trashcan.ts. A
 * DeletedNode is the Node plus `archivedAt` and `archivedByUser`, without `parentId` (ACS's
 * DeletedNodesImpl.mapArchiveInfo: "Don't show parent id"); `include=path` gives the original
 * location, which ADF's trashcan list shows.
 */
export function registerDeletedNodes(app: FastifyInstance, repo: Repository): void {
  const json = (c: Caller, t: ArchivedTree, inc: Includes): Record<string, unknown> => {
    const parentExists = t.node.parentId !== null && repo.rows.get(t.node.parentId) !== undefined;
    const safe = new Set([...inc].filter((i) => i !== 'path' || parentExists)
      .filter((i) => i !== 'allowableOperations' && i !== 'permissions'));
    const { parentId: _p, ...node } = nodeJson(repo, c, t.node, safe);
    return {
      ...node,
      ...(inc.has('allowableOperations') ? { allowableOperations: ['delete'] } : {}),
      archivedAt: formatAcsDate(t.archivedAt),
      archivedByUser: { id: t.archivedBy, displayName: repo.auth.displayName(t.archivedBy) },
    };
  };
  const idOf = (req: FastifyRequest): string => (req.params as { nodeId: string }).nodeId;

  app.get(`${CORE}/deleted-nodes`, async (req) => {
    const c = callerOf(repo, req);
    const q = req.query as Q;
    const paging = parsePaging(q);
    const inc = parseIncludes(q.include);
    const all = listArchived(repo, c);
    return listBody(pageOf(all, paging).map((t) => json(c, t, inc)), paging, all.length);
  });

  app.get(`${CORE}/deleted-nodes/:nodeId`, async (req) => {
    const c = callerOf(repo, req);
    const inc = parseIncludes((req.query as Q).include);
    return { entry: json(c, getArchived(repo, c, idOf(req)), inc) };
  });

  app.post(`${CORE}/deleted-nodes/:nodeId/restore`, async (req) => {
    const c = callerOf(repo, req);
    let target: string | undefined;
    const body = req.body;
    if (body !== undefined && body !== null) {
      if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('Invalid body');
      const b = body as Record<string, unknown>;
      for (const k of Object.keys(b)) {
        if (k !== 'targetParentId' && k !== 'assocType') throw badRequest(`Unknown field: ${k}`);
      }
      if (b.assocType !== undefined && b.assocType !== 'cm:contains') {
        throw badRequest(`Unsupported assocType: ${String(b.assocType)}`);
      }
      if (b.targetParentId !== undefined && typeof b.targetParentId !== 'string') {
        throw badRequest('targetParentId must be a string');
      }
      target = b.targetParentId as string | undefined;
    }
    const restored = restoreArchived(repo, c, idOf(req), target);
    return { entry: nodeJson(repo, c, restored, parseIncludes((req.query as Q).include), true) };
  });

  app.delete(`${CORE}/deleted-nodes/:nodeId`, async (req, reply) => {
    const c = callerOf(repo, req);
    purgeArchived(repo, c, idOf(req));
    return reply.code(204).send();
  });
}
