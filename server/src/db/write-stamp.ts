import type { Db } from './database.js';

/**
 * A stamp of the data that searches, listings and Read depend on: the `generation` count,
 * which triggers raise on every committed row change of nodes, properties, aspects,
 * associations, permissions, people, groups and memberships, by any connection (database.ts).
 * Appends to the access log and tickets do not move it. Answers derived from that data (a
 * COUNT, the ordered matches of a search, a caller's Read condition) may be kept with the
 * stamp and reused while it is unchanged. Undefined inside a transaction: what a transaction
 * has written may still roll back, so nothing read there may be kept.
 */
export function writeStamp(db: Db): string | undefined {
  if (db.inTransaction) return undefined;
  return String((db.prepare('SELECT n FROM generation WHERE id = 1').get() as { n: number }).n);
}
