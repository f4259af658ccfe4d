/**
 * Issue 5 in the ACS module: the handover web scripts (written once in webscripts/src/handovers/,
 * the controllers compiled for Rhino with core bundled, ES5) run in the ACS-like runtime: open,
 * two receipts with every refusal, the stored bytes checked against efr:sha256 (R26.1), sealing
 * with retention and filing, a late seal's violation.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STANDARD_NOTICE_PHRASE } from '../../core/src/index.js';
import {
  runHandoverCalls,
  type HandoverCall,
  type HandoverResult,
} from './webscript-features.js';

const USERS: Record<string, string[]> = {
  officer1: ['GROUP_EFR_OFFICERS'],
  officer2: ['GROUP_EFR_OFFICERS'],
  custodian1: ['GROUP_EFR_CUSTODIANS'],
  custodian2: ['GROUP_EFR_CUSTODIANS'],
  legal1: ['GROUP_EFR_LEGAL'],
};
/** Bytes of an uploaded file, and bytes that replace them after the upload. */
const BYTES_A = Buffer.from('EFR handover recording A '.repeat(40));
const BYTES_B = Buffer.from('EFR handover recording B, other bytes '.repeat(30));
const SHA_A = createHash('sha256').update(BYTES_A).digest('hex');
const DEVICE = {
  folder: 'EFR 执法记录/执法记录仪',
  name: 'BWC-2026-001',
  type: 'efr:device',
  // A registered device carries every mandatory property (ACS checks them when it changes).
  properties: { 'efr:deviceSerial': 'BWC-2026-001', 'efr:unit': '综合执法一队',
    'efr:deviceKind': 'bodyCamera', 'efr:custodian': 'custodian1', 'efr:unitHead': 'custodian1' },
};

function body(endedMinutesAgo: number, awayWork: boolean, extra: Record<string, unknown> = {}) {
  const end = Date.now() - endedMinutesAgo * 60_000;
  return {
    officer: 'officer1',
    coOfficer: 'officer2',
    deviceSerial: 'BWC-2026-001',
    returnedAt: new Date(Math.max(end, Date.now() - 60_000)).toISOString(),
    awayWork,
    preUseCheck: { working: true, batteryPercent: 90, freeStorageMb: 30000, clockOffsetSeconds: 1 },
    sessions: [
      {
        activityType: 'routineInspection',
        place: '六纬路',
        segmentCount: 1,
        startedAt: new Date(end - 600_000).toISOString(),
        endedAt: new Date(end).toISOString(),
        partyNotified: true,
        noticeText: STANDARD_NOTICE_PHRASE,
      },
    ],
    ...extra,
  };
}

let dir = '';
const fileA = (): string => join(dir, 'a.mp4');
const fileB = (): string => join(dir, 'b.mp4');

/** An upload through the REST API: the node, then its bytes (the ingest checks efr:sha256). */
const upload = (name: string, parent: string, file: string, sha: string): HandoverCall => ({
  name,
  user: 'custodian1',
  create: {
    parent,
    name: file,
    type: 'efr:recording',
    properties: {
      'cm:content': { file: fileA() },
      'efr:sha256': sha,
      'efr:sizeBytes': BYTES_A.length,
      'efr:handoverId': parent,
      'efr:recordingEnd': new Date(Date.now() - 30 * 60_000),
      'efr:sessionId': 's1',
    },
  },
});
const receipt = (name: string, id: string, user: string, hashes: unknown): HandoverCall => ({
  name,
  script: 'handover-receipts.post',
  user,
  templateArgs: { id },
  body: { verifiedHashes: hashes },
});
const code = (r: HandoverResult): string => `${r.status} ${r.body?.error?.errorKey ?? ''}`.trim();

describe('module web scripts in Rhino: handovers (issue 5: R21.1-R21.4, R26.1, R29.1)', () => {
  let r: Record<string, HandoverResult>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'efr-handover-ws-'));
    writeFileSync(fileA(), BYTES_A);
    writeFileSync(fileB(), BYTES_B);
    r = await runHandoverCalls(
      USERS,
      [
        { name: 'open', script: 'handovers.post', user: 'custodian1', body: body(30, true) },
        { name: 'deviceAfterOpen', nodeOf: '#BWC-2026-001' },
        {
          name: 'noPhrase',
          script: 'handovers.post',
          user: 'officer1',
          body: body(30, true, {
            sessions: [{ ...body(30, true).sessions[0], noticeText: '录像中' }],
          }),
        },
        { name: 'byLegal', script: 'handovers.post', user: 'legal1', body: body(30, true) },
        {
          name: 'badShape',
          script: 'handovers.post',
          user: 'officer1',
          body: body(30, true, { awayWork: 'no' }),
        },
        {
          name: 'unknownDevice',
          script: 'handovers.post',
          user: 'officer1',
          body: body(30, true, { deviceSerial: 'NOPE-1' }),
        },
        receipt('empty', '@open', 'custodian1', []),
        upload('file', '@open', 'VID_0001.mp4', SHA_A),
        receipt('officer', '@open', 'officer2', [SHA_A]),
        receipt('wrongHash', '@open', 'custodian1', ['b'.repeat(64)]),
        receipt('first', '@open', 'custodian1', [SHA_A.toUpperCase() + '  VID_0001.mp4']),
        receipt('again', '@open', 'custodian1', [SHA_A]),
        receipt('second', '@open', 'custodian2', [SHA_A]),
        receipt('third', '@open', 'custodian2', [SHA_A]),
        { name: 'one', script: 'handover.get', user: 'custodian1', templateArgs: { id: '@open' } },
        { name: 'sealedFile', nodeOf: '@file' },
        {
          name: 'late',
          script: 'handovers.post',
          user: 'officer1',
          body: body(3 * 24 * 60, false),
        },
        upload('lateFile', '@late', 'VID_0002.mp4', SHA_A),
        receipt('late1', '@late', 'custodian1', [SHA_A]),
        receipt('late2', '@late', 'custodian2', [SHA_A]),
        { name: 'listLate', script: 'handovers.get', user: 'custodian1', args: { status: 'late' } },
        { name: 'listBad', script: 'handovers.get', user: 'custodian1', args: { status: 'lost' } },
        { name: 'page', script: 'handovers.get', user: 'custodian1',
          args: { maxItems: '1', skipCount: '0' } },
        // R26.1: bytes replaced after the upload (ACS lets an unsealed recording get new
        // content) are found by the receipt, before anything is written.
        { name: 'swapped', script: 'handovers.post', user: 'officer1', body: body(30, true) },
        upload('swappedFile', '@swapped', 'VID_0003.mp4', SHA_A),
        { name: 'replace', user: 'custodian1',
          rest: { op: 'putFile', node: '@swappedFile', file: fileB() } },
        receipt('swapped1', '@swapped', 'custodian1', [SHA_A]),
        { name: 'swappedAfter', script: 'handover.get', user: 'custodian1',
          templateArgs: { id: '@swapped' } },
      ],
      [DEVICE],
      // Issue 19, point 4: officer1's unit as the directory holds it (cm:organization).
      { officer1: { 'cm:organization': '社会事务科' } },
    );
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("R21.1/R21.2: opens a handover with core's deadline and its declared session", () => {
    expect(r.open.status).withContext(String(r.open.error)).toBe(201);
    const e = r.open.body?.entry;
    expect(e?.status).toBe('open');
    // Issue 19, point 4: the officer's unit first; the device's (综合执法一队) otherwise.
    expect(e?.unit).toBe('社会事务科');
    expect(Date.parse(String(e?.deadline))).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    expect(e?.sessions?.[0].noticeText).toBe(STANDARD_NOTICE_PHRASE);
    expect(r.open.logs.join()).toContain('efr openHandover');
    // Issue 19, point 11: the pre-use check is in the device's history, its 最近检查.
    const device = r.deviceAfterOpen.body?.node;
    expect(Date.parse(String((device?.props['efr:lastCheckAt'] as { date?: string })?.date)))
      .toBeGreaterThan(Date.now() - 120_000);
    expect(r.$tree.logs.some((p) => /执法记录仪\/履历\/BWC-2026-001-使用前检查-/.test(p)))
      .toBeTrue();
  });

  it('R16.1/R15.2/R13.1: refuses no phrase, a non-officer, a bad shape, an unknown device', () => {
    expect(code(r.noPhrase)).toBe('422 efr.session.notice');
    expect(code(r.byLegal)).toBe('403 efr.handover.notOfficerOrCustodian');
    expect(code(r.badShape)).toBe('400 framework.exception.InvalidArgument');
    expect(code(r.unknownDevice)).toBe('422 efr.handover.unknownDevice');
    expect(r.noPhrase.logs.join()).toContain('efr refused openHandover');
  });

  it('R21.4: refuses no files, a non-custodian, wrong hashes, the same custodian twice', () => {
    expect(code(r.empty)).toBe('422 efr.handover.noFiles');
    expect(code(r.officer)).toBe('403 efr.handover.notCustodian');
    expect(code(r.wrongHash)).toBe('422 efr.handover.hashMismatch');
    expect(r.first.body?.entry?.status).toBe('pending');
    expect(code(r.again)).toBe('409 efr.handover.sameCustodian');
    expect(code(r.third)).toBe('409 efr.handover.sealed');
  });

  it('R21.4/R26.1/R22.1: second custodian seals, sets retention, files the recording', () => {
    expect(r.second.status).withContext(String(r.second.error)).toBe(201);
    const e = r.one.body?.entry;
    expect(e?.status).toBe('sealed');
    expect(e?.late).toBe(false);
    expect(e?.files?.map((f) => f.sealed)).toEqual([true]);
    const tree = r.$tree.logs;
    expect(tree.some((p) => /录像档案\/移交-\d{8}-officer1\/VID_0001\.mp4$/.test(p))).toBeTrue();
    expect(r.second.logs.join()).toContain('efr seal');
    // Issue 19, point 4: the sealed recording carries the handover's unit (unit filters).
    const file = r.sealedFile.body?.node;
    expect(file?.props['efr:unit']).toBe('社会事务科');
    expect(file?.aspects).toContain('efr:owningUnit');
  });

  it('R26.1: seals each recording before filing it, so the move is checked as sealed', () => {
    const moves = r.$moves.logs.filter((l) => l.startsWith('move VID_0001.mp4 '));
    expect(moves.length).toBeGreaterThan(0);
    expect(moves.every((l) => / sealed=true to 移交-\d{8}-officer1$/.test(l))).toBeTrue();
  });

  it('R29.1: a seal after the deadline flags the handover late and opens a violation', () => {
    expect(r.late2.status).withContext(String(r.late2.error)).toBe(201);
    expect(r.late2.body?.entry?.late).toBe(true);
    expect(r.late2.body?.entry?.violationId).toEqual(jasmine.any(String));
    expect(r.$tree.logs.some((p) => p.includes('违规记录/逾期移交-'))).toBeTrue();
    const ids = r.listLate.body?.list?.entries.map((x) => x.entry.id) ?? [];
    expect(ids).toContain(r.late.body?.entry?.id ?? 'late');
    expect(ids).not.toContain(r.open.body?.entry?.id ?? 'open');
    expect(code(r.listBad)).toBe('400 framework.exception.InvalidArgument');
  });

  it('lists paged, newest first, as server/ does', () => {
    const page = r.page.body?.list as unknown as {
      pagination: { count: number; skipCount: number; maxItems: number; totalItems: number;
        hasMoreItems: boolean };
      entries: { entry: { id: string } }[];
    };
    expect(page.pagination).toEqual(jasmine.objectContaining(
      { count: 1, skipCount: 0, maxItems: 1, hasMoreItems: true }));
    // Two handovers were open by then: the newest is the late one.
    expect(page.pagination.totalItems).toBe(2);
    expect(page.entries.map((e) => e.entry.id)).toEqual([r.late.body?.entry?.id ?? 'late']);
  });

  it('R26.1: a file whose stored bytes no longer match its efr:sha256 is not received', () => {
    expect(r.replace.status).withContext(String(r.replace.error)).toBe(200);
    expect(code(r.swapped1)).toBe('422 efr.handover.contentMismatch');
    expect(r.swappedAfter.body?.entry?.status).toBe('open');
    expect(r.swapped1.logs.join()).toContain('efr refused receipt');
  });
});
