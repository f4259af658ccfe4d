import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** The SQLite handle type used across server/. */
export type Db = Database.Database;

/**
 * Schema of the embedded repository. Node metadata lives in `nodes`; the properties are kept
 * as JSON for reads and mirrored one value per row into `node_props` so that children
 * filters and AFTS queries hit an index instead of parsing JSON.
 */
const SCHEMA = `
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
CREATE INDEX IF NOT EXISTS nodes_parent_modified ON nodes(parent_id, modified_at);
CREATE INDEX IF NOT EXISTS nodes_parent_order ON nodes(parent_id, is_folder DESC, name COLLATE NOCASE, id);
CREATE INDEX IF NOT EXISTS nodes_parent_nameci ON nodes(parent_id, name COLLATE NOCASE, id);
CREATE INDEX IF NOT EXISTS nodes_parent_created ON nodes(parent_id, created_at, id);
CREATE INDEX IF NOT EXISTS nodes_type ON nodes(type);
CREATE TABLE IF NOT EXISTS node_props (
  node_id TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
  qname TEXT NOT NULL,
  v_text TEXT,
  v_num REAL
);
CREATE INDEX IF NOT EXISTS node_props_text ON node_props(qname, v_text);
CREATE INDEX IF NOT EXISTS node_props_num ON node_props(qname, v_num);
DROP INDEX IF EXISTS node_props_node;
CREATE INDEX IF NOT EXISTS node_props_node_qname ON node_props(node_id, qname);
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
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;

/**
 * Opens (and creates if needed) the metadata database of a data dir. WAL with
 * synchronous=FULL: a commit that returned is on disk, so a SIGKILL after a 201 loses nothing.
 */
export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'repository.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  // Fresh statistics let the planner pick the selective index for AFTS filters.
  db.pragma('optimize=0x10002');
  return db;
}
