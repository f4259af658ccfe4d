/**
 * The Merkle tree of RFC 9162 §2.1 (Certificate Transparency 2.0, same hashing as RFC 6962):
 * leaf hashes `SHA-256(0x00 || d)`, interior nodes `SHA-256(0x01 || left || right)`, the tree
 * head MTH of n leaves split at the largest power of two below n, inclusion proofs (§2.1.3)
 * and consistency proofs (§2.1.4) with their verification algorithms.
 *
 * Written here rather than taken from a library: the npm packages for CT trees either hash
 * with Node's crypto (core must run in the browser and Rhino) or hold the whole tree in memory
 * (the access log keeps its nodes in SQLite). SHA-256 is injected, synchronous.
 *
 * Storage model: a complete subtree is named by (level, index); it covers the leaves
 * [index·2^level, (index+1)·2^level). Appending a leaf creates the subtrees it completes, so a
 * store of those (level, index) hashes answers every root and proof in O(log n) reads.
 */

/** SHA-256 of bytes (Node: crypto; browser: hash-wasm; Rhino: MessageDigest). */
export type Sha256 = (data: Uint8Array) => Uint8Array;

/** Hash of the complete subtree (level, index); undefined when it is not stored. */
export type SubtreeHash = (level: number, index: number) => Uint8Array | undefined;

function concat(prefix: number, a: Uint8Array, b?: Uint8Array): Uint8Array {
  const out = new Uint8Array(1 + a.length + (b ? b.length : 0));
  out[0] = prefix;
  out.set(a, 1);
  if (b) out.set(b, 1 + a.length);
  return out;
}

/** Hash of a leaf: SHA-256(0x00 || data) (RFC 9162 §2.1.1). */
export function leafHash(sha: Sha256, data: Uint8Array): Uint8Array {
  return sha(concat(0, data));
}

/** Hash of an interior node: SHA-256(0x01 || left || right) (RFC 9162 §2.1.1). */
export function nodeHash(sha: Sha256, left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha(concat(1, left, right));
}

/** MTH({}): the hash of the empty string. */
export function emptyTreeHash(sha: Sha256): Uint8Array {
  return sha(new Uint8Array(0));
}

/** The largest power of two strictly below n (n > 1): the split point k of RFC 9162. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && splitPoint(n + 1) === n;
}

function log2(n: number): number {
  let l = 0;
  while (Math.pow(2, l) < n) l++;
  return l;
}

function need(get: SubtreeHash, level: number, index: number): Uint8Array {
  const h = get(level, index);
  if (!h) throw new RangeError('Merkle subtree ' + level + '/' + index + ' is not stored');
  return h;
}

/**
 * MTH(D[start:end]) from stored complete subtrees: an aligned power-of-two range is one stored
 * subtree, any other splits at the largest power of two below its length (RFC 9162 §2.1.1).
 */
export function rangeHash(sha: Sha256, get: SubtreeHash, start: number, end: number): Uint8Array {
  const n = end - start;
  if (n <= 0) return emptyTreeHash(sha);
  if (isPowerOfTwo(n) && start % n === 0) return need(get, log2(n), start / n);
  const k = splitPoint(n);
  return nodeHash(sha, rangeHash(sha, get, start, start + k), rangeHash(sha, get, start + k, end));
}

/** The tree head MTH(D[0:size]). */
export function treeRoot(sha: Sha256, get: SubtreeHash, size: number): Uint8Array {
  return rangeHash(sha, get, 0, size);
}

/**
 * Appends leaf number `size` (0-based) with hash `leaf`: stores it at (0, size) and every
 * subtree it completes, reading only the left siblings (at most log2(n) of them; one on
 * average). Returns the number of hashes stored.
 */
export function appendLeaf(
  sha: Sha256, get: SubtreeHash, put: (level: number, index: number, hash: Uint8Array) => void,
  size: number, leaf: Uint8Array,
): number {
  put(0, size, leaf);
  let stored = 1;
  let index = size;
  let level = 0;
  let hash = leaf;
  while (index % 2 === 1) {
    hash = nodeHash(sha, need(get, level, index - 1), hash);
    index = (index - 1) / 2;
    level++;
    put(level, index, hash);
    stored++;
  }
  return stored;
}

/**
 * PATH(m, D[0:n]) of RFC 9162 §2.1.3.1 for any hash representation: `range(start, end)` gives
 * MTH(D[start:end]). Written once for the byte tree here and the hex tree (./hex-tree.ts).
 */
export function auditPathOf<T>(m: number, n: number, range: (start: number, end: number) => T):
  T[] {
  const out: T[] = [];
  const path = (i: number, start: number, end: number): void => {
    const size = end - start;
    if (size <= 1) return;
    const k = splitPoint(size);
    if (i < k) {
      path(i, start, start + k);
      out.push(range(start + k, end));
    } else {
      path(i - k, start + k, end);
      out.push(range(start, start + k));
    }
  };
  path(m, 0, n);
  return out;
}

/** PROOF(m, D[0:n]) of RFC 9162 §2.1.4.1 (SUBPROOF with b = true) for any hash representation. */
export function consistencyPathOf<T>(m: number, n: number,
  range: (start: number, end: number) => T): T[] {
  const out: T[] = [];
  if (m === 0 || m === n) return out;
  const sub = (i: number, start: number, end: number, whole: boolean): void => {
    const size = end - start;
    if (i === size) {
      if (!whole) out.push(range(start, end));
      return;
    }
    const k = splitPoint(size);
    if (i <= k) {
      sub(i, start, start + k, whole);
      out.push(range(start + k, end));
    } else {
      sub(i - k, start + k, end, false);
      out.push(range(start, start + k));
    }
  };
  sub(m, 0, n, true);
  return out;
}

/** The inclusion proof (audit path) of leaf `index` in the tree of `size` leaves. */
export function inclusionProof(sha: Sha256, get: SubtreeHash, index: number, size: number):
  Uint8Array[] {
  if (!(index >= 0 && index < size)) throw new RangeError('leaf index outside the tree');
  return auditPathOf(index, size, (start, end) => rangeHash(sha, get, start, end));
}

/** The consistency proof PROOF(oldSize, D[newSize]); empty when oldSize is 0 or newSize. */
export function consistencyProof(sha: Sha256, get: SubtreeHash, oldSize: number,
  newSize: number): Uint8Array[] {
  if (!(oldSize >= 0 && oldSize <= newSize)) throw new RangeError('old size after new size');
  return consistencyPathOf(oldSize, newSize, (start, end) => rangeHash(sha, get, start, end));
}

/** Whether two hashes are equal. */
export function sameHash(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const odd = (x: number): boolean => x % 2 === 1;
const half = (x: number): number => Math.floor(x / 2);

/**
 * The root an inclusion proof leads to (RFC 9162 §2.1.3.2), or undefined when the proof does
 * not fit the index and size.
 */
export function rootFromInclusionProof(sha: Sha256, index: number, size: number,
  leaf: Uint8Array, proof: readonly Uint8Array[]): Uint8Array | undefined {
  if (!(index >= 0 && index < size)) return undefined;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (let i = 0; i < proof.length; i++) {
    const p = proof[i];
    if (sn === 0) return undefined;
    if (odd(fn) || fn === sn) {
      r = nodeHash(sha, p, r);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(sha, r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : undefined;
}

/** Verifies an inclusion proof of `leaf` at `index` against the root of a tree of `size`. */
export function verifyInclusion(sha: Sha256, index: number, size: number, leaf: Uint8Array,
  proof: readonly Uint8Array[], root: Uint8Array): boolean {
  return sameHash(rootFromInclusionProof(sha, index, size, leaf, proof), root);
}

/**
 * Verifies a consistency proof between the tree of `oldSize` leaves with root `oldRoot` and the
 * tree of `newSize` leaves with root `newRoot` (RFC 9162 §2.1.4.2): the newer tree extends the
 * older one, nothing in it changed, removed or reordered.
 */
export function verifyConsistency(sha: Sha256, oldSize: number, newSize: number,
  oldRoot: Uint8Array, newRoot: Uint8Array, proof: readonly Uint8Array[]): boolean {
  if (!(oldSize >= 0 && oldSize <= newSize)) return false;
  if (oldSize === newSize) return proof.length === 0 && sameHash(oldRoot, newRoot);
  if (oldSize === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(oldSize) ? [oldRoot].concat(proof.slice()) : proof.slice();
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0];
  let sr = path[0];
  for (let i = 1; i < path.length; i++) {
    const c = path[i];
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(sha, c, fr);
      sr = nodeHash(sha, c, sr);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sha, sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && sameHash(fr, oldRoot) && sameHash(sr, newRoot);
}

/**
 * The compact range [0, size) of a growing tree: the roots of its complete subtrees, largest
 * first (one per set bit of size). Enough to append in O(log n) and to compute the root,
 * without storing the tree (the verifier's way through millions of entries).
 */
export interface Frontier {
  size: number;
  /** Subtree roots, largest (leftmost) first. */
  hashes: Uint8Array[];
  /** Their levels, same order. */
  levels: number[];
}

/** An empty frontier. */
export function emptyFrontier(): Frontier {
  return { size: 0, hashes: [], levels: [] };
}

/**
 * Appends a leaf hash to a compact range (in place), for any hash representation: `node(l, r)`
 * hashes an interior node. Written once for the byte frontier and the hex one (./hex-tree.ts).
 */
export function compactAppend<T>(f: { size: number; hashes: T[]; levels: number[] }, leaf: T,
  node: (left: T, right: T) => T): void {
  let hash = leaf;
  let level = 0;
  while (f.levels.length > 0 && f.levels[f.levels.length - 1] === level) {
    hash = node(f.hashes.pop() as T, hash);
    f.levels.pop();
    level++;
  }
  f.hashes.push(hash);
  f.levels.push(level);
  f.size++;
}

/** MTH of a compact range's leaves (`empty` for none), for any hash representation. */
export function compactRoot<T>(f: { hashes: T[] }, node: (left: T, right: T) => T,
  empty: () => T): T {
  if (f.hashes.length === 0) return empty();
  let r = f.hashes[f.hashes.length - 1];
  for (let i = f.hashes.length - 2; i >= 0; i--) r = node(f.hashes[i], r);
  return r;
}

/** Appends a leaf hash to a frontier (in place). */
export function frontierAppend(sha: Sha256, f: Frontier, leaf: Uint8Array): void {
  compactAppend(f, leaf, (l, r) => nodeHash(sha, l, r));
}

/** MTH of the leaves appended to a frontier. */
export function frontierRoot(sha: Sha256, f: Frontier): Uint8Array {
  return compactRoot(f, (l, r) => nodeHash(sha, l, r), () => emptyTreeHash(sha));
}
