import type { Db } from './database.js';

/**
 * Values computed from a database, kept per connection under a key with the version of the
 * data they were computed from (a write stamp or a count raised by triggers): a value is used
 * again only while its version is unchanged. At most `max` per connection (all dropped then).
 */
export class KeptValues<T> {
  private readonly byDb = new WeakMap<Db, Map<string, { version: string; value: T }>>();

  constructor(private readonly max: number) {}

  /** The value kept under `key` at `version`, else `compute()`'s (not kept without a version). */
  get(db: Db, key: string, version: string | undefined, compute: () => T): T {
    if (version === undefined) return compute();
    let kept = this.byDb.get(db);
    if (!kept) this.byDb.set(db, (kept = new Map()));
    const hit = kept.get(key);
    if (hit && hit.version === version) return hit.value;
    const value = compute();
    if (kept.size >= this.max) kept.clear();
    kept.set(key, { version, value });
    return value;
  }
}
