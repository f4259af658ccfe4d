import type { FastifyInstance, FastifyRequest } from 'fastify';
import { callerOf } from '../http/auth.js';
import { badRequest, conflict, notFound } from '../http/errors.js';
import { listBody, pageOf, parsePaging } from '../http/paging.js';
import { isPrefixedQName } from '../model/names.js';
import { nodeJson, parseIncludes } from '../repo/node-json.js';
import type { NodeRow } from '../repo/node-rows.js';
import { addTargetsSync } from '../repo/node-writes.js';
import type { Repository } from '../repo/repository.js';
import { objectBody } from './nodes.js';
import { CORE } from './paths.js';

type Q = Record<string, unknown>;

/** Parses `where=(assocType='efr:caseRecordings')`. */
function assocTypeFilter(where: unknown): string | undefined {
  if (where === undefined || where === '') return undefined;
  const m =
    typeof where === 'string' ? /^\(\s*assocType\s*=\s*'([\w:.-]+)'\s*\)$/.exec(where) : null;
  if (!m || !isPrefixedQName(m[1])) throw badRequest(`Invalid where clause: ${String(where)}`);
  return m[1];
}

/** Peer associations (targets, sources) and secondary children / parents. */
export function registerAssocs(app: FastifyInstance, repo: Repository): void {
  const idOf = (req: FastifyRequest, k = 'nodeId'): string =>
    (req.params as Record<string, string>)[k];

  const listAssoc = (req: FastifyRequest, sql: string, idCol: string): unknown => {
    const c = callerOf(repo, req);
    const q = req.query as Q;
    const node = repo.resolve(c, idOf(req));
    const type = assocTypeFilter(q.where);
    const paging = parsePaging(q);
    const inc = parseIncludes(q.include);
    const rows = (repo.db.prepare(sql).all(node.id) as Record<string, string>[])
      .filter((r) => !type || r.type === type)
      .map((r) => ({ n: repo.rows.get(r[idCol]) as NodeRow, type: r.type }))
      .filter((x) => x.n && c.perms.has(x.n, 'Read'));
    const entries = pageOf(rows, paging).map((x) => ({
      ...nodeJson(repo, c, x.n, inc),
      association:
        idCol === 'child_id' || idCol === 'parent_id'
          ? { assocType: x.type, isPrimary: false }
          : { assocType: x.type },
    }));
    return listBody(entries, paging, rows.length);
  };
  app.get(`${CORE}/nodes/:nodeId/targets`, async (req) =>
    listAssoc(
      req,
      'SELECT target_id, type FROM peer_assocs WHERE source_id = ? ORDER BY rowid',
      'target_id',
    ),
  );
  app.get(`${CORE}/nodes/:nodeId/sources`, async (req) =>
    listAssoc(
      req,
      'SELECT source_id, type FROM peer_assocs WHERE target_id = ? ORDER BY rowid',
      'source_id',
    ),
  );
  app.get(`${CORE}/nodes/:nodeId/secondary-children`, async (req) =>
    listAssoc(
      req,
      'SELECT child_id, type FROM child_assocs WHERE parent_id = ? ORDER BY rowid',
      'child_id',
    ),
  );
  app.get(`${CORE}/nodes/:nodeId/parents`, async (req) => {
    const c = callerOf(repo, req);
    const q = req.query as Q;
    const node = repo.resolve(c, idOf(req));
    const paging = parsePaging(q);
    const parents: { n: NodeRow; type: string; primary: boolean }[] = [];
    if (node.parentId)
      parents.push({
        n: repo.rows.get(node.parentId) as NodeRow,
        type: 'cm:contains',
        primary: true,
      });
    for (const r of repo.db
      .prepare('SELECT parent_id, type FROM child_assocs WHERE child_id = ?')
      .all(node.id) as { parent_id: string; type: string }[]) {
      parents.push({ n: repo.rows.get(r.parent_id) as NodeRow, type: r.type, primary: false });
    }
    const visible = parents.filter((p) => c.perms.has(p.n, 'Read'));
    const inc = parseIncludes(q.include);
    return listBody(
      pageOf(visible, paging).map((p) => ({
        ...nodeJson(repo, c, p.n, inc),
        association: { assocType: p.type, isPrimary: p.primary },
      })),
      paging,
      visible.length,
    );
  });

  app.post(`${CORE}/nodes/:nodeId/secondary-children`, async (req, reply) => {
    const c = callerOf(repo, req);
    const parent = repo.resolve(c, idOf(req));
    const body = objectBody(req);
    if (typeof body.childId !== 'string' || !isPrefixedQName(body.assocType)) {
      throw badRequest('childId and assocType are required');
    }
    const child = repo.resolve(c, body.childId);
    repo.db.transaction(() => {
      for (const n of [parent, child]) {
        repo.enforce(c, repo.rules.beforeGenericAct(n, 'associations', c.rule), 'addChild', n);
      }
      if (!parent.isFolder) throw badRequest('Parent is not a folder');
      repo.require(c, parent, 'CreateChildren');
      if (repo.isAncestor(child.id, parent)) throw badRequest('A node cannot be its own ancestor');
      if (child.parentId === parent.id) throw conflict('The node is already a primary child');
      const r = repo.db
        .prepare('INSERT OR IGNORE INTO child_assocs (parent_id, child_id, type) VALUES (?,?,?)')
        .run(parent.id, child.id, body.assocType);
      if (r.changes === 0) throw conflict('The secondary child association exists');
    })();
    return reply.code(201).send({ entry: { childId: child.id, assocType: body.assocType } });
  });
  app.delete(`${CORE}/nodes/:nodeId/secondary-children/:childId`, async (req, reply) => {
    const c = callerOf(repo, req);
    const parent = repo.resolve(c, idOf(req));
    const type = (req.query as Q).assocType;
    if (type !== undefined && !isPrefixedQName(type)) throw badRequest('Invalid assocType');
    const child = repo.rows.get(idOf(req, 'childId'));
    for (const n of child ? [parent, child] : [parent]) {
      repo.enforce(c, repo.rules.beforeGenericAct(n, 'associations', c.rule), 'removeChild', n);
    }
    repo.require(c, parent, 'Write');
    const r = type
      ? repo.db
          .prepare('DELETE FROM child_assocs WHERE parent_id = ? AND child_id = ? AND type = ?')
          .run(parent.id, idOf(req, 'childId'), type)
      : repo.db
          .prepare('DELETE FROM child_assocs WHERE parent_id = ? AND child_id = ?')
          .run(parent.id, idOf(req, 'childId'));
    if (r.changes === 0) throw notFound('Association not found');
    return reply.code(204).send();
  });

  app.post(`${CORE}/nodes/:nodeId/targets`, async (req, reply) => {
    const c = callerOf(repo, req);
    const node = repo.resolve(c, idOf(req));
    const body = objectBody(req);
    const t = { targetId: body.targetId, assocType: body.assocType };
    repo.db.transaction(() => {
      repo.enforce(c, repo.rules.beforeGenericAct(node, 'associations', c.rule), 'addAssoc', node);
      repo.require(c, node, 'Write');
      const target = typeof t.targetId === 'string' ? repo.rows.get(t.targetId) : undefined;
      if (target) repo.require(c, target, 'Read');
      const after = { ...node };
      repo.enforce(
        c,
        repo.rules.beforeUpdate(node, after, [`assoc:${String(t.assocType)}`], c.rule),
        'addAssoc',
        node,
      );
      addTargetsSync(repo, node, [t]);
    })();
    return reply.code(201).send({ entry: t });
  });
  app.delete(`${CORE}/nodes/:nodeId/targets/:targetId`, async (req, reply) => {
    const c = callerOf(repo, req);
    const node = repo.resolve(c, idOf(req));
    const type = (req.query as Q).assocType;
    if (type !== undefined && !isPrefixedQName(type)) throw badRequest('Invalid assocType');
    repo.db.transaction(() => {
      repo.enforce(c, repo.rules.beforeGenericAct(node, 'associations', c.rule), 'removeAssoc',
        node);
      repo.require(c, node, 'Write');
      repo.enforce(
        c,
        repo.rules.beforeUpdate(node, node, [`assoc:${String(type ?? '*')}`], c.rule),
        'removeAssoc',
        node,
      );
      const r = type
        ? repo.db
            .prepare('DELETE FROM peer_assocs WHERE source_id = ? AND target_id = ? AND type = ?')
            .run(node.id, idOf(req, 'targetId'), type)
        : repo.db
            .prepare('DELETE FROM peer_assocs WHERE source_id = ? AND target_id = ?')
            .run(node.id, idOf(req, 'targetId'));
      if (r.changes === 0) throw notFound('Association not found');
    })();
    return reply.code(204).send();
  });
}
