import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { registerTextMatch } from '../search/text-tokens.js';

/** The SQLite handle type used across server/. */
export type Db = Database.Database;

/**
 * Schema of the embedded repository. Node metadata lives in `nodes`; the properties are kept
 * as JSON for reads and mirrored one value per row into `node_props` so that children
 * filters and AFTS queries hit an index instead of parsing JSON.
 */
const SCHEMA = (): string => `
CREATE TABLE IF NOT EXISTS nodes (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  parent_id TEXT REFERENCES nodes(id),
  name TEXT NOT NULL,
  is_folder INTEGER NOT NULL,
  is_file INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  modified_at INTEGER NOT NULL,
  modified_by TEXT NOT NULL,
  props TEXT NOT NULL DEFAULT '{}',
  content_hash TEXT,
  content_size INTEGER,
  content_mime TEXT,
  content_encoding TEXT,
  inherit INTEGER NOT NULL DEFAULT 1,
  acl_local INTEGER NOT NULL DEFAULT 0,
  lock_owner TEXT,
  lock_type TEXT,
  lock_expires INTEGER
);
CREATE UNIQUE INDEX IF NOT EXISTS nodes_parent_name ON nodes(parent_id, lower(name));
-- Children pages: each order index also carries the columns of the children where
-- filters (is_file, is_folder, type), so a filtered page skips its offset inside the index.
DROP INDEX IF EXISTS nodes_parent_modified;
DROP INDEX IF EXISTS nodes_parent_order;
DROP INDEX IF EXISTS nodes_parent_nameci;
DROP INDEX IF EXISTS nodes_parent_created;
CREATE INDEX IF NOT EXISTS nodes_parent_kind ON nodes(parent_id, is_file, is_folder, type, id);
CREATE INDEX IF NOT EXISTS nodes_parent_order_k
  ON nodes(parent_id, is_folder DESC, name COLLATE NOCASE, id, is_file, type);
CREATE INDEX IF NOT EXISTS nodes_parent_nameci_k
  ON nodes(parent_id, name COLLATE NOCASE, id, is_folder, is_file, type);
CREATE INDEX IF NOT EXISTS nodes_parent_created_k
  ON nodes(parent_id, created_at, id, is_folder, is_file, type);
CREATE INDEX IF NOT EXISTS nodes_parent_modified_k
  ON nodes(parent_id, modified_at, id, is_folder, is_file, type);
-- Searches of one type (TYPE:"efr:recording") count on these and, in the default order
-- (modified, newest first) or by creation, walk them to the page instead of sorting every node.
DROP INDEX IF EXISTS nodes_type;
CREATE INDEX IF NOT EXISTS nodes_type_modified ON nodes(type, modified_at, id);
CREATE INDEX IF NOT EXISTS nodes_type_created ON nodes(type, created_at, id);
-- The children a non-admin caller must check one by one: local ACL, or created by the caller.
CREATE INDEX IF NOT EXISTS nodes_parent_acl ON nodes(parent_id, acl_local, id);
CREATE INDEX IF NOT EXISTS nodes_parent_creator ON nodes(parent_id, created_by, id);
-- Whether a stored file is referenced (the orphan sweep at start, issue 16).
CREATE INDEX IF NOT EXISTS nodes_content_hash ON nodes(content_hash) WHERE content_hash IS NOT NULL;
-- Search joins node_props to nodes by id: this index answers the join, the usual filter and
-- sort columns and the permission columns without reading the (large) node rows.
CREATE INDEX IF NOT EXISTS nodes_id_cover
  ON nodes(id, type, parent_id, modified_at, created_at, acl_local, created_by);
CREATE TABLE IF NOT EXISTS node_props (
  node_id TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
  qname TEXT NOT NULL,
  v_text TEXT,
  v_num REAL,
  -- The node's type, copied (kept by NodeRows and the trigger below): a walk of a property's
  -- values in order tests TYPE on the index entry instead of a lookup in nodes per row.
  node_type TEXT,
  -- The node's modified_at, copied the same way: a search driven from a property and shown in
  -- the default order (newest first) sorts on the driving row, without reading nodes.
  node_modified INTEGER
);
CREATE TRIGGER IF NOT EXISTS node_props_follow_type AFTER UPDATE OF type ON nodes
  BEGIN UPDATE node_props SET node_type = NEW.type WHERE node_id = NEW.id; END;
CREATE TRIGGER IF NOT EXISTS node_props_follow_modified AFTER UPDATE OF modified_at ON nodes
  BEGIN UPDATE node_props SET node_modified = NEW.modified_at WHERE node_id = NEW.id; END;
-- Covering: a search driven by a (qname, value) range reads node ids (and types) from the
-- index alone, and a walk in (value, id) order stops after its page.
DROP INDEX IF EXISTS node_props_text;
DROP INDEX IF EXISTS node_props_num;
CREATE INDEX IF NOT EXISTS node_props_text_node
  ON node_props(qname, v_text, node_id, node_type, node_modified);
CREATE INDEX IF NOT EXISTS node_props_num_node
  ON node_props(qname, v_num, node_id, node_type, node_modified);
DROP INDEX IF EXISTS node_props_node;
CREATE INDEX IF NOT EXISTS node_props_node_qname ON node_props(node_id, qname, v_text, v_num);
CREATE TABLE IF NOT EXISTS aspects (
  node_id TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
  aspect TEXT NOT NULL,
  PRIMARY KEY (node_id, aspect)
);
CREATE INDEX IF NOT EXISTS aspects_aspect ON aspects(aspect);
CREATE TABLE IF NOT EXISTS child_assocs (
  parent_id TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
  child_id TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  PRIMARY KEY (parent_id, child_id, type)
);
CREATE TABLE IF NOT EXISTS peer_assocs (
  source_id TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
  target_id TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  PRIMARY KEY (source_id, target_id, type)
);
CREATE INDEX IF NOT EXISTS peer_assocs_target ON peer_assocs(target_id);
CREATE TABLE IF NOT EXISTS aces (
  node_id TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
  authority TEXT NOT NULL,
  role TEXT NOT NULL,
  allowed INTEGER NOT NULL,
  PRIMARY KEY (node_id, authority, role)
);
CREATE TABLE IF NOT EXISTS people (
  id TEXT PRIMARY KEY COLLATE NOCASE,
  first_name TEXT NOT NULL,
  last_name TEXT,
  email TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  props TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS groups (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS memberships (
  group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  member_id TEXT NOT NULL,
  member_type TEXT NOT NULL CHECK (member_type IN ('PERSON','GROUP')),
  PRIMARY KEY (group_id, member_id)
);
CREATE INDEX IF NOT EXISTS memberships_member ON memberships(member_id);
CREATE TABLE IF NOT EXISTS tickets (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS access_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  action TEXT NOT NULL,
  node_id TEXT,
  entry_json TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS access_log_node ON access_log(node_id);
CREATE INDEX IF NOT EXISTS access_log_user ON access_log(user_id, created_at);
-- The access log as an RFC 9162 Merkle tree (issue 18): every complete subtree's hash by
-- (level, index), written in the transaction of the entry that completes it, and the signed
-- tree heads (access-log/tree-heads.ts).
CREATE TABLE IF NOT EXISTS access_log_tree (
  level INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  hash BLOB NOT NULL,
  PRIMARY KEY (level, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS access_log_heads (
  tree_size INTEGER PRIMARY KEY,
  timestamp INTEGER NOT NULL,
  root_hash TEXT NOT NULL,
  signature TEXT NOT NULL,
  key_id TEXT NOT NULL
);
-- Signed heads of a former leaf rule (a data dir of an earlier version): kept as signed, never
-- deleted, with the rule they were made under; the current tree cannot prove them.
CREATE TABLE IF NOT EXISTS access_log_heads_retired (
  tree_size INTEGER NOT NULL,
  timestamp INTEGER NOT NULL,
  root_hash TEXT NOT NULL,
  signature TEXT NOT NULL,
  key_id TEXT NOT NULL,
  leaf_rule TEXT NOT NULL,
  retired_at INTEGER NOT NULL,
  PRIMARY KEY (leaf_rule, tree_size, key_id)
);
-- Scheduled fixity audits (issue 18) keep no table: the last check is efr:fixityAudited on the
-- recording and each round an efr:fixityRound node, as in ACS (webscripts/src/fixity/).
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
-- What the Alfresco Content App keeps per user (issue 17): favorites, preferences. Node ids
-- carry no foreign key: a favorite or comment of a node in the trashcan comes back with it.
CREATE TABLE IF NOT EXISTS favorites (
  user_id TEXT NOT NULL COLLATE NOCASE,
  node_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, node_id)
);
CREATE TABLE IF NOT EXISTS preferences (
  user_id TEXT NOT NULL COLLATE NOCASE,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (user_id, name)
);
CREATE TABLE IF NOT EXISTS comments (
  id TEXT PRIMARY KEY,
  node_id TEXT NOT NULL,
  content TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  modified_at INTEGER NOT NULL,
  modified_by TEXT NOT NULL,
  edited INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS comments_node ON comments(node_id, created_at);
-- The trashcan (ACS's archive store): the top node of each deleted tree with a snapshot of
-- every row of the tree, restored under its original parent (trashcan.ts).
CREATE TABLE IF NOT EXISTS archived_nodes (
  id TEXT PRIMARY KEY,
  parent_id TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  archived_at INTEGER NOT NULL,
  archived_by TEXT NOT NULL,
  snapshot TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS archived_nodes_by ON archived_nodes(archived_by, archived_at);
-- Nodes counted per parent ('' for none) and kind, kept by the triggers below in the writing
-- transaction (issue 20): a listing's or a TYPE search's total, and the distinct parents that
-- Read decides on, without counting a million rows after every write.
CREATE TABLE IF NOT EXISTS child_counts (
  parent_id TEXT NOT NULL,
  type TEXT NOT NULL,
  is_file INTEGER NOT NULL,
  is_folder INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (parent_id, type, is_file, is_folder)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS child_counts_type ON child_counts(type, parent_id, n);
${keptBy('child_counts', 'nodes', countUp, countDown, `OF parent_id, type, is_file, is_folder
  ON nodes WHEN OLD.parent_id IS NOT NEW.parent_id OR OLD.type <> NEW.type
  OR OLD.is_file <> NEW.is_file OR OLD.is_folder <> NEW.is_folder`)}
-- A count of changes per node type to the property rows of nodes of that type and to what
-- Read tests on those nodes (type, parent, local ACL, creator), kept by the triggers below:
-- positions kept in a walk of one type's property values stay valid while only other types
-- change (search-pages.ts, issue 20).
CREATE TABLE IF NOT EXISTS type_versions (
  type TEXT PRIMARY KEY,
  v INTEGER NOT NULL
) WITHOUT ROWID;
${keptBy('type_versions', 'node_props', typeBump, typeBump, 'ON node_props')}
${keptBy('type_versions_nodes', 'nodes', nodeTypeBump, nodeTypeBump, `OF type, parent_id,
  acl_local, created_by ON nodes`)}
-- A count of changes per parent to its children's rows in what a children page filters and
-- sorts on and what Read tests (kept by the triggers below): positions kept in a listing of
-- one parent, and the children Read hides, stay valid while that parent's children are
-- unchanged (repo/children-query.ts, search/search-pages.ts, issue 20).
CREATE TABLE IF NOT EXISTS parent_versions (
  parent_id TEXT PRIMARY KEY,
  v INTEGER NOT NULL
) WITHOUT ROWID;
${keptBy('parent_versions', 'nodes', parentBump, parentBump, `OF parent_id, name, type, is_file,
  is_folder, created_at, modified_at, created_by, modified_by, acl_local ON nodes`)}
-- The nodes whose Read is decided one by one (search-pages.ts readFilter): few of many.
CREATE INDEX IF NOT EXISTS nodes_local_acl ON nodes(id) WHERE acl_local = 1 OR parent_id IS NULL;
-- Counts committed changes to what searches, listings and Read depend on (write-stamp.ts).
CREATE TABLE IF NOT EXISTS generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n INTEGER NOT NULL
);
INSERT OR IGNORE INTO generation (id, n) VALUES (1, 0);
${generationTriggers()}
`;

/** child_counts' key of a node row (`NEW` or `OLD`) as SQL. */
const countKey = (row: string): string => `parent_id = coalesce(${row}.parent_id, '') AND
  type = ${row}.type AND is_file = ${row}.is_file AND is_folder = ${row}.is_folder`;

const countUp = (row: string): string => `INSERT INTO child_counts VALUES
  (coalesce(${row}.parent_id, ''), ${row}.type, ${row}.is_file, ${row}.is_folder, 1)
  ON CONFLICT DO UPDATE SET n = n + 1;`;

const countDown = (row: string): string => `UPDATE child_counts SET n = n - 1
  WHERE ${countKey(row)}; DELETE FROM child_counts WHERE ${countKey(row)} AND n <= 0;`;

/**
 * The insert, delete and update triggers that keep `name` in step with `table`: `up` for the
 * new row, `down` for the old one (an update runs both; `update` is what follows UPDATE).
 */
function keptBy(name: string, table: string, up: (row: string) => string,
  down: (row: string) => string, update: string): string {
  return `CREATE TRIGGER IF NOT EXISTS ${name}_insert AFTER INSERT ON ${table} BEGIN
  ${up('NEW')}
END;
CREATE TRIGGER IF NOT EXISTS ${name}_delete AFTER DELETE ON ${table} BEGIN
  ${down('OLD')}
END;
CREATE TRIGGER IF NOT EXISTS ${name}_update AFTER UPDATE ${update} BEGIN
  ${down('OLD')}
  ${up('NEW')}
END;`;
}

const typeBump = (row: string): string => `INSERT INTO type_versions VALUES
  (coalesce(${row}.node_type, ''), 1) ON CONFLICT DO UPDATE SET v = v + 1;`;

const nodeTypeBump = (row: string): string => `INSERT INTO type_versions VALUES
  (${row}.type, 1) ON CONFLICT DO UPDATE SET v = v + 1;`;

const parentBump = (row: string): string => `INSERT INTO parent_versions VALUES
  (coalesce(${row}.parent_id, ''), 1) ON CONFLICT DO UPDATE SET v = v + 1;`;

/**
 * Counts every node into child_counts again: when the table is new (an older data dir) or
 * after a load that ran without the triggers (test/bench/bulk-load.ts).
 */
export function recountChildren(db: Db): void {
  db.exec(`DELETE FROM child_counts; INSERT INTO child_counts
    SELECT coalesce(parent_id, ''), type, is_file, is_folder, COUNT(*) FROM nodes
    GROUP BY 1, 2, 3, 4;`);
}

/**
 * The tables whose rows decide what a search or a listing answers and who may read it. The
 * access log, tickets and meta are not among them: reading a recording (which appends to the
 * access log) or signing in leaves the kept search results valid.
 */
const GENERATION_TABLES = ['nodes', 'node_props', 'aspects', 'child_assocs', 'peer_assocs',
  'aces', 'people', 'groups', 'memberships'];

/**
 * Triggers that count every row change of GENERATION_TABLES in `generation` (SQLite has only
 * row triggers). They run in the writing transaction, by any connection or process, and roll
 * back with it: the same count always means the same committed data.
 */
function generationTriggers(): string {
  const out: string[] = [];
  for (const t of GENERATION_TABLES) {
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      out.push(`CREATE TRIGGER IF NOT EXISTS generation_${t}_${op.toLowerCase()} AFTER ${op} ON
  ${t} BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;`);
    }
  }
  return out.join('\n');
}

/**
 * Opens (and creates if needed) the metadata database of a data dir. WAL with
 * synchronous=FULL: a commit that returned is on disk, so a SIGKILL after a 201 loses nothing.
 */
/** The leaf definition of the stored access-log tree (meta `access_log_leaf`). */
const AUDIT_ENTRY_LEAF = 'audit-entry-1';

export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'repository.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // AFTS text terms are matched as ACS tokenises them (search/text-tokens.ts).
  registerTextMatch(db);
  // One transaction: a data dir of an older schema is migrated (indexes dropped and rebuilt
  // from the rows) completely or not at all.
  const has = (name: string): boolean =>
    db.prepare('SELECT 1 FROM sqlite_master WHERE name = ?').get(name) !== undefined;
  const columns = (index: string): number => (db.pragma(`index_info('${index}')`) as []).length;
  const propsHave = (column: string): boolean =>
    (db.pragma("table_info('node_props')") as { name: string }[]).some((c) => c.name === column);
  const propsHaveType = (): boolean => propsHave('node_type') && propsHave('node_modified');
  const migrating = has('nodes') && (!has('nodes_type_modified') || !propsHaveType());
  const uncounted = has('nodes') && !has('child_counts');
  let retired = 0;
  db.transaction(() => {
    const narrow = (index: string, cols: number): void => {
      const n = columns(index);
      if (n > 0 && n < cols) db.exec(`DROP INDEX ${index}`);
    };
    narrow('node_props_node_qname', 4);
    narrow('node_props_text_node', 5);
    narrow('node_props_num_node', 5);
    if (has('node_props') && !propsHave('node_type')) {
      db.exec(`ALTER TABLE node_props ADD COLUMN node_type TEXT;
        UPDATE node_props SET node_type = (SELECT type FROM nodes WHERE id = node_id);`);
    }
    if (has('node_props') && !propsHave('node_modified')) {
      db.exec(`ALTER TABLE node_props ADD COLUMN node_modified INTEGER;
        UPDATE node_props SET node_modified = (SELECT modified_at FROM nodes WHERE id = node_id);`);
    }
    db.exec(SCHEMA());
    if (uncounted) recountChildren(db);
    // The tree's leaf became the audit entry the REST API serves (issue 18, core/src/merkle/
    // audit-leaf.ts): the tree of the former leaf is dropped and rebuilt from the chain on the
    // next entry (log-tree.ts catchUpTree); its signed heads, which the new tree cannot prove,
    // are never deleted: they move to access_log_heads_retired, named with their leaf rule, and
    // the start says so (docs/deploy.md). New heads are signed over the new tree.
    const leaf = db.prepare("SELECT value FROM meta WHERE key = 'access_log_leaf'").pluck().get();
    if (leaf !== AUDIT_ENTRY_LEAF) {
      retired = db.prepare(`INSERT OR IGNORE INTO access_log_heads_retired (tree_size, timestamp,
        root_hash, signature, key_id, leaf_rule, retired_at) SELECT tree_size, timestamp,
        root_hash, signature, key_id, ?, ? FROM access_log_heads`)
        .run(typeof leaf === 'string' ? leaf : 'chain-entry', Date.now()).changes;
      db.exec('DELETE FROM access_log_tree; DELETE FROM access_log_heads;');
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('access_log_leaf', ?)")
        .run(AUDIT_ENTRY_LEAF);
    }
  })();
  if (retired > 0) {
    console.warn(`efr: ${retired} signed access-log tree heads of the former leaf rule moved to ` +
      'access_log_heads_retired in ' + dataDir + ' (kept, not deleted; the tree is rebuilt and ' +
      'new heads are signed: docs/deploy.md)');
  }
  // Fresh statistics let the planner pick the selective index for AFTS filters; new indexes
  // of a migrated data dir have none yet, so those are gathered once (sampled) right away.
  if (migrating) db.exec('PRAGMA analysis_limit = 1000; ANALYZE;');
  db.pragma('optimize=0x10002');
  return db;
}
