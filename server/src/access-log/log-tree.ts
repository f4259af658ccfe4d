/**
 * The access log kept also as an RFC 9162 Merkle tree (issue 18), in SQLite beside the chain:
 * `access_log_tree` holds every complete subtree's hash by (level, index). An append writes the
 * entry's leaf and the subtrees it completes (one more on average, log2(n) at most) in the
 * transaction of the entry, so a kill at any moment leaves tree and log in step. Roots and
 * proofs read O(log n) rows through core's algorithms.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/database.js';
import {
  appendLeaf, consistencyProof, inclusionProof, logLeafHash, treeRoot,
  type LinkedLogEntry, type Sha256, type Sha256Hex, type SubtreeHash,
} from '../../../core/src/index.js';

/** Node's SHA-256 as core's injected hash. */
export const nodeSha256: Sha256 = (data) => new Uint8Array(createHash('sha256').update(data)
  .digest());

/** node:crypto's SHA-256 of hex bytes, as core's portable tree code takes it (hex-tree.ts). */
export const nodeSha256Hex: Sha256Hex = (hex) => createHash('sha256')
  .update(Buffer.from(hex, 'hex')).digest('hex');

interface Statements {
  get: (level: number, index: number) => Uint8Array | undefined;
  put: (level: number, index: number, hash: Uint8Array) => void;
}

const statements = new WeakMap<Db, Statements>();

function stmts(db: Db): Statements {
  let s = statements.get(db);
  if (!s) {
    const get = db.prepare('SELECT hash FROM access_log_tree WHERE level = ? AND idx = ?').pluck();
    const put = db.prepare('INSERT INTO access_log_tree (level, idx, hash) VALUES (?, ?, ?)');
    s = {
      get: (level, index) => {
        const b = get.get(level, index) as Buffer | undefined;
        return b ? new Uint8Array(b) : undefined;
      },
      put: (level, index, hash) => {
        put.run(level, index, Buffer.from(hash));
      },
    };
    statements.set(db, s);
  }
  return s;
}

/** The stored subtrees of a database, for core's root and proof functions. */
export function storedSubtrees(db: Db): SubtreeHash {
  return stmts(db).get;
}

/** Number of leaves in the stored tree. */
export function storedTreeSize(db: Db): number {
  const row = db.prepare('SELECT MAX(idx) AS m FROM access_log_tree WHERE level = 0').get() as
    { m: number | null };
  return row.m === null ? 0 : row.m + 1;
}

/**
 * Adds entry `facts` (seq n, with its chain link) as leaf n-1: the leaf of the audit entry the
 * REST API serves for it (core's logLeafHash). Must run in the entry's transaction. Leaves
 * missing before it (a data dir written before the tree existed) are added first from the
 * stored rows.
 */
export function appendToTree(db: Db, facts: LinkedLogEntry): void {
  const s = stmts(db);
  const index = facts.seq - 1;
  if (index > 0 && !s.get(0, index - 1)) catchUpTree(db, index);
  appendLeaf(nodeSha256, s.get, s.put, index, logLeafHash(nodeSha256, facts));
}

/** Adds the leaves of the stored entries the tree lacks, up to (not including) leaf `end`. */
export function catchUpTree(db: Db, end = Number.MAX_SAFE_INTEGER): number {
  const s = stmts(db);
  const page = db.prepare('SELECT id, entry_json, prev_hash, hash FROM access_log ' +
    'WHERE id > ? AND id <= ? ORDER BY id LIMIT 10000');
  let size = storedTreeSize(db);
  let added = 0;
  // Pages read with all(): better-sqlite3 refuses writes while a statement iterates.
  for (;;) {
    const rows = page.all(size, end) as
      { id: number; entry_json: string; prev_hash: string; hash: string }[];
    if (rows.length === 0) return added;
    for (const r of rows) {
      if (r.id !== size + 1) {
        throw new Error(`access log entry ${size + 1} is missing: the tree cannot be completed`);
      }
      appendLeaf(nodeSha256, s.get, s.put, size, logLeafHash(nodeSha256, { ...JSON.parse(
        r.entry_json) as LinkedLogEntry, prevHash: r.prev_hash, hash: r.hash }));
      size++;
      added++;
    }
  }
}

/** MTH of the first `size` entries. */
export function rootAt(db: Db, size: number): Uint8Array {
  return treeRoot(nodeSha256, storedSubtrees(db), size);
}

/** The inclusion proof of entry `seq` in the tree of `size` entries. */
export function proofOfEntry(db: Db, seq: number, size: number): Uint8Array[] {
  return inclusionProof(nodeSha256, storedSubtrees(db), seq - 1, size);
}

/** The consistency proof between the trees of `oldSize` and `newSize` entries. */
export function proofOfConsistency(db: Db, oldSize: number, newSize: number): Uint8Array[] {
  return consistencyProof(nodeSha256, storedSubtrees(db), oldSize, newSize);
}
