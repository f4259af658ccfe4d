// RFC 9162 §2.1 Merkle tree (issue 18): roots, inclusion and consistency proofs against a naive
// implementation written straight from the RFC's recursive definitions, at every size up to 64
// and at sizes around powers of two, plus the CT reference roots of the 8-leaf test tree.
import { createHash } from 'node:crypto';
import {
  appendLeaf, bytesToHex, consistencyProof, emptyFrontier, frontierAppend, frontierRoot,
  hexToBytes, inclusionProof, leafHash, rootFromInclusionProof, treeRoot, verifyConsistency,
  verifyInclusion, type SubtreeHash,
} from '../index.js';

const sha = (d: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(d).digest());
const cat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

// ---- naive, from the definitions of RFC 9162 §2.1.1, §2.1.3.1, §2.1.4.1 ----
function k(n: number): number {
  let x = 1;
  while (x * 2 < n) x *= 2;
  return x;
}
function mth(d: Uint8Array[]): Uint8Array {
  if (d.length === 0) return sha(new Uint8Array(0));
  if (d.length === 1) return sha(cat(Uint8Array.of(0), d[0]));
  const s = k(d.length);
  return sha(cat(Uint8Array.of(1), mth(d.slice(0, s)), mth(d.slice(s))));
}
function naivePath(m: number, d: Uint8Array[]): Uint8Array[] {
  if (d.length <= 1) return [];
  const s = k(d.length);
  return m < s ? [...naivePath(m, d.slice(0, s)), mth(d.slice(s))]
    : [...naivePath(m - s, d.slice(s)), mth(d.slice(0, s))];
}
function naiveSubproof(m: number, d: Uint8Array[], b: boolean): Uint8Array[] {
  if (m === d.length) return b ? [] : [mth(d)];
  const s = k(d.length);
  return m <= s ? [...naiveSubproof(m, d.slice(0, s), b), mth(d.slice(s))]
    : [...naiveSubproof(m - s, d.slice(s), false), mth(d.slice(0, s))];
}

/** An in-memory subtree store filled through appendLeaf. */
function grow(data: Uint8Array[]): SubtreeHash {
  const nodes: Record<string, Uint8Array> = {};
  const get: SubtreeHash = (l, i) => nodes[l + '/' + i];
  data.forEach((d, n) => appendLeaf(sha, get, (l, i, h) => { nodes[l + '/' + i] = h; }, n,
    leafHash(sha, d)));
  return get;
}

const leaves = (n: number): Uint8Array[] =>
  Array.from({ length: n }, (_, i) => new TextEncoder().encode('entry ' + i));
const hex = (list: Uint8Array[]): string[] => list.map(bytesToHex);

describe('RFC 9162 Merkle tree (issue 18)', () => {
  it('gives the reference roots of the certificate-transparency 8-leaf test tree', () => {
    const data = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657',
      '606162636465666768696a6b6c6d6e6f'].map((h) => hexToBytes(h) as Uint8Array);
    const roots = [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
      'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
      '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
      'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    ];
    const get = grow(data);
    expect(roots.map((_, i) => bytesToHex(treeRoot(sha, get, i + 1)))).toEqual(roots);
    expect(bytesToHex(treeRoot(sha, get, 0)))
      .toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('matches the naive root, frontier root and every inclusion proof up to 64 leaves', () => {
    const data = leaves(65);
    const get = grow(data);
    const f = emptyFrontier();
    for (let n = 1; n <= 64; n++) {
      frontierAppend(sha, f, leafHash(sha, data[n - 1]));
      const root = mth(data.slice(0, n));
      expect(bytesToHex(treeRoot(sha, get, n))).toBe(bytesToHex(root));
      expect(bytesToHex(frontierRoot(sha, f))).toBe(bytesToHex(root));
      for (let m = 0; m < n; m++) {
        const proof = inclusionProof(sha, get, m, n);
        expect(hex(proof)).toEqual(hex(naivePath(m, data.slice(0, n))));
        const leaf = leafHash(sha, data[m]);
        expect(verifyInclusion(sha, m, n, leaf, proof, root)).toBeTrue();
        expect(verifyInclusion(sha, m, n, leafHash(sha, data[m + 1]), proof, root)).toBeFalse();
        if (n > 1) expect(verifyInclusion(sha, (m + 1) % n, n, leaf, proof, root)).toBeFalse();
        expect(rootFromInclusionProof(sha, n, n, leaf, proof)).toBeUndefined();
        if (proof.length > 0) {
          expect(verifyInclusion(sha, m, n, leaf, proof.slice(1), root)).toBeFalse();
        }
      }
    }
  });

  it('matches the naive consistency proof and verifies it for every pair up to 48', () => {
    const data = leaves(48);
    const get = grow(data);
    for (let n = 1; n <= 48; n++) {
      const newRoot = mth(data.slice(0, n));
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(sha, get, m, n);
        expect(hex(proof)).toEqual(m === n ? [] : hex(naiveSubproof(m, data.slice(0, n), true)));
        const oldRoot = mth(data.slice(0, m));
        expect(verifyConsistency(sha, m, n, oldRoot, newRoot, proof)).toBeTrue();
        if (m < n) {
          const forged = proof.map((p) => p.slice());
          forged[forged.length - 1][0] ^= 1;
          expect(verifyConsistency(sha, m, n, oldRoot, newRoot, forged)).toBeFalse();
          expect(verifyConsistency(sha, m, n, newRoot, newRoot, proof)).toBeFalse();
          expect(verifyConsistency(sha, m, n, oldRoot, newRoot, [])).toBeFalse();
        }
      }
    }
  });

  it('matches the naive tree around powers of two up to 1025 leaves', () => {
    const data = leaves(1025);
    const get = grow(data);
    for (const n of [127, 128, 129, 255, 256, 257, 511, 512, 513, 1000, 1023, 1024, 1025]) {
      const root = mth(data.slice(0, n));
      expect(bytesToHex(treeRoot(sha, get, n))).withContext('size ' + n).toBe(bytesToHex(root));
      for (const m of [0, 1, n >> 1, n - 2, n - 1]) {
        const proof = inclusionProof(sha, get, m, n);
        expect(hex(proof)).toEqual(hex(naivePath(m, data.slice(0, n))));
        expect(verifyInclusion(sha, m, n, leafHash(sha, data[m]), proof, root)).toBeTrue();
      }
      for (const m of [1, 3, 64, n >> 1, n - 1]) {
        const proof = consistencyProof(sha, get, m, n);
        expect(hex(proof)).toEqual(m === n ? [] : hex(naiveSubproof(m, data.slice(0, n), true)));
        expect(verifyConsistency(sha, m, n, mth(data.slice(0, m)), root, proof)).toBeTrue();
      }
    }
  });

  it('stores one hash per leaf plus one per completed subtree, reading only left siblings', () => {
    const nodes: Record<string, Uint8Array> = {};
    let reads = 0;
    const get: SubtreeHash = (l, i) => {
      reads++;
      return nodes[l + '/' + i];
    };
    let stored = 0;
    for (let n = 0; n < 1024; n++) {
      stored += appendLeaf(sha, get, (l, i, h) => { nodes[l + '/' + i] = h; }, n,
        leafHash(sha, Uint8Array.of(n & 255)));
    }
    expect(stored).toBe(2047);
    expect(reads).toBe(1023);
  });
});
