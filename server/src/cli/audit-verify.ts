import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  hexToBytes, startLogAudit, verifyConsistency, type LogEntryFacts, type SignedTreeHead,
} from '../../../core/src/index.js';
import { verifyChain } from '../access-log/access-log.js';
import { nodeSha256, nodeSha256Hex, proofOfConsistency } from '../access-log/log-tree.js';
import { listTreeHeads, loadVerifyKey, verifyTreeHead } from '../access-log/tree-heads.js';

/** Result of `efr audit verify`: intact, or the first bad entry (index = seq - 1, id = seq). */
export type AccessLogCheck =
  | { ok: true; count: number; heads: number }
  | { ok: false; index: number; id: number; reason: string };

/** Options of {@link verifyAccessLog}. */
export interface VerifyOptions {
  /** PEM of the trusted public (or private) key; default EFR_LOG_SIGNING_KEY or the demo key. */
  keyFile?: string;
}

const fail = (seq: number, reason: string): AccessLogCheck =>
  ({ ok: false, index: Math.max(0, seq - 1), id: seq, reason });

/**
 * Verifies the access log of a data dir (read-only), in three steps, and names the first
 * changed, removed or reordered entry:
 * 1. the hash chain and its head anchor (access-log.ts);
 * 2. every signed tree head's Ed25519 signature under the trusted key, then the entries as a
 *    Merkle tree against those heads (core's log auditor): a chain rewritten from some entry on
 *    no longer gives the signed roots;
 * 3. consistency proofs from the stored tree between successive heads (RFC 9162 §2.1.4), so
 *    the tree that serves inclusion proofs on evidence discs extends each head unchanged.
 * Wired as `npx efr audit verify [--data dir] [--key pem]` by bin/efr-cli.ts.
 */
export async function verifyAccessLog(dataDir: string, opts: VerifyOptions = {}):
  Promise<AccessLogCheck> {
  const file = join(dataDir, 'repository.sqlite');
  if (!existsSync(file)) return fail(0, `no repository in ${dataDir}`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const chain = verifyChain(db);
    if (!chain.ok) return { ok: false, index: chain.index, id: chain.id, reason: chain.reason };
    const hasTree = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'access_log_heads'")
      .get() !== undefined;
    // A data dir last written before issue 18 has the chain only.
    if (!hasTree) return { ok: true, count: chain.count, heads: 0 };
    const heads = listTreeHeads(db);
    const key = loadVerifyKey(dataDir, opts.keyFile);
    if (heads.length > 0 && !key) {
      return fail(0, 'no public key to check the signed tree heads: give --key <pem>');
    }
    for (const h of heads) {
      if (!verifyTreeHead(h, key as string)) {
        return fail(h.treeSize, `the signed tree head of ${h.treeSize} entries does not verify ` +
          'under the trusted key');
      }
    }
    const audit = startLogAudit(nodeSha256Hex, heads);
    const rows = db.prepare(`SELECT a.entry_json, a.prev_hash, a.hash, t.hash AS leaf
      FROM access_log a LEFT JOIN access_log_tree t ON t.level = 0 AND t.idx = a.id - 1
      ORDER BY a.id`).iterate() as IterableIterator<{ entry_json: string; prev_hash: string;
        hash: string; leaf: Buffer | null }>;
    for (const r of rows) {
      const problem = audit.add({ facts: JSON.parse(r.entry_json) as LogEntryFacts,
        prevHash: r.prev_hash, hash: r.hash, storedLeaf: r.leaf ? r.leaf.toString('hex')
          : undefined });
      if (problem) break;
    }
    const result = audit.finish();
    if (!result.ok) {
      const p = result.problem;
      return fail(p.seq, p.exact ? p.reason : `${p.reason} (entries ${p.seq}..${p.toSeq})`);
    }
    const broken = inconsistentHeads(db, heads);
    if (broken) return broken;
    return { ok: true, count: result.entries, heads: heads.length };
  } finally {
    db.close();
  }
}

/** Checks the stored tree's consistency proof between each pair of successive heads. */
function inconsistentHeads(db: Database.Database, heads: readonly SignedTreeHead[]):
  AccessLogCheck | undefined {
  for (let i = 1; i < heads.length; i++) {
    const a = heads[i - 1];
    const b = heads[i];
    let ok = false;
    try {
      ok = verifyConsistency(nodeSha256, a.treeSize, b.treeSize,
        hexToBytes(a.rootHash) as Uint8Array, hexToBytes(b.rootHash) as Uint8Array,
        proofOfConsistency(db, a.treeSize, b.treeSize));
    } catch (err) {
      // RangeError from core: a subtree the proof needs is missing from the stored tree.
      if (!(err instanceof RangeError)) throw err;
    }
    if (!ok) {
      return fail(a.treeSize + 1, `the stored Merkle tree is not consistent between the ` +
        `signed heads of ${a.treeSize} and ${b.treeSize} entries`);
    }
  }
  return undefined;
}
