import type { Db } from '../db/database.js';
import { KeptValues } from '../db/kept-values.js';
import { writeStamp } from '../db/write-stamp.js';
import { parentVersion } from '../repo/children-query.js';
import type { Caller, Repository } from '../repo/repository.js';

// Read as a SQL condition for searches (search-pages.ts), by the rule of PermissionChecker,
// with the short lists it is built from, and the counts of what it lets a caller read.

/** Whether the caller reads a child of `parentId` without a local ACL made by someone else. */
function childrenReadable(repo: Repository, c: Caller, parentId: string): boolean {
  const parent = repo.rows.get(parentId);
  return parent !== undefined && c.perms.hasOnChildren(parent, 'Read');
}

/** Read as SQL over `nodes n`, and as the list of nodes it excludes when that list is short. */
export interface ReadFilter {
  sql: string;
  params: unknown[];
  /** The nodes the caller may not read, when at most exclusionLimit; else undefined. */
  exclusion?: string[];
  /** The type of each node of `exclusion`. */
  exclusionTypes: Map<string, string>;
  /** `excludedOf`'s answers under this filter, by types. */
  excluded: Map<string, { ids: string[]; json: string }>;
  /** Parents whose children without a local ACL the caller may not read. */
  hiddenParents: string[];
  /** Nodes decided one by one (local ACL, no parent, viewing request) that the caller reads. */
  readableOwn: string[];
  /** Those the caller may not read. */
  hiddenOwn: string[];
  /** typeTotal's answers under this filter, by types: valid while the filter is. */
  totals: Map<string, number>;
}

const filters = new KeptValues<ReadFilter>(64);

/**
 * Read as a SQL condition over `nodes n`, by the same rule as PermissionChecker: the caller's
 * own nodes (owner); nodes without a local ACL under a parent the caller may read; nodes with
 * a local ACL (or no parent), each decided on its own. Parents and local-ACL nodes are few
 * against the nodes they hold (folders against recordings), so their verdicts are taken once
 * per caller until the data changes. The nodes they hide are usually few too: then Read is
 * `n.id NOT IN (that list)`, which an index answers without reading node rows.
 */
export function readFilter(repo: Repository, c: Caller, exclusionLimit: number): ReadFilter {
  // The limit is part of the key: specs lower it to run both forms on the same data.
  return filters.get(repo.db, `${c.userId}\u0000${exclusionLimit}`, writeStamp(repo.db),
    () => buildFilter(repo, c, exclusionLimit));
}

function buildFilter(repo: Repository, c: Caller, exclusionLimit: number): ReadFilter {
  const db = repo.db;
  // Both lists come from small tables or indexes (child_counts, nodes_local_acl), not from a
  // pass over every node: at a million recordings that pass cost ~0.3 s after each write.
  const parents = db
    .prepare("SELECT DISTINCT parent_id FROM child_counts WHERE parent_id <> ''")
    .pluck()
    .all() as string[];
  const hiddenParents = parents.filter((id) => !childrenReadable(repo, c, id));
  const own = db
    .prepare(`SELECT id FROM nodes INDEXED BY nodes_local_acl
      WHERE acl_local = 1 OR parent_id IS NULL`)
    .pluck()
    .all() as string[];
  // Viewing requests are read by their parties and deciders only (issue 16, R24.1): each one
  // is tested like a node with a local ACL.
  const requests = db
    .prepare(`SELECT id FROM nodes INDEXED BY nodes_type_created WHERE type = 'efr:accessRequest'
      AND acl_local = 0`)
    .pluck()
    .all() as string[];
  own.push(...requests);
  const readableOwn: string[] = [];
  const hiddenOwn: string[] = [];
  const exclusionTypes = new Map<string, string>();
  for (const id of own) {
    const n = repo.rows.get(id);
    if (n && c.perms.has(n, 'Read')) readableOwn.push(id);
    else {
      hiddenOwn.push(id);
      if (n) exclusionTypes.set(id, n.type);
    }
  }
  const lists = { hiddenParents, readableOwn, hiddenOwn, exclusionTypes,
    totals: new Map<string, number>(), excluded: new Map() };
  // The hidden parents' children are listed only when the list stays short (counted first).
  const hp = JSON.stringify(hiddenParents);
  const many = hiddenOwn.length + hiddenChildCount(db, hp, c.userId, undefined) >
    exclusionLimit;
  const hiddenChildren = many ? []
    : hiddenParents.flatMap((p) => hiddenChildrenOf(db, p, c.userId));
  for (const [id, type] of hiddenChildren) exclusionTypes.set(id, type);
  const exclusion = [...hiddenOwn, ...hiddenChildren.map(([id]) => id)];
  return !many
    ? exclusion.length === 0
      ? { sql: '1', params: [], exclusion, ...lists }
      : { sql: 'n.id NOT IN (SELECT value FROM json_each(?))', params: [JSON.stringify(exclusion)],
        exclusion, ...lists }
    : {
        ...lists,
        sql: `(n.created_by = ? AND n.type <> 'efr:accessRequest' OR (n.acl_local = 0
          AND n.type <> 'efr:accessRequest' AND n.parent_id IS NOT NULL AND n.parent_id
          NOT IN (SELECT value FROM json_each(?))) OR n.id IN (SELECT value FROM json_each(?)))`,
        params: [c.userId, JSON.stringify(hiddenParents), JSON.stringify(readableOwn)],
      };
}

const childLists = new KeptValues<[string, string][]>(256);

/**
 * The children of `parentId` without a local ACL and not made by `user` (id and type): what
 * Read hides of a parent the user may not read. Kept while the parent's children are
 * unchanged (parent_versions, raised by triggers on their parent, creator and local ACL), so
 * a write elsewhere does not list 10 000 hidden recordings again; never kept inside a
 * transaction (a version raised there may roll back).
 */
function hiddenChildrenOf(db: Db, parentId: string, user: string): [string, string][] {
  const read = (): [string, string][] => db.prepare(`SELECT id, type FROM nodes INDEXED BY
    nodes_parent_acl WHERE parent_id = ? AND acl_local = 0 AND created_by != ?`).raw()
    .all(parentId, user) as [string, string][];
  return childLists.get(db, `${parentId}\u0000${user}`,
    db.inTransaction ? undefined : parentVersion(db, parentId), read);
}

/** The excluded nodes of `types` (each once), and as JSON: kept with the filter. */
export function excludedOf(read: ReadFilter, types: string[]): { ids: string[]; json: string } {
  const key = JSON.stringify(types);
  let hit = read.excluded.get(key);
  if (!hit) {
    const want = new Set(types);
    const ids = [...new Set(read.exclusion ?? [])]
      .filter((id) => want.has(read.exclusionTypes.get(id) ?? ''));
    hit = { ids, json: JSON.stringify(ids) };
    read.excluded.set(key, hit);
  }
  return hit;
}

/** The children of the hidden parents (JSON list) without a local ACL and not made by `user`,
 * of the given types (all when undefined): from child_counts less the few exceptions. */
function hiddenChildCount(db: Db, hiddenParents: string, user: string,
  types: string[] | undefined): number {
  const typeCond = types ? 'AND type IN (SELECT value FROM json_each(?))' : '';
  const typeParams = types ? [JSON.stringify(types)] : [];
  const all = (db.prepare(`SELECT COALESCE(SUM(n), 0) FROM child_counts WHERE parent_id IN
    (SELECT value FROM json_each(?)) ${typeCond}`).pluck().get(hiddenParents, ...typeParams)) as
    number;
  const local = db.prepare(`SELECT COUNT(*) FROM nodes INDEXED BY nodes_parent_acl WHERE
    parent_id IN (SELECT value FROM json_each(?)) AND acl_local = 1 ${typeCond}`).pluck()
    .get(hiddenParents, ...typeParams) as number;
  const mine = db.prepare(`SELECT COUNT(*) FROM nodes INDEXED BY nodes_parent_creator WHERE
    parent_id IN (SELECT value FROM json_each(?)) AND created_by = ? AND acl_local = 0
    ${typeCond}`).pluck().get(hiddenParents, user, ...typeParams) as number;
  return all - local - mine;
}

const REQUEST = 'efr:accessRequest';

/**
 * How many nodes of `types` the caller reads, from child_counts and the read filter's short
 * lists: the same answer as COUNT over `nodes` with the filter's SQL, without reading a
 * million rows after every write (issue 20). With an exclusion list: every node of the types
 * less the listed ones. Otherwise, by the filter's rule: the nodes under a parent (no local
 * ACL, not a viewing request) less those under hidden parents not made by the caller, plus
 * the readable ones decided one by one, plus the caller's own among the others.
 */
export function typeTotal(db: Db, c: Caller, types: string[], read: ReadFilter | undefined): number {
  const json = JSON.stringify;
  const all = db.prepare(`SELECT COALESCE(SUM(n), 0) FROM child_counts WHERE type IN
    (SELECT value FROM json_each(?))`).pluck().get(json(types)) as number;
  if (!read) return all;
  // Counted once per filter (kept until the data changes): 10 000 hidden ids cost ~9 ms.
  const kept = read.totals.get(json(types));
  if (kept !== undefined) return kept;
  const total = readTotal(db, c, types, read, all);
  read.totals.set(json(types), total);
  return total;
}

/** typeTotal for a caller with a Read filter, given all the nodes of `types` (`all`). */
function readTotal(db: Db, c: Caller, types: string[], read: ReadFilter, all: number): number {
  const json = JSON.stringify;
  const countIds = (ids: string[], cond: string, ...extra: unknown[]): number =>
    ids.length === 0 ? 0 : db.prepare(`SELECT COUNT(*) FROM nodes WHERE id IN
      (SELECT value FROM json_each(?)) AND type IN (SELECT value FROM json_each(?)) ${cond}`)
      .pluck().get(json(ids), json(types), ...extra) as number;
  if (read.exclusion) return all - excludedOf(read, types).ids.length;
  const plain = types.filter((t) => t !== REQUEST);
  const underParents = db.prepare(`SELECT COALESCE(SUM(n), 0) FROM child_counts WHERE
    parent_id <> '' AND type IN (SELECT value FROM json_each(?))`).pluck().get(json(plain)) as
    number;
  const own = [...read.readableOwn, ...read.hiddenOwn];
  const inherited = underParents -
    countIds(own, `AND acl_local = 1 AND parent_id IS NOT NULL AND type <> '${REQUEST}'`);
  return inherited - hiddenChildCount(db, json(read.hiddenParents), c.userId, plain) +
    countIds(read.readableOwn, '') +
    countIds(read.hiddenOwn, `AND created_by = ? AND type <> '${REQUEST}'`, c.userId);
}
