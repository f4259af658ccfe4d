import {
  checkContentUpdate, checkLegalHoldRelease, checkRecordingAspectRemoval, checkRecordingCopy, checkRecordingDelete, checkRecordingMove, checkRecordingUpdate,
  GROUP_EFR_CUSTODIANS, GROUP_EFR_LEADERS, GROUP_EFR_LEGAL, GROUP_EFR_OFFICERS,
  GROUP_EFR_SUPERVISORS, SEALED_PROTECTED_FIELDS,
} from './index.js';
import type { Actor, RecordingState, Verdict } from './index.js';

const NOW = '2026-03-02T08:00:00Z';
const actor = (userName: string, ...groups: string[]): Actor => ({ userName, groups });
const custodian = actor('c1', GROUP_EFR_CUSTODIANS);
const legal = actor('fa', GROUP_EFR_LEGAL);
const officer = actor('zhangwei', GROUP_EFR_OFFICERS);
const stranger = actor('other', GROUP_EFR_OFFICERS);

function recording(overrides: Partial<RecordingState> = {}): RecordingState {
  return {
    id: 'r-1', sealed: true, sha256: 'a'.repeat(64), sizeBytes: 1048576, deviceId: 'd-1',
    officers: ['zhangwei', 'wangfang'], recorder: 'zhangwei', activityType: 'routineInspection',
    location: '锦山大街', startedAt: '2026-03-01T01:30:00Z', endedAt: '2026-03-01T02:10:00Z',
    source: 'bodyCamera', partyNotified: true, handoverId: 'h-1',
    retainUntil: '2027-03-01T02:10:00.000Z', retentionPermanent: false, legalHold: false,
    evidence: false, caseIds: [], secrecyLevel: 'none', ...overrides,
  };
}

const refusal = (v: Verdict): string =>
  (v.allowed ? 'allowed' : v.status + ' ' + v.code + ' ' + v.requirement);

describe('recording updates (R26.1, R22, R14.2, R27.1)', () => {
  describe('before sealing', () => {
    const unsealed = recording({ sealed: false });
    it('custodians may edit anything, capture facts included', () => {
      expect(checkRecordingUpdate(unsealed, { location: '另一地点', sha256: 'b'.repeat(64) },
        { actor: custodian, now: NOW }).allowed).toBeTrue();
    });
    it('the officers of the recording may edit it', () => {
      expect(checkRecordingUpdate(unsealed, { location: '另一地点' },
        { actor: officer, now: NOW }).allowed).toBeTrue();
    });
    it('403 for anyone else', () => {
      expect(refusal(checkRecordingUpdate(unsealed, { location: 'x' },
        { actor: stranger, now: NOW }))).toBe('403 efr.recording.notEditor R26.1');
    });
    it('R14.2, R22: holds and retention protect it before sealing too', () => {
      const held = recording({ sealed: false, legalHold: true });
      expect(refusal(checkRecordingUpdate(held, { legalHold: false },
        { actor: custodian, now: NOW }))).toBe('403 efr.recording.holdRelease R14.2');
      expect(refusal(checkRecordingUpdate(unsealed, { retainUntil: '2027-01-01T00:00:00Z' },
        { actor: custodian, now: NOW }))).toBe('409 efr.recording.retentionShortened R22.2');
      expect(checkRecordingUpdate(recording({ sealed: false, retainUntil: null }),
        { endedAt: '2026-03-05T00:00:00Z', retainUntil: '2027-03-05T00:00:00Z' },
        { actor: officer, now: NOW }).allowed).toBeTrue();
      expect(refusal(checkRecordingUpdate(recording({ sealed: false, retainUntil: null }),
        { endedAt: '2026-03-05T00:00:00Z', retainUntil: '2027-03-04T00:00:00Z' },
        { actor: officer, now: NOW }))).toBe('422 efr.recording.retentionTooShort R22.1');
    });
    it('R21.4: only the system seals (at the two-custodian receipt)', () => {
      expect(refusal(checkRecordingUpdate(unsealed, { sealed: true },
        { actor: custodian, now: NOW }))).toBe('403 efr.recording.sealBySystem R21.4');
      expect(checkRecordingUpdate(unsealed, { sealed: true },
        { actor: custodian, now: NOW, system: true }).allowed).toBeTrue();
    });
  });

  describe('after sealing', () => {
    const sealed = recording();
    it('R26.1: no protected field may change, even for the system', () => {
      const values: Record<string, unknown> = {
        sealed: false, sha256: 'b'.repeat(64), sizeBytes: 1, deviceId: 'd-2',
        officers: ['zhangwei', 'liuyang'], recorder: 'wangfang', activityType: 'otherFieldWork',
        location: 'x', startedAt: '2026-03-01T01:00:00Z', endedAt: '2026-03-01T02:00:00Z',
        source: 'handheldCamera', partyNotified: false, handoverId: 'h-2', content: 'x',
        contentUrl: 'store://x', mimeType: 'video/webm', encoding: 'x', originalName: 'x.mp4',
        durationSeconds: 3, id: 'r-2', notificationPhrase: 'x', width: 1, height: 1,
        codec: 'vp9', sessionId: 's-2', segmentIndex: 9,
      };
      for (const field of SEALED_PROTECTED_FIELDS) {
        expect(field in values).withContext(field).toBeTrue();
        const v = checkRecordingUpdate(sealed, { [field]: values[field] },
          { actor: custodian, now: NOW, system: true });
        expect(refusal(v)).withContext(field).toBe('409 efr.recording.sealedContent R26.1');
      }
    });
    it('re-sending unchanged values is not a change', () => {
      expect(checkRecordingUpdate(sealed, { sha256: sealed.sha256, officers: ['zhangwei',
        'wangfang'], location: sealed.location }, { actor: officer, now: NOW }).allowed).toBeTrue();
    });
    it('officers may no longer edit', () => {
      expect(refusal(checkRecordingUpdate(sealed, { evidence: true },
        { actor: officer, now: NOW }))).toBe('403 efr.recording.notArchivist R26.1');
    });
    it('unknown properties are allowed when not protected', () => {
      expect(checkRecordingUpdate(sealed, { 'cm:description': '补充说明' },
        { actor: custodian, now: NOW }).allowed).toBeTrue();
    });
    it('R22.2: case links and evidence marks may be added', () => {
      expect(checkRecordingUpdate(sealed, { caseIds: ['case-1'], evidence: true },
        { actor: legal, now: NOW }).allowed).toBeTrue();
    });
    it('R22.2: only legal staff remove a case link or an evidence mark', () => {
      const linked = recording({ caseIds: ['case-1'], evidence: true });
      expect(refusal(checkRecordingUpdate(linked, { caseIds: [] },
        { actor: custodian, now: NOW }))).toBe('403 efr.recording.caseUnlink R22.2');
      expect(refusal(checkRecordingUpdate(linked, { evidence: false },
        { actor: custodian, now: NOW }))).toBe('403 efr.recording.evidenceUnmark R22.2');
      expect(checkRecordingUpdate(linked, { caseIds: [], evidence: false },
        { actor: legal, now: NOW }).allowed).toBeTrue();
    });
    it('R27.1: secrecy may be raised, never lowered', () => {
      expect(checkRecordingUpdate(sealed, { secrecyLevel: 'stateSecret' },
        { actor: actor('ld', GROUP_EFR_LEADERS), now: NOW }).allowed).toBeTrue();
      expect(refusal(checkRecordingUpdate(recording({ secrecyLevel: 'tradeSecret' }),
        { secrecyLevel: 'personalPrivacy' }, { actor: custodian, now: NOW })))
        .toBe('409 efr.recording.secrecyLowered R27.1');
      expect(refusal(checkRecordingUpdate(sealed, { secrecyLevel: 'topSecret' },
        { actor: custodian, now: NOW }))).toBe('422 efr.recording.badSecrecy R27.1');
    });
    it('R22: retention may be extended, never shortened', () => {
      expect(checkRecordingUpdate(sealed, { retainUntil: '2036-03-01T00:00:00.000Z' },
        { actor: custodian, now: NOW }).allowed).toBeTrue();
      expect(refusal(checkRecordingUpdate(sealed, { retainUntil: '2027-02-01T00:00:00.000Z' },
        { actor: custodian, now: NOW }))).toBe('409 efr.recording.retentionShortened R22.2');
      expect(checkRecordingUpdate(sealed, { retentionPermanent: true, retainUntil: null },
        { actor: custodian, now: NOW }).allowed).toBeTrue();
      expect(refusal(checkRecordingUpdate(recording({ retentionPermanent: true,
        retainUntil: null }), { retentionPermanent: false, retainUntil: '2099-01-01T00:00:00Z' },
      { actor: custodian, now: NOW }))).toBe('409 efr.recording.retentionShortened R22.2');
      expect(refusal(checkRecordingUpdate(sealed, { retainUntil: 'soon' },
        { actor: custodian, now: NOW }))).toBe('422 efr.recording.badRetainUntil R22.1');
    });
    it('R22.1: a first retention date is at least one year after the end', () => {
      const held = recording({ retainUntil: null });
      expect(refusal(checkRecordingUpdate(held, { retainUntil: '2026-12-01T00:00:00Z' },
        { actor: custodian, now: NOW, system: true })))
        .toBe('422 efr.recording.retentionTooShort R22.1');
      expect(checkRecordingUpdate(held, { retainUntil: '2027-03-01T02:10:00Z' },
        { actor: custodian, now: NOW, system: true }).allowed).toBeTrue();
    });
    it('R14.2: a legal hold may be set by archivists, lifted only by supervisors or legal', () => {
      expect(checkRecordingUpdate(sealed, { legalHold: true },
        { actor: custodian, now: NOW }).allowed).toBeTrue();
      const onHold = recording({ legalHold: true });
      expect(refusal(checkRecordingUpdate(onHold, { legalHold: false },
        { actor: custodian, now: NOW }))).toBe('403 efr.recording.holdRelease R14.2');
      expect(checkRecordingUpdate(onHold, { legalHold: false },
        { actor: actor('sv', GROUP_EFR_SUPERVISORS), now: NOW }).allowed).toBeTrue();
    });
  });
});

describe('removing an aspect of a recording (R14.2, R22.2, R26.1; issue 16)', () => {
  const supervisor = actor('sv', GROUP_EFR_SUPERVISORS);
  it('R14.2/R22.2: a hold or an evidence mark goes only by those who may lift it', () => {
    const held = recording({ legalHold: true, evidence: true });
    expect(refusal(checkRecordingAspectRemoval(held, 'legalHold', { actor: custodian, now: NOW })))
      .toBe('403 efr.recording.holdRelease R14.2');
    expect(checkRecordingAspectRemoval(held, 'legalHold', { actor: supervisor, now: NOW }).allowed)
      .toBeTrue();
    expect(refusal(checkRecordingAspectRemoval(held, 'evidence', { actor: supervisor, now: NOW })))
      .toBe('403 efr.recording.evidenceUnmark R22.2');
    expect(checkRecordingAspectRemoval(held, 'evidence', { actor: legal, now: NOW }).allowed)
      .toBeTrue();
  });
  it('R26.1: any other aspect of the record stays on a sealed recording, also for admins', () => {
    expect(refusal(checkRecordingAspectRemoval(recording(), 'recordFact',
      { actor: actor('admin', 'GROUP_ALFRESCO_ADMINISTRATORS'), now: NOW })))
      .toBe('409 efr.recording.sealedContent R26.1');
    expect(checkRecordingAspectRemoval(recording({ sealed: false }), 'recordFact',
      { actor: officer, now: NOW }).allowed).toBeTrue();
    expect(checkRecordingAspectRemoval(recording(), 'other', { actor: officer, now: NOW }).allowed)
      .toBeTrue();
  });
});

describe('the hold release step (R14.2)', () => {
  it('lifts a hold for supervisors and legal with a reason; nobody else', () => {
    const held = recording({ legalHold: true });
    const supervisor = actor('s1', GROUP_EFR_SUPERVISORS);
    expect(checkLegalHoldRelease(held, '投诉已办结', { actor: supervisor, now: NOW }).allowed).toBeTrue();
    expect(checkLegalHoldRelease(held, '投诉已办结', { actor: legal, now: NOW }).allowed).toBeTrue();
    expect(refusal(checkLegalHoldRelease(held, '投诉已办结', { actor: custodian, now: NOW })))
      .toContain('efr.recording.holdRelease');
    expect(refusal(checkLegalHoldRelease(held, ' ', { actor: supervisor, now: NOW })))
      .toContain('efr.hold.releaseReason');
    expect(checkLegalHoldRelease(recording(), '', { actor: custodian, now: NOW }).allowed).toBeTrue();
  });
});

describe('content updates (R26.1)', () => {
  it('allowed before sealing, 409 after', () => {
    expect(checkContentUpdate(recording({ sealed: false })).allowed).toBeTrue();
    expect(refusal(checkContentUpdate(recording())))
      .toBe('409 efr.recording.sealedContent R26.1');
  });
});

describe('deleting recordings (R22.1, R22.2, R26.1, R14.2)', () => {
  const after = '2027-03-01T02:10:00.000Z';
  const disposal = { id: 'disp-1', status: 'approved' as const, recordingIds: ['r-1'],
    approvedBy: 'leader' };
  it('allowed after retention, under an approved disposal naming it', () => {
    expect(checkRecordingDelete(recording(), { now: after, disposal }).allowed).toBeTrue();
  });
  it('R22.1: never before retainUntil', () => {
    expect(refusal(checkRecordingDelete(recording(), { now: '2027-03-01T02:09:59.999Z',
      disposal }))).toBe('409 efr.recording.retained R22.1');
  });
  it('R22.2: never when permanent', () => {
    expect(refusal(checkRecordingDelete(recording({ retentionPermanent: true,
      retainUntil: null }), { now: '2099-01-01T00:00:00Z', disposal })))
      .toBe('409 efr.recording.permanent R22.2');
  });
  it('R22.2: never while held by an open case (no date yet), sealed or not', () => {
    for (const sealed of [true, false]) {
      expect(refusal(checkRecordingDelete(recording({ sealed, retainUntil: null }),
        { now: '2099-01-01T00:00:00Z', disposal }))).toBe('409 efr.recording.retentionOpen R22.2');
    }
  });
  it('R14.2: never under legal hold', () => {
    expect(refusal(checkRecordingDelete(recording({ legalHold: true }),
      { now: after, disposal }))).toBe('409 efr.recording.legalHold R14.2');
  });
  it('R26.1: never outside the disposal procedure', () => {
    const cases = [
      undefined, null, { ...disposal, status: 'proposed' as const },
      { ...disposal, status: 'rejected' as const }, { ...disposal, recordingIds: ['r-2'] },
    ];
    for (const d of cases) {
      expect(refusal(checkRecordingDelete(recording(), { now: after, disposal: d })))
        .withContext(JSON.stringify(d)).toBe('403 efr.recording.disposalRequired R26.1');
    }
  });
});

describe('moving recordings (R26.1)', () => {
  const archive = { id: 'f-archive', inArchive: true };
  const archive2 = { id: 'f-archive-2', inArchive: true };
  const outside = { id: 'f-user-home', inArchive: false };
  it('a sealed recording never leaves the archive', () => {
    expect(refusal(checkRecordingMove(recording(), archive, outside)))
      .toBe('409 efr.recording.leavesArchive R26.1');
  });
  it('a sealed recording may move within the archive', () => {
    expect(checkRecordingMove(recording(), archive, archive2).allowed).toBeTrue();
  });
  it('an unsealed recording may move anywhere', () => {
    expect(checkRecordingMove(recording({ sealed: false }), outside, archive).allowed).toBeTrue();
    expect(checkRecordingMove(recording({ sealed: false }), archive, outside).allowed).toBeTrue();
  });
});

describe('R23.1/R26.1: copying a recording in the repository', () => {
  it('is refused: copies for evidence are evidence discs', () => {
    expect(refusal(checkRecordingCopy())).toBe('403 efr.recording.noCopy R23.1');
  });
});

describe('issue 18: a fixity check\'s result on a recording', () => {
  it('R26.1: is written by the repository only, sealed or not, custodians refused', () => {
    for (const state of [recording(), recording({ sealed: false })]) {
      const change = { fixityResult: 'ok', fixityCheckedAt: NOW };
      expect(refusal(checkRecordingUpdate(state, change, { actor: custodian, now: NOW })))
        .toBe('403 efr.fixity.repositoryOnly R26.1');
      expect(checkRecordingUpdate(state, change, { actor: custodian, now: NOW, system: true })
        .allowed).toBeTrue();
    }
  });
});
