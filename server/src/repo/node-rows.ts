import type { Db } from '../db/database.js';
import type { PropValue } from '../model/property-values.js';
import { parseIsoDate } from '../model/property-values.js';
import type { PropMap } from '../model/node-properties.js';
import type { Statement } from 'better-sqlite3';

/**
 * The write path's statements, prepared once per connection: preparing costs about as much
 * as running them (a create runs four), and NodeRows is constructed per call in the rules.
 */
const statements = new WeakMap<Db, Map<string, Statement>>();

function cached(db: Db, sql: string): Statement {
  let byDb = statements.get(db);
  if (!byDb) statements.set(db, (byDb = new Map()));
  let st = byDb.get(sql);
  if (!st) byDb.set(sql, (st = db.prepare(sql)));
  return st;
}

/** Content facts of a file node. */
export interface ContentRef {
  sha256: string;
  size: number;
  mimeType: string;
  encoding: string;
}

/** A lock held on a node. */
export interface LockInfo {
  owner: string;
  type: 'ALLOW_OWNER_CHANGES' | 'FULL';
  expiresAt: number | null;
}

/** One node as stored. */
export interface NodeRow {
  id: string;
  type: string;
  parentId: string | null;
  name: string;
  isFolder: boolean;
  isFile: boolean;
  createdAt: number;
  createdBy: string;
  modifiedAt: number;
  modifiedBy: string;
  props: PropMap;
  aspects: string[];
  content: ContentRef | null;
  inherit: boolean;
  aclLocal: boolean;
  lock: LockInfo | null;
}

interface RawRow {
  id: string;
  type: string;
  parent_id: string | null;
  name: string;
  is_folder: number;
  is_file: number;
  created_at: number;
  created_by: string;
  modified_at: number;
  modified_by: string;
  props: string;
  content_hash: string | null;
  content_size: number | null;
  content_mime: string | null;
  content_encoding: string | null;
  inherit: number;
  acl_local: number;
  lock_owner: string | null;
  lock_type: string | null;
  lock_expires: number | null;
}

/** Converts a raw SQLite row; aspects are loaded separately. */
export function fromRaw(r: RawRow, aspects: string[]): NodeRow {
  return {
    id: r.id,
    type: r.type,
    parentId: r.parent_id,
    name: r.name,
    isFolder: r.is_folder === 1,
    isFile: r.is_file === 1,
    createdAt: r.created_at,
    createdBy: r.created_by,
    modifiedAt: r.modified_at,
    modifiedBy: r.modified_by,
    props: JSON.parse(r.props) as PropMap,
    aspects,
    content: r.content_hash
      ? {
          sha256: r.content_hash,
          size: r.content_size ?? 0,
          mimeType: r.content_mime ?? 'application/octet-stream',
          encoding: r.content_encoding ?? 'UTF-8',
        }
      : null,
    inherit: r.inherit === 1,
    aclLocal: r.acl_local === 1,
    lock: r.lock_owner
      ? {
          owner: r.lock_owner,
          type: (r.lock_type ?? 'ALLOW_OWNER_CHANGES') as LockInfo['type'],
          expiresAt: r.lock_expires,
        }
      : null,
  };
}

/** Low-level node persistence; callers run it inside their own transaction. */
export class NodeRows {
  constructor(private readonly db: Db) {}

  /** A node by id, or undefined. */
  get(id: string): NodeRow | undefined {
    const r = this.db.prepare('SELECT * FROM nodes WHERE id = ?').get(id) as RawRow | undefined;
    return r ? fromRaw(r, this.aspectsOf(id)) : undefined;
  }

  /** The nodes of `ids` that exist, in the order of `ids` (two queries, not two per node). */
  getMany(ids: readonly string[]): NodeRow[] {
    if (ids.length === 0) return [];
    const raw = this.db
      .prepare(`SELECT * FROM nodes WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as RawRow[];
    const byId = new Map(this.fromRawRows(raw).map((n) => [n.id, n]));
    return ids.map((id) => byId.get(id)).filter((n): n is NodeRow => n !== undefined);
  }

  /** Many nodes from raw rows, loading aspects in one query. */
  fromRawRows(rows: RawRow[]): NodeRow[] {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const asp = new Map<string, string[]>();
    const q = this.db.prepare(
      `SELECT node_id, aspect FROM aspects WHERE node_id IN (${ids.map(() => '?').join(',')})
      ORDER BY aspect`,
    );
    for (const a of q.all(...ids) as { node_id: string; aspect: string }[]) {
      const l = asp.get(a.node_id) ?? [];
      l.push(a.aspect);
      asp.set(a.node_id, l);
    }
    return rows.map((r) => fromRaw(r, asp.get(r.id) ?? []));
  }

  /** The aspects applied to a node. */
  aspectsOf(id: string): string[] {
    return (
      this.db.prepare('SELECT aspect FROM aspects WHERE node_id = ? ORDER BY aspect').all(id) as {
        aspect: string;
      }[]
    ).map((a) => a.aspect);
  }

  /** The child of `parentId` named `name` (case-insensitive, as ACS), or undefined. */
  childByName(parentId: string, name: string): NodeRow | undefined {
    const r = this.db
      .prepare('SELECT * FROM nodes WHERE parent_id = ? AND lower(name) = lower(?)')
      .get(parentId, name) as RawRow | undefined;
    return r ? fromRaw(r, this.aspectsOf(r.id)) : undefined;
  }

  /** Ids of the primary children of a node. */
  childIds(parentId: string): string[] {
    return (
      this.db.prepare('SELECT id FROM nodes WHERE parent_id = ?').all(parentId) as { id: string }[]
    ).map((r) => r.id);
  }

  /** Inserts a new node with its aspects and property index. */
  insert(n: NodeRow): void {
    cached(
      this.db,
      `INSERT INTO nodes (id, type, parent_id, name, is_folder, is_file, created_at,
      created_by, modified_at, modified_by, props, content_hash, content_size, content_mime,
      content_encoding, inherit, acl_local, lock_owner, lock_type, lock_expires)
      VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    ).run(
        n.id,
        n.type,
        n.parentId,
        n.name,
        n.isFolder ? 1 : 0,
        n.isFile ? 1 : 0,
        n.createdAt,
        n.createdBy,
        n.modifiedAt,
        n.modifiedBy,
        JSON.stringify(n.props),
        n.content?.sha256 ?? null,
        n.content?.size ?? null,
        n.content?.mimeType ?? null,
        n.content?.encoding ?? null,
        n.inherit ? 1 : 0,
        n.aclLocal ? 1 : 0,
        n.lock?.owner ?? null,
        n.lock?.type ?? null,
        n.lock?.expiresAt ?? null,
      );
    this.writeAspects(n.id, n.aspects);
    // A new id has no property rows yet (they cascade away with their node): nothing to delete.
    this.indexProps(n, false);
  }

  /** Rewrites every column of an existing node, its aspects and its property index. */
  update(n: NodeRow): void {
    this.db
      .prepare(
        `UPDATE nodes SET type=?, parent_id=?, name=?, is_folder=?, is_file=?,
      modified_at=?, modified_by=?, props=?, content_hash=?, content_size=?, content_mime=?,
      content_encoding=?, inherit=?, acl_local=?, lock_owner=?, lock_type=?, lock_expires=?
      WHERE id=?`,
      )
      .run(
        n.type,
        n.parentId,
        n.name,
        n.isFolder ? 1 : 0,
        n.isFile ? 1 : 0,
        n.modifiedAt,
        n.modifiedBy,
        JSON.stringify(n.props),
        n.content?.sha256 ?? null,
        n.content?.size ?? null,
        n.content?.mimeType ?? null,
        n.content?.encoding ?? null,
        n.inherit ? 1 : 0,
        n.aclLocal ? 1 : 0,
        n.lock?.owner ?? null,
        n.lock?.type ?? null,
        n.lock?.expiresAt ?? null,
        n.id,
      );
    this.db.prepare('DELETE FROM aspects WHERE node_id = ?').run(n.id);
    this.writeAspects(n.id, n.aspects);
    this.indexProps(n, true);
  }

  /** Deletes a node and (first) its primary descendants. */
  deleteTree(id: string): void {
    for (const c of this.childIds(id)) this.deleteTree(c);
    this.db.prepare('DELETE FROM nodes WHERE id = ?').run(id);
  }

  private writeAspects(id: string, aspects: string[]): void {
    const ins = cached(this.db, 'INSERT OR IGNORE INTO aspects (node_id, aspect) VALUES (?, ?)');
    for (const a of aspects) ins.run(id, a);
  }

  /** One row per value in node_props: text as is, numbers/booleans/dates also as numbers. */
  private indexProps(n: NodeRow, replace: boolean): void {
    const { id, type, props, modifiedAt: modified } = n;
    if (replace) cached(this.db, 'DELETE FROM node_props WHERE node_id = ?').run(id);
    const ins = cached(this.db, `INSERT INTO node_props (node_id, qname, v_text, v_num, node_type,
      node_modified) VALUES (?,?,?,?,?,?)`);
    for (const [k, v] of Object.entries(props)) {
      const values: PropValue[] = Array.isArray(v) ? (v as PropValue[]) : [v];
      for (const x of values) {
        if (x === null || x === undefined) continue;
        if (typeof x === 'number') ins.run(id, k, String(x), x, type, modified);
        else if (typeof x === 'boolean') ins.run(id, k, String(x), x ? 1 : 0, type, modified);
        else ins.run(id, k, String(x), dateNum(String(x)), type, modified);
      }
    }
  }
}

function dateNum(s: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(s)) return null;
  return parseIsoDate(s) ?? null;
}
