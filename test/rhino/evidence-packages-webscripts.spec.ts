/**
 * The evidence-package web scripts (issue 15, R23.1, R26.1, R22.2) as the module runs them: the
 * controllers from the built JAR in the ACS-like runtime, written once in
 * webscripts/src/evidence-packages/ (server/ runs the same handlers: test/evidence/). Legal
 * staff ask for a disc, which is recorded as a job; a service account in GROUP_EFR_WORKERS
 * claims it, reports progress, writes the image through the public ContentService (PUT
 * /nodes/{id}/content) and hands back its digest, which the repository checks against its own;
 * or reports a failure. Only workers take the steps, one worker holds a job at a time, and the
 * worker reads a confidential recording of its job (and writes the image) only while it holds
 * it: the record guard and onContentRead decide with core, as server/'s rules do.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sealedRecordingProps } from './fixtures.js';
import {
  runWebScripts, type PermissionsCall, type RestCall, type SetupNode, type WebScriptFeature,
  type WsCall, type WsResult,
} from './webscript-run.js';

const ROOT = 'EFR 执法记录';
const CASES = `${ROOT}/案件`;
const RECS = `${ROOT}/录像档案`;
const CASE = '丹民罚〔2026〕12号';

const FEATURE: WebScriptFeature = {
  areas: ['evidence-packages'],
  folders: [CASES, RECS],
  idPrefix: 'e',
  // As docs/deploy.md sets the archive up: every EFR group reads it (the worker's group too),
  // custodians manage it, legal staff work in the cases.
  folderAces: {
    [ROOT]: ['ALLOWED;GROUP_EFR_LEGAL;Consumer', 'ALLOWED;GROUP_EFR_OFFICERS;Consumer',
      'ALLOWED;GROUP_EFR_WORKERS;Consumer', 'ALLOWED;GROUP_EFR_CUSTODIANS;Coordinator'],
    [CASES]: ['ALLOWED;GROUP_EFR_LEGAL;Collaborator'],
  },
};

const USERS: Record<string, string[]> = {
  legal1: ['GROUP_EFR_LEGAL'],
  officer1: ['GROUP_EFR_OFFICERS'],
  custodian1: ['GROUP_EFR_CUSTODIANS'],
  worker1: ['GROUP_EFR_WORKERS'],
  worker2: ['GROUP_EFR_WORKERS'],
};

/** The bytes the worker uploads as the image. */
const IMAGE = '证据光盘 image bytes\n'.repeat(64);
const IMAGE_SHA = createHash('sha256').update(IMAGE, 'utf8').digest('hex');
const IMAGE_SIZE = Buffer.byteLength(IMAGE, 'utf8');

const ask = (name: string, user: string, body: Record<string, unknown> = {}): WsCall => ({
  name, script: 'evidence-packages.post', user,
  body: { caseNumber: CASE, recordings: ['#a.mp4', '#b.mp4'], producer: '张丽', extractor: '周敏',
    medium: 'dvd5', label: 'EFR 丹民罚2026-12', ...body },
});
const step = (name: string, pkg: string, s: string, user: string, body: unknown = {}): WsCall =>
  ({ name, script: `evidence-package-${s}.post`, user, templateArgs: { id: `@${pkg}` }, body });
const rest = (name: string, user: string, op: RestCall['rest']['op'], node: string,
  text?: string): RestCall => ({ name, user, rest: { op, node, ...(text === undefined ? {} : { text }) } });
const code = (r: WsResult<Pkg>): string => `${r.status} ${r.body?.error?.errorKey ?? ''}`.trim();

interface Pkg {
  id: string;
  caseId: string | null;
  recordingIds: string[];
  imageSha256: string | null;
  imageSize: number;
  createdBy: string;
  job: { state: string; percent: number; worker: string | null; bytesDone: number;
    error: { code: string } | null };
}

describe('module web scripts in Rhino: evidence discs built by efr worker (issue 15, R23.1)', () => {
  let r: Record<string, WsResult<Pkg>>;
  let ids: Record<string, string>;
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'efr-packages-'));
    const clip = join(dir, 'b.mp4');
    writeFileSync(clip, Buffer.alloc(4096, 7));
    const rec = (name: string, extra: Record<string, unknown> = {}): SetupNode => ({
      folder: RECS, name, type: 'efr:recording',
      properties: sealedRecordingProps({ 'cm:name': name, ...extra } as never) as Record<string, unknown>,
    });
    const nodes: SetupNode[] = [
      rec('a.mp4'),
      // Confidential: read only inside a window, by custodians, or by the worker of its job.
      rec('b.mp4', { 'efr:secrecyLevel': 'tradeSecret', 'cm:content': { file: clip,
        mimetype: 'video/mp4' } }),
      rec('loose.mp4'),
      rec('raw.mp4', { 'efr:sealedAt': null, 'efr:sealedBy1': null, 'efr:sealedBy2': null }),
      { folder: CASES, name: CASE, type: 'efr:case',
        properties: { 'efr:caseNumber': CASE, 'efr:leaderInCharge': 'leader1',
          'efr:caseStatus': 'open' },
        assocs: { 'efr:caseRecordings': ['a.mp4', 'b.mp4', 'raw.mp4'] } },
    ];
    const calls: (WsCall | RestCall | PermissionsCall)[] = [
      ask('byOfficer', 'officer1'),
      ask('badMedium', 'legal1', { medium: 'floppy' }),
      ask('notLinked', 'legal1', { recordings: ['#a.mp4', '#loose.mp4'] }),
      ask('unsealed', 'legal1', { recordings: ['#raw.mp4'] }),
      ask('noCase', 'legal1', { caseNumber: '丹民罚〔2026〕99号' }),
      ask('longLabel', 'legal1', { label: '证'.repeat(33) }),
      ask('ask', 'legal1'),
      { name: 'list', script: 'evidence-packages.get', user: 'legal1',
        args: { caseNumber: CASE } },
      { name: 'jobsByLegal', script: 'evidence-package-jobs.get', user: 'legal1' },
      { name: 'jobs', script: 'evidence-package-jobs.get', user: 'worker1',
        args: { state: 'requested' } },
      { name: 'badState', script: 'evidence-package-jobs.get', user: 'worker1',
        args: { state: 'done' } },
      step('claimByCustodian', 'ask', 'claim', 'custodian1'),
      rest('readBefore', 'worker1', 'content', '#b.mp4'),
      step('claim', 'ask', 'claim', 'worker1'),
      { name: 'grantDuring', permissionsOf: '@ask' },
      step('claimAgain', 'ask', 'claim', 'worker2'),
      step('progressOther', 'ask', 'progress', 'worker2', { bytesDone: 1, bytesTotal: 10 }),
      step('progress', 'ask', 'progress', 'worker1', { bytesDone: 5, bytesTotal: 10 }),
      step('progressBack', 'ask', 'progress', 'worker1', { bytesDone: 4, bytesTotal: 10 }),
      rest('readDuring', 'worker1', 'content', '#b.mp4'),
      rest('readOther', 'worker2', 'content', '#b.mp4'),
      rest('putByLegal', 'legal1', 'putContent', '@ask', 'not a disc'),
      rest('put', 'worker1', 'putContent', '@ask', IMAGE),
      step('resultWrong', 'ask', 'result', 'worker1', { sha256: 'a'.repeat(64), size: IMAGE_SIZE }),
      step('resultBySecond', 'ask', 'result', 'worker2', { sha256: IMAGE_SHA, size: IMAGE_SIZE }),
      step('result', 'ask', 'result', 'worker1', { sha256: IMAGE_SHA, size: IMAGE_SIZE }),
      { name: 'grantAfter', permissionsOf: '@ask' },
      rest('readAfter', 'worker1', 'content', '#b.mp4'),
      rest('putAfter', 'worker1', 'putContent', '@ask', 'another image'),
      step('claimBuilt', 'ask', 'claim', 'worker2'),
      { name: 'read', script: 'evidence-package.get', user: 'legal1', templateArgs: { id: '@ask' } },
      ask('ask2', 'custodian1', { recordings: ['#b.mp4'] }),
      step('claim2', 'ask2', 'claim', 'worker2'),
      step('failureBad', 'ask2', 'failure', 'worker2', { code: 'bad code!', message: 'x' }),
      step('failureNotOnDisc', 'ask2', 'failure', 'worker2', { code: 'efr.evidence.fixityMismatch',
        message: '不符', recordingId: '#a.mp4' }),
      step('failure', 'ask2', 'failure', 'worker2', { code: 'efr.evidence.fixityMismatch',
        message: 'data/b.mp4: SHA-256 不符 (R26.1)', recordingId: '#b.mp4', path: 'data/b.mp4',
        expected: 'a3f1', actual: 'ffff' }),
      step('resultAfterFailure', 'ask2', 'result', 'worker2', { sha256: IMAGE_SHA, size: 1 }),
      { name: 'jobsBuilt', script: 'evidence-package-jobs.get', user: 'worker2',
        args: { state: 'built' } },
    ];
    r = await runWebScripts<Pkg>(FEATURE, USERS, calls, nodes);
    ids = Object.fromEntries(r.$nodes.logs.map((l) => l.split(' ') as [string, string]));
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('R23.1: legal staff ask for a disc of sealed recordings of the case: a job, 202', () => {
    expect(r.ask.status).withContext(JSON.stringify(r.ask.body)).toBe(202);
    const p = r.ask.body?.entry as Pkg;
    expect(p.job).toEqual(jasmine.objectContaining({ state: 'requested', percent: 0,
      worker: null }));
    expect(p.caseId).toBe(ids[CASE]);
    expect(p.recordingIds).toEqual([ids['a.mp4'], ids['b.mp4']].sort());
    expect(p.createdBy).toBe('legal1');
    expect(r.ask.logs.join()).toContain('efr evidence.package.requested');
    expect(r.list.body?.list?.entries.map((e) => e.entry.id)).toEqual([p.id]);
    expect(r.jobs.body?.list?.entries.map((e) => e.entry.id)).toEqual([p.id]);
  });

  it('refuses before anything is stored, each refusal logged (R23.1, R26.1, R22.2)', () => {
    expect(code(r.byOfficer)).toBe('403 efr.evidence.notAllowed');
    expect(r.byOfficer.logs.join()).toContain('efr refused evidence.package');
    expect(code(r.badMedium)).toBe('422 efr.evidence.medium');
    expect(code(r.notLinked)).toBe('422 efr.evidence.notLinked');
    expect(code(r.unsealed)).toBe('409 efr.evidence.notSealed');
    expect(code(r.noCase)).toBe('404 framework.exception.EntityNotFound');
    expect(code(r.longLabel)).toBe('400 framework.exception.InvalidArgument');
    expect(code(r.badState)).toBe('400 framework.exception.InvalidArgument');
    // (runWebScripts fails the run if any of these had written before answering.)
  });

  it('only efr workers list and claim jobs; one worker holds a job at a time', () => {
    expect(code(r.jobsByLegal)).toBe('403 efr.job.notWorker');
    expect(code(r.claimByCustodian)).toBe('403 efr.job.notWorker');
    expect(r.claim.status).withContext(JSON.stringify(r.claim.body)).toBe(200);
    const claimed = r.claim.body as unknown as { entry: Pkg; order: { caseNumber: string;
      recordingIds: string[]; extractionTime: string; medium: string } };
    expect(claimed.entry.job).toEqual(jasmine.objectContaining({ state: 'building',
      worker: 'worker1' }));
    expect(claimed.order).toEqual(jasmine.objectContaining({ caseNumber: CASE,
      recordingIds: [ids['a.mp4'], ids['b.mp4']].sort(), medium: 'dvd5' }));
    expect(r.claim.logs.join()).toContain('efr job.claim');
    expect(code(r.claimAgain)).toBe('409 efr.job.claimed');
    expect(code(r.progressOther)).toBe('409 efr.job.leaseLost');
    expect(r.progress.body?.entry?.job.percent).toBe(50);
    expect(code(r.progressBack)).toBe('422 efr.job.progress');
    expect(code(r.resultBySecond)).toBe('409 efr.job.leaseLost');
  });

  it('grants the worker Collaborator on the package for the job only', () => {
    expect(r.grantDuring.body?.permissions).toContain('ALLOWED;worker1;Collaborator');
    expect(r.grantAfter.body?.permissions).not.toContain('ALLOWED;worker1;Collaborator');
  });

  it('lets the worker read a confidential recording of its job only while it holds it (R24.2)',
    () => {
      expect(r.readBefore.status).toBe(500);
      expect(r.readBefore.error).toContain('efr.recording.noViewingRight');
      expect(r.readDuring.status).withContext(String(r.readDuring.error)).toBe(200);
      expect(r.readOther.status).toBe(500);
      expect(r.readAfter.status).toBe(500);
    });

  it('lets only the worker holding the job write the image, checked against the stored bytes',
    () => {
      // Legal staff may write in the case folder, but not the image: the record guard refuses.
      expect(r.putByLegal.status).toBe(500);
      expect(r.putByLegal.error).toContain('efr.job.notWorker');
      expect(r.put.status).withContext(String(r.put.error)).toBe(200);
      expect(code(r.resultWrong)).toBe('422 efr.job.imageMismatch');
      expect(r.resultWrong.logs.join()).toContain('efr refused job.result');
      expect(r.result.status).withContext(JSON.stringify(r.result.body)).toBe(200);
      const p = r.result.body?.entry as Pkg;
      expect([p.job.state, p.job.percent, p.imageSha256, p.imageSize])
        .toEqual(['built', 100, IMAGE_SHA, IMAGE_SIZE]);
      // The packaging is logged on the package and on each recording copied.
      const packed = r.result.logs.filter((l) => l.includes('efr evidence.package '));
      expect(packed.length).toBe(3);
      expect(packed.join()).toContain('builtBy=worker1');
      expect(packed.join()).toContain('requestedBy=legal1');
      // After the job: no write right left, and a built disc is nobody's job.
      expect(r.putAfter.status).toBe(403);
      expect(code(r.claimBuilt)).toBe('409 efr.job.finished');
      expect(r.read.body?.entry?.job.state).toBe('built');
      expect(r.jobsBuilt.body?.list?.entries.map((e) => e.entry.id)).toEqual([p.id]);
    });

  it('ends a failed job with its code, and alerts on a recording that differs from its seal',
    () => {
      expect(r.ask2.status).toBe(202);
      expect(r.claim2.status).toBe(200);
      expect(code(r.failureBad)).toBe('422 efr.job.failure');
      expect(code(r.failureNotOnDisc)).toBe('404 framework.exception.EntityNotFound');
      expect(r.failure.status).withContext(JSON.stringify(r.failure.body)).toBe(200);
      const p = r.failure.body?.entry as Pkg;
      expect(p.job.state).toBe('failed');
      expect(p.job.error?.code).toBe('efr.evidence.fixityMismatch');
      expect(r.failure.logs.join()).toContain('efr evidence.fixityMismatch');
      expect(r.failure.logs.join()).toContain('path=data/b.mp4');
      expect(code(r.resultAfterFailure)).toBe('409 efr.job.notBuilding');
    });
});
