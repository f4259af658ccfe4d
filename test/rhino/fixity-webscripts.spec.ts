/**
 * The fixity web scripts (issue 18, R26.1, R29.1; the worker's job of issue 15) as the module
 * runs them: the controllers from the built JAR in the ACS-like runtime, written once in
 * webscripts/src/fixity/ (server/ runs the same handlers with the real worker:
 * test/evidence/fixity-worker.spec.ts). A custodian asks for a round, recorded as a job; a
 * service account in GROUP_EFR_WORKERS claims it, reads the recordings of its round (and only
 * while it holds it: onContentRead decides with core), and reports each check, which the web
 * script records: efr:fixityAudited on the recording, the log entries, and on a mismatch a
 * proposed violation and the alert. Nobody else writes a check's result.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sealedRecordingProps } from './fixtures.js';
import {
  runWebScripts, type RestCall, type SetupNode, type WebScriptFeature, type WsCall,
  type WsResult,
} from './webscript-run.js';

const ROOT = 'EFR 执法记录';
const RECS = `${ROOT}/录像档案`;
const VIOLATIONS = `${ROOT}/违规记录`;

const FEATURE: WebScriptFeature = {
  areas: ['fixity'],
  folders: [RECS, VIOLATIONS],
  idPrefix: 'f',
  folderAces: {
    [ROOT]: ['ALLOWED;GROUP_EFR_OFFICERS;Consumer', 'ALLOWED;GROUP_EFR_WORKERS;Consumer',
      'ALLOWED;GROUP_EFR_CUSTODIANS;Coordinator', 'ALLOWED;GROUP_EFR_SUPERVISORS;Consumer'],
    [VIOLATIONS]: ['ALLOWED;GROUP_EFR_SUPERVISORS;Coordinator'],
  },
};

const USERS: Record<string, string[]> = {
  officer1: ['GROUP_EFR_OFFICERS'],
  custodian1: ['GROUP_EFR_CUSTODIANS'],
  worker1: ['GROUP_EFR_WORKERS'],
  worker2: ['GROUP_EFR_WORKERS'],
};

const A = Buffer.alloc(4096, 1);
const B = Buffer.alloc(2048, 2);
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

interface Round { id: string; state: string; planned: number; checked: number;
  mismatches: number; worker: string | null }
interface Status { total: number; checkedInCycle: number;
  lastMismatch: { nodeId: string; violationId: string | null; actual: string | null } | null }

const step = (name: string, s: string, user: string, body: unknown = {}): WsCall =>
  ({ name, script: `fixity-round-${s}.post`, user, templateArgs: { id: '@run' }, body });
const rest = (name: string, user: string, op: RestCall['rest']['op'], node: string,
  properties?: Record<string, unknown>): RestCall =>
  ({ name, user, rest: { op, node, ...(properties ? { properties } : {}) } });
const code = (r: WsResult<unknown>): string => `${r.status} ${r.body?.error?.errorKey ?? ''}`.trim();

describe('module web scripts in Rhino: fixity rounds worked by efr worker (issue 18, R26.1)',
  () => {
    let r: Record<string, WsResult<unknown>>;
    let ids: Record<string, string>;
    let dir = '';

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'efr-fixity-'));
      writeFileSync(join(dir, 'a.mp4'), A);
      writeFileSync(join(dir, 'b.mp4'), B);
      const rec = (name: string, sealedSha: string, extra: Record<string, unknown> = {}):
        SetupNode => ({ folder: RECS, name, type: 'efr:recording',
        properties: sealedRecordingProps({ 'cm:name': name, 'efr:sha256': sealedSha,
          'efr:sizeBytes': 4096, 'cm:content': { file: join(dir, name), mimetype: 'video/mp4' },
          ...extra } as never) as Record<string, unknown> });
      const nodes: SetupNode[] = [
        rec('a.mp4', sha(A)),
        // Its stored bytes are not those sealed: the worker's hash will differ.
        rec('b.mp4', sha(A)),
        rec('raw.mp4', sha(A), { 'efr:sealedAt': null, 'efr:sealedBy1': null,
          'efr:sealedBy2': null }),
      ];
      const calls: (WsCall | RestCall)[] = [
        { name: 'statusByOfficer', script: 'fixity.get', user: 'officer1' },
        { name: 'before', script: 'fixity.get', user: 'custodian1' },
        { name: 'runByOfficer', script: 'fixity-run.post', user: 'officer1', body: {} },
        { name: 'runBad', script: 'fixity-run.post', user: 'custodian1',
          body: { roundMinutes: 0 } },
        { name: 'run', script: 'fixity-run.post', user: 'custodian1', body: { roundMinutes: 60 } },
        { name: 'runAgain', script: 'fixity-run.post', user: 'custodian1', body: {} },
        { name: 'rounds', script: 'fixity-rounds.get', user: 'worker1',
          args: { state: 'requested' } },
        step('claimByCustodian', 'claim', 'custodian1'),
        rest('readBefore', 'worker1', 'content', '#a.mp4'),
        step('claim', 'claim', 'worker1'),
        step('claimAgain', 'claim', 'worker2'),
        rest('readDuring', 'worker1', 'content', '#a.mp4'),
        rest('readUnsealed', 'worker1', 'content', '#raw.mp4'),
        step('progress', 'progress', 'worker1', { bytesDone: 4096, bytesTotal: 8192 }),
        step('checkBad', 'checks', 'worker1', { recordingId: '#a.mp4', sha256: 'xyz',
          bytes: 1, busyMs: 1 }),
        step('checkOther', 'checks', 'worker2', { recordingId: '#a.mp4', sha256: sha(A),
          bytes: 4096, busyMs: 3 }),
        step('checkA', 'checks', 'worker1', { recordingId: '#a.mp4', sha256: sha(A),
          bytes: 4096, busyMs: 3 }),
        step('doneEarly', 'done', 'worker1'),
        step('checkB', 'checks', 'worker1', { recordingId: '#b.mp4', sha256: sha(B),
          bytes: 2048, busyMs: 2 }),
        step('checkAgain', 'checks', 'worker1', { recordingId: '#a.mp4', sha256: sha(A),
          bytes: 4096, busyMs: 3 }),
        step('done', 'done', 'worker1'),
        rest('readAfter', 'worker1', 'content', '#a.mp4'),
        rest('forge', 'custodian1', 'update', '#b.mp4', { 'efr:fixityResult': 'ok' }),
        { name: 'after', script: 'fixity.get', user: 'custodian1' },
        { name: 'round', script: 'fixity-round.get', user: 'custodian1',
          templateArgs: { id: '@run' } },
      ];
      r = await runWebScripts<unknown>(FEATURE, USERS, calls, nodes);
      ids = Object.fromEntries(r.$nodes.logs.map((l) => l.split(' ') as [string, string]));
    }, 180_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('R26.1: custodians follow the audit and ask for a round, a job for the worker (202)', () => {
      expect(code(r.statusByOfficer)).toBe('403 efr.fixity.notCustodian');
      expect(code(r.runByOfficer)).toBe('403 efr.fixity.notCustodian');
      expect(code(r.runBad)).toBe('400 framework.exception.InvalidArgument');
      expect((r.before.body?.entry as Status)).toEqual(jasmine.objectContaining({ total: 2,
        checkedInCycle: 0, lastMismatch: null }));
      expect(r.run.status).withContext(JSON.stringify(r.run.body)).toBe(202);
      const round = r.run.body?.entry as Round;
      expect(round.state).toBe('requested');
      expect((r.runAgain.body?.entry as Round).id).toBe(round.id);
      expect(r.rounds.body?.list?.entries.map((e) => (e.entry as Round).id)).toEqual([round.id]);
    });

    it('gives the round to one worker, who reads its recordings only while it holds it', () => {
      expect(code(r.claimByCustodian)).toBe('403 efr.job.notWorker');
      // A behaviour's refusal reaches the public service's caller as an exception (500 here).
      expect(r.readBefore.status).toBe(500);
      expect(r.readBefore.error).toContain('efr.recording.noViewingRight');
      expect(r.claim.status).withContext(JSON.stringify(r.claim.body)).toBe(200);
      const order = (r.claim.body as unknown as { order: { recordings: { id: string;
        sha256: string }[] } }).order;
      expect(order.recordings.map((x) => x.id).sort())
        .toEqual([ids['a.mp4'], ids['b.mp4']].sort());
      expect(code(r.claimAgain)).toBe('409 efr.job.claimed');
      expect(r.readDuring.status).withContext(JSON.stringify(r.readDuring.body)).toBe(200);
      expect(r.readUnsealed.status).toBe(500);
      expect(r.readAfter.status).toBe(500);
      expect(r.readAfter.error).toContain('efr.recording.noViewingRight');
    });

    it('records each check; a mismatch proposes a violation and alerts (R29.1)', () => {
      expect(code(r.checkBad)).toBe('422 efr.fixity.badReport');
      expect(code(r.checkOther)).toBe('409 efr.job.leaseLost');
      expect(r.checkA.body?.entry).toEqual({ recordingId: ids['a.mp4'], result: 'ok',
        violationId: null });
      expect(code(r.doneEarly)).toBe('409 efr.fixity.roundUnfinished');
      const b = r.checkB.body?.entry as { result: string; violationId: string };
      expect(b.result).toBe('mismatch');
      expect(b.violationId).toBeTruthy();
      expect(r.checkB.logs.join()).toContain('fixity.alert');
      expect(code(r.checkAgain)).toBe('409 efr.fixity.alreadyChecked');
      expect(r.done.status).withContext(JSON.stringify(r.done.body)).toBe(200);
      expect(r.round.body?.entry).toEqual(jasmine.objectContaining({ state: 'built',
        planned: 2, checked: 2, mismatches: 1, worker: 'worker1' }));
      const after = r.after.body?.entry as Status;
      expect(after.checkedInCycle).toBe(2);
      expect(after.lastMismatch).toEqual(jasmine.objectContaining({ nodeId: ids['b.mp4'],
        violationId: b.violationId, actual: sha(B) }));
    });

    it('lets nobody but the repository write a check\'s result', () => {
      expect(r.forge.status).toBe(500);
      expect(r.forge.error).toContain('efr.fixity.repositoryOnly');
    });
  });
