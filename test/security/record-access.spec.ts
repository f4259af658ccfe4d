/**
 * Issue 16, items 2–5 (server/): requests are read only by those the web script shows them to,
 * on every path; nobody owns an EFR record; locks never beat the rules; protected aspects are
 * not removed. Against the demo server, through HTTP, as the demo users.
 */
import { makeMp4 } from '../support/media.js';
import { CORE, SEARCH, tempDir } from '../support/server-harness.js';
import { handoverBody, recordingFields, type HandoverEntry } from '../api/handover-support.js';
import { outcome, securityFixture, WS, type SecurityFixture } from './security-fixture.js';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

type List = { list: { entries: { entry: { id: string } }[] } };

describe('EFR records: reads, ownership, locks and aspects (issue 16)', () => {
  let f: SecurityFixture;
  let requestId: string;
  let media: string;

  beforeAll(async () => {
    f = await securityFixture();
    requestId = await f.registeredRequest('officer1');
    media = tempDir('sec-media');
  }, 60_000);
  afterAll(async () => {
    await f.close();
    rmSync(media, { recursive: true, force: true });
  });

  it('R24.1: another officer reads no request of officer1 by any path', async () => {
    const other = f.as('officer2');
    const get = await other.request('get', `${CORE}/nodes/${requestId}`);
    expect([403, 404]).withContext(get.text).toContain(get.status);
    const folder = await f.as('admin').request<{ entry: { parentId: string } }>('get',
      `${CORE}/nodes/${requestId}`);
    const kids = await other.request<List>('get',
      `${CORE}/nodes/${folder.body.entry.parentId}/children?maxItems=1000`);
    expect(kids.status).toBe(200);
    expect(kids.body.list.entries.map((e) => e.entry.id)).not.toContain(requestId);
    const search = await other.request<List>('post', `${SEARCH}/search`, { json: {
      query: { query: "TYPE:'efr:accessRequest'", language: 'afts' } } });
    expect(search.status).toBe(200);
    expect(search.body.list.entries.map((e) => e.entry.id)).not.toContain(requestId);
    const byReason = await other.request<List>('post', `${SEARCH}/search`, { json: {
      query: { query: 'efr:reason:复核现场执法过程', language: 'afts' } } });
    expect((byReason.body.list?.entries ?? []).map((e) => e.entry.id)).not.toContain(requestId);
    const sources = await other.request<List>('get', `${CORE}/nodes/${f.recordingId}/sources`);
    if (sources.status === 200) {
      expect(sources.body.list.entries.map((e) => e.entry.id)).not.toContain(requestId);
    }
    const ws = await other.request('get', `${WS}/access-requests/${requestId}`);
    expect(ws.status).toBe(404);
    // Those the web script shows it to still read it on the generic path.
    for (const u of ['officer1', 'supervisor1', 'custodian1', 'director1']) {
      expect((await f.as(u).request('get', `${CORE}/nodes/${requestId}`)).status).withContext(u)
        .toBe(200);
    }
  });

  it('R24.1: an audit reader who may not read a request sees none of its log entries', async () => {
    const q = `where=${encodeURIComponent(`(valuesKey='/efr-access/nodeId' and valuesValue='${requestId}')`)}`;
    const global = (u: string) => f.as(u).request<List>('get',
      `${CORE}/audit-applications/efr-access/audit-entries?${q}&maxItems=1000`);
    expect((await global('supervisor1')).body.list.entries.length).toBeGreaterThan(0);
    const legal = await global('legal1');
    expect(legal.status).toBe(200);
    expect(legal.body.list.entries.length).toBe(0);
    const byNode = await f.as('legal1').request('get', `${CORE}/nodes/${requestId}/audit-entries`);
    expect([403, 404]).toContain(byNode.status);
    const first = (await global('supervisor1')).body.list.entries[0].entry.id;
    const one = await f.as('legal1').request('get',
      `${CORE}/audit-applications/efr-access/audit-entries/${first}`);
    expect(one.status).toBe(404);
  });

  it('nobody owns a sealed recording; a lock never blocks a receipt or a hold', async () => {
    const clip = await makeMp4(media, 'VID_0001.mp4', { seconds: 2, frequency: 500 });
    const opened = await f.as('custodian1').request<{ entry: HandoverEntry }>('post',
      `${WS}/handovers`, { json: handoverBody() });
    expect(opened.status).withContext(opened.text).toBe(201);
    const h = opened.body.entry;
    const up = await f.as('officer1').upload<{ entry: { id: string } }>(h.id, clip.path,
      'VID_0001.mp4', recordingFields(h, clip.sha256));
    expect(up.status).withContext(up.text).toBe(201);
    const rec = up.body.entry.id;
    // Locks: refused on EFR records (the upload blocked the second receipt forever before).
    const lock = await f.as('officer1').request('post', `${CORE}/nodes/${rec}/lock`,
      { json: { type: 'FULL' } });
    expect(outcome(lock)).toBe('403 efr.lock.refused');
    for (const u of ['custodian1', 'custodian2']) {
      const r = await f.as(u).request('post', `${WS}/handovers/${h.id}/receipts`,
        { json: { verifiedHashes: [clip.sha256] } });
      expect(r.status).withContext(`${u}: ${r.text}`).toBe(201);
    }
    const node = await f.as('admin').request<{ entry: { aspectNames: string[] } }>('get',
      `${CORE}/nodes/${rec}`);
    expect(node.body.entry.aspectNames).toContain('efr:sealed');
    // Ownership grants nothing: officer1 cannot deny supervisors or custodians.
    const deny = await f.as('officer1').request('put', `${CORE}/nodes/${rec}`, { json: {
      permissions: { isInheritanceEnabled: true, locallySet: [
        { authorityId: 'GROUP_EFR_SUPERVISORS', name: 'Consumer', accessStatus: 'DENIED' }] } } });
    expect(deny.status).withContext(deny.text).toBe(403);
    const info = await f.as('officer1').request<{ entry: { allowableOperations?: string[] } }>(
      'get', `${CORE}/nodes/${rec}?include=allowableOperations`);
    expect(info.body.entry.allowableOperations ?? []).not.toContain('updatePermissions');
    expect(info.body.entry.allowableOperations ?? []).not.toContain('delete');
    const byCustodian = await f.as('custodian1').request('put', `${CORE}/nodes/${rec}`, { json: {
      permissions: { isInheritanceEnabled: false } } });
    expect(outcome(byCustodian)).toBe('403 efr.permissions.stepsOnly');
    for (const u of ['custodian1', 'legal1', 'officer1', 'admin']) {
      const l = await f.as(u).request('post', `${CORE}/nodes/${rec}/lock`, { json: {} });
      expect(l.status).withContext(u).toBe(403);
    }
    const hold = await f.as('supervisor1').request('post', `${WS}/holds`, { json: {
      recordingIds: [rec], reason: '群众投诉，保全录像', complaintRef: 'TS-2026-001' } });
    expect(hold.status).withContext(hold.text).toBeLessThan(300);
    // An archive folder's permissions change only through EFR's steps.
    const archive = await f.as('custodian1').request<{ entry: { id: string } }>('get',
      `${CORE}/nodes/-root-?relativePath=${encodeURIComponent('EFR 执法记录/案件')}`);
    const acl = await f.as('custodian1').request('put', `${CORE}/nodes/${archive.body.entry.id}`,
      { json: { permissions: { locallySet: [{ authorityId: 'GROUP_EFR_OFFICERS',
        name: 'Coordinator', accessStatus: 'ALLOWED' }] } } });
    expect(outcome(acl)).toBe('403 efr.permissions.stepsOnly');
    expect((await f.refusals(rec)).map((r) => r.code)).toContain('efr.lock.refused');
  });

  it('R14.2/R21.4: a lock left from before (data of an older version) blocks no EFR step',
    async () => {
      // Locks on EFR records cannot be taken any more; one already in the data must not block
      // a hold, a seal or a receipt. Written straight into the database, as an old server left it.
      const clip = await makeMp4(media, 'VID_0002.mp4', { seconds: 2, frequency: 600 });
      const opened = await f.as('custodian1').request<{ entry: HandoverEntry }>('post',
        `${WS}/handovers`, { json: handoverBody() });
      const h = opened.body.entry;
      const up = await f.as('officer1').upload<{ entry: { id: string } }>(h.id, clip.path,
        'VID_0002.mp4', recordingFields(h, clip.sha256));
      expect(up.status).withContext(up.text).toBe(201);
      const rec = up.body.entry.id;
      const db = new Database(join(f.server.dataDir as string, 'repository.sqlite'));
      db.prepare("UPDATE nodes SET lock_owner = 'officer1', lock_type = 'FULL' WHERE id = ?")
        .run(rec);
      db.close();
      for (const u of ['custodian1', 'custodian2']) {
        const r = await f.as(u).request('post', `${WS}/handovers/${h.id}/receipts`,
          { json: { verifiedHashes: [clip.sha256] } });
        expect(r.status).withContext(`${u}: ${r.text}`).toBe(201);
      }
      const hold = await f.as('supervisor1').request('post', `${WS}/holds`, { json: {
        recordingIds: [rec], reason: '群众投诉，保全录像', complaintRef: 'TS-2026-002' } });
      expect(hold.status).withContext(hold.text).toBeLessThan(300);
      // The holder of the old lock cannot use it to change the record either.
      const put = await f.as('officer1').request('put', `${CORE}/nodes/${rec}`,
        { json: { properties: { 'cm:title': 'x' } } });
      expect(put.status).toBeGreaterThanOrEqual(400);
    });

  it('R26.1: removing efr:sealed is refused and logged, not silently put back', async () => {
    const before = await f.as('admin').request<{ entry: { aspectNames: string[] } }>('get',
      `${CORE}/nodes/${f.recordingId}`);
    const without = before.body.entry.aspectNames.filter((a) => a !== 'efr:sealed');
    const r = await f.as('admin').request('put', `${CORE}/nodes/${f.recordingId}`,
      { json: { aspectNames: without } });
    expect(outcome(r)).toBe('403 efr.aspect.protected');
    expect((await f.refusals(f.recordingId)).map((x) => x.code)).toContain('efr.aspect.protected');
  });
});
