import type { Db } from '../db/database.js';
import { badRequest } from '../http/errors.js';

/** Kinds of favorite target, as `target/{kind}` of the ACS favorites API. */
export type FavoriteKind = 'file' | 'folder' | 'site';

/** One stored favorite. */
export interface FavoriteRow {
  nodeId: string;
  createdAt: number;
}

/**
 * Parses the `where` of `GET people/{id}/favorites`: EXISTS(target/file|folder|site) clauses
 * joined by OR, groups of them joined by AND, in parentheses, as ACS's FavouritesImpl accepts
 * (alfresco-community-repo 25.5.0.31, remote-api/…/rest/api/impl/FavouritesImpl.java:364-420:
 * "OR is supported", each EXISTS names a target type). ADF sends
 * `(EXISTS(target/file) OR EXISTS(target/folder))`, ACA's libraries `(EXISTS(target/site))`.
 * Returns the kinds a favorite may have; anything else is a 400.
 */
export function parseFavoritesWhere(where: unknown): Set<FavoriteKind> {
  const all = new Set<FavoriteKind>(['file', 'folder', 'site']);
  if (where === undefined || where === '') return all;
  if (typeof where !== 'string') throw badRequest('Invalid where');
  const bad = (): Error => badRequest(`Invalid where clause: ${where}`);
  const tokens = where.match(/EXISTS\s*\(\s*target\/\w+\s*\)|\(|\)|\bAND\b|\bOR\b|\S+/gi) ?? [];
  let result = all;
  let group: Set<FavoriteKind> | undefined;
  let expect: 'term' | 'op' = 'term';
  for (const t of tokens) {
    if (t === '(' || t === ')') continue;
    const exists = /^EXISTS\s*\(\s*target\/(\w+)\s*\)$/i.exec(t);
    if (exists) {
      if (expect !== 'term') throw bad();
      const kind = exists[1].toLowerCase();
      if (kind !== 'file' && kind !== 'folder' && kind !== 'site') throw bad();
      (group ??= new Set()).add(kind);
      expect = 'op';
    } else if (/^(AND|OR)$/i.test(t)) {
      if (expect !== 'op') throw bad();
      if (t.toUpperCase() === 'AND') {
        result = new Set([...result].filter((k) => group?.has(k)));
        group = undefined;
      }
      expect = 'term';
    } else {
      throw bad();
    }
  }
  if (expect !== 'op' || !group) throw bad();
  return new Set([...result].filter((k) => group?.has(k)));
}

/** The favorites of the users of one repository (table `favorites`). */
export class Favorites {
  constructor(private readonly db: Db) {}

  /** Whether `nodeId` is a favorite of `userId`. */
  has(userId: string, nodeId: string): boolean {
    return this.db.prepare('SELECT 1 FROM favorites WHERE user_id = ? AND node_id = ?')
      .get(userId, nodeId) !== undefined;
  }

  /** A user's favorite of one node, or undefined. */
  get(userId: string, nodeId: string): FavoriteRow | undefined {
    const r = this.db.prepare(`SELECT node_id, created_at FROM favorites
      WHERE user_id = ? AND node_id = ?`).get(userId, nodeId) as
      { node_id: string; created_at: number } | undefined;
    return r ? { nodeId: r.node_id, createdAt: r.created_at } : undefined;
  }

  /** A user's favorites whose node still exists (not in the trashcan), newest first. */
  list(userId: string): FavoriteRow[] {
    return (this.db.prepare(`SELECT f.node_id, f.created_at FROM favorites f
      JOIN nodes n ON n.id = f.node_id WHERE f.user_id = ? ORDER BY f.created_at DESC, f.node_id`)
      .all(userId) as { node_id: string; created_at: number }[])
      .map((r) => ({ nodeId: r.node_id, createdAt: r.created_at }));
  }

  /** Adds a favorite (kept as is when it exists, as ACS answers the existing one). */
  add(userId: string, nodeId: string, now: number): FavoriteRow {
    this.db.prepare(`INSERT OR IGNORE INTO favorites (user_id, node_id, created_at)
      VALUES (?, ?, ?)`).run(userId, nodeId, now);
    return this.get(userId, nodeId) as FavoriteRow;
  }

  /** Removes a favorite; whether there was one. */
  remove(userId: string, nodeId: string): boolean {
    return this.db.prepare('DELETE FROM favorites WHERE user_id = ? AND node_id = ?')
      .run(userId, nodeId).changes > 0;
  }

  /** Forgets every favorite of nodes that no longer exist anywhere (purge). */
  forgetNodes(nodeIds: readonly string[]): void {
    this.db.prepare('DELETE FROM favorites WHERE node_id IN (SELECT value FROM json_each(?))')
      .run(JSON.stringify(nodeIds));
  }
}
