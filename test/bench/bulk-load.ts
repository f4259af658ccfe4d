/**
 * Bulk loading for benchmarks only (issue 20: a million recordings in a few minutes). Rows are
 * still written by server/'s own `NodeRows.insert`, so they are what a create writes; what
 * changes is the work around them, the way a database restore is done:
 * - the secondary indexes and triggers of `nodes`, `node_props` and `aspects` are dropped and
 *   created again afterwards from their own stored SQL (sqlite_master), so each index is built
 *   once by sorting instead of by millions of random B-tree inserts (ids are random UUIDs);
 * - what the triggers maintain is rebuilt: `generation` is raised once (any kept search result
 *   is stale), child_counts is counted again, type_versions raised, and node_props' copied node_type/node_modified
 *   are written by NodeRows itself;
 * - no journal, no fsync, no foreign-key checks, a large page cache, during the load only.
 * server/ never runs this; its data dir is left in WAL mode with synchronous=FULL as opened.
 */
import { recountChildren, type Db } from '../../server/src/db/database.js';

const TABLES = ['nodes', 'node_props', 'aspects'];

/** Runs `fill(commit)` with indexes and triggers off; `commit()` ends one large transaction. */
export function bulkLoad(db: Db, fill: (commit: () => void) => void): { rebuildMs: number } {
  const saved = db
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN
      (${TABLES.map(() => '?').join(',')}) AND type IN ('index', 'trigger') AND sql IS NOT NULL`)
    .all(...TABLES) as { type: string; name: string; sql: string }[];
  // Unique indexes are kept: they check what the server checks (a unique name per parent).
  const dropped = saved.filter((o) => o.type === 'trigger' || !/^CREATE UNIQUE/i.test(o.sql));
  db.pragma('wal_checkpoint(TRUNCATE)');
  // SQLite leaves WAL only for DELETE (any other mode is refused silently), then OFF.
  db.pragma('journal_mode = DELETE');
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -524288'); // 512 MiB
  db.pragma('temp_store = FILE');
  for (const o of dropped) db.exec(`DROP ${o.type.toUpperCase()} ${o.name}`);
  let rebuildMs = 0;
  db.exec('BEGIN');
  try {
    fill(() => {
      db.exec('COMMIT');
      db.exec('BEGIN');
    });
    db.exec('COMMIT');
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    const started = Date.now();
    for (const o of dropped) db.exec(o.sql);
    // The triggers were off: count the children again, and the load as one change of the data.
    recountChildren(db);
    db.exec('UPDATE type_versions SET v = v + 1');
    db.exec('UPDATE generation SET n = n + 1 WHERE id = 1');
    db.exec('PRAGMA analysis_limit = 1000; ANALYZE;');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    db.pragma('journal_mode = WAL');
    rebuildMs = Date.now() - started;
  }
  return { rebuildMs };
}
