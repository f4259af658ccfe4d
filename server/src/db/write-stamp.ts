import type { Db } from './database.js';

/**
 * A stamp that changes whenever anything is written to the database: this connection's
 * total_changes() and the file's data_version (which moves on writes of other connections).
 * Answers derived from the data (a COUNT, an ordered list of search matches) may be kept with
 * it and reused while it is unchanged. Undefined inside a transaction: what a transaction has
 * written may still roll back, so nothing read there may be kept.
 */
export function writeStamp(db: Db): string | undefined {
  if (db.inTransaction) return undefined;
  const changes = (db.prepare('SELECT total_changes() AS t').get() as { t: number }).t;
  return `${changes}:${db.pragma('data_version', { simple: true }) as number}`;
}
