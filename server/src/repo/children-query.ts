import { seekMarks, seekPage, type OrderedWalk } from '../db/seek-marks.js';
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

/** How a children page reaches a deep skipCount (specs lower them to run every path). */
export const CHILDREN_LIMITS = {
  /** Pages that skip fewer children than this step over them in the index (SQLite's OFFSET). */
  seekFrom: 10_000,
  /** Deeper ones seek from every this-many-th child's kept sort key (db/seek-marks.ts). */
  bookmark: 1_000,
};

/** Columns of `nodes` that are never NULL: a page can seek by their values. */
const NOT_NULL = new Set(['name COLLATE NOCASE', 'is_folder', 'is_file', 'created_at',
  'modified_at', 'type', 'created_by', 'modified_by', 'id']);

/** One key of a children order: SQL (over `nodes`), direction, and whether it can be sought. */
interface OrderKey {
  sql: string;
  dir: 'ASC' | 'DESC';
  seekable: boolean;
}

/** The keys of an ACS `orderBy` (`name ASC, createdAt DESC`, or a property QName), id last. */
function orderKeys(orderBy: unknown, params: unknown[]): OrderKey[] {
  const key = (sql: string, dir: 'ASC' | 'DESC'): OrderKey =>
    ({ sql, dir, seekable: NOT_NULL.has(sql) });
  if (orderBy === undefined || orderBy === '') {
    return [key('is_folder', 'DESC'), key('name COLLATE NOCASE', 'ASC'), key('id', 'ASC')];
  }
  if (typeof orderBy !== 'string') throw badRequest('orderBy must be a string');
  const parts = orderBy
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 5) throw badRequest(`Invalid orderBy: ${orderBy}`);
  const out: OrderKey[] = [];
  let lastDir: 'ASC' | 'DESC' = 'ASC';
  for (const part of parts) {
    const m = /^([\w:.-]+)(?:\s+(ASC|DESC))?$/i.exec(part);
    if (!m) throw badRequest(`Invalid orderBy: ${orderBy}`);
    const dir = (m[2] ?? 'ASC').toUpperCase() as 'ASC' | 'DESC';
    lastDir = dir;
    const col = ORDER_COLUMNS[m[1]];
    if (col) out.push(key(col, dir));
    else if (isPrefixedQName(m[1])) {
      params.push(m[1]);
      out.push(key(`(SELECT COALESCE(p.v_num, p.v_text) FROM node_props p WHERE p.node_id =
        nodes.id AND p.qname = ? LIMIT 1)`, dir));
    } else throw badRequest(`Invalid orderBy field: ${m[1]}`);
  }
  out.push(key('id', lastDir)); // stable pages; same direction so an index can serve the order
  return out;
}

/** SQL ORDER BY from an ACS `orderBy` (`name ASC, createdAt DESC`, or a property QName). */
export function orderBySql(orderBy: unknown, params: unknown[]): string {
  return orderKeys(orderBy, params).map((k) => `${k.sql} ${k.dir}`).join(', ');
}

/**
 * How an order can be sought: an optional leading two-valued key (folders first), then keys
 * of never-NULL columns all in one direction. Each value of the leading key is a run of the
 * order walked on its own, its length counted; undefined when the order is not of this form.
 */
function seekOrder(keys: OrderKey[]): { lead?: OrderKey; rest: OrderKey[] } | undefined {
  const lead = keys[0].sql === 'is_folder' || keys[0].sql === 'is_file' ? keys[0] : undefined;
  const rest = lead ? keys.slice(1) : keys;
  const one = rest.every((k) => k.seekable && k.dir === rest[0].dir);
  return rest.length > 0 && one ? { lead, rest } : undefined;
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

/** The count of changes to the children of `parentId` (parent_versions, kept by triggers). */
export function parentVersion(db: Repository['db'], parentId: string): string {
  const v = db.prepare('SELECT v FROM parent_versions WHERE parent_id = ?').pluck()
    .get(parentId) as number | undefined;
  return String(v ?? 0);
}

/**
 * One page of the primary children of `parent` the caller may read. Children without a
 * local ACL inherit the parent's permissions, so only the few with a local ACL (or created by
 * the caller) are checked one by one: this keeps a page over 100 000 children a pair of indexed
 * queries. A deep page of an order that can be sought starts from the nearest kept position
 * (every CHILDREN_LIMITS.bookmark-th child's sort key, kept while the parent's children are
 * unchanged) instead of stepping over every earlier child.
 */
export function listChildren(
  repo: Repository,
  c: Caller,
  parent: NodeRow,
  q: { where?: unknown; orderBy?: unknown; paging: Paging },
): { rows: NodeRow[]; total: number } {
  const db = repo.db;
  const whereParams: unknown[] = [];
  const whereConds = childrenWhereSql(repo, q.where, whereParams);
  const params: unknown[] = [parent.id, ...whereParams];
  const conds = ['parent_id = ?', ...whereConds];
  // The children that match `extra` too, as counted from child_counts less the hidden ones.
  let count = (extra: string[]): number =>
    countChildren(db, parent.id, [...whereConds, ...extra], whereParams);
  const base = { conds: [...conds], params: [...params] }; // before Read's condition is added
  const countOf = (extra: string[], condParams: unknown[]): number =>
    (db.prepare(`SELECT COUNT(*) AS n FROM nodes WHERE ${[...base.conds, ...extra]
      .join(' AND ')}`).get(...base.params, ...condParams) as { n: number }).n;
  if (!c.perms.isAdmin) {
    // Two index ranges (nodes_parent_acl, nodes_parent_creator), not a scan of the children.
    const local = db
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
      const cond = 'id IN (SELECT value FROM json_each(?))';
      count = (extra) => countOf([cond, ...extra], [shown]);
      conds.push(cond);
      params.push(shown);
    } else if (hidden.length) {
      const cond = `id IN (${hidden.map(() => '?').join(',')})`;
      const counted = count;
      count = (extra) => counted(extra) - countOf([cond, ...extra], hidden);
      conds.push(`NOT ${cond}`);
      params.push(...hidden);
    }
  }
  const total = count([]);
  const orderParams: unknown[] = [];
  const keys = orderKeys(q.orderBy, orderParams);
  const seek = seekOrder(keys);
  const { skipCount, maxItems } = q.paging;
  const rowsOf = (raw: unknown[]): NodeRow[] =>
    repo.rows.fromRawRows(raw as Parameters<typeof repo.rows.fromRawRows>[0]);
  if (!seek || skipCount < CHILDREN_LIMITS.seekFrom) {
    const raw = db
      .prepare(`SELECT * FROM nodes WHERE ${conds.join(' AND ')} ORDER BY ${keys.map((k) =>
        `${k.sql} ${k.dir}`).join(', ')} LIMIT ? OFFSET ?`)
      .all(...params, ...orderParams, maxItems, skipCount);
    return { rows: rowsOf(raw), total };
  }
  // Each run of the leading key (folders, then the rest) is walked on its own, from its count.
  const { lead, rest } = seek;
  const runs = lead ? (lead.dir === 'DESC' ? [1, 0] : [0, 1]).map((v) => `${lead.sql} = ${v}`)
    : [undefined];
  const version = parentVersion(db, parent.id);
  const raw: unknown[] = [];
  let skip = skipCount;
  for (const run of runs) {
    if (raw.length === maxItems) break;
    const size = run ? count([run]) : total;
    if (skip >= size) {
      skip -= size;
      continue;
    }
    const walk: OrderedWalk = { from: 'nodes', where: [...conds, ...(run ? [run] : [])]
      .join(' AND '), params, columns: rest.map((k) => k.sql), dir: rest[0].dir };
    const marks = skip >= CHILDREN_LIMITS.seekFrom
      ? seekMarks(db, walk, version, CHILDREN_LIMITS.bookmark)
      : undefined;
    raw.push(...seekPage(db, walk, '*', marks, skip, maxItems - raw.length));
    skip = 0;
  }
  return { rows: rowsOf(raw), total };
}
