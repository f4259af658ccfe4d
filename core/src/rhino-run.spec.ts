// Builds core the way behaviors/ ships it to Alfresco (rhino-build.md: esbuild IIFE, lowered to
// ES5 by TypeScript, checked by acorn at ecmaVersion 5) and runs it in the real Rhino 1.7.14 at
// language version 0, then compares its answers with Node's. Guards that every rule gives the
// same result in both hosts (R28.1 reproducible draw, R21.1/R21.2 deadlines, chain of the log).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as acorn from 'acorn';
import * as esbuild from 'esbuild';
import ts from 'typescript';
import * as core from './index.js';

const ENTRY = resolve(import.meta.dirname, 'index.ts');

/** Bundles and lowers core to one ES5 script that defines the global `EFRCore`. */
async function buildEs5(): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [ENTRY], bundle: true, format: 'iife', globalName: 'EFRCore',
    target: 'es2017', platform: 'neutral', write: false, logLevel: 'silent',
  });
  const bundle = result.outputFiles[0].text;
  return ts.transpileModule(bundle, {
    compilerOptions: { target: ts.ScriptTarget.ES5, allowJs: true },
  }).outputText;
}

const sha256hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const POPULATION = [
  { id: 'rec-07', unit: '执法一队', officer: '张伟' },
  { id: 'rec-01', unit: '执法一队', officer: '王芳' },
  { id: 'rec-02', unit: '执法一队', officer: '张伟' },
  { id: 'rec-03', unit: '执法二队', officer: '李娜' },
  { id: 'rec-04', unit: '执法二队', officer: '李娜' },
  { id: 'rec-05', unit: '执法二队', officer: '刘洋' },
  { id: 'rec-06', unit: '执法一队', officer: '王芳' },
  { id: 'rec-08', unit: '执法三队', officer: '陈静' },
];

const DEADLINES = [
  { fieldWorkEnd: '2026-03-01T15:30:00Z', returnedAt: null, awayWork: false },
  { fieldWorkEnd: '2026-03-01T16:30:00Z', returnedAt: null, awayWork: false },
  { fieldWorkEnd: '2024-02-28T17:00:00Z', returnedAt: null, awayWork: false },
  { fieldWorkEnd: '2026-12-31T20:00:00+08:00', returnedAt: '2027-01-01T09:00:00+08:00',
    awayWork: true },
];

/** The calls made in both hosts; the Rhino side runs the same JS text against EFRCore. */
const HARNESS = `
var C = EFRCore;
function sha256hex(text) {
  var md = java.security.MessageDigest.getInstance('SHA-256');
  var bytes = md.digest(new java.lang.String(text).getBytes('UTF-8'));
  var hex = '';
  for (var i = 0; i < bytes.length; i++) {
    var b = bytes[i] & 255;
    hex += (b < 16 ? '0' : '') + b.toString(16);
  }
  return hex;
}
var input = JSON.parse(INPUT);
var out = {
  draws: input.draws.map(function (d) { return C.drawSample(d); }),
  deadlines: input.deadlines.map(function (d) {
    return C.handoverDeadline({ fieldWorkEnd: d.fieldWorkEnd, returnedAt: d.returnedAt,
      awayWork: d.awayWork, zone: C.ASIA_SHANGHAI });
  }),
  fnv: C.fnv1a32('丹民罚〔2026〕12号'),
  canonical: C.canonicalEntry(input.entries[1]),
  chainOk: C.verifyChain(input.entries, sha256hex),
  chainBroken: C.verifyChain(input.broken, sha256hex),
  retention: C.computeRetention({ recordingEnd: '2024-02-29T10:00:00Z', linkedCases: [] }),
  instant: C.parseInstant('2026-03-01T23:59:59.5+08:00'),
  sealedRefusal: C.checkRecordingUpdate(input.recording, { sha256: 'b' },
    { actor: { userName: 'c1', groups: ['GROUP_EFR_CUSTODIANS'] }, now: input.now }),
  deleteRefusal: C.checkRecordingDelete(input.recording, { now: input.now, disposal: null }),
  approve: C.transition(input.request, { type: 'approve' },
    { userName: 'lingdao', groups: ['GROUP_EFR_LEADERS'] }, input.accessCtx),
  newRequest: C.checkNewRequest({ recordingIds: ['r-9'], purpose: 'externalRelease',
    reason: '对外提供' }, { userName: 'c1', groups: ['GROUP_EFR_CUSTODIANS'] }, input.accessCtx),
  handoverErrors: C.checkHandoverOpen(input.handoverOpen),
  receipt: C.checkReceipt(input.handover, { custodian: 'c2', isCustodian: true,
    verifiedHashes: [input.handover.files[0].sha256.toUpperCase()] }, input.now),
  quality: C.qualityReport(input.quality),
  // Escaped twice: the script file is UTF-8, where a lone surrogate could not survive.
  canonicalOdd: C.canonicalJson({ b: '\\ud800\\u0001张', a: [1.5, -0, 1e21] }),
  compliance: C.unitCompliance([{ unit: 'B', status: 'issued' }, { unit: 'A', status: 'lost' }]),
  caseNumbers: ['丹民罚〔2026〕12号', 'EFR-2026-0001', '丹民罚[2026]12号'].map(function (n) {
    return C.isCaseNumber(n);
  })
};
print(JSON.stringify(out));
`;

/** Inputs of the rule calls made in both hosts (plain JSON, as a behaviour would build). */
const RULE_INPUTS = {
  now: '2026-03-02T08:00:00Z',
  recording: {
    id: 'r-1', sealed: true, sha256: 'a'.repeat(64), sizeBytes: 10, deviceId: 'd-1',
    officers: ['zhangwei', 'wangfang'], recorder: 'zhangwei', activityType: 'routineInspection',
    location: '锦山大街', startedAt: '2026-03-01T01:30:00Z', endedAt: '2026-03-01T02:10:00Z',
    source: 'bodyCamera', partyNotified: true, handoverId: 'h-1',
    retainUntil: '2027-03-01T02:10:00.000Z', retentionPermanent: false, legalHold: false,
    evidence: false, caseIds: [], secrecyLevel: 'none',
  } as core.RecordingState,
  request: {
    ...core.newAccessRequest('q-1', { recordingIds: ['r-1'], purpose: 'work', reason: '核查投诉' },
      'zhangwei', '2026-03-02T01:00:00Z'),
    status: 'reviewed', reviewedBy: 'zhuren', reviewedAt: '2026-03-02T02:00:00Z',
  } as core.AccessRequest,
  accessCtx: {
    now: '2026-03-02T08:00:00Z',
    recordings: [{ id: 'r-1', secrecyLevel: 'none', caseLeaders: ['lingdao'] },
      { id: 'r-9', secrecyLevel: 'stateSecret', caseLeaders: ['lingdao'] }],
  } as core.AccessContext,
  handoverOpen: {
    officer: 'zhangwei', coOfficer: 'zhangwei', returnedAt: '2026-03-02T09:00:00Z',
    awayWork: false, now: '2026-03-02T08:00:00Z',
    sessions: [{ activityType: 'routineInspection', place: '锦山大街',
      startedAt: '2026-03-01T01:30:00Z', endedAt: '2026-03-01T02:10:00Z', partyNotified: true,
      noticeText: core.STANDARD_NOTICE_PHRASE }],
    preUseCheck: { working: true, batteryPercent: 5, freeStorageMb: 4096, clockOffsetSeconds: 0 },
  } as core.HandoverOpenInput,
  handover: {
    id: 'h-1', status: 'pending', officer: 'zhangwei', coOfficer: 'wangfang', receivedBy: ['c1'],
    files: [{ recordingId: 'r-1', name: '录像1.mp4', sha256: 'ab'.repeat(32) }],
  } as core.HandoverState,
  quality: {
    from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00',
    acts: [{ officer: '张伟', unit: '一队', at: '2026-03-02T00:00:00Z', needsRecording: true,
      recorded: false }, { officer: '张伟', unit: '一队', at: '2026-03-03T00:00:00Z',
      needsRecording: true, recorded: true }],
    sessions: [], handovers: [], findings: [], violations: [],
  } as core.QualityInput,
};

interface HostResult {
  draws: string[][];
  deadlines: string[];
  fnv: number;
  canonical: string;
  chainOk: core.ChainCheck;
  chainBroken: core.ChainCheck;
  retention: core.Retention;
  instant: number | null;
  sealedRefusal: core.Verdict;
  deleteRefusal: core.Verdict;
  approve: core.Transition<core.AccessRequest>;
  newRequest: core.Verdict;
  handoverErrors: core.FieldError[];
  receipt: core.ReceiptResult;
  quality: core.QualityReport;
  canonicalOdd: string;
  compliance: core.UnitCompliance[];
  caseNumbers: boolean[];
}

function nodeResult(input: { draws: core.DrawInput[]; entries: object[]; broken: object[] }):
  HostResult {
  const entries = input.entries as Record<string, unknown>[];
  return {
    draws: input.draws.map((d) => core.drawSample(d)),
    deadlines: DEADLINES.map((d) => core.handoverDeadline({ ...d, zone: core.ASIA_SHANGHAI })),
    fnv: core.fnv1a32('丹民罚〔2026〕12号'),
    canonical: core.canonicalEntry(entries[1]),
    chainOk: core.verifyChain(entries, sha256hex),
    chainBroken: core.verifyChain(input.broken as Record<string, unknown>[], sha256hex),
    retention: core.computeRetention({ recordingEnd: '2024-02-29T10:00:00Z', linkedCases: [] }),
    instant: core.parseInstant('2026-03-01T23:59:59.5+08:00'),
    ...ruleCalls(),
  };
}

function ruleCalls(): Omit<HostResult, 'draws' | 'deadlines' | 'fnv' | 'canonical' | 'chainOk' |
  'chainBroken' | 'retention' | 'instant'> {
  const r = RULE_INPUTS;
  const custodian = { userName: 'c1', groups: ['GROUP_EFR_CUSTODIANS'] };
  return {
    sealedRefusal: core.checkRecordingUpdate(r.recording, { sha256: 'b' },
      { actor: custodian, now: r.now }),
    deleteRefusal: core.checkRecordingDelete(r.recording, { now: r.now, disposal: null }),
    approve: core.transition(r.request, { type: 'approve' },
      { userName: 'lingdao', groups: ['GROUP_EFR_LEADERS'] }, r.accessCtx),
    newRequest: core.checkNewRequest({ recordingIds: ['r-9'], purpose: 'externalRelease',
      reason: '对外提供' }, custodian, r.accessCtx),
    handoverErrors: core.checkHandoverOpen(r.handoverOpen),
    receipt: core.checkReceipt(r.handover, { custodian: 'c2', isCustodian: true,
      verifiedHashes: [r.handover.files[0].sha256.toUpperCase()] }, r.now),
    quality: core.qualityReport(r.quality),
    canonicalOdd: core.canonicalJson({ b: '\ud800\u0001张', a: [1.5, -0, 1e21] }),
    compliance: core.unitCompliance([{ unit: 'B', status: 'issued' },
      { unit: 'A', status: 'lost' }]),
    caseNumbers: ['丹民罚〔2026〕12号', 'EFR-2026-0001', '丹民罚[2026]12号'].map(core.isCaseNumber),
  };
}

function chain(): { entries: object[]; broken: object[] } {
  const facts = [
    { id: 'log-1', at: '2026-03-02T01:00:00Z', actor: '张伟', action: 'read', target: 'rec-01' },
    { id: 'log-2', at: '2026-03-02T01:05:00Z', actor: 'wang', action: 'download',
      target: 'rec-02', reason: '诉讼需要\n"引用"', requestId: null, bytes: 1048576 },
    { id: 'log-3', at: '2026-03-02T01:06:00Z', actor: 'li', action: 'deleteRefused',
      target: 'rec-03', details: { status: 409, code: 'efr.recording.retained' } },
  ];
  const entries: object[] = [];
  let prev = core.GENESIS_HASH;
  for (const f of facts) {
    const linked = core.linkEntry(prev, f, sha256hex);
    entries.push(linked);
    prev = linked.hash;
  }
  const broken = entries.map((e) => ({ ...e }));
  (broken[1] as Record<string, unknown>).actor = 'mallory';
  return { entries, broken };
}

describe('core compiled for Rhino (rhino-build.md; R28.1, R21.1, R21.2, R22.1)', () => {
  let dir: string;
  let es5: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'efr-core-rhino-'));
    es5 = await buildEs5();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lowers to a script that acorn parses as ECMAScript 5', () => {
    expect(() => acorn.parse(es5, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
  });

  it('gives the same answers in Rhino 1.7.14 (language version 0) as in Node', () => {
    const { entries, broken } = chain();
    const input = {
      draws: [
        { seed: 'EFR-2026-Q1', population: POPULATION, proportion: 0.5 },
        { seed: 'EFR-2026-Q1', population: POPULATION, proportion: 0.25 },
        { seed: '抽查-2026-03', population: POPULATION, proportion: 1 },
        { seed: 'empty', population: [], proportion: 0.3 },
      ],
      deadlines: DEADLINES, entries, broken, ...RULE_INPUTS,
    };
    const script = join(dir, 'core-run.js');
    writeFileSync(script, es5 + '\nvar INPUT = ' + JSON.stringify(JSON.stringify(input)) + ';\n' +
      HARNESS, 'utf8');
    const run = spawnSync('rhino', ['-opt', '-1', '-version', '0', '-encoding', 'UTF-8', script], {
      encoding: 'utf8', timeout: 120000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const rhino = JSON.parse(run.stdout.trim()) as HostResult;
    const node = nodeResult(input);
    expect(rhino).toEqual(JSON.parse(JSON.stringify(node)));
    expect(rhino.chainOk).toEqual({ ok: true });
    expect(rhino.chainBroken).toEqual({
      ok: false, index: 1, id: 'log-2', reason: 'hash does not match the entry content',
    });
    expect(rhino.deadlines[0]).toBe('2026-03-01T15:59:59.999Z');
    // The refusals really are refusals, with their Chinese text intact.
    expect(rhino.sealedRefusal).toEqual(jasmine.objectContaining({ status: 409,
      code: 'efr.recording.sealedContent' }));
    expect((rhino.sealedRefusal as core.Refusal).messageZh).toContain('录像已封存');
    expect(rhino.approve.next?.status).toBe('approved');
    expect(rhino.caseNumbers).toEqual([true, true, false]);
    expect(rhino.receipt.next).toBe('sealed');
    expect(rhino.handoverErrors.map((e) => e.code)).toEqual([
      'efr.handover.sameOfficer', 'efr.handover.returnedInFuture', 'efr.preUse.battery']);
  });
});
