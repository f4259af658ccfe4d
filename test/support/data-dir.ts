/**
 * Looks inside a server/ data directory from the outside, the way an auditor would after a
 * crash: the SQLite metadata (`repository.sqlite`, opened read-only) and the write-once content
 * store (`content/<h0h1>/<h2h3>/<sha256>`, temp area `content/tmp/`). The table and column
 * names are server/'s (server/src/db/database.ts); the reliability specs depend on them on
 * purpose, because "stores nothing" can only be proven below the API.
 */
import Database from 'better-sqlite3';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sha256File } from './media.js';

/** Counts that must not change when the server refuses bad input. */
export interface StoreSnapshot {
  /** Rows in `nodes`. */
  nodes: number;
  /** Rows in `node_props`. */
  props: number;
  /** Files in the content store (excluding the temp area). */
  contentFiles: number;
  /** Files in the temp area. */
  tempFiles: number;
}

/** A file node whose content is missing or does not match its recorded hash and size. */
export interface BrokenNode {
  /** Node id. */
  id: string;
  /** Node name. */
  name: string;
  /** What is wrong. */
  problem: string;
}

/** Path of the content store root. */
export function contentRoot(dataDir: string): string {
  return join(dataDir, 'content');
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}

/** Files currently in the content store, temp area excluded. */
export function storedFiles(dataDir: string): string[] {
  const tmp = join(contentRoot(dataDir), 'tmp');
  return listFiles(contentRoot(dataDir)).filter((f) => !f.startsWith(tmp + '/'));
}

/** Files currently in the temp area. */
export function tempFiles(dataDir: string): string[] {
  return listFiles(join(contentRoot(dataDir), 'tmp'));
}

/** Runs a read-only query on the metadata database (WAL lets it run beside the server). */
export function withDb<T>(dataDir: string, fn: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'repository.sqlite'), { readonly: true,
    fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Counts of metadata rows and stored files. */
export function snapshot(dataDir: string): StoreSnapshot {
  const { nodes, props } = withDb(dataDir, (db) => ({
    nodes: (db.prepare('SELECT count(*) AS n FROM nodes').get() as { n: number }).n,
    props: (db.prepare('SELECT count(*) AS n FROM node_props').get() as { n: number }).n,
  }));
  return { nodes, props, contentFiles: storedFiles(dataDir).length,
    tempFiles: tempFiles(dataDir).length };
}

/**
 * Every file node under `parentId` (or every file node) whose content is absent, missing from
 * the store, or of another size or hash than the row says: a half-written record.
 */
export async function brokenFileNodes(dataDir: string, parentId?: string)
  : Promise<BrokenNode[]> {
  const rows = withDb(dataDir, (db) => db.prepare(
    'SELECT id, name, content_hash AS hash, content_size AS size FROM nodes WHERE is_file = 1' +
    (parentId ? ' AND parent_id = ?' : '')).all(...(parentId ? [parentId] : [])) as
    { id: string; name: string; hash: string | null; size: number | null }[]);
  const broken: BrokenNode[] = [];
  for (const row of rows) {
    if (!row.hash) {
      broken.push({ id: row.id, name: row.name, problem: 'no content' });
      continue;
    }
    const path = join(contentRoot(dataDir), row.hash.slice(0, 2), row.hash.slice(2, 4), row.hash);
    if (!existsSync(path)) {
      broken.push({ id: row.id, name: row.name, problem: `missing ${row.hash}` });
    } else if (statSync(path).size !== row.size) {
      broken.push({ id: row.id, name: row.name, problem: `size ${statSync(path).size}` });
    } else if ((await sha256File(path)) !== row.hash) {
      broken.push({ id: row.id, name: row.name, problem: 'hash mismatch' });
    }
  }
  return broken;
}
