// The Merkle leaf of an efr-access audit entry (issue 18): one definition for ACS's rows and
// server/'s chained entries; a changed, removed or reordered row changes the tree, and the
// auditor names it.
import { createHash } from 'node:crypto';
import {
  accessAuditEntryOf, auditEntryNodeId, auditLeafFacts, auditLeafHash, auditLeafText,
  frontierOfText, frontierText, isAuditLeafFacts, logLeafHash, startAuditTrail, utcInstant, type RestAuditEntry,
} from './index.js';
import { emptyFrontier, frontierAppend, frontierRoot, leafHash, type Sha256 } from './merkle-tree.js';
import { bytesToHex, hexSha256Of, utf8Array, type SignedTreeHead } from './log-tree.js';

const sha: Sha256 = (d) => new Uint8Array(createHash('sha256').update(d).digest());

/** ACS's audit entries: ids with gaps, alfresco-access's values (node as its id: REST's form). */
function acsEntries(n: number): RestAuditEntry[] {
  const out: RestAuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    out.push({ id: 100 + i * 7, createdAt: '2026-12-07T10:00:0' + (i % 10) + '.12' + i % 10 +
      '+0000', createdByUser: { id: i % 2 ? 'custodian1' : 'officer1' },
      values: { '/efr-access/transaction/action': 'READ',
        '/efr-access/transaction/node': 'node-' + i, '/efr-access/transaction/sub-actions':
        'readContent', '/efr-access/transaction/type': 'efr:recording' } });
  }
  return out;
}

function rootOf(entries: RestAuditEntry[]): string {
  const f = emptyFrontier();
  for (const e of entries) frontierAppend(sha, f, auditLeafHash(sha, auditLeafFacts(e)!));
  return bytesToHex(frontierRoot(sha, f));
}

/** A head over entries (signature aside: the auditor's caller checks it). */
function headOf(entries: RestAuditEntry[]): SignedTreeHead {
  return { treeSize: entries.length, timestamp: 1, rootHash: rootOf(entries),
    signature: '0'.repeat(128), keyId: '0'.repeat(64) };
}

describe('the Merkle leaf of an efr-access audit entry (issue 18)', () => {
  it('covers id, createdAt as a UTC instant, the user id and every value as text', () => {
    const f = auditLeafFacts({ id: 42, createdAt: '2026-12-07T18:00:00.5+08:00',
      createdByUser: { id: 'officer1' }, values: { '/a': 'x', '/b': 3, '/c': null } })!;
    expect(auditLeafText(f)).toBe('{"createdAt":"2026-12-07T10:00:00.500Z",' +
      '"createdByUser":"officer1","id":"42","values":{"/a":"x","/b":"3"}}');
    expect(bytesToHex(auditLeafHash(sha, f)))
      .toBe(bytesToHex(leafHash(sha, utf8Array(auditLeafText(f)))));
    expect(utcInstant('2026-12-07T10:00:00.000+0000')).toBe('2026-12-07T10:00:00.000Z');
    expect(utcInstant('2026-12-07T10:00:00Z')).toBe('2026-12-07T10:00:00.000Z');
    expect(utcInstant('2026-12-07 10:00')).toBeUndefined();
    for (const bad of [{ id: 0 }, { id: 'x' }, { id: 1, createdAt: 'yesterday' },
      { id: 1, createdByUser: {} }, { id: 1, values: { '/a': { nested: 1 } } }]) {
      expect(auditLeafFacts({ createdAt: '2026-12-07T10:00:00.000Z',
        createdByUser: { id: 'u' }, ...bad } as RestAuditEntry)).withContext(JSON.stringify(bad))
        .toBeUndefined();
    }
  });

  it('gives server/ entries the leaf of the audit entry they are served as', () => {
    const e = { id: '3', seq: 3, at: '2026-12-07T10:00:00.000Z', user: 'admin', action: 'read',
      nodeId: 'n1', values: { why: '复核' }, prevHash: 'a'.repeat(64), hash: 'b'.repeat(64) };
    const served = accessAuditEntryOf(e);
    expect(served.values).toEqual({ '/efr-access/action': 'read', '/efr-access/user': 'admin',
      '/efr-access/nodeId': 'n1', '/efr-access/why': '复核', '/efr-access/prevHash': 'a'.repeat(64),
      '/efr-access/hash': 'b'.repeat(64) });
    const rest = { ...served, createdAt: '2026-12-07T10:00:00.000+0000',
      createdByUser: { id: 'admin', displayName: 'Administrator' } };
    expect(bytesToHex(logLeafHash(sha, e))).toBe(bytesToHex(auditLeafHash(sha,
      auditLeafFacts(rest)!)));
  });

  it('changes the root for a changed, removed or reordered row of ACS', () => {
    const log = acsEntries(9);
    const root = rootOf(log);
    const changed = log.map((e, i) => (i === 4 ? { ...e, values: { ...e.values,
      '/efr-access/transaction/action': 'DELETE' } } : e));
    const user = log.map((e, i) => (i === 4 ? { ...e, createdByUser: { id: 'leader1' } } : e));
    const removed = log.filter((_, i) => i !== 4);
    const reordered = log.slice();
    [reordered[3], reordered[4]] = [reordered[4], reordered[3]];
    for (const other of [changed, user, removed, reordered]) expect(rootOf(other)).not.toBe(root);
  });

  it('names a reordered row, and bounds a changed or removed one between heads', () => {
    const log = acsEntries(12);
    const heads = [headOf(log.slice(0, 4)), headOf(log.slice(0, 8)), headOf(log)];
    const run = (entries: RestAuditEntry[]) => {
      const t = startAuditTrail(hexSha256Of(sha), heads);
      for (const e of entries) if (t.add(e)) break;
      return t.finish();
    };
    expect(run(log)).toEqual({ ok: true, entries: 12, heads: 3 });
    const reordered = log.slice();
    [reordered[5], reordered[6]] = [reordered[6], reordered[5]];
    expect(run(reordered)).toEqual({ ok: false, problem: jasmine.objectContaining({
      seq: 7, exact: true, entryId: String(log[5].id) }) });
    const changed = log.map((e, i) => (i === 5 ? { ...e, createdAt: '2026-12-07T11:00:00Z' } : e));
    expect(run(changed)).toEqual({ ok: false, problem: jasmine.objectContaining({
      seq: 5, exact: false, toSeq: 8 }) });
    expect(run(log.filter((_, i) => i !== 9))).toEqual({ ok: false,
      problem: jasmine.objectContaining({ seq: 9, exact: false, toSeq: 12 }) });
    expect(run(log.slice(0, 10))).toEqual({ ok: false,
      problem: jasmine.objectContaining({ seq: 9, toSeq: 12 }) });
  });

  it('keeps the frontier as text that only fits its size', () => {
    const f = emptyFrontier();
    for (const e of acsEntries(13)) frontierAppend(sha, f, auditLeafHash(sha, auditLeafFacts(e)!));
    const text = frontierText(f);
    expect(text.split(',').map((p) => p.split(':')[0])).toEqual(['3', '2', '0']);
    const back = frontierOfText(13, text)!;
    expect(bytesToHex(frontierRoot(sha, back))).toBe(bytesToHex(frontierRoot(sha, f)));
    expect(frontierOfText(12, text)).toBeUndefined();
    expect(frontierOfText(13, text.replace('3:', '4:'))).toBeUndefined();
    expect(frontierOfText(0, '')).toEqual({ size: 0, hashes: [], levels: [] });
  });
});

describe('an audit entry as an evidence disc writes it (issue 18)', () => {
  const facts = auditLeafFacts({ id: '1006', createdAt: '2026-11-25T09:02:00.000+0800',
    createdByUser: { id: 'custodian1' }, values: { '/efr-access/transaction/node': 'n-1',
      '/efr-access/transaction/action': 'READ' } })!;

  it('is the leaf facts exactly, nothing read into them', () => {
    expect(facts.createdAt).toBe('2026-11-25T01:02:00.000Z');
    expect(isAuditLeafFacts(facts)).toBeTrue();
    expect(isAuditLeafFacts(JSON.parse(JSON.stringify(facts)))).toBeTrue();
    expect(isAuditLeafFacts({ ...facts, createdAt: '2026-11-25T09:02:00.000+0800' })).toBeFalse();
    expect(isAuditLeafFacts({ ...facts, id: 1006 })).toBeFalse();
    expect(isAuditLeafFacts({ ...facts, id: '0' })).toBeFalse();
    expect(isAuditLeafFacts({ ...facts, createdByUser: { id: 'custodian1' } })).toBeFalse();
    expect(isAuditLeafFacts({ ...facts, values: { a: 1 } })).toBeFalse();
    expect(isAuditLeafFacts({ ...facts, extra: 'x' })).toBeFalse();
    expect(isAuditLeafFacts(null)).toBeFalse();
  });

  it('names its node in either host', () => {
    expect(auditEntryNodeId(facts.values)).toBe('n-1');
    expect(auditEntryNodeId({ '/efr-access/transaction/node': 'workspace://SpacesStore/n-2' }))
      .toBe('n-2');
    expect(auditEntryNodeId({ '/efr-access/nodeId': 'r1' })).toBe('r1');
    expect(auditEntryNodeId({ '/efr-access/action': 'login' })).toBeNull();
  });
});
