/**
 * Spot checks, violations and the quality assessment through the web scripts (issue 8:
 * R28.1, R28.2, R29.1, R30.1): a real repository in a temp dir with the demo data (real
 * media made by ffmpeg), plus recordings of a second officer and a declared act without a
 * recording, all over HTTP (Fastify inject) with the hash-chained access log checked.
 */
import { execFileSync } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { verifyChain } from '../../server/src/access-log/access-log.js';
import { buildApp } from '../../server/src/app.js';
import { seedDemo } from '../../server/src/demo/seed.js';
import { renderWaitingDocuments } from '../../server/src/testing/render-documents.js';
import { formatAcsDate } from '../../server/src/model/property-values.js';
import { createNode } from '../../server/src/repo/node-writes.js';
import type { NodeRow } from '../../server/src/repo/node-rows.js';
import {
  basic, tempRepository, type TempRepository,
} from '../../server/src/testing/temp-repository.js';
import { qualityModule } from '../../server/src/webscripts/quality/quality.module.js';
import { portWebScripts } from '../../server/src/webscripts/port/port-routes.js';
import { SPOT_CHECK_WEB_SCRIPTS } from '../../webscripts/src/spot-checks/spot-checks.js';
import { violationsModule } from '../../server/src/webscripts/violations/violations.module.js';
import type {
  Campaign as CampaignJson, Finding as FindingJson, Violation as ViolationJson,
} from '../../contract/index.js';

const DAY = 86_400_000;
const CORE = '/alfresco/api/-default-/public/alfresco/versions/1';

interface Res { status: number; json: unknown; body: string; type: string }

const entry = <T>(r: Res): T => (r.json as { entry: T }).entry;
const entries = <T>(r: Res): T[] =>
  (r.json as { list: { entries: { entry: T }[] } }).list.entries.map((e) => e.entry);
const error = (r: Res): string => {
  const e = (r.json as { error: { statusCode: number; errorKey: string } }).error;
  return `${e.statusCode} ${e.errorKey}`;
};

describe('spot checks, violations and assessment web scripts (issue 8)', () => {
  let t: TempRepository;
  let app: FastifyInstance;
  const from = new Date(Date.now() - 7 * DAY).toISOString();
  const to = new Date(Date.now() + DAY).toISOString();

  const call = async (user: string, method: 'GET' | 'POST' | 'PUT', url: string,
    body?: unknown): Promise<Res> => {
    const r = await app.inject({
      method, url: url.startsWith('/alfresco/api') ? url : `/alfresco/s/efr${url}`,
      headers: { ...basic(user, 'pw'), 'content-type': 'application/json' },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = String(r.headers['content-type'] ?? '');
    return { status: r.statusCode, body: r.body, type,
      json: type.includes('json') && r.body ? r.json() : {} };
  };
  const log = (): { action: string; user: string; nodeId: string | null;
    values: Record<string, string> }[] =>
    (t.repo.db.prepare('SELECT entry_json FROM access_log ORDER BY id').all() as
      { entry_json: string }[]).map((r) => JSON.parse(r.entry_json));

  /** A recording of officer2 in the second unit (no content: the draw reads metadata). */
  async function officer2Recording(handover: NodeRow, i: number): Promise<NodeRow> {
    const start = Date.now() - 3 * DAY + i * 3_600_000;
    return createNode(t.repo, t.repo.caller('admin'), handover, {
      name: `20261123_0${i}_VR-2026-001.m4a`, nodeType: 'efr:recording', autoRename: false,
      fromText: false,
      properties: { 'efr:handoverId': handover.id, 'efr:segmentIndex': 0,
        'efr:sessionId': `S-O2-${i}`, 'efr:recorder': 'officer2', 'efr:officer': 'officer2',
        'efr:coOfficer': 'officer1', 'efr:deviceSerial': 'VR-2026-001',
        'efr:activityType': 'complaintHandling', 'efr:location': '丹东市民政局',
        'efr:recordingStart': formatAcsDate(start), 'efr:recordingEnd': formatAcsDate(start + 6000),
        'efr:durationSeconds': 6, 'efr:partyNotified': true, 'efr:source': 'voiceRecorder',
        'efr:secrecyLevel': 'none', 'efr:retainUntil': '2027-12-31' },
    });
  }

  beforeAll(async () => {
    t = await tempRepository();
    await seedDemo(t.repo, 'pw');
    const admin = t.repo.caller('admin');
    const handovers = t.repo.rows.get(t.repo.meta('efr_folder_handovers') ?? '') as NodeRow;
    const h2 = await createNode(t.repo, admin, handovers, {
      name: '移交-2026-002', nodeType: 'efr:handover', autoRename: false, fromText: false,
      aspectNames: ['efr:owningUnit', 'efr:preUseCheck'],
      properties: { 'efr:officer': 'officer2', 'efr:coOfficer': 'officer1',
        'efr:deviceSerial': 'VR-2026-001', 'efr:unit': '社会组织管理科',
        'efr:returnedAt': formatAcsDate(Date.now() - 2 * DAY),
        'efr:awayWork': false, 'efr:fieldWorkEnd': formatAcsDate(Date.now() - 2 * DAY),
        'efr:deadline': formatAcsDate(Date.now() - 2 * DAY + 3_600_000),
        'efr:handoverStatus': 'open', 'efr:late': false, 'efr:deviceWorking': true,
        'efr:batteryPercent': 80, 'efr:freeStorageMb': 1000, 'efr:clockOffsetSeconds': 41,
        'efr:checkedAt': formatAcsDate(Date.now() - 3 * DAY), 'efr:checkedBy': 'officer2' },
    });
    for (const i of [1, 2, 3]) await officer2Recording(h2, i);
    // A declared act of officer2 that nobody recorded and no exemption covers (R28.2 item 1).
    await createNode(t.repo, admin, h2, {
      name: '会话-9', nodeType: 'efr:session', autoRename: false, fromText: false,
      properties: { 'efr:sessionId': 'S-O2-9', 'efr:activityType': 'routineInspection',
        'efr:location': '丹东市某社会组织', 'efr:sessionStart': formatAcsDate(Date.now() - 4 * DAY),
        'efr:sessionEnd': formatAcsDate(Date.now() - 4 * DAY + 600_000), 'efr:segmentCount': 1 },
    });
    app = await buildApp(t.repo, undefined, [portWebScripts(SPOT_CHECK_WEB_SCRIPTS),
      violationsModule, qualityModule]);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.dispose();
  });

  let campaign: CampaignJson;
  let sample: FindingJson[];

  it('R28.1: the same seed over the same period draws the same sample, every unit covered',
    async () => {
      const body = { title: '2026年11月抽查', from, to, proportion: 0.3, seed: 'EFR-2026-11' };
      const a = await call('supervisor1', 'POST', '/spot-checks', body);
      expect(a.status).toBe(201);
      campaign = entry<CampaignJson>(a);
      expect(campaign).toEqual(jasmine.objectContaining({ status: 'open', seed: 'EFR-2026-11',
        populationSize: 7, sampleSize: 3, proportion: 0.3 }));
      const b = entry<CampaignJson>(await call('supervisor1', 'POST', '/spot-checks', body));
      expect(b.id).not.toBe(campaign.id);
      sample = entries<FindingJson>(await call('supervisor1', 'GET',
        `/spot-checks/${campaign.id}/sample`));
      const again = entries<FindingJson>(await call('supervisor1', 'GET',
        `/spot-checks/${b.id}/sample`));
      expect(sample.map((f) => f.recordingId)).toEqual(again.map((f) => f.recordingId));
      expect(sample.every((f) => f.status === 'pending')).toBeTrue();
      // Both units with recordings in the period are in the sample (stratified draw).
      const officers = new Set(sample.map((f) => f.officer));
      expect(officers).toEqual(new Set(['officer1', 'officer2']));
      const units = sample.map((f) => (f.recordingName ?? '').includes('VR-') ? 'VR' : 'BWC');
      expect(new Set(units)).toEqual(new Set(['VR', 'BWC']));
      const verify = entry<{ check: { ok: boolean }; populationUnchanged: boolean;
        recomputed: string[] }>(await call('officer1', 'GET',
        `/spot-checks/${campaign.id}/verify-draw`));
      expect(verify.check.ok).toBeTrue();
      expect(verify.populationUnchanged).toBeTrue();
      const drawn = log().filter((e) => e.action === 'spotCheck.draw');
      expect(drawn.length).toBe(2);
      expect(JSON.parse(drawn[0].values.population).length).toBe(7);
    });

  it('R28.1: the server draws and stores a seed when none is given; bad input refused',
    async () => {
      const r = await call('supervisor1', 'POST', '/spot-checks', { from, to, proportion: 0.5 });
      expect(r.status).toBe(201);
      expect(entry<CampaignJson>(r).seed).toMatch(/^[0-9a-f]{32}$/);
      expect(error(await call('supervisor1', 'POST', '/spot-checks',
        { from, to, proportion: 1.5 }))).toBe('422 efr.spotCheck.proportion');
      expect(error(await call('supervisor1', 'POST', '/spot-checks',
        { from: to, to: from, proportion: 0.5 }))).toBe('422 efr.spotCheck.period');
      expect(error(await call('officer1', 'POST', '/spot-checks',
        { from, to, proportion: 0.5 }))).toBe('403 efr.violation.notSupervisor');
    });

  it('R28.2: a skip without reason, a missing item or an unexplained failure are refused',
    async () => {
      const path = `/spot-checks/${campaign.id}/findings`;
      const rec = sample[0].recordingId;
      const skip = await call('supervisor1', 'POST', path, { recordingId: rec, status: 'skipped' });
      expect(skip.status).toBe(422);
      expect(error(skip)).toBe('422 efr.finding.skipReason');
      expect(error(await call('supervisor1', 'POST', path, { recordingId: rec, status: 'done',
        itemRecorded: 'pass', itemContinuous: 'pass' }))).toBe('422 efr.finding.itemMissing');
      expect(error(await call('supervisor1', 'POST', path, { recordingId: rec, status: 'done',
        itemRecorded: 'pass', itemContinuous: 'fail', itemHandled: 'pass' })))
        .toBe('422 efr.finding.noteRequired');
      const refused = log().filter((e) => e.action === 'refused' &&
        e.values.attempted === 'recordFinding');
      expect(refused.map((e) => e.values.code)).toEqual(['efr.finding.skipReason',
        'efr.finding.itemMissing', 'efr.finding.noteRequired']);
      const close = await call('supervisor1', 'POST', `/spot-checks/${campaign.id}/close`);
      expect(error(close)).toBe('409 efr.spotCheck.pendingFindings');
    });

  it('R28.2: shows the automatic evidence of the three items for a drawn recording',
    async () => {
      const o2 = sample.find((f) => f.officer === 'officer2') as FindingJson;
      const r = await call('supervisor1', 'GET',
        `/spot-checks/${campaign.id}/findings/${o2.recordingId}`);
      const ev = entry<{ evidence: { recorded: { unrecordedActs: { sessionId: string }[] };
        continuous: { clockOffsetSeconds: number; segmentsFound: number };
        handled: { handoverLate: boolean } } }>(r).evidence;
      expect(ev.recorded.unrecordedActs.map((a) => a.sessionId)).toEqual(['S-O2-9']);
      expect(ev.continuous.clockOffsetSeconds).toBe(41);
      expect(ev.continuous.segmentsFound).toBe(1);
      expect(ev.handled.handoverLate).toBeFalse();
    });

  let violationId: string;

  it('R28.2, R29.1: findings with the three items are stored; a failure proposes a violation',
    async () => {
      const path = `/spot-checks/${campaign.id}/findings`;
      const failing = sample.find((f) => f.officer === 'officer1' &&
        (f.recordingName ?? '').includes('BWC')) as FindingJson;
      for (const f of sample) {
        const fail = f.id === failing.id;
        const r = await call('supervisor1', 'POST', path, {
          findingId: f.id, status: 'done', itemRecorded: 'pass',
          itemContinuous: fail ? 'fail' : 'pass', itemHandled: 'notApplicable',
          notes: fail ? { continuous: '取证中途关机约两分钟，未说明理由。' } : {},
          placementObservation: '记录仪佩戴于胸前，角度正常。', conductObservation: '用语文明。',
        });
        expect(r.status).toBe(200);
        const saved = entry<FindingJson & { violationId: string | null }>(r);
        expect(saved).toEqual(jasmine.objectContaining({ status: 'done', itemRecorded: 'pass',
          itemContinuous: fail ? 'fail' : 'pass', itemHandled: 'notApplicable',
          placementObservation: '记录仪佩戴于胸前，角度正常。', reviewedBy: 'supervisor1' }));
        if (fail) violationId = saved.violationId as string;
        else expect(saved.violationId).toBeNull();
      }
      expect(violationId).toBeTruthy();
      const closed = await call('supervisor1', 'POST', `/spot-checks/${campaign.id}/close`);
      expect(closed.status).toBe(200);
      expect(entry<CampaignJson>(closed).status).toBe('closed');
      expect(entry<CampaignJson>(closed).progress).toEqual(
        { total: 3, pending: 0, done: 3, skipped: 0, failed: 1 });
      expect(error(await call('supervisor1', 'POST', path, { findingId: sample[0].id,
        status: 'skipped', skipReason: '迟到' }))).toBe('409 efr.spotCheck.closed');
    });

  it('R29.1, R30.1: a confirmed violation and its measure appear in the register and the ' +
    'assessment of that officer', async () => {
    const v0 = entry<ViolationJson>(await call('supervisor1', 'GET', `/violations/${violationId}`));
    expect(v0).toEqual(jasmine.objectContaining({ status: 'proposed', kind: 'notRecorded',
      officer: 'officer1', unit: '社会事务科', proposedBy: 'supervisor1',
      // Issue 19, point 6: the facts once, in the reviewer's words (no "Spot check …").
      description: '取证中途关机约两分钟，未说明理由。' }));
    expect(error(await call('officer2', 'POST', `/violations/${violationId}/decision`,
      { action: 'confirm' }))).toBe('403 efr.violation.notSupervisor');
    expect(error(await call('supervisor1', 'POST', `/violations/${violationId}/measures`,
      { measure: 'criticism', startDate: '2026-12-01' }))).toBe('409 efr.measure.notConfirmed');
    const ok = await call('supervisor1', 'POST', `/violations/${violationId}/decision`,
      { action: 'confirm', reason: '经核实属实。' });
    expect(ok.status).toBe(200);
    expect(entry<ViolationJson>(ok).status).toBe('confirmed');
    expect(error(await call('supervisor1', 'POST', `/violations/${violationId}/measures`,
      { measure: 'suspension', startDate: '2026-12-01' }))).toBe('422 efr.measure.endDate');
    const m = await call('supervisor1', 'POST', `/violations/${violationId}/measures`,
      { measure: 'suspension', startDate: '2026-12-01', endDate: '2026-12-31', note: '暂停一个月' });
    expect(m.status).toBe(201);
    const register = entries<ViolationJson>(await call('supervisor1', 'GET',
      '/violations?status=confirmed'));
    expect(register.length).toBe(1);
    expect(register[0].measures).toEqual([jasmine.objectContaining({ measure: 'suspension',
      startDate: '2026-12-01', endDate: '2026-12-31', recordedBy: 'supervisor1' })]);
    const q = await call('supervisor1', 'GET', `/quality?from=${from}&to=${to}`);
    expect(q.status).toBe(200);
    const a = entry<{ report: { officers: { officer: string; violations: number;
      findingsPassRate: number | null; recordingRate: number | null }[] };
      violations: ViolationJson[] }>(q);
    const o1 = a.report.officers.find((o) => o.officer === 'officer1');
    expect(o1).toEqual(jasmine.objectContaining({ violations: 1 }));
    expect(o1?.findingsPassRate).toBeLessThan(1);
    const o2 = a.report.officers.find((o) => o.officer === 'officer2');
    expect(o2).toEqual(jasmine.objectContaining({ violations: 0, recordingRate: 0 }));
    expect(a.violations.map((v) => [v.officer, v.measures.map((x) => x.measure)]))
      .toEqual([['officer1', ['suspension']]]);
    const csv = await call('supervisor1', 'GET', `/quality?from=${from}&to=${to}&format=csv`);
    expect(csv.type).toContain('text/csv');
    expect(csv.body.startsWith('\ufeff')).toBeTrue();
    // Issue 19, point 2: people by name, kinds and measures by their Chinese labels.
    expect(csv.body).toContain('王明');
    expect(csv.body).not.toMatch(/officer\d|suspension|notRecorded/);
    expect(csv.body).toMatch(/停止执法工作一个月\S*,2026-12-01,2026-12-31/);
    // Issue 15: the PDF is a generated document, the same in both hosts.
    expect(error(await call('supervisor1', 'GET', `/quality?from=${from}&to=${to}&format=pdf`)))
      .toBe('400 framework.exception.InvalidArgument');
    const badLang = await t.app.inject({ method: 'POST', headers: basic('supervisor1', 'pw'),
      url: '/alfresco/s/efr/quality/reports', payload: { from, to, lang: 7 } });
    expect(badLang.statusCode).withContext(badLang.body).toBe(400);
    expect((await renderWaitingDocuments(t)).length).toBe(0);
    const asked = await t.app.inject({ method: 'POST', headers: basic('supervisor1', 'pw'),
      url: '/alfresco/s/efr/quality/reports', payload: { from, to } });
    expect(asked.statusCode).withContext(asked.body).toBe(202);
    const doc = (asked.json() as { entry: { id: string; name: string; kind: string } }).entry;
    expect(doc.kind).toBe('qualityReport');
    expect(doc.name).toMatch(/^质量考评-[-0-9]+\.pdf$/);
    const reportUrl = `/alfresco/s/efr/quality/reports/${doc.id}`;
    expect((await t.app.inject({ url: reportUrl, headers: basic('supervisor1', 'pw') }))
      .statusCode).toBe(202);
    expect((await t.app.inject({ url: reportUrl, headers: basic('officer1', 'pw') }))
      .statusCode).toBe(404);
    expect((await renderWaitingDocuments(t)).map((o) => o.state)).toEqual(['built']);
    const pdf = await t.app.inject({ url: reportUrl, headers: basic('supervisor1', 'pw') });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(String(pdf.headers['content-disposition'])).toContain('attachment');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Only its requester reads it, through the generic API too: the archive root's readers do
    // not inherit it (R28.1).
    for (const path of [`${CORE}/nodes/${doc.id}`, `${CORE}/nodes/${doc.id}/content`]) {
      const other = await t.app.inject({ url: path, headers: basic('officer1', 'pw') });
      expect([403, 404]).withContext(`${path}: ${other.body}`).toContain(other.statusCode);
      const own = await t.app.inject({ url: path, headers: basic('supervisor1', 'pw') });
      expect(own.statusCode).withContext(`${path}: ${own.body}`).toBe(200);
    }
    // The PDF's text as pdftotext (poppler) reads it: names, not login ids (issue 19, point 2).
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf.rawPayload })
      .toString('utf8');
    expect(text).toContain('王明');
    expect(text).not.toMatch(/officer\d|suspension|notRecorded/);
    expect(error(await call('officer1', 'GET', `/quality?from=${from}&to=${to}`)))
      .toBe('403 efr.quality.forbidden');
    const steps = log().filter((e) => e.nodeId === violationId && e.action.startsWith('violation.'))
      .map((e) => e.action);
    expect(steps).toEqual(['violation.confirm', 'violation.measure']);
  });

  it('R29.1: a refused tampering attempt is proposed; a dismissal needs a reason', async () => {
    // A sealed recording of the sample (the draw orders by node id, which is random per run,
    // and the sample may also hold unsealed ones uploaded by the handover specs above).
    let rec = '';
    for (const f of sample) {
      const got = await app.inject({ url: `${CORE}/nodes/${f.recordingId as string}`,
        headers: basic('admin', 'admin') });
      if (got.json().entry.properties?.['efr:sealedAt']) {
        rec = f.recordingId as string;
        break;
      }
    }
    expect(rec).not.toBe('');
    // The repository administrator holds every permission, so only the rule (R26.1) stops it.
    const put = await app.inject({ method: 'PUT', url: `${CORE}/nodes/${rec}`,
      headers: { ...basic('admin', 'admin'), 'content-type': 'application/json' },
      payload: JSON.stringify({ properties: { 'efr:location': '改过的地点' } }) });
    expect(put.statusCode).withContext(put.body).toBe(403);
    expect(put.json().error.errorKey).toBe('efr.recording.sealedContent');
    const scan = entries<ViolationJson>(await call('supervisor1', 'POST', '/violations/scan'));
    expect(scan.map((v) => [v.kind, v.officer, v.subjectId])).toEqual(
      [['falsifiedOrEdited', 'admin', rec]]);
    expect(entries(await call('supervisor1', 'POST', '/violations/scan')).length).toBe(0);
    const id = scan[0].id;
    expect(error(await call('supervisor1', 'POST', `/violations/${id}/decision`,
      { action: 'dismiss' }))).toBe('422 efr.violation.dismissReason');
    const d = await call('supervisor1', 'POST', `/violations/${id}/decision`,
      { action: 'dismiss', reason: '误操作，已当场说明。' });
    expect(entry<ViolationJson>(d).status).toBe('dismissed');
    expect(verifyChain(t.repo.db).ok).toBeTrue();
  });
});
