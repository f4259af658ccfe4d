import type { FastifyInstance, FastifyRequest } from 'fastify';
import { callerOf } from '../http/auth.js';
import { badRequest } from '../http/errors.js';
import { listBody, parsePaging } from '../http/paging.js';
import { listChildren } from '../repo/children-query.js';
import { nodeJson, parseIncludes } from '../repo/node-json.js';
import {
  copyNode,
  deleteNode,
  lockNode,
  moveNode,
  unlockNode,
  updateNode,
} from '../repo/node-updates.js';
import { createNode, type CreateInput } from '../repo/node-writes.js';
import type { Repository } from '../repo/repository.js';
import { readUpload } from './multipart-upload.js';
import { CORE } from './paths.js';

type Q = Record<string, unknown>;

/** Parses a boolean query parameter. */
export function boolQuery(v: unknown, name: string, dflt: boolean): boolean {
  if (v === undefined || v === '') return dflt;
  if (v === 'true' || v === 'false') return v === 'true';
  throw badRequest(`Invalid boolean for ${name}: ${String(v)}`);
}

/** Requires a JSON object body (400 otherwise). */
export function objectBody(req: FastifyRequest): Record<string, unknown> {
  const b = req.body;
  if (typeof b !== 'object' || b === null || Array.isArray(b))
    throw badRequest('A JSON object body is required');
  return b as Record<string, unknown>;
}

function optString(v: unknown, name: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw badRequest(`${name} must be a string`);
  return v;
}

/** Nodes: get, update, delete, children, copy, move, lock, unlock. */
export function registerNodes(app: FastifyInstance, repo: Repository): void {
  const idOf = (req: FastifyRequest): string => (req.params as { nodeId: string }).nodeId;

  app.get(`${CORE}/nodes/:nodeId`, async (req) => {
    const c = callerOf(repo, req);
    const q = req.query as Q;
    const node = repo.resolve(c, idOf(req), optString(q.relativePath, 'relativePath'));
    return { entry: nodeJson(repo, c, node, parseIncludes(q.include), true) };
  });

  app.put(`${CORE}/nodes/:nodeId`, async (req) => {
    const c = callerOf(repo, req);
    const node = repo.resolve(c, idOf(req));
    const updated = updateNode(repo, c, node, objectBody(req));
    return { entry: nodeJson(repo, c, updated, parseIncludes((req.query as Q).include), true) };
  });

  app.delete(`${CORE}/nodes/:nodeId`, async (req, reply) => {
    const c = callerOf(repo, req);
    const q = req.query as Q;
    const permanent = boolQuery(q.permanent, 'permanent', false);
    deleteNode(repo, c, repo.resolve(c, idOf(req)), permanent);
    return reply.code(204).send();
  });

  app.get(`${CORE}/nodes/:nodeId/children`, async (req) => {
    const c = callerOf(repo, req);
    const q = req.query as Q;
    const parent = repo.resolve(c, idOf(req), optString(q.relativePath, 'relativePath'));
    const paging = parsePaging(q);
    const inc = parseIncludes(q.include);
    const { rows, total } = listChildren(repo, c, parent, {
      where: q.where,
      orderBy: q.orderBy,
      paging,
    });
    const body = listBody(
      rows.map((n) => nodeJson(repo, c, n, inc)),
      paging,
      total,
    ) as { list: Record<string, unknown> };
    if (inc.has('source') || q.includeSource === 'true') {
      body.list.source = nodeJson(repo, c, parent, new Set(), true);
    }
    return body;
  });

  app.post(`${CORE}/nodes/:nodeId/children`, async (req, reply) => {
    const c = callerOf(repo, req);
    const q = req.query as Q;
    const parent = repo.resolve(c, idOf(req));
    let input: CreateInput;
    let include = q.include;
    if (req.isMultipart()) {
      const up = await readUpload(repo, req);
      input = up;
      include = include ?? up.include;
    } else {
      const b = objectBody(req);
      const allowed = [
        'name',
        'nodeType',
        'aspectNames',
        'properties',
        'relativePath',
        'permissions',
        'targets',
        'association',
        'secondaryChildren',
        'definition',
      ];
      for (const k of Object.keys(b))
        if (!allowed.includes(k)) throw badRequest(`Unknown field: ${k}`);
      input = {
        name: b.name,
        nodeType: b.nodeType,
        aspectNames: b.aspectNames,
        properties: b.properties,
        relativePath: b.relativePath,
        permissions: b.permissions,
        targets: b.targets,
        autoRename: boolQuery(q.autoRename, 'autoRename', false),
        fromText: false,
      };
    }
    const node = await createNode(repo, c, parent, input);
    return reply.code(201).send({ entry: nodeJson(repo, c, node, parseIncludes(include), true) });
  });

  const targetBody = (req: FastifyRequest): { targetParentId: string; name?: unknown } => {
    const b = objectBody(req);
    for (const k of Object.keys(b))
      if (!['targetParentId', 'name'].includes(k)) throw badRequest(`Unknown field: ${k}`);
    if (typeof b.targetParentId !== 'string') throw badRequest('targetParentId is required');
    return { targetParentId: b.targetParentId, name: b.name };
  };
  app.post(`${CORE}/nodes/:nodeId/copy`, async (req, reply) => {
    const c = callerOf(repo, req);
    const node = repo.resolve(c, idOf(req));
    const b = targetBody(req);
    const copy = copyNode(repo, c, node, repo.resolve(c, b.targetParentId), b.name);
    return reply
      .code(201)
      .send({ entry: nodeJson(repo, c, copy, parseIncludes((req.query as Q).include), true) });
  });
  app.post(`${CORE}/nodes/:nodeId/move`, async (req) => {
    const c = callerOf(repo, req);
    const node = repo.resolve(c, idOf(req));
    const b = targetBody(req);
    const moved = moveNode(repo, c, node, repo.resolve(c, b.targetParentId), b.name);
    return { entry: nodeJson(repo, c, moved, parseIncludes((req.query as Q).include), true) };
  });
  app.post(`${CORE}/nodes/:nodeId/lock`, async (req) => {
    const c = callerOf(repo, req);
    const node = repo.resolve(c, idOf(req));
    const body = req.body === undefined || req.body === null ? {} : objectBody(req);
    const out = lockNode(repo, c, node, body);
    return { entry: nodeJson(repo, c, out, parseIncludes((req.query as Q).include), true) };
  });
  app.post(`${CORE}/nodes/:nodeId/unlock`, async (req) => {
    const c = callerOf(repo, req);
    const out = unlockNode(repo, c, repo.resolve(c, idOf(req)));
    return { entry: nodeJson(repo, c, out, parseIncludes((req.query as Q).include), true) };
  });
}
