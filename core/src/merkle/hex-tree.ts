/**
 * The RFC 9162 §2.1 tree computations (RFC 6962's hashing) over lower-case hex text, with
 * SHA-256 passed in as a function of hex bytes to hex digest: one code for Node, the browser
 * (the disc's verify.html) and Rhino, which has no typed arrays (the module's ES5 build
 * refuses `Uint8Array`, behaviors/build/compile-scripts.mjs). The host brings the digest:
 * server/ node:crypto, the module java.security.MessageDigest (the repository port's
 * `sha256Hex`).
 *
 *   leaf hash  = SHA-256(0x00 || leaf data)        node hash = SHA-256(0x01 || left || right)
 *
 * Computed over a list of leaf hashes (the log read in position order), O(n) hashes for a
 * root, an audit path or a consistency proof. server/'s stored tree (./merkle-tree.ts over
 * bytes, subtrees in SQLite) computes the same roots and proofs: hex-tree.spec.ts proves them
 * equal.
 */
import { utf8Bytes } from '../prng.js';
import { auditLeafText, type AuditLeafFacts } from './audit-leaf.js';

/** SHA-256 of the bytes given as hex, as lower-case hex. */
export type Sha256Hex = (hexBytes: string) => string;

const HEX = '0123456789abcdef';

/** Lower-case hex of the UTF-8 bytes of text (lone surrogates as U+FFFD). */
export function utf8Hex(text: string): string {
  const bytes = utf8Bytes(text);
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX.charAt(bytes[i] >> 4) + HEX.charAt(bytes[i] & 15);
  return s;
}

/** Hash of a leaf: SHA-256(0x00 || data). */
export function leafHashHex(sha: Sha256Hex, dataHex: string): string {
  return sha('00' + dataHex);
}

/** Hash of an interior node: SHA-256(0x01 || left || right). */
export function nodeHashHex(sha: Sha256Hex, left: string, right: string): string {
  return sha('01' + left + right);
}

/** The leaf hash of an audit entry (core/src/merkle/audit-leaf.ts), in hex. */
export function auditLeafHashHex(sha: Sha256Hex, f: AuditLeafFacts): string {
  return leafHashHex(sha, utf8Hex(auditLeafText(f)));
}

function splitOf(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[start:end]) of the leaf hashes (the empty tree: SHA-256 of nothing). */
export function rangeRootHex(sha: Sha256Hex, leaves: readonly string[], start: number,
  end: number): string {
  const n = end - start;
  if (n <= 0) return sha('');
  if (n === 1) return leaves[start];
  const k = splitOf(n);
  return nodeHashHex(sha, rangeRootHex(sha, leaves, start, start + k),
    rangeRootHex(sha, leaves, start + k, end));
}

/** The tree head MTH of the first `size` leaf hashes. */
export function treeRootHex(sha: Sha256Hex, leaves: readonly string[], size: number): string {
  return rangeRootHex(sha, leaves, 0, size);
}

/** The audit path (RFC 9162 §2.1.3.1) of leaf `index` in the tree of the first `size` leaves. */
export function inclusionProofHex(sha: Sha256Hex, leaves: readonly string[], index: number,
  size: number): string[] {
  if (!(index >= 0 && index < size && size <= leaves.length)) {
    throw new RangeError('leaf index outside the tree');
  }
  const out: string[] = [];
  const path = (m: number, start: number, end: number): void => {
    const n = end - start;
    if (n <= 1) return;
    const k = splitOf(n);
    if (m < k) {
      path(m, start, start + k);
      out.push(rangeRootHex(sha, leaves, start + k, end));
    } else {
      path(m - k, start + k, end);
      out.push(rangeRootHex(sha, leaves, start, start + k));
    }
  };
  path(index, 0, size);
  return out;
}

/** The consistency proof (RFC 9162 §2.1.4.1) between the trees of oldSize and newSize leaves. */
export function consistencyProofHex(sha: Sha256Hex, leaves: readonly string[], oldSize: number,
  newSize: number): string[] {
  if (!(oldSize >= 0 && oldSize <= newSize && newSize <= leaves.length)) {
    throw new RangeError('old size after new size');
  }
  const out: string[] = [];
  if (oldSize === 0 || oldSize === newSize) return out;
  const sub = (m: number, start: number, end: number, whole: boolean): void => {
    const n = end - start;
    if (m === n) {
      if (!whole) out.push(rangeRootHex(sha, leaves, start, end));
      return;
    }
    const k = splitOf(n);
    if (m <= k) {
      sub(m, start, start + k, whole);
      out.push(rangeRootHex(sha, leaves, start + k, end));
    } else {
      sub(m - k, start + k, end, false);
      out.push(rangeRootHex(sha, leaves, start, start + k));
    }
  };
  sub(oldSize, 0, newSize, true);
  return out;
}

/** The roots of a growing tree's complete subtrees, largest first (hex; see merkle-tree.ts). */
export interface HexFrontier {
  size: number;
  hashes: string[];
  levels: number[];
}

/** An empty frontier. */
export function emptyHexFrontier(): HexFrontier {
  return { size: 0, hashes: [], levels: [] };
}

/** Appends a leaf hash to a frontier (in place). */
export function hexFrontierAppend(sha: Sha256Hex, f: HexFrontier, leaf: string): void {
  let hash = leaf;
  let level = 0;
  while (f.levels.length > 0 && f.levels[f.levels.length - 1] === level) {
    hash = nodeHashHex(sha, f.hashes.pop() as string, hash);
    f.levels.pop();
    level++;
  }
  f.hashes.push(hash);
  f.levels.push(level);
  f.size++;
}

/** MTH of the leaves appended to a frontier. */
export function hexFrontierRoot(sha: Sha256Hex, f: HexFrontier): string {
  if (f.hashes.length === 0) return sha('');
  let r = f.hashes[f.hashes.length - 1];
  for (let i = f.hashes.length - 2; i >= 0; i--) r = nodeHashHex(sha, f.hashes[i], r);
  return r;
}
