import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { refuse, type Verdict } from '../../../core/src/index.js';
import { callerOf } from '../http/auth.js';
import { badRequest, forbidden, notFound } from '../http/errors.js';
import { listBody, pageOf, parsePaging } from '../http/paging.js';
import { formatAcsDate } from '../model/property-values.js';
import { lockActive } from '../repo/locks.js';
import type { NodeRow } from '../repo/node-rows.js';
import type { Caller, Repository } from '../repo/repository.js';
import { CORE } from '../routes/paths.js';
import { objectBody } from '../routes/nodes.js';

interface CommentRow {
  id: string;
  node_id: string;
  content: string;
  created_at: number;
  created_by: string;
  modified_at: number;
  modified_by: string;
  edited: number;
}

/** Longest comment accepted (ACS keeps comments as content; a bound keeps the table small). */
const MAX_COMMENT = 64 * 1024;

/**
 * EFR records whose state changes only through EFR's web scripts (requests, handovers,
 * spot checks, findings, violations, measures, devices and their history, exemptions, evidence
 * packages, sessions): a comment would be an annotation outside the workflow's own record.
 * Cases, text records and recordings take comments (they change nothing of the record).
 */
const WORKFLOW_REQUIREMENT: Readonly<Record<string, string>> = {
  'efr:accessRequest': 'R24.1', 'efr:handover': 'R21.4', 'efr:session': 'R16.1',
  'efr:spotCheck': 'R28.1', 'efr:finding': 'R28.2', 'efr:violation': 'R29.1',
  'efr:accountability': 'R30.1', 'efr:device': 'R13.1', 'efr:deviceCheck': 'R13.1',
  'efr:deviceEvent': 'R13.1', 'efr:exemption': 'R11.2', 'efr:evidencePackage': 'R23.1',
};

/** Whether comments may be written on a node (EFR workflow records refuse them). */
export function commentVerdict(node: NodeRow): Verdict {
  const requirement = WORKFLOW_REQUIREMENT[node.type];
  if (requirement === undefined) return { allowed: true };
  return refuse(409, 'efr.workflow.noComments', requirement,
    `${node.type} records change only through the EFR web scripts; comments are not taken.`,
    `${node.type} 记录只能通过 EFR 业务接口办理，不接受评论。`);
}

/**
 * `nodes/{id}/comments` of the ACS API (list, create, update, delete), stored in SQLite.
 * Permissions as ACS's CommentServiceImpl (alfresco-community-repo 25.5.0.31,
 * repository/…/repo/forum/CommentServiceImpl.java:605-672): reading needs Read on the node,
 * writing adds a child (CreateChildren); a comment is edited by its author or a coordinator and
 * deleted by whoever may delete it; nothing is edited or deleted while the node is locked. Only
 * folders and content take comments (CommentsImpl: "NodeId of folder or content is expected").
 */
export function registerComments(app: FastifyInstance, repo: Repository): void {
  const person = (id: string): Record<string, unknown> => {
    const p = repo.auth.person(id);
    return { id, firstName: p?.firstName ?? id, ...(p?.lastName ? { lastName: p.lastName } : {}),
      displayName: repo.auth.displayName(id), email: p?.email ?? '', enabled: p?.enabled ?? true };
  };
  const isAuthorOrAdmin = (c: Caller, r: CommentRow): boolean =>
    c.perms.isAdmin || r.created_by.toLowerCase() === c.userId.toLowerCase();
  const canEdit = (c: Caller, node: NodeRow, r: CommentRow): boolean =>
    !lockActive(node, c.rule.now) &&
    (isAuthorOrAdmin(c, r) || c.perms.has(node, 'ChangePermissions'));
  const canDelete = (c: Caller, node: NodeRow, r: CommentRow): boolean =>
    !lockActive(node, c.rule.now) && (isAuthorOrAdmin(c, r) || c.perms.has(node, 'Delete'));
  const commentJson = (c: Caller, node: NodeRow, r: CommentRow): Record<string, unknown> => ({
    id: r.id, title: '', content: r.content,
    createdBy: person(r.created_by), createdAt: formatAcsDate(r.created_at),
    edited: r.edited === 1,
    modifiedBy: person(r.modified_by), modifiedAt: formatAcsDate(r.modified_at),
    canEdit: canEdit(c, node, r), canDelete: canDelete(c, node, r),
  });
  const target = (req: FastifyRequest): { c: Caller; node: NodeRow } => {
    const c = callerOf(repo, req);
    const node = repo.resolve(c, (req.params as { nodeId: string }).nodeId);
    if (!repo.model.isSubClassOf(node.type, 'cm:content') &&
      !repo.model.isSubClassOf(node.type, 'cm:folder')) {
      throw badRequest('NodeId of folder or content is expected');
    }
    return { c, node };
  };
  const contentOf = (req: FastifyRequest): string => {
    const body = objectBody(req);
    for (const k of Object.keys(body)) if (k !== 'content') throw badRequest(`Unknown field: ${k}`);
    if (typeof body.content !== 'string' || body.content.trim() === '') {
      throw badRequest('content is required');
    }
    if (body.content.length > MAX_COMMENT) throw badRequest('content is too long');
    return body.content;
  };
  const commentOf = (node: NodeRow, req: FastifyRequest): CommentRow => {
    const id = (req.params as { commentId: string }).commentId;
    const row = repo.db.prepare('SELECT * FROM comments WHERE id = ? AND node_id = ?')
      .get(id, node.id) as CommentRow | undefined;
    if (!row) throw notFound(`The entity with id: ${id} was not found`);
    return row;
  };
  const enforceWorkflow = (c: Caller, node: NodeRow, action: string): void =>
    repo.enforce(c, commentVerdict(node), action, node);

  app.get(`${CORE}/nodes/:nodeId/comments`, async (req) => {
    const { c, node } = target(req);
    const paging = parsePaging(req.query as Record<string, unknown>);
    // Newest first, as ACS lists comments.
    const rows = repo.db.prepare(`SELECT * FROM comments WHERE node_id = ?
      ORDER BY created_at DESC, id`).all(node.id) as CommentRow[];
    return listBody(pageOf(rows, paging).map((r) => commentJson(c, node, r)), paging, rows.length);
  });

  app.post(`${CORE}/nodes/:nodeId/comments`, async (req, reply) => {
    const { c, node } = target(req);
    // ACS takes one comment or a list of them.
    const bodies = Array.isArray(req.body) ? (req.body as unknown[]) : [req.body];
    if (bodies.length === 0) throw badRequest('No comment to create');
    const texts = bodies.map((b) => contentOf({ body: b } as FastifyRequest));
    const created = repo.db.transaction(() => {
      repo.require(c, node, 'CreateChildren');
      enforceWorkflow(c, node, 'comment');
      return texts.map((content) => {
        const row: CommentRow = { id: randomUUID(), node_id: node.id, content,
          created_at: c.rule.now, created_by: c.userId, modified_at: c.rule.now,
          modified_by: c.userId, edited: 0 };
        repo.db.prepare(`INSERT INTO comments (id, node_id, content, created_at, created_by,
          modified_at, modified_by, edited) VALUES (@id, @node_id, @content, @created_at,
          @created_by, @modified_at, @modified_by, @edited)`).run(row);
        return commentJson(c, node, row);
      });
    })();
    if (!Array.isArray(req.body)) return reply.code(201).send({ entry: created[0] });
    return reply.code(201).send(listBody(created, { skipCount: 0, maxItems: created.length },
      created.length));
  });

  app.put(`${CORE}/nodes/:nodeId/comments/:commentId`, async (req) => {
    const { c, node } = target(req);
    const row = commentOf(node, req);
    const content = contentOf(req);
    enforceWorkflow(c, node, 'comment');
    if (!canEdit(c, node, row)) throw forbidden('Permission was denied (edit comment)');
    const after = { ...row, content, modified_at: c.rule.now, modified_by: c.userId, edited: 1 };
    repo.db.prepare(`UPDATE comments SET content = ?, modified_at = ?, modified_by = ?, edited = 1
      WHERE id = ?`).run(content, after.modified_at, after.modified_by, row.id);
    return { entry: commentJson(c, node, after) };
  });

  app.delete(`${CORE}/nodes/:nodeId/comments/:commentId`, async (req, reply) => {
    const { c, node } = target(req);
    const row = commentOf(node, req);
    enforceWorkflow(c, node, 'deleteComment');
    if (!canDelete(c, node, row)) throw forbidden('Permission was denied (delete comment)');
    repo.db.prepare('DELETE FROM comments WHERE id = ?').run(row.id);
    return reply.code(204).send();
  });
}
