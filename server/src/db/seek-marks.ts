import type { Db } from './database.js';
import { KeptValues } from './kept-values.js';

/**
 * An ordered walk of rows: `columns` in one direction, the last one unique (an id), so that a
 * row's values of `columns` are its position. SQL pieces are trusted (built by the caller).
 */
export interface OrderedWalk {
  from: string;
  where: string;
  params: unknown[];
  columns: string[];
  dir: 'ASC' | 'DESC';
}

/** Every `every`-th key of a walk (1-based positions every, 2·every, …) and its size. */
export interface SeekMarks {
  every: number;
  keys: unknown[][];
  count: number;
  /** Rows with a NULL key (a seek by value would skip them; then the marks are not used). */
  nulls: number;
}

const kept = new KeptValues<SeekMarks>(64);

/**
 * The marks of `walk`, kept while `version` is unchanged (the caller's count of changes to what
 * the walk reads, raised by triggers in the writing transaction) and built in one pass of its
 * index otherwise (row_number over the walk's order). Never kept inside a transaction: a
 * version raised there may roll back and be raised again by other data (issue 20).
 */
export function seekMarks(db: Db, walk: OrderedWalk, version: string, every: number):
  SeekMarks | undefined {
  if (db.inTransaction) return undefined;
  const key = [walk.from, walk.where, walk.columns.join(), walk.dir, every,
    JSON.stringify(walk.params)].join('\u0000');
  return kept.get(db, key, version, () => buildMarks(db, walk, every));
}

/** Every `every`-th key of `walk`, its size and NULL keys, in one pass of its index. */
function buildMarks(db: Db, walk: OrderedWalk, every: number): SeekMarks {
  const cols = walk.columns.map((c, i) => `${c} AS k${i}`).join(', ');
  const keys = db.prepare(`SELECT ${walk.columns.map((_, i) => `k${i}`).join(', ')} FROM
    (SELECT ${cols}, row_number() OVER (ORDER BY ${orderOf(walk)}) AS rn FROM ${walk.from}
    WHERE ${walk.where}) WHERE rn % ? = 0`).raw().all(...walk.params, every) as unknown[][];
  const sizes = db.prepare(`SELECT COUNT(*), COALESCE(SUM(${walk.columns.map((c) =>
    `${c} IS NULL`).join(' OR ')}), 0) FROM ${walk.from} WHERE ${walk.where}`).raw()
    .get(...walk.params) as [number, number];
  return { every, keys, count: sizes[0], nulls: sizes[1] };
}

const orderOf = (walk: OrderedWalk): string =>
  walk.columns.map((c) => `${c} ${walk.dir}`).join(', ');

/**
 * Rows `skip` … `skip + limit` of the walk (selecting `select`, as objects), from the nearest
 * mark before them when there is one: the walk starts by an index range after that mark's key
 * instead of stepping over every earlier entry (SQLite's OFFSET), so a deep page costs what a
 * shallow one does. The range is written column by column (`a >= ? AND (a > ? OR b > ?)`)
 * rather than as a row value, which SQLite does not bound an index with when a column has a
 * collation.
 */
export function seekPage(db: Db, walk: OrderedWalk, select: string, marks: SeekMarks | undefined,
  skip: number, limit: number): Record<string, unknown>[] {
  const at = marks && marks.nulls === 0 ? Math.floor(skip / marks.every) : 0;
  const key = at > 0 ? marks!.keys[at - 1] : undefined;
  const after = key ? afterKey(walk.columns, walk.dir, key) : { sql: '1', params: [] };
  return db.prepare(`SELECT ${select} FROM ${walk.from} WHERE ${walk.where} AND ${after.sql}
    ORDER BY ${orderOf(walk)} LIMIT ? OFFSET ?`).all(...walk.params, ...after.params,
    limit, key ? skip - at * marks!.every : skip) as Record<string, unknown>[];
}

/** The rows after `key` in the order of `columns` (all in `dir`), as SQL and parameters. */
function afterKey(columns: string[], dir: 'ASC' | 'DESC', key: unknown[]):
  { sql: string; params: unknown[] } {
  const op = dir === 'ASC' ? '>' : '<';
  const [first, ...rest] = columns;
  if (rest.length === 0) return { sql: `${first} ${op} ?`, params: [key[0]] };
  const inner = afterKey(rest, dir, key.slice(1));
  return { sql: `${first} ${op}= ? AND (${first} ${op} ? OR ${inner.sql})`,
    params: [key[0], key[0], ...inner.params] };
}
