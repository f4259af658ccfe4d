import { badRequest } from '../http/errors.js';
import type { Paging } from '../http/paging.js';
import { isPrefixedQName } from '../model/names.js';
import type { NodeRow } from './node-rows.js';
import type { Caller, Repository } from './repository.js';

const ORDER_COLUMNS: Record<string, string> = {
  name: 'name COLLATE NOCASE',
  isFolder: 'is_folder',
  isFile: 'is_file',
  createdAt: 'created_at',
  modifiedAt: 'modified_at',
  nodeType: 'type',
  sizeInBytes: 'content_size',
  mimeType: 'content_mime',
  createdByUser: 'created_by',
  modifiedByUser: 'modified_by',
  id: 'id',
};

/** SQL ORDER BY from an ACS `orderBy` (`name ASC, createdAt DESC`, or a property QName). */
export function orderBySql(orderBy: unknown, params: unknown[]): string {
  if (orderBy === undefined || orderBy === '') return 'is_folder DESC, name COLLATE NOCASE ASC';
  if (typeof orderBy !== 'string') throw badRequest('orderBy must be a string');
  const parts = orderBy
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 5) throw badRequest(`Invalid orderBy: ${orderBy}`);
  const out: string[] = [];
  let lastDir = 'ASC';
  for (const part of parts) {
    const m = /^([\w:.-]+)(?:\s+(ASC|DESC))?$/i.exec(part);
    if (!m) throw badRequest(`Invalid orderBy: ${orderBy}`);
    const dir = (m[2] ?? 'ASC').toUpperCase();
    lastDir = dir;
    const col = ORDER_COLUMNS[m[1]];
    if (col) out.push(`${col} ${dir}`);
    else if (isPrefixedQName(m[1])) {
      params.push(m[1]);
      out.push(`(SELECT COALESCE(p.v_num, p.v_text) FROM node_props p WHERE p.node_id = nodes.id
        AND p.qname = ? LIMIT 1) ${dir}`);
    } else throw badRequest(`Invalid orderBy field: ${m[1]}`);
  }
  out.push(`id ${lastDir}`); // stable pages; same direction so an index can serve the order
  return out.join(', ');
}

/** SQL conditions from the children `where` clause: isFile, isFolder, nodeType (INCLUDESUBTYPES). */
export function childrenWhereSql(repo: Repository, where: unknown, params: unknown[]): string[] {
  if (where === undefined || where === '') return [];
  if (typeof where !== 'string') throw badRequest('where must be a string');
  const m = /^\s*\((.*)\)\s*$/s.exec(where);
  if (!m) throw badRequest(`Invalid where clause: ${where}`);
  const conds: string[] = [];
  for (const clause of m[1].split(/\s+AND\s+/i)) {
    const c = clause.trim();
    let x: RegExpExecArray | null;
    if ((x = /^isFile\s*=\s*(true|false)$/i.exec(c)))
      conds.push(`is_file = ${x[1].toLowerCase() === 'true' ? 1 : 0}`);
    else if ((x = /^isFolder\s*=\s*(true|false)$/i.exec(c))) {
      conds.push(`is_folder = ${x[1].toLowerCase() === 'true' ? 1 : 0}`);
    } else if ((x = /^isPrimary\s*=\s*(true|false)$/i.exec(c))) {
      if (x[1].toLowerCase() === 'false') conds.push('0');
    } else if ((x = /^nodeType\s*=\s*'([\w:-]+)(\s+INCLUDESUBTYPES)?'$/i.exec(c))) {
      const types = x[2] ? repo.model.subTypesOf(x[1]) : [x[1]];
      if (types.length === 0) types.push(x[1]);
      conds.push(`type IN (${types.map(() => '?').join(',')})`);
      params.push(...types);
    } else throw badRequest(`Invalid where clause: ${where}`);
  }
  return conds;
}

/**
 * How many children of `parentId` match the where conditions (on is_file, is_folder, type),
 * from child_counts (kept by triggers in the writing transaction, database.ts): a few rows,
 * however many children there are and however recently one was written (issue 20).
 */
function countChildren(db: Repository['db'], parentId: string, whereConds: string[],
  whereParams: unknown[]): number {
  const sql = `SELECT COALESCE(SUM(n), 0) AS n FROM child_counts WHERE parent_id = ?
    ${whereConds.map((c) => `AND ${c}`).join(' ')}`;
  return (db.prepare(sql).get(parentId, ...whereParams) as { n: number }).n;
}

/**
 * One page of the primary children of `parent` the caller may read. Children without a
 * local ACL inherit the parent's permissions, so only the few with a local ACL (or created by
 * the caller) are checked one by one: this keeps a page over 100 000 children a pair of indexed queries.
 */
export function listChildren(
  repo: Repository,
  c: Caller,
  parent: NodeRow,
  q: { where?: unknown; orderBy?: unknown; paging: Paging },
): { rows: NodeRow[]; total: number } {
  const whereParams: unknown[] = [];
  const whereConds = childrenWhereSql(repo, q.where, whereParams);
  const params: unknown[] = [parent.id, ...whereParams];
  const conds = ['parent_id = ?', ...whereConds];
  let total = countChildren(repo.db, parent.id, whereConds, whereParams);
  const countOf = (cond: string, condParams: unknown[]): number =>
    (repo.db.prepare(`SELECT COUNT(*) AS n FROM nodes WHERE ${[...conds, cond].join(' AND ')}`)
      .get(...params, ...condParams) as { n: number }).n;
  if (!c.perms.isAdmin) {
    // Two index ranges (nodes_parent_acl, nodes_parent_creator), not a scan of the children.
    const local = repo.db
      .prepare(
        `SELECT id FROM nodes INDEXED BY nodes_parent_acl WHERE parent_id = ? AND acl_local = 1
        UNION SELECT id FROM nodes INDEXED BY nodes_parent_creator
        WHERE parent_id = ? AND created_by = ?
        UNION SELECT id FROM nodes INDEXED BY nodes_parent_kind
        WHERE parent_id = ? AND is_file = 0 AND is_folder = 0 AND type = 'efr:accessRequest'`,
      )
      .all(parent.id, parent.id, c.userId, parent.id) as { id: string }[];
    // Viewing requests are read by their parties and deciders only (issue 16, R24.1): each
    // is checked one by one, like the children with a local ACL.
    const checked = local.map((r) => repo.rows.get(r.id) as NodeRow);
    const hidden = checked.filter((n) => !c.perms.has(n, 'Read')).map((n) => n.id);
    if (!c.perms.hasOnChildren(parent, 'Read')) {
      // The parent is readable to the caller only as its owner (or not at all): its other
      // children are not; only the caller's own and the readable local-ACL ones are listed.
      const shown = JSON.stringify(checked.filter((n) => !hidden.includes(n.id)).map((n) => n.id));
      total = countOf('id IN (SELECT value FROM json_each(?))', [shown]);
      conds.push('id IN (SELECT value FROM json_each(?))');
      params.push(shown);
    } else if (hidden.length) {
      const list = `(${hidden.map(() => '?').join(',')})`;
      total -= countOf(`id IN ${list}`, hidden);
      conds.push(`id NOT IN ${list}`);
      params.push(...hidden);
    }
  }
  const whereSql = conds.join(' AND ');
  const orderParams: unknown[] = [];
  const order = orderBySql(q.orderBy, orderParams);
  const raw = repo.db
    .prepare(`SELECT * FROM nodes WHERE ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...params, ...orderParams, q.paging.maxItems, q.paging.skipCount);
  return { rows: repo.rows.fromRawRows(raw as Parameters<typeof repo.rows.fromRawRows>[0]), total };
}
