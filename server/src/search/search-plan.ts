import type { Db } from '../db/database.js';
import type { AftsNode } from './afts-parser.js';
import type { SqlCondition } from './afts-sql.js';
import { writeStamp } from '../db/write-stamp.js';

const planCounts = new WeakMap<Db, Map<string, { stamp: number; k: number }>>();

/**
 * The number of index rows a property term reads, as a plan needs it: close, not exact. A
 * count taken since fewer row changes than 1% of it (`generation`, write-stamp.ts) is used
 * again, so a search after a write does not count its terms afresh: at a million recordings
 * counting one activity type reads ~170 000 index entries (issue 20). Results do not depend
 * on it; only which index drives the query and whether its matches are kept.
 */
function planCount(db: Db, sql: string, params: unknown[]): number {
  const run = (): number => (db.prepare(sql).get(...params) as { k: number }).k;
  const now = writeStamp(db);
  if (now === undefined) return run();
  const stamp = Number(now);
  let cache = planCounts.get(db);
  if (!cache) planCounts.set(db, (cache = new Map()));
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  const hit = cache.get(key);
  if (hit && stamp >= hit.stamp && stamp - hit.stamp <= Math.floor(hit.k / 100)) return hit.k;
  const k = run();
  if (cache.size >= 256) cache.clear();
  cache.set(key, { stamp, k });
  return k;
}

/** The FROM clause of a search and whether rows may repeat (multi-valued driver). */
export interface SearchFrom {
  from: string;
  params: unknown[];
  distinct: boolean;
  /**
   * The property the query is driven from, when each match is read once (single-valued):
   * its value is `d.v_num`/`d.v_text` of the joined row, so a sort on it needs no lookup.
   */
  driver?: string;
  /** Index rows the query is driven from (Infinity when it runs over every node). */
  rows: number;
  /**
   * The driving index alone (`FROM` and its condition, same parameters as `from`), for a
   * query that needs no column of `nodes` but the id: it then reads no node at all.
   */
  driverOnly?: { from: string; cond: string };
}

/**
 * Picks the FROM clause of a search from the top-level AND terms of the query and its filter
 * queries (`compiled`). A query whose top level ANDs indexable property terms is
 * driven from the most selective of them (counted on its (qname, value) index, a millisecond),
 * so a month of recordings among 100 000 is read as ~2 000 index entries rather than by
 * probing every node; otherwise the query runs over `nodes`.
 */
export function searchFrom(db: Db, compiled: SqlCondition[]): SearchFrom {
  const indexable = (c: SqlCondition | undefined): boolean =>
    c?.prop !== undefined && !/LIKE|lower\(/.test(c.prop.cond);
  const count = (c: SqlCondition): number => {
    const p = c.prop as NonNullable<SqlCondition['prop']>;
    return planCount(db, `SELECT COUNT(*) AS k FROM node_props p WHERE p.qname = ? AND ${p.cond}`,
      [p.qname, ...p.params]);
  };
  const counted = compiled.filter(indexable).map((c) => ({ c, n: count(c) }));
  let best: { c: SqlCondition; n: number } | undefined;
  for (const x of counted) if (!best || x.n < best.n) best = x;
  // Every other top-level property term (also under a top-level NOT) becomes an id set when
  // building it costs less than probing it once per row read (a set entry is ~8× cheaper).
  const read = best ? best.n : Infinity;
  const others = [
    ...counted.filter((x) => x !== best),
    ...compiled
      .map((c) => c.negated)
      .filter((c): c is SqlCondition => indexable(c))
      .map((c) => ({ c, n: count(c) })),
  ];
  for (const x of others) x.c.asSet = x.n <= 8 * read;
  if (!best) return { from: 'nodes n', params: [], distinct: false, rows: Infinity };
  const p = best.c.prop as NonNullable<SqlCondition['prop']>;
  best.c.implied = true; // the join below holds the term: the WHERE need not probe it again
  for (const c of compiled) if (c.types) c.onDriver = true; // tested on the driving row
  const index = /v_num/.test(p.cond) ? 'node_props_num_node' : 'node_props_text_node';
  const cond = `d.qname = ? AND ${p.cond.replace(/\bp\.v_/g, 'd.v_')}`;
  return {
    driverOnly: { from: `node_props d INDEXED BY ${index}`, cond },
    from: `node_props d INDEXED BY ${index} CROSS JOIN nodes n ON n.id = d.node_id AND ${cond}`,
    params: [p.qname, ...p.params],
    distinct: p.multiple,
    driver: p.multiple ? undefined : p.qname,
    rows: best.n,
  };
}

/** The top-level AND items of a query (the query itself when it is one term). */
export function topLevelTerms(root: AftsNode): AftsNode[] {
  return root.op === 'and' ? root.items : [root];
}

/**
 * The types a query allows when its top-level terms (and those of its filter queries) are
 * all TYPE/EXACTTYPE terms, as one list (their intersection); undefined otherwise.
 */
export function typesOnly(compiled: SqlCondition[]): string[] | undefined {
  let out: string[] | undefined;
  for (const c of compiled) {
    if (!c.types) return undefined;
    out = out === undefined ? [...c.types] : out.filter((t) => c.types?.includes(t));
  }
  return out;
}
