import {
  checkHandoverOpen, checkHandoverUpload, checkReceipt, handoverUnit, STANDARD_NOTICE_PHRASE,
  UNKNOWN_UNIT,
} from './index.js';
import type { HandoverOpenInput, HandoverState, SessionInput } from './index.js';

const H1 = 'a'.repeat(64);
const H2 = 'b'.repeat(63) + 'c';

function handover(overrides: Partial<HandoverState> = {}): HandoverState {
  return {
    id: 'h-1', status: 'open', officer: 'zhangwei', coOfficer: 'wangfang', receivedBy: [],
    files: [
      { recordingId: 'r-1', name: '20260301_0930.mp4', sha256: H1 },
      { recordingId: 'r-2', name: '20260301_1015.mp4', sha256: H2 },
    ],
    ...overrides,
  };
}

const NOW = '2026-03-01T12:00:00Z';

describe('handover receipt by two custodians (R21.4)', () => {
  it('first custodian: pending', () => {
    const r = checkReceipt(handover(), { custodian: 'c1', isCustodian: true,
      verifiedHashes: [H2, H1] }, NOW);
    expect(r.verdict).toEqual({ allowed: true });
    expect(r.next).toBe('pending');
    expect(r.receivedBy).toEqual(['c1']);
  });

  it('second, different custodian: sealed', () => {
    const r = checkReceipt(handover({ status: 'pending', receivedBy: ['c1'] }),
      { custodian: 'c2', isCustodian: true, verifiedHashes: [H1, H2] }, NOW);
    expect(r.verdict.allowed).toBeTrue();
    expect(r.next).toBe('sealed');
    expect(r.receivedBy).toEqual(['c1', 'c2']);
    expect(r.at).toBe(NOW);
  });

  it('hashes compare case-insensitively and as sets', () => {
    const r = checkReceipt(handover(), { custodian: 'c1', isCustodian: true,
      verifiedHashes: [H1.toUpperCase(), H2, H2] }, NOW);
    expect(r.verdict.allowed).toBeTrue();
  });

  it('403 for a non-custodian', () => {
    const r = checkReceipt(handover(), { custodian: 'x', isCustodian: false,
      verifiedHashes: [H1, H2] }, NOW);
    expect(r.verdict).toEqual(jasmine.objectContaining({ allowed: false, status: 403,
      code: 'efr.handover.notCustodian', requirement: 'R21.4' }));
    expect(r.next).toBeUndefined();
  });

  it('403 when a custodian was an officer of the act', () => {
    const r = checkReceipt(handover(), { custodian: 'wangfang', isCustodian: true,
      verifiedHashes: [H1, H2] }, NOW);
    expect(r.verdict).toEqual(jasmine.objectContaining({ status: 403,
      code: 'efr.handover.ownHandover' }));
  });

  it('409 for the same custodian twice', () => {
    const r = checkReceipt(handover({ status: 'pending', receivedBy: ['c1'] }),
      { custodian: 'c1', isCustodian: true, verifiedHashes: [H1, H2] }, NOW);
    expect(r.verdict).toEqual(jasmine.objectContaining({ status: 409,
      code: 'efr.handover.sameCustodian' }));
  });

  it('409 when already sealed', () => {
    const r = checkReceipt(handover({ status: 'sealed', receivedBy: ['c1', 'c2'] }),
      { custodian: 'c3', isCustodian: true, verifiedHashes: [H1, H2] }, NOW);
    expect(r.verdict).toEqual(jasmine.objectContaining({ status: 409,
      code: 'efr.handover.sealed' }));
  });

  it('422 without files', () => {
    const r = checkReceipt(handover({ files: [] }), { custodian: 'c1', isCustodian: true,
      verifiedHashes: [] }, NOW);
    expect(r.verdict).toEqual(jasmine.objectContaining({ status: 422,
      code: 'efr.handover.noFiles' }));
  });

  it('422 when a hash is missing, extra, different or malformed', () => {
    const cases = [[H1], [H1, H2, 'c'.repeat(64)], [H1, 'd'.repeat(64)], [H1, H2, 'xyz'], []];
    for (const verifiedHashes of cases) {
      const r = checkReceipt(handover(), { custodian: 'c1', isCustodian: true, verifiedHashes },
        NOW);
      expect(r.verdict).withContext(verifiedHashes.join(','))
        .toEqual(jasmine.objectContaining({ status: 422, code: 'efr.handover.hashMismatch' }));
    }
  });

  it('does not change its input', () => {
    const h = handover({ status: 'pending', receivedBy: ['c1'] });
    checkReceipt(h, { custodian: 'c2', isCustodian: true, verifiedHashes: [H1, H2] }, NOW);
    expect(h.receivedBy).toEqual(['c1']);
  });
});

function session(overrides: Partial<SessionInput> = {}): SessionInput {
  return {
    activityType: 'routineInspection', place: '振兴区锦山大街 12 号',
    startedAt: '2026-03-01T09:30:00+08:00', endedAt: '2026-03-01T10:10:00+08:00',
    partyNotified: true, noticeText: STANDARD_NOTICE_PHRASE, ...overrides,
  };
}

function openInput(overrides: Partial<HandoverOpenInput> = {}): HandoverOpenInput {
  return {
    officer: 'zhangwei', coOfficer: 'wangfang', returnedAt: '2026-03-01T11:00:00+08:00',
    awayWork: false, sessions: [session()],
    preUseCheck: { working: true, batteryPercent: 85, freeStorageMb: 20000, clockOffsetSeconds: 2 },
    now: '2026-03-01T12:00:00+08:00', ...overrides,
  };
}

const codes = (input: HandoverOpenInput): string[] =>
  checkHandoverOpen(input).map((e) => e.path + ' ' + e.code);

describe('opening a handover (R15.1, R15.2, R16.1, R10.1)', () => {
  it('accepts a complete handover', () => {
    expect(checkHandoverOpen(openInput())).toEqual([]);
  });

  it('R16.1: the standard phrase verbatim', () => {
    expect(STANDARD_NOTICE_PHRASE).toBe('为保护您的合法权益，监督我们的执法行为，本次执法全程录音录像。');
  });

  it('R16.1: accepts the phrase inside longer words and across line breaks', () => {
    const text = '您好，我们是市民政局执法人员。为保护您的合法权益，\n监督我们的执法行为，本次执法全程录音录像。';
    expect(codes(openInput({ sessions: [session({ noticeText: text })] }))).toEqual([]);
  });

  it('R16.1: refuses a missing or altered phrase, or no notice', () => {
    expect(codes(openInput({ sessions: [session({ noticeText: '本次执法全程录像。' })] })))
      .toEqual(['sessions.0.partyNotified efr.session.notice']);
    expect(codes(openInput({ sessions: [session({ partyNotified: false })] })))
      .toEqual(['sessions.0.partyNotified efr.session.notice']);
  });

  it('R15.2: officer and co-officer are two different people', () => {
    expect(codes(openInput({ coOfficer: 'zhangwei' })))
      .toEqual(['coOfficer efr.handover.sameOfficer']);
    expect(codes(openInput({ coOfficer: ' zhangwei ' })))
      .toEqual(['coOfficer efr.handover.sameOfficer']);
    expect(codes(openInput({ coOfficer: '' })))
      .toEqual(['coOfficer efr.handover.coOfficerMissing']);
    expect(codes(openInput({ officer: '' }))).toEqual(['officer efr.handover.officerMissing']);
  });

  it('R21.2: the return time is valid and not in the future', () => {
    expect(codes(openInput({ returnedAt: '2026-03-01T12:00:01+08:00' })))
      .toEqual(['returnedAt efr.handover.returnedInFuture']);
    expect(codes(openInput({ returnedAt: '2026-03-01 11:00' })))
      .toEqual(['returnedAt efr.handover.returnedAtInvalid']);
  });

  it('R10.1: at least one session, each with activity type, place and start < end', () => {
    expect(codes(openInput({ sessions: [] }))).toEqual(['sessions efr.handover.noSessions']);
    const bad = session({ activityType: 'walk', place: ' ' });
    expect(codes(openInput({ sessions: [session(), bad] })))
      .toEqual(['sessions.1.activityType efr.session.activityType',
        'sessions.1.place efr.session.place']);
    expect(codes(openInput({ sessions: [session({ endedAt: '2026-03-01T09:30:00+08:00' })] })))
      .toEqual(['sessions.0.endedAt efr.session.endBeforeStart']);
    expect(codes(openInput({ sessions: [session({ startedAt: 'x', endedAt: 'y' })] })))
      .toEqual(['sessions.0.startedAt efr.session.startedAt',
        'sessions.0.endedAt efr.session.endedAt']);
    expect(codes(openInput({ sessions: [session({ endedAt: '2026-03-01T13:00:00+08:00' })] })))
      .toEqual(['sessions.0.endedAt efr.session.endInFuture']);
  });

  it('R15.1: the pre-use check passes with the default limits', () => {
    expect(codes(openInput({ preUseCheck: null }))).toEqual(['preUseCheck efr.preUse.missing']);
    expect(codes(openInput({ preUseCheck: { working: false, batteryPercent: 19,
      freeStorageMb: 1023, clockOffsetSeconds: -61 } }))).toEqual([
      'preUseCheck.working efr.preUse.notWorking', 'preUseCheck.batteryPercent efr.preUse.battery',
      'preUseCheck.freeStorageMb efr.preUse.storage',
      'preUseCheck.clockOffsetSeconds efr.preUse.clock',
    ]);
  });

  it('R15.1: custom limits apply', () => {
    const input = openInput({
      preUseCheck: { working: true, batteryPercent: 30, freeStorageMb: 2048,
        clockOffsetSeconds: 5 },
      preUseLimits: { minBatteryPercent: 50, minFreeStorageMb: 4096, maxClockOffsetSeconds: 1 },
    });
    expect(codes(input).length).toBe(3);
  });

  it('every error carries a requirement id and both languages', () => {
    for (const e of checkHandoverOpen(openInput({ coOfficer: 'zhangwei', sessions: [] }))) {
      expect(e.requirement).toMatch(/^R\d+\.\d+$/);
      expect(e.message.length).toBeGreaterThan(0);
      expect(e.messageZh.length).toBeGreaterThan(0);
    }
  });
});

describe('handover unit (R6.1, R12.1; issue 19, point 4)', () => {
  it("takes the officer's unit, else the device's, else the unknown unit", () => {
    expect(handoverUnit({ officerUnit: '社会事务科', deviceUnit: '婚姻登记处' })).toBe('社会事务科');
    expect(handoverUnit({ officerUnit: ' ', deviceUnit: '婚姻登记处' })).toBe('婚姻登记处');
    expect(handoverUnit({ officerUnit: null, deviceUnit: '-' })).toBe(UNKNOWN_UNIT);
    expect(handoverUnit({})).toBe('-');
  });
});

describe('a file uploaded into a handover (R21.4)', () => {
  it('joins an open handover that it names', () => {
    expect(checkHandoverUpload({ handoverId: 'h-1', handoverStatus: 'open',
      declaredHandoverId: 'h-1' }).allowed).toBeTrue();
    expect(checkHandoverUpload({ handoverId: 'h-1', handoverStatus: null,
      declaredHandoverId: 'h-1' }).allowed).toBeTrue();
  });

  it('is refused once a custodian has received the batch, or naming another handover', () => {
    expect(checkHandoverUpload({ handoverId: 'h-1', handoverStatus: 'pending',
      declaredHandoverId: 'h-1' })).toEqual(jasmine.objectContaining(
      { status: 409, code: 'efr.handover.notOpen' }));
    expect(checkHandoverUpload({ handoverId: 'h-1', handoverStatus: 'open',
      declaredHandoverId: 'h-2' })).toEqual(jasmine.objectContaining(
      { status: 422, code: 'efr.handover.wrongHandoverId' }));
    expect(checkHandoverUpload({ handoverId: 'h-1', handoverStatus: 'open',
      declaredHandoverId: null }).allowed).toBeFalse();
  });
});
