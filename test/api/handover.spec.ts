/**
 * Issue 5 "Done when", through the API: a whole two-custodian handover with fixity (R21.4,
 * R26.1), the refusals of the receipt, a wrong SHA-256 that leaves nothing behind, and the
 * sealed recording that refuses content, capture-fact, delete and move, each refusal logged.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AcsHttp } from '../support/acs-http.js';
import { makeMp4, type GeneratedFile } from '../support/media.js';
import { CORE, SEARCH, startInProcess, type TestServer } from '../support/server-harness.js';
import {
  as, DEVICE, EFR, handoverBody, recordingFields, type HandoverEntry,
} from './handover-support.js';

/** Every file of the content store (temp area included), to prove a refusal stores nothing. */
function storeFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(join(dir, 'content'));
  return out.sort();
}

describe('handover web scripts: the two-custodian flow (issue 5, R21.4, R26.1)', () => {
  let server: TestServer;
  let base: AcsHttp;
  let media: string;
  let clip: GeneratedFile;
  let h: HandoverEntry;
  let recordingId: string;

  beforeAll(async () => {
    server = await startInProcess();
    base = new AcsHttp(server.url);
    media = mkdtempSync(join(tmpdir(), 'efr-handover-media-'));
    clip = await makeMp4(media, 'VID_0001.mp4', { seconds: 2, frequency: 700 });
  }, 120_000);

  afterAll(async () => {
    await server.close();
    rmSync(media, { recursive: true, force: true });
  });

  it('custodian1 opens a handover with the deadline computed by core (R21.1, R21.2)', async () => {
    const body = handoverBody();
    const r = await as(base, 'custodian1').post<{ entry: HandoverEntry }>(`${EFR}/handovers`, body);
    expect(r.status).withContext(r.text).toBe(201);
    h = r.body.entry;
    expect(h.status).toBe('open');
    // Away work: 24 h after return, later than the end of that day.
    const returned = Date.parse(body.returnedAt as string);
    expect(Date.parse(h.deadline)).toBeGreaterThanOrEqual(returned + 86_400_000);
    expect(h.sessions.length).toBe(1);
    expect(h.sessions[0].noticeText).toContain('本次执法全程录音录像');
    // Issue 19, point 4: the unit comes from the officer (王明, 社会事务科).
    expect(h.unit).toBe('社会事务科');
    // Issue 19, point 11: the pre-use check is in the device's history and is its 最近检查.
    const devices = await as(base, 'custodian1').get<{
      list: { entries: { entry: { id: string; serial: string; lastCheckAt: string | null } }[] };
    }>(`${EFR}/devices`);
    const device = devices.body.list.entries.map((e) => e.entry).find((d) => d.serial === DEVICE);
    expect(Date.parse(device?.lastCheckAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    const detail = await as(base, 'custodian1').get<{
      entry: { checks: { checkedBy: string; batteryPercent: number }[] };
    }>(`${EFR}/devices/${device?.id}`);
    expect(detail.body.entry.checks[0]).toEqual(
      jasmine.objectContaining({ checkedBy: 'officer1', batteryPercent: 90 }));
  });

  it('refuses an upload whose SHA-256 does not match and leaves nothing behind', async () => {
    const before = storeFiles(server.dataDir as string);
    const wrong = 'f'.repeat(64);
    const r = await as(base, 'custodian1').upload(
      h.id,
      clip.path,
      'VID_0001.mp4',
      recordingFields(h, wrong),
    );
    expect(r.status).withContext(r.text).toBe(422);
    expect(r.text).toContain('efr.recording.hashMismatch');
    expect(storeFiles(server.dataDir as string)).toEqual(before);
    const children = await as(base, 'custodian1').get<{ list: { entries: unknown[] } }>(
      `${CORE}/nodes/${h.id}/children?where=(nodeType='efr:recording')`,
    );
    expect(children.body.list.entries.length).toBe(0);
  });

  it('accepts the generated video with its correct SHA-256 into the handover', async () => {
    const r = await as(base, 'custodian1').upload<{
      entry: { id: string; properties: Record<string, unknown> };
    }>(h.id, clip.path, 'VID_0001.mp4', recordingFields(h, clip.sha256));
    expect(r.status).withContext(r.text).toBe(201);
    recordingId = r.body.entry.id;
    expect(r.body.entry.properties['efr:sha256']).toBe(clip.sha256);
  });

  it('R21.4: refuses a non-custodian, a wrong hash list and an officer of the act', async () => {
    const path = `${EFR}/handovers/${h.id}/receipts`;
    const officer = await as(base, 'officer2').post(path, { verifiedHashes: [clip.sha256] });
    expect(officer.status).toBe(403);
    expect(officer.text).toContain('efr.handover.notCustodian');
    const legal = await as(base, 'legal1').post(path, { verifiedHashes: [clip.sha256] });
    expect(legal.status).toBe(403);
    const wrong = await as(base, 'custodian1').post(path, { verifiedHashes: ['0'.repeat(64)] });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('efr.handover.hashMismatch');
    const shape = await as(base, 'custodian1').post(path, { verifiedHashes: 'x' });
    expect(shape.status).toBe(400);
  });

  it('first receipt leaves it pending, the same custodian again is refused (R21.4)', async () => {
    const path = `${EFR}/handovers/${h.id}/receipts`;
    const first = await as(base, 'custodian1').post<{ entry: HandoverEntry }>(path, {
      verifiedHashes: [`${clip.sha256.toUpperCase()}  VID_0001.mp4`],
    });
    expect(first.status).withContext(first.text).toBe(201);
    expect(first.body.entry.status).toBe('pending');
    const again = await as(base, 'custodian1').post(path, { verifiedHashes: [clip.sha256] });
    expect(again.status).toBe(409);
    expect(again.text).toContain('efr.handover.sameCustodian');
  });

  it('R21.4: second custodian seals: seal facts, retention, filed in the archive', async () => {
    const r = await as(base, 'custodian2').post<{ entry: HandoverEntry }>(
      `${EFR}/handovers/${h.id}/receipts`,
      { verifiedHashes: [clip.sha256] },
    );
    expect(r.status).withContext(r.text).toBe(201);
    const sealed = r.body.entry;
    expect(sealed.status).toBe('sealed');
    expect(sealed.late).toBeFalse();
    expect(sealed.violationId).toBeNull();
    expect(sealed.receipts.map((x) => x.by)).toEqual(['custodian1', 'custodian2']);
    expect(sealed.files.map((f) => [f.id, f.sealed])).toEqual([[recordingId, true]]);
    const rec = await as(base, 'custodian2').get<{
      entry: { parentId: string; properties: Record<string, unknown> };
    }>(`${CORE}/nodes/${recordingId}?include=path`);
    const p = rec.body.entry.properties;
    expect(p['efr:sealedBy1']).toBe('custodian1');
    expect(p['efr:sealedBy2']).toBe('custodian2');
    // Issue 19, point 4: the sealed recording carries its handover's unit (执法部门).
    expect(p['efr:unit']).toBe('社会事务科');
    expect(typeof p['efr:sealedAt']).toBe('string');
    // R22.1: at least one year after the recording ends.
    const end = Date.parse(String(p['efr:recordingEnd']).replace('+0000', 'Z'));
    expect(Date.parse(String(p['efr:retainUntil']).slice(0, 10))).toBeGreaterThanOrEqual(
      end + 365 * 86_400_000,
    );
    const folder = await as(base, 'custodian2').get<{
      entry: { name: string; path: { name: string } };
    }>(`${CORE}/nodes/${rec.body.entry.parentId}?include=path`);
    expect(folder.body.entry.path.name).toContain('录像档案');
    const again = await as(base, 'custodian2').post(`${EFR}/handovers/${h.id}/receipts`, {
      verifiedHashes: [clip.sha256],
    });
    expect(again.status).toBe(409);
  });

  it('R26.1: sealed recording refuses content, capture facts, delete, move; logged', async () => {
    const c2 = as(base, 'custodian2');
    const content = await c2.request('put', `${CORE}/nodes/${recordingId}/content`, {
      body: new Uint8Array([1, 2, 3]),
      headers: { 'content-type': 'video/mp4' },
    });
    expect(content.status).toBe(403);
    const facts = await c2.put(`${CORE}/nodes/${recordingId}`, {
      properties: { 'efr:location': '别处', 'efr:recordingStart': new Date().toISOString() },
    });
    expect(facts.status).toBe(403);
    const admin = base.as('admin', 'admin');
    const del = await admin.delete(`${CORE}/nodes/${recordingId}`);
    expect(del.status).toBe(403);
    const move = await admin.post(`${CORE}/nodes/${recordingId}/move`, { targetParentId: '-my-' });
    expect(move.status).toBe(403);
    const log = await admin.get<{
      list: { entries: { entry: { values: Record<string, string> } }[] };
    }>(`${CORE}/nodes/${recordingId}/audit-entries?include=values&maxItems=100`);
    const refused = log.body.list.entries
      .map((e) => e.entry.values)
      .filter((v) => v['/efr-access/action'] === 'refused')
      .map((v) => v['/efr-access/attempted']);
    expect(refused).toEqual(jasmine.arrayContaining(['updateContent', 'update', 'delete', 'move']));
    const seal = log.body.list.entries.map((e) => e.entry.values['/efr-access/action']);
    expect(seal).toContain('seal');
  });

  it('lists handovers by status for the screens', async () => {
    const c1 = as(base, 'custodian1');
    const sealed = await c1.get<{ list: { entries: { entry: HandoverEntry }[] } }>(
      `${EFR}/handovers?status=sealed`,
    );
    expect(sealed.status).toBe(200);
    expect(sealed.body.list.entries.map((e) => e.entry.id)).toContain(h.id);
    const open = await c1.get<{ list: { entries: { entry: HandoverEntry }[] } }>(
      `${EFR}/handovers?status=open`,
    );
    expect(open.body.list.entries.map((e) => e.entry.id)).not.toContain(h.id);
    expect((await c1.get(`${EFR}/handovers?status=lost`)).status).toBe(400);
    expect((await c1.get(`${EFR}/handovers/${recordingId}`)).status).toBe(404);
  });

  it("issue 19, point 4: the unit is the officer's, filters and quality figures find it", async () => {
    // officer2 (李强) works in 社会组织管理科; the device belongs to 社会事务科 (R12.1).
    const other = await as(base, 'custodian1').post<{ entry: HandoverEntry }>(`${EFR}/handovers`, {
      ...handoverBody(),
      officer: 'officer2',
      coOfficer: 'officer1',
    });
    expect(other.status).withContext(other.text).toBe(201);
    expect(other.body.entry.unit).toBe('社会组织管理科');
    // The recording handed over above shows in the unit filter of the recordings list.
    const found = await as(base, 'supervisor1').post<{
      list: { entries: { entry: { id: string } }[] };
    }>(`${SEARCH}/search`, {
      query: { query: 'TYPE:"efr:recording" AND =efr:unit:"社会事务科"' },
      paging: { maxItems: 100 },
    });
    expect(found.status).withContext(found.text).toBe(200);
    expect(found.body.list.entries.map((e) => e.entry.id)).toContain(recordingId);
    // ... and counts for its unit in the quality figures (R28.1).
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const q = await as(base, 'supervisor1').get<{
      entry: { report: { units: { unit: string; timelyHandoverRate: number | null }[] } };
    }>(`${EFR}/quality?from=${from}&to=${to}`);
    expect(q.status).withContext(q.text).toBe(200);
    const unit = q.body.entry.report.units.find((u) => u.unit === '社会事务科');
    // The sealed handover (on time) counts for 社会事务科.
    expect(unit?.timelyHandoverRate).toBe(1);
  });
});
