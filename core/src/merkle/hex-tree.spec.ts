// The portable hex tree (hex-tree.ts) computes what the byte tree server/ stores computes
// (merkle-tree.ts): the same roots, audit paths and consistency proofs, and they verify.
import { createHash } from 'node:crypto';
import {
  appendLeaf, consistencyProof, inclusionProof, treeRoot, verifyConsistency, verifyInclusion,
  type Sha256,
} from './merkle-tree.js';
import { bytesToHex, hexSha256Of, hexToBytes } from './log-tree.js';
import {
  consistencyProofHex, emptyHexFrontier, hexFrontierAppend, hexFrontierRoot, inclusionProofHex,
  inclusionProofsHex, leafHashHex, treeRootHex, utf8Hex, type Sha256Hex,
} from './hex-tree.js';
import { auditLeafFacts, auditLeafHash } from './audit-leaf.js';
import { auditLeafHashHex } from './hex-tree.js';

const sha: Sha256 = (d) => new Uint8Array(createHash('sha256').update(d).digest());
const shaHex: Sha256Hex = (h) => createHash('sha256').update(Buffer.from(h, 'hex')).digest('hex');
const b = (hex: string): Uint8Array => hexToBytes(hex) as Uint8Array;

describe('the hex Merkle tree (core/src/merkle/hex-tree.ts)', () => {
  const N = 37;
  const leaves: string[] = [];
  const stored = new Map<string, Uint8Array>();
  const get = (l: number, i: number) => stored.get(l + '/' + i);
  for (let i = 0; i < N; i++) {
    leaves.push(leafHashHex(shaHex, utf8Hex('entry ' + i + ' 访问')));
    appendLeaf(sha, get, (l, x, h) => stored.set(l + '/' + x, h), i, b(leaves[i]));
  }

  it('hashes leaves, roots and frontiers as the byte tree does', () => {
    expect(hexSha256Of(sha)('00ff')).toBe(shaHex('00ff'));
    expect(treeRootHex(shaHex, leaves, 0)).toBe(bytesToHex(treeRoot(sha, get, 0)));
    const f = emptyHexFrontier();
    for (let n = 1; n <= N; n++) {
      hexFrontierAppend(shaHex, f, leaves[n - 1]);
      const root = bytesToHex(treeRoot(sha, get, n));
      expect(treeRootHex(shaHex, leaves, n)).toBe(root);
      expect(hexFrontierRoot(shaHex, f)).toBe(root);
    }
  });

  it('gives the byte tree\'s audit paths and consistency proofs, which verify', () => {
    for (let n = 1; n <= N; n++) {
      const root = treeRoot(sha, get, n);
      for (let i = 0; i < n; i++) {
        const p = inclusionProofHex(shaHex, leaves, i, n);
        expect(p).toEqual(inclusionProof(sha, get, i, n).map(bytesToHex));
        expect(verifyInclusion(sha, i, n, b(leaves[i]), p.map(b), root)).toBeTrue();
      }
      for (let m = 1; m <= n; m++) {
        const p = consistencyProofHex(shaHex, leaves, m, n);
        expect(p).toEqual(consistencyProof(sha, get, m, n).map(bytesToHex));
        expect(verifyConsistency(sha, m, n, treeRoot(sha, get, m), root, p.map(b))).toBeTrue();
      }
    }
    expect(() => inclusionProofHex(shaHex, leaves, N, N)).toThrowError(RangeError);
    expect(() => consistencyProofHex(shaHex, leaves, 3, N + 1)).toThrowError(RangeError);
  });

  it('hashes an audit entry\'s leaf as the byte code does', () => {
    const f = auditLeafFacts({ id: 7, createdAt: '2026-12-07T10:00:00.000+0000',
      createdByUser: { id: 'officer1' }, values: { '/efr-access/transaction/action': 'READ' } });
    expect(f).toBeDefined();
    if (f) expect(auditLeafHashHex(shaHex, f)).toBe(bytesToHex(auditLeafHash(sha, f)));
  });

  it('gives several audit paths at once, each the one of inclusionProofHex', () => {
    const picked = [0, 3, 4, 17, 35];
    for (const size of [36, 37]) {
      expect(inclusionProofsHex(shaHex, leaves, picked, size)).toEqual(
        picked.map((i) => inclusionProofHex(shaHex, leaves, i, size)));
    }
    expect(inclusionProofsHex(shaHex, leaves, [], N)).toEqual([]);
    expect(() => inclusionProofsHex(shaHex, leaves, [5], 5)).toThrowError(RangeError);
    expect(() => inclusionProofsHex(shaHex, leaves, [0], N + 1)).toThrowError(RangeError);
  });
});
