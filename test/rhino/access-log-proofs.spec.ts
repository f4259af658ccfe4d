/**
 * Issue 18 in the ACS module: `GET /access-log/verify`, `/proof` and `/consistency` in the
 * ACS-like runtime, from the one source server/ runs too (webscripts/src/access-log/proofs.ts),
 * over the efr-access rows as AuditService answers them. The rows are seeded and then changed,
 * reordered and removed behind ACS's back (test/acs-runtime Audit#seedReads, #tamper), as a
 * database administrator could; verify names the entry against the signed heads. Also times
 * verify and a proof over 10 000 entries (docs/api.md "In the ACS module").
 */
import { createHash } from 'node:crypto';
import {
  appendLeaf, auditLeafFacts, auditLeafHash, bytesToHex, consistencyProof, emptyFrontier,
  frontierAppend, frontierText, inclusionProof, treeRoot, type RestAuditEntry, type Sha256,
} from '../../core/src/index.js';
import { TREE_HEADS } from './webscript-features.js';
import {
  runWebScripts, type AuditCall, type WsCall, type WsResult,
} from './webscript-run.js';

const USERS: Record<string, string[]> = {
  supervisor1: ['GROUP_EFR_SUPERVISORS'],
  officer1: ['GROUP_EFR_OFFICERS'],
  worker1: ['GROUP_EFR_WORKERS'],
};
const sha: Sha256 = (d) => new Uint8Array(createHash('sha256').update(d).digest());
const NODE = '0a1b2c3d-0000-4000-8000-000000000001';
const FIRST = 1765000000000;
const K = '/efr-access/transaction/';
/** A node no efr-access row is about. */
const OTHER = '0a1b2c3d-0000-4000-8000-000000000002';

/** The entries Audit#seedReads records, as the REST API serves them. */
function seeded(n: number, node = NODE, first = FIRST, firstId = 1): RestAuditEntry[] {
  const out: RestAuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    out.push({ id: String(firstId + i), createdAt: new Date(first + i).toISOString(),
      createdByUser: { id: 'officer1' }, values: { [K + 'action']: 'READ',
        [K + 'sub-actions']: 'readContent', [K + 'user']: 'officer1', [K + 'node']: node,
        [K + 'type']: 'efr:recording' } });
  }
  return out;
}

const code = (r: WsResult): string => (r.status < 400 ? String(r.status)
  : `${r.status} ${r.body?.error?.errorKey ?? r.error}`);

describe('issue 18 in the module: verify, proofs and consistency in the ACS-like runtime', () => {
  const N = 6;
  const entries = seeded(N);
  const leaves = entries.map((e) => auditLeafHash(sha, auditLeafFacts(e)!));
  const store = new Map<string, Uint8Array>();
  const get = (l: number, i: number) => store.get(l + '/' + i);
  leaves.forEach((l, i) => appendLeaf(sha, get, (lv, x, h) => store.set(lv + '/' + x, h), i, l));
  let r: Record<string, WsResult>;

  beforeAll(async () => {
    const ws = (name: string, script: string, user: string, extra: Partial<WsCall> = {}):
      WsCall => ({ name, script, user, ...extra });
    const audit = (name: string, a: AuditCall['audit']): AuditCall => ({ name, audit: a });
    // A signed head at every size (the signature is the auditor's to check offline).
    const heads: (WsCall)[] = [];
    const f = emptyFrontier();
    for (let n = 1; n <= N; n++) {
      frontierAppend(sha, f, leaves[n - 1]);
      heads.push(ws('ask' + n, 'tree-heads.post', 'supervisor1', { body: {} }));
      heads.push(ws('sign' + n, 'tree-head-signed.post', 'worker1', {
        templateArgs: { id: '@ask' + n },
        body: { treeSize: n, timestamp: FIRST + 1000 + n,
          rootHash: bytesToHex(treeRoot(sha, get, n)), signature: 'cd'.repeat(64),
          keyId: 'ef'.repeat(32), publicKey: '01'.repeat(32), lastEntryId: n,
          frontier: frontierText(f) } }));
    }
    const verify = (name: string) => ws(name, 'verify.get', 'supervisor1');
    const entries = (name: string, user: string, args: Record<string, string>) =>
      ws(name, 'entries.get', user, { args });
    r = await runWebScripts(TREE_HEADS, USERS, [
      audit('seed', { op: 'seed', count: N, user: 'officer1', node: NODE,
        type: 'efr:recording', firstMillis: FIRST }),
      ...heads,
      verify('verifyOk'),
      ws('verifyOfficer', 'verify.get', 'officer1'),
      ws('proof', 'proof.get', 'worker1', { args: { seq: '2', treeSize: '6' } }),
      ws('proofLast', 'proof.get', 'supervisor1', { args: { seq: '5', treeSize: '5' } }),
      ws('proofZero', 'proof.get', 'supervisor1', { args: { seq: '0', treeSize: '6' } }),
      ws('proofBeyond', 'proof.get', 'supervisor1', { args: { seq: '3', treeSize: '7' } }),
      ws('proofOutside', 'proof.get', 'supervisor1', { args: { seq: '4', treeSize: '3' } }),
      ws('proofOfficer', 'proof.get', 'officer1', { args: { seq: '1', treeSize: '1' } }),
      ws('consistency', 'consistency.get', 'supervisor1', { args: { first: '3', second: '6' } }),
      ws('consistencyBackward', 'consistency.get', 'supervisor1',
        { args: { first: '6', second: '3' } }),
      ws('consistencyWorker', 'consistency.get', 'worker1', { args: { first: '1', second: '2' } }),
      entries('entries', 'supervisor1', { nodeId: NODE, treeSize: '6' }),
      entries('entriesWorker', 'worker1', { nodeId: NODE, treeSize: '6' }),
      entries('entriesAll', 'supervisor1', { nodeId: NODE }),
      entries('entriesOther', 'supervisor1', { nodeId: OTHER, treeSize: '4' }),
      entries('entriesNoHead', 'supervisor1', { nodeId: NODE, treeSize: '7' }),
      entries('entriesBadNode', 'supervisor1', { nodeId: '../x', treeSize: '6' }),
      entries('entriesNoNode', 'supervisor1', { treeSize: '6' }),
      entries('entriesBadSize', 'supervisor1', { nodeId: NODE, treeSize: '-1' }),
      entries('entriesOfficer', 'officer1', { nodeId: NODE }),
      audit('change', { op: 'change', position: 3, key: K + 'user', value: 'someoneElse' }),
      verify('verifyChanged'),
      audit('changeBack', { op: 'change', position: 3, key: K + 'user', value: 'officer1' }),
      verify('verifyRestored'),
      audit('reorder', { op: 'reorder', position: 4 }),
      verify('verifyReordered'),
      audit('reorderBack', { op: 'reorder', position: 4 }),
      audit('remove', { op: 'remove', position: 5 }),
      verify('verifyRemoved'),
      entries('entriesRemoved', 'supervisor1', { nodeId: NODE, treeSize: '5' }),
      entries('entriesRemovedEarlier', 'supervisor1', { nodeId: NODE, treeSize: '4' }),
    ]);
    // A JVM start and a module build: minutes on a loaded machine.
  }, 900_000);

  it('the runtime stores the rows the spec computes (the node a NodeRef, served as its id)', () => {
    const stored = (k: string, v: unknown) => (k === K + 'node' ? 'workspace://SpacesStore/' + v : v);
    expect(r.seed.body?.audit).toEqual(entries.map((e, i) => `${i + 1}|officer1|${FIRST + i}|` +
      Object.keys(e.values!).sort().map((k) => `${k}=${stored(k, e.values![k])}`).join(';') + ';'));
    for (let n = 1; n <= N; n++) expect(code(r['sign' + n])).withContext('sign' + n).toBe('200');
  });

  it('R14.1: verify walks the log against every signed head; an officer is refused', () => {
    expect(r.verifyOk.body?.entry).withContext(JSON.stringify(r.verifyOk))
      .toEqual(jasmine.objectContaining({ ok: true, count: N }));
    expect(code(r.verifyOfficer)).toBe('403 efr.accessLog.notReader');
  });

  it('answers the audit paths and consistency proofs of the tree the heads signed', () => {
    expect(r.proof.body as unknown).withContext(JSON.stringify(r.proof)).toEqual({ seq: 2,
      treeSize: 6, inclusionProof: inclusionProof(sha, get, 1, 6).map(bytesToHex) });
    expect(r.proofLast.body as unknown).toEqual({ seq: 5, treeSize: 5,
      inclusionProof: inclusionProof(sha, get, 4, 5).map(bytesToHex) });
    expect(r.consistency.body as unknown).toEqual({ first: 3, second: 6,
      consistencyProof: consistencyProof(sha, get, 3, 6).map(bytesToHex) });
    expect(code(r.proofZero)).toBe('400 framework.exception.InvalidArgument');
    expect(code(r.proofBeyond)).toBe('404 framework.exception.EntityNotFound');
    expect(code(r.proofOutside)).toBe('400 framework.exception.InvalidArgument');
    expect(code(r.proofOfficer)).toBe('403 efr.accessLog.notReader');
    expect(code(r.consistencyBackward)).toBe('400 framework.exception.InvalidArgument');
    expect(code(r.consistencyWorker)).toBe('403 efr.accessLog.notReader');
  });

  it("GET /access-log/entries: a node's entries as hashed, at their positions, with proofs", () => {
    const proven = r.entries.body as unknown as { nodeId: string; treeSize: number;
      logSize: number;
      entries: { seq: number; entry: unknown; inclusionProof: string[] | null }[] };
    expect(code(r.entries)).withContext(JSON.stringify(r.entries)).toBe('200');
    expect(proven.nodeId).toBe(NODE);
    expect(proven.treeSize).toBe(6);
    expect(proven.logSize).toBe(N);
    expect(proven.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    // Each entry exactly as its leaf covers it, its proof the one of the signed tree.
    entries.forEach((e, i) => {
      expect(proven.entries[i].entry).toEqual(auditLeafFacts(e)!);
      expect(proven.entries[i].inclusionProof)
        .toEqual(inclusionProof(sha, get, i, 6).map(bytesToHex));
    });
    const all = r.entriesAll.body as unknown as typeof proven;
    expect(all.treeSize).toBeNull();
    expect(all.entries.map((e) => [e.seq, e.inclusionProof])).toEqual(
      [1, 2, 3, 4, 5, 6].map((s) => [s, null]));
    expect(r.entriesOther.body as unknown).toEqual({ nodeId: OTHER, treeSize: 4, logSize: N,
      entries: [] });
    // efr worker reads a recording's entries only while it holds a disc job copying it.
    const refused = ['entriesNoHead', 'entriesBadNode', 'entriesNoNode', 'entriesBadSize',
      'entriesOfficer', 'entriesWorker'].map((n) => n + ' ' + code(r[n]));
    expect(refused).toEqual(['entriesNoHead 404 framework.exception.EntityNotFound',
      'entriesBadNode 400 framework.exception.InvalidArgument',
      'entriesNoNode 400 framework.exception.InvalidArgument',
      'entriesBadSize 400 framework.exception.InvalidArgument',
      'entriesOfficer 403 efr.accessLog.notReader', 'entriesWorker 403 efr.accessLog.notReader']);
  });

  it('GET /access-log/entries names a removed audit row instead of giving failing proofs', () => {
    expect(code(r.entriesRemoved)).toBe('409 efr.accessLog.headMismatch');
    const summary = r.entriesRemoved.body?.error?.briefSummary ?? '';
    expect(summary).withContext(summary).toContain('position 5, audit entry 6');
    // The heads before the removed row still hold: their proofs are given.
    expect(code(r.entriesRemovedEarlier)).withContext(JSON.stringify(r.entriesRemovedEarlier))
      .toBe('200');
  });

  it('names the entry changed, reordered or removed behind ACS\'s back', () => {
    const named = (x: WsResult) => {
      const e = x.body?.entry as { ok: boolean; index: number; id: number } | undefined;
      return e && { ok: e.ok, index: e.index, id: e.id };
    };
    expect(named(r.verifyChanged)).withContext(JSON.stringify(r.verifyChanged))
      .toEqual({ ok: false, index: 2, id: 3 });
    expect(r.verifyRestored.body?.entry).toEqual(jasmine.objectContaining({ ok: true }));
    expect(named(r.verifyReordered)).withContext(JSON.stringify(r.verifyReordered))
      .toEqual({ ok: false, index: 3, id: 4 });
    // Row 5 removed: position 5 now holds entry 6.
    expect(named(r.verifyRemoved)).withContext(JSON.stringify(r.verifyRemoved))
      .toEqual({ ok: false, index: 4, id: 6 });
  });
});

describe('issue 18 in the module: verify and a proof over 10 000 entries (timing)', () => {
  it('verifies 10 000 entries and proves one; prints the times', async () => {
    const n = 10000;
    const r = await runWebScripts(TREE_HEADS, USERS, [
      { name: 'seed', audit: { op: 'seed', count: n, user: 'officer1', node: NODE,
        type: 'efr:recording', firstMillis: FIRST } },
      { name: 'verify', script: 'verify.get', user: 'supervisor1' },
      { name: 'proof', script: 'proof.get', user: 'supervisor1',
        args: { seq: '1234', treeSize: String(n) } },
      { name: 'verify2', script: 'verify.get', user: 'supervisor1' },
    ]);
    expect(r.verify.body?.entry).toEqual(jasmine.objectContaining({ ok: true, count: n }));
    expect((r.proof.body as unknown as { inclusionProof: string[] }).inclusionProof.length)
      .toBe(14);
    console.log(`[timing] ${n} entries in the ACS-like runtime: verify ${r.verify.ms} ms, ` +
      `again ${r.verify2.ms} ms, proof ${r.proof.ms} ms`);
  }, 900_000);
});

describe("issue 18 in the module: a recording's entries proven in a log of 10 000 (timing)", () => {
  it('answers GET /access-log/entries with the proofs; prints the time', async () => {
    const n = 10000;
    const mine = 10;
    const all = [...seeded(n - mine, OTHER), ...seeded(mine, NODE, FIRST + n, n - mine + 1)];
    const f = emptyFrontier();
    const store = new Map<string, Uint8Array>();
    const get = (l: number, i: number) => store.get(l + '/' + i);
    all.forEach((e, i) => {
      const leaf = auditLeafHash(sha, auditLeafFacts(e)!);
      frontierAppend(sha, f, leaf);
      appendLeaf(sha, get, (lv, x, h) => store.set(lv + '/' + x, h), i, leaf);
    });
    const seed = (name: string, count: number, node: string, first: number) => ({ name,
      audit: { op: 'seed' as const, count, user: 'officer1', node, type: 'efr:recording',
        firstMillis: first } });
    const r = await runWebScripts(TREE_HEADS, USERS, [
      seed('seedOther', n - mine, OTHER, FIRST),
      seed('seedMine', mine, NODE, FIRST + n),
      { name: 'ask', script: 'tree-heads.post', user: 'supervisor1', body: {} },
      { name: 'sign', script: 'tree-head-signed.post', user: 'worker1',
        templateArgs: { id: '@ask' }, body: { treeSize: n, timestamp: FIRST + 2 * n,
          rootHash: bytesToHex(treeRoot(sha, get, n)), signature: 'cd'.repeat(64),
          keyId: 'ef'.repeat(32), publicKey: '01'.repeat(32), lastEntryId: n,
          frontier: frontierText(f) } },
      { name: 'entries', script: 'entries.get', user: 'supervisor1',
        args: { nodeId: NODE, treeSize: String(n) } },
    ]);
    expect(code(r.sign)).withContext(JSON.stringify(r.sign)).toBe('200');
    const body = r.entries.body as unknown as
      { entries: { seq: number; inclusionProof: string[] }[] };
    expect(code(r.entries)).withContext(JSON.stringify(r.entries).slice(0, 500)).toBe('200');
    expect(body.entries.map((e) => e.seq)).toEqual(
      Array.from({ length: mine }, (_, i) => n - mine + 1 + i));
    body.entries.forEach((e) => expect(e.inclusionProof)
      .toEqual(inclusionProof(sha, get, e.seq - 1, n).map(bytesToHex)));
    console.log(`[timing] GET /access-log/entries, ${mine} of ${n} entries proven in the ` +
      `ACS-like runtime: ${r.entries.ms} ms`);
  }, 900_000);
});
