/**
 * Issue 5, the refusals around a handover (R21.1–R21.4, R15.1, R15.2, R16.1) and the late seal
 * that opens a violation in the supervisors' register (R29.1), through the API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AcsHttp } from '../support/acs-http.js';
import { makeMp4, type GeneratedFile } from '../support/media.js';
import { CORE, startInProcess, type TestServer } from '../support/server-harness.js';
import { as, EFR, handoverBody, recordingFields, type HandoverEntry } from './handover-support.js';

describe('handover web scripts: refusals and late handovers (issue 5)', () => {
  let server: TestServer;
  let base: AcsHttp;
  let media: string;
  let clips: GeneratedFile[];

  const open = async (
    body: Record<string, unknown>,
    user = 'custodian1',
  ): Promise<HandoverEntry> => {
    const r = await as(base, user).post<{ entry: HandoverEntry }>(`${EFR}/handovers`, body);
    expect(r.status).withContext(r.text).toBe(201);
    return r.body.entry;
  };
  const upload = async (h: HandoverEntry, clip: GeneratedFile): Promise<void> => {
    const r = await as(base, 'custodian1').upload(
      h.id,
      clip.path,
      clip.path.split('/').pop() as string,
      recordingFields(h, clip.sha256),
    );
    expect(r.status).withContext(r.text).toBe(201);
  };
  const receipt = (h: HandoverEntry, user: string, hashes: string[]) =>
    as(base, user).post<{ entry: HandoverEntry }>(`${EFR}/handovers/${h.id}/receipts`, {
      verifiedHashes: hashes,
    });

  beforeAll(async () => {
    server = await startInProcess();
    base = new AcsHttp(server.url);
    media = mkdtempSync(join(tmpdir(), 'efr-handover-refusals-'));
    clips = [
      await makeMp4(media, 'A.mp4', { seconds: 1, frequency: 500 }),
      await makeMp4(media, 'B.mp4', { seconds: 1, frequency: 900 }),
    ];
  }, 120_000);

  afterAll(async () => {
    await server.close();
    rmSync(media, { recursive: true, force: true });
  });

  it('R16.1: refuses a session without the standard phrase, naming the field', async () => {
    const body = handoverBody();
    (body.sessions as Record<string, unknown>[])[0].noticeText = '正在录像';
    const r = await as(base, 'officer1').post(`${EFR}/handovers`, body);
    expect(r.status).toBe(422);
    expect(r.text).toContain('sessions.0.partyNotified');
    expect(r.text).toContain('efr.session.notice');
  });

  it('R15.1: refuses a failed pre-use check; R13.1: an unknown device', async () => {
    const low = handoverBody();
    low.preUseCheck = {
      working: true,
      batteryPercent: 5,
      freeStorageMb: 30_000,
      clockOffsetSeconds: 2,
    };
    const r1 = await as(base, 'officer1').post(`${EFR}/handovers`, low);
    expect(r1.status).toBe(422);
    expect(r1.text).toContain('efr.preUse.battery');
    const dev = { ...handoverBody(), deviceSerial: 'NOPE-0001' };
    const r2 = await as(base, 'officer1').post(`${EFR}/handovers`, dev);
    expect(r2.status).toBe(422);
    expect(r2.text).toContain('efr.handover.unknownDevice');
  });

  it('R15.2/R21.1: refuses a non-officer opener or co-officer, bad shapes', async () => {
    const r1 = await as(base, 'legal1').post(`${EFR}/handovers`, handoverBody());
    expect(r1.status).toBe(403);
    const r2 = await as(base, 'officer1').post(`${EFR}/handovers`, {
      ...handoverBody(),
      coOfficer: 'legal1',
    });
    expect(r2.status).toBe(422);
    expect(r2.text).toContain('efr.handover.notAnOfficer');
    const r3 = await as(base, 'officer1').post(`${EFR}/handovers`, {
      ...handoverBody(),
      awayWork: 'yes',
    });
    expect(r3.status).toBe(400);
    const r4 = await as(base, 'officer1').post(`${EFR}/handovers`, {
      ...handoverBody(),
      sessions: [],
    });
    expect(r4.status).toBe(422);
    expect(r4.text).toContain('efr.handover.noSessions');
  });

  it('an officer of the act opens a handover; refused receipts are in the access log', async () => {
    const h = await open(handoverBody(), 'officer1');
    const empty = await receipt(h, 'custodian1', []);
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('efr.handover.noFiles');
    const admin = base.as('admin', 'admin');
    const log = await admin.get<{
      list: { entries: { entry: { values: Record<string, string> } }[] };
    }>(`${CORE}/nodes/${h.id}/audit-entries?include=values`);
    const actions = log.body.list.entries.map((e) => e.entry.values);
    expect(actions.map((v) => v['/efr-access/action'])).toContain('openHandover');
    expect(actions.some((v) => v['/efr-access/code'] === 'efr.handover.noFiles')).toBeTrue();
  });

  it('R21.4: no file joins a received batch; a file names its own handover', async () => {
    const h = await open(handoverBody());
    const other = await open(handoverBody());
    const misnamed = await as(base, 'custodian1').upload(h.id, clips[1].path, 'B.mp4', {
      ...recordingFields(h, clips[1].sha256),
      'efr:handoverId': other.id,
    });
    expect(misnamed.status).toBe(422);
    expect(misnamed.text).toContain('efr.handover.wrongHandoverId');
    await upload(h, clips[0]);
    expect((await receipt(h, 'custodian1', [clips[0].sha256])).body.entry.status).toBe('pending');
    const late = await as(base, 'custodian1').upload(
      h.id,
      clips[1].path,
      'B.mp4',
      recordingFields(h, clips[1].sha256),
    );
    expect(late.status).toBe(403);
    expect(late.text).toContain('efr.handover.notOpen');
    const r = await receipt(h, 'custodian2', [clips[0].sha256]);
    expect(r.body.entry.status).toBe('sealed');
  });

  it('R21.1/R29.1: a seal after the deadline flags it late and opens a violation', async () => {
    const h = await open(handoverBody({ endedMinutesAgo: 3 * 24 * 60, awayWork: false }));
    expect(Date.parse(h.deadline)).toBeLessThan(Date.now());
    await upload(h, clips[0]);
    const overdue = await as(base, 'custodian1').get<{
      list: { entries: { entry: HandoverEntry }[] };
    }>(`${EFR}/handovers?status=late`);
    expect(overdue.body.list.entries.map((e) => e.entry.id)).toContain(h.id);
    expect((await receipt(h, 'custodian1', [clips[0].sha256])).status).toBe(201);
    const sealed = await receipt(h, 'custodian2', [clips[0].sha256]);
    expect(sealed.status).withContext(sealed.text).toBe(201);
    expect(sealed.body.entry.late).toBeTrue();
    const vid = sealed.body.entry.violationId as string;
    expect(vid).toBeTruthy();
    const v = await as(base, 'supervisor1').get<{
      entry: { nodeType: string; properties: Record<string, unknown> };
    }>(`${CORE}/nodes/${vid}`);
    expect(v.status).toBe(200);
    expect(v.body.entry.nodeType).toBe('efr:violation');
    expect(v.body.entry.properties['efr:violationKind']).toBe('otherSerious');
    expect(v.body.entry.properties['efr:violationStatus']).toBe('proposed');
    expect(v.body.entry.properties['efr:officer']).toBe('officer1');
  });
});
