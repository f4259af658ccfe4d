import type { Db } from '../db/database.js';
import { writeStamp } from '../db/write-stamp.js';

/** Results kept at most, and ids kept at most over all of them (about 100 bytes each). */
const MAX_RESULTS = 64;
export const MAX_KEPT_IDS = 400_000;

interface Kept {
  stamp: string;
  ids: string[];
}

const kept = new WeakMap<Db, Map<string, Kept>>();

/**
 * Runs `sql` (selecting node ids in sort order) once and returns them all. A search's pages
 * ask the same query with another skipCount: the ordered ids are kept (least recently used
 * first out) until the data they come from changes (`writeStamp`), so the next pages of a
 * result cost a slice, not another pass over every match.
 */
export function orderedMatches(db: Db, sql: string, params: unknown[]): string[] {
  return keptIds(db, `${sql}\u0000${JSON.stringify(params)}`, () =>
    db
      .prepare(sql)
      .pluck()
      .all(...params) as string[],
  );
}

/** The ids `read` returns, kept under `key` as `orderedMatches` keeps a query's. */
export function keptIds(db: Db, key: string, read: () => string[]): string[] {
  const stamp = writeStamp(db);
  let cache = kept.get(db);
  if (!cache) kept.set(db, (cache = new Map()));
  const hit = cache.get(key);
  cache.delete(key); // re-inserted below as the most recently used
  if (hit && hit.stamp === stamp) {
    cache.set(key, hit);
    return hit.ids;
  }
  const ids = read();
  if (stamp === undefined || ids.length > MAX_KEPT_IDS) return ids;
  cache.set(key, { stamp, ids });
  let total = 0;
  for (const k of cache.values()) total += k.ids.length;
  for (const [k, v] of cache) {
    if (cache.size <= MAX_RESULTS && total <= MAX_KEPT_IDS) break;
    cache.delete(k);
    total -= v.ids.length;
  }
  return ids;
}
