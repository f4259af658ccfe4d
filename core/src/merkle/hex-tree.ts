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
import {
  auditPathOf, compactAppend, compactRoot, consistencyPathOf, splitPoint,
} from './merkle-tree.js';

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

/** MTH(D[start:end]) of the leaf hashes (the empty tree: SHA-256 of nothing). */
export function rangeRootHex(sha: Sha256Hex, leaves: readonly string[], start: number,
  end: number): string {
  const n = end - start;
  if (n <= 0) return sha('');
  if (n === 1) return leaves[start];
  const k = splitPoint(n);
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
  return auditPathOf(index, size, (start, end) => rangeRootHex(sha, leaves, start, end));
}

/**
 * The audit paths of several leaves in the tree of the first `size` leaves, each subtree root
 * computed once (O(size) hashes for all of them, where {@link inclusionProofHex} takes O(size)
 * for each): a recording's entries on an evidence disc.
 */
export function inclusionProofsHex(sha: Sha256Hex, leaves: readonly string[],
  indexes: readonly number[], size: number): string[][] {
  if (!(size <= leaves.length)) throw new RangeError('leaf index outside the tree');
  const known: Record<string, string> = {};
  const range = (start: number, end: number): string => {
    const key = start + ':' + end;
    let h = known[key];
    if (h === undefined) {
      const n = end - start;
      if (n <= 0) h = sha('');
      else if (n === 1) h = leaves[start];
      else {
        const k = splitPoint(n);
        h = nodeHashHex(sha, range(start, start + k), range(start + k, end));
      }
      known[key] = h;
    }
    return h;
  };
  const out: string[][] = [];
  for (let i = 0; i < indexes.length; i++) {
    const index = indexes[i];
    if (!(index >= 0 && index < size)) throw new RangeError('leaf index outside the tree');
    out.push(auditPathOf(index, size, range));
  }
  return out;
}

/** The consistency proof (RFC 9162 §2.1.4.1) between the trees of oldSize and newSize leaves. */
export function consistencyProofHex(sha: Sha256Hex, leaves: readonly string[], oldSize: number,
  newSize: number): string[] {
  if (!(oldSize >= 0 && oldSize <= newSize && newSize <= leaves.length)) {
    throw new RangeError('old size after new size');
  }
  return consistencyPathOf(oldSize, newSize,
    (start, end) => rangeRootHex(sha, leaves, start, end));
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
  compactAppend(f, leaf, (l, r) => nodeHashHex(sha, l, r));
}

/** MTH of the leaves appended to a frontier. */
export function hexFrontierRoot(sha: Sha256Hex, f: HexFrontier): string {
  return compactRoot(f, (l, r) => nodeHashHex(sha, l, r), () => sha(''));
}
