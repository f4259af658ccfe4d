import type { Db } from '../db/database.js';
import { KeptValues } from '../db/kept-values.js';
import { seekMarks, seekPage, type OrderedWalk } from '../db/seek-marks.js';
import { writeStamp } from '../db/write-stamp.js';
import { badRequest } from '../http/errors.js';
import { isPrefixedQName } from '../model/names.js';
import type { Caller, Repository } from '../repo/repository.js';
import { excludedOf, readFilter, typeTotal } from './read-filter.js';
import type { SearchFrom } from './search-plan.js';
import { keptIds, MAX_KEPT_IDS, orderedMatches } from './search-results.js';

const SORT_COLUMNS: Record<string, string> = {
  'cm:name': 'n.name COLLATE NOCASE',
  name: 'n.name COLLATE NOCASE',
  'cm:created': 'n.created_at',
  'cm:modified': 'n.modified_at',
  'cm:content.size': 'n.content_size',
  'cm:creator': 'n.created_by',
  'cm:modifier': 'n.modified_by',
  TYPE: 'n.type',
};

/** One key of a search's `sort`: a column of `nodes` or a property (QName). */
export type SortKey =
  | { column: string; ascending: boolean }
  | { property: string; ascending: boolean };

/** Validates the search API `sort` list; SCORE and DOCUMENT sorts are no-ops (one score). */
export function parseSort(sort: unknown): SortKey[] {
  if (sort === undefined) return [];
  if (!Array.isArray(sort) || sort.length > 5) throw badRequest('sort must be an array');
  const out: SortKey[] = [];
  for (const s of sort as Record<string, unknown>[]) {
    if (typeof s !== 'object' || s === null) throw badRequest('Invalid sort entry');
    const type = s.type ?? 'FIELD';
    if (s.ascending !== undefined && typeof s.ascending !== 'boolean')
      throw badRequest('ascending must be a boolean');
    const ascending = s.ascending === true;
    if (type === 'SCORE' || type === 'DOCUMENT') continue; // every row scores the same here
    if (type !== 'FIELD' || typeof s.field !== 'string') throw badRequest('Invalid sort entry');
    const column = SORT_COLUMNS[s.field];
    if (column) out.push({ column, ascending });
    else if (isPrefixedQName(s.field)) out.push({ property: s.field, ascending });
    else throw badRequest(`Invalid sort field: ${s.field}`);
  }
  return out;
}

const dirOf = (k: SortKey): string => (k.ascending ? 'ASC' : 'DESC');

/**
 * ORDER BY for the keys. Nodes without a sorted property come last in either direction (as
 * Elasticsearch's default `missing: _last`); the property the query is driven from is read
 * from the joined index row `d`. Ties are broken by id in the last key's direction, so that an
 * index in that order can serve the whole ORDER BY. No keys: most recently modified first.
 */
function orderSql(keys: SortKey[], params: unknown[], driver?: string): string {
  // The driving row carries the node's modified_at (node_props.node_modified).
  if (keys.length === 0)
    return driver ? 'd.node_modified DESC, n.id DESC' : 'n.modified_at DESC, n.id DESC';
  const out: string[] = [];
  for (const k of keys) {
    if ('column' in k) out.push(`${k.column} ${dirOf(k)}`);
    else if (k.property === driver) out.push(`COALESCE(d.v_num, d.v_text) ${dirOf(k)}`);
    else {
      const value = `(SELECT COALESCE(p.v_num, p.v_text) FROM node_props p INDEXED BY
        node_props_node_qname WHERE p.node_id = n.id AND p.qname = ? LIMIT 1)`;
      params.push(k.property, k.property);
      out.push(`${value} IS NULL, ${value} ${dirOf(k)}`);
    }
  }
  out.push(`n.id ${dirOf(keys[keys.length - 1])}`);
  return out.join(', ');
}

/** How a search is run (specs lower them to run every path on a few hundred nodes). */
export const SEARCH_LIMITS = {
  /**
   * A search driven from at most this many index rows reads its matches in one pass and keeps
   * them for its pages (half of what search-results.ts keeps, so that two such results fit);
   * a larger or undriven query is counted and paged in SQL instead. Paged in SQL, a driven
   * search counts its matches (a pass) and every page sorts them again (another): at a million
   * recordings 320–430 ms a page for a term of 183 000 rows, where the kept matches make the
   * next pages slices and the first one a single pass (issue 20).
   */
  materialise: MAX_KEPT_IDS / 2,
  /**
   * Pages of a property walk up to this offset are cut by SQLite's LIMIT (a few ms); deeper
   * ones read the whole order once and keep it, as `orderedMatches` does.
   */
  walk: 5_000,
  /** Longest list of hidden nodes passed to SQLite as Read (beyond it Read is tested per row). */
  exclusion: 20_000,
  /**
   * An index-only walk keeps the sort key of every this-many-th entry, so a deep page seeks
   * to the nearest one and skips fewer than this many entries (not up to a million).
   */
  bookmark: 1_000,
};

/** The query part of a search: FROM plan, WHERE and its parameters (FROM's first). */
export interface SearchQuery {
  plan: SearchFrom;
  /** When the query (and its filter queries) are only TYPE terms: the types they allow. */
  types?: string[];
  where: string;
  params: unknown[];
  sort: SortKey[];
  skipCount: number;
  maxItems: number;
}

/** The ids of one page in order, and how many matches the caller may read in all. */
export function searchPage(
  repo: Repository,
  c: Caller,
  q: SearchQuery,
): { ids: string[]; total: number } {
  return q.plan.rows <= SEARCH_LIMITS.materialise ? keptPage(repo, c, q) : sqlPage(repo, c, q);
}

/**
 * Every match read once in sort order, with Read as a SQL condition for a non-admin caller,
 * and kept for the next pages of the same search (per caller: the condition is part of it).
 */
function keptPage(repo: Repository, c: Caller, q: SearchQuery): { ids: string[]; total: number } {
  const read = c.perms.isAdmin ? undefined : readFilter(repo, c, SEARCH_LIMITS.exclusion);
  const orderParams: unknown[] = [];
  const order = orderSql(q.sort, orderParams, q.plan.driver);
  const distinct = q.plan.distinct ? 'DISTINCT ' : '';
  let where = read ? `${q.where} AND ${read.sql}` : q.where;
  let sql = `SELECT ${distinct}n.id FROM ${q.plan.from} WHERE ${where} ORDER BY ${order}`;
  // A query that needs no column of nodes but the id (TYPE read from the driving row, other
  // terms as id sets, Read as an exclusion list, sorted on the driving property) reads the
  // driving index alone, with no node lookup per match.
  const driverOnly = q.plan.driverOnly;
  if (driverOnly && !/\bn\.(?!id\b)/.test(`${where} ${order}`)) {
    const onDriver = (text: string): string => text.replace(/\bn\.id\b/g, 'd.node_id');
    where = onDriver(where);
    sql = `SELECT ${distinct}d.node_id FROM ${driverOnly.from} WHERE ${driverOnly.cond}
      AND ${where} ORDER BY ${onDriver(order)}`;
  }
  const ids = orderedMatches(repo.db, sql, [...q.params, ...(read?.params ?? []), ...orderParams]);
  return { ids: ids.slice(q.skipCount, q.skipCount + q.maxItems), total: ids.length };
}

/**
 * A page counted and cut in SQL, with Read as a SQL condition. A query sorted on one property
 * and not driven by a property term walks that property's index in order and stops after the
 * page (the first pages of 100 000 recordings sorted by start time read a few hundred index
 * rows); nodes without the property follow in id order.
 */
function sqlPage(repo: Repository, c: Caller, q: SearchQuery): { ids: string[]; total: number } {
  const db = repo.db;
  const read = c.perms.isAdmin ? undefined : readFilter(repo, c, SEARCH_LIMITS.exclusion);
  const where = read ? `${q.where} AND ${read.sql}` : q.where;
  const params = read ? [...q.params, ...read.params] : q.params;
  const distinct = q.plan.distinct ? 'DISTINCT ' : '';
  // A query of TYPE terms alone is counted from child_counts (kept by triggers) instead.
  const total = q.types !== undefined && q.plan.from === 'nodes n'
    ? typeTotal(db, c, q.types, read)
    : keptCount(db, `SELECT COUNT(${distinct}n.id) AS k FROM ${q.plan.from} WHERE ${where}`,
      params);
  const key = q.sort.length === 1 ? q.sort[0] : undefined;
  const walk = key && 'property' in key && q.plan.driver === undefined && !q.plan.distinct
    ? propertyWalk(repo, key.property)
    : undefined;
  if (!key || !('property' in key) || !walk || q.plan.from !== 'nodes n') {
    const orderParams: unknown[] = [];
    const order = orderSql(q.sort, orderParams, q.plan.driver);
    const ids = db
      .prepare(`SELECT ${distinct}n.id FROM ${q.plan.from} WHERE ${where} ORDER BY ${order}
        LIMIT ? OFFSET ?`)
      .pluck()
      .all(...params, ...orderParams, q.maxItems, q.skipCount) as string[];
    return { ids, total };
  }
  const dir = dirOf(key);
  // The walk: the property's index in (value, id) order. When the query is only TYPE terms
  // and Read is an exclusion list (or the caller is an administrator), the index entry holds
  // all the walk tests (node_type), so even a deep OFFSET is an index-only skip; otherwise
  // each walked entry joins its node for the WHERE.
  const indexOnly = q.types !== undefined && (!read || read.exclusion !== undefined);
  const walkFrom = indexOnly
    ? `node_props d INDEXED BY ${walk.index}`
    : `node_props d INDEXED BY ${walk.index} CROSS JOIN nodes n ON n.id = d.node_id`;
  let walkWhere = `d.qname = ?`;
  const walkParams: unknown[] = [key.property];
  if (indexOnly) {
    const types = q.types as string[];
    walkWhere += ` AND d.node_type IN (${types.map(() => '?').join(',')})`;
    walkParams.push(...types);
    // Only the excluded nodes of the walked types: a write that hides a node of another
    // type (a folder) leaves the walk, and the positions kept in it, as they were.
    const excluded = read ? excludedOf(read, types) : undefined;
    if (excluded && excluded.ids.length > 0) {
      walkWhere += ' AND d.node_id NOT IN (SELECT value FROM json_each(?))';
      walkParams.push(excluded.json);
    }
  } else {
    walkWhere += ` AND ${where}`;
    walkParams.push(...params);
  }
  const walkSql = `SELECT d.node_id FROM ${walkFrom} WHERE ${walkWhere}
      ORDER BY ${walk.column} ${dir}, d.node_id ${dir}`;
  const restSql = `SELECT n.id FROM nodes n WHERE ${where} AND NOT EXISTS (SELECT 1 FROM
      node_props p INDEXED BY node_props_node_qname WHERE p.node_id = n.id AND p.qname = ?)
      ORDER BY n.id ${dir}`;
  const deep = q.skipCount + q.maxItems > SEARCH_LIMITS.walk;
  if (!indexOnly && q.types === undefined && deep) {
    // Deep pages of a joined walk with other terms: the whole order once (kept until the data
    // changes), then slices of it.
    const ids = keptIds(db, `${walkSql}\u0000${restSql}\u0000${JSON.stringify(params)}`, () => [
      ...(db.prepare(walkSql).pluck().all(...walkParams) as string[]),
      ...(db.prepare(restSql).pluck().all(...params, key.property) as string[]),
    ]);
    return { ids: ids.slice(q.skipCount, q.skipCount + q.maxItems), total };
  }
  const ordered: OrderedWalk = { from: walkFrom, where: walkWhere, params: walkParams,
    columns: [walk.column, 'd.node_id'], dir: dir as OrderedWalk['dir'] };
  // A walk of TYPE terms alone depends on nothing but the property rows of those types and
  // what Read tests on their nodes (type_versions): it seeks deep pages from kept positions.
  // Index-only, they are kept from the first page; joined to nodes (Read per row: a node
  // lookup per entry, ~1 s a million), only once a page is deep.
  const marks = q.types !== undefined && (indexOnly || deep)
    ? seekMarks(db, ordered, typeVersion(db, q.types), SEARCH_LIMITS.bookmark)
    : undefined;
  const ids = seekPage(db, ordered, 'd.node_id AS id', marks, q.skipCount, q.maxItems)
    .map((r) => r.id as string);
  if (ids.length === q.maxItems) return { ids, total };
  // Past the nodes that have the property: those without it, in id order.
  const having = marks ? marks.count
    : keptCount(db, `SELECT COUNT(*) AS k FROM ${walkFrom} WHERE ${walkWhere}`, walkParams);
  const rest = db
    .prepare(`${restSql} LIMIT ? OFFSET ?`)
    .pluck()
    .all(
      ...params,
      key.property,
      q.maxItems - ids.length,
      Math.max(0, q.skipCount - having),
    ) as string[];
  return { ids: [...ids, ...rest], total };
}

/** The index and column a single-valued property's values are walked in order through. */
function propertyWalk(
  repo: Repository,
  qname: string,
): { index: string; column: string } | undefined {
  const prop = repo.model.property(qname)?.prop;
  if (!prop || prop.multiple) return undefined;
  // Numbers, dates and booleans are also stored as numbers (v_num), the rest as text.
  return prop.type === 'd:text' || prop.type === 'd:mltext' || prop.type === 'd:noderef' ||
    prop.type === 'd:qname' || prop.type === 'd:category'
    ? { index: 'node_props_text_node', column: 'd.v_text' }
    : { index: 'node_props_num_node', column: 'd.v_num' };
}

const counts = new KeptValues<number>(256);

/** A COUNT, shared by the pages of a search until the data changes (`writeStamp`). */
function keptCount(db: Db, sql: string, params: unknown[]): number {
  return counts.get(db, `${sql}\u0000${JSON.stringify(params)}`, writeStamp(db), () =>
    (db.prepare(sql).get(...params) as { k: number }).k);
}

/**
 * The version of the property rows of nodes of `types` (type_versions, raised by triggers):
 * marks kept in a walk of one type's property values stay valid while only other types
 * change (folders, requests, people), unlike `writeStamp`.
 */
function typeVersion(db: Db, types: string[]): string {
  return JSON.stringify(db.prepare(`SELECT type, v FROM type_versions WHERE type IN
    (SELECT value FROM json_each(?)) ORDER BY type`).raw().all(JSON.stringify(types)));
}
