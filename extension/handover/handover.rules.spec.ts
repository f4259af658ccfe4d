import { STANDARD_NOTICE_PHRASE } from '../../core/src/index';
import { EfrRole, EfrUser } from '../shared/public-api';
import { FileItem, Handover } from './handover.model';
import {
  alreadyStored,
  draftErrors,
  emptyDraft,
  handoverFilterFromParam,
  handoverListStatuses,
  hashesAgree,
  matchesFilter,
  mayReceive,
  newestFirst,
  openBody,
  overallPercent,
  recordingFields,
  verifiedHashes,
} from './handover.rules';

const NOW = Date.parse('2026-11-26T08:00:00Z');
const officer: EfrUser = {
  id: 'officer1',
  displayName: '王明',
  roles: [EfrRole.Officer],
  isAdmin: false,
};
const custodian = (id: string): EfrUser => ({
  id,
  displayName: id,
  roles: [EfrRole.Custodian],
  isAdmin: false,
});

function handover(extra: Partial<Handover> = {}): Handover {
  return {
    id: 'h1',
    name: '移交-20261126-officer1',
    officer: 'officer1',
    coOfficer: 'officer2',
    preUseCheck: null,
    deviceSerial: 'BWC-2026-001',
    unit: null,
    returnedAt: null,
    fieldWorkEnd: null,
    awayWork: false,
    deadline: null,
    status: 'open',
    late: false,
    overdue: false,
    receipts: [],
    files: [],
    violationId: null,
    createdAt: '',
    createdBy: 'custodian1',
    sessions: [
      {
        id: 's1',
        sessionId: 'h1#1',
        activityType: 'routineInspection',
        place: '六纬路',
        startedAt: '2026-11-26T01:00:00.000Z',
        endedAt: '2026-11-26T01:10:00.000Z',
        segmentCount: 2,
        noticeText: STANDARD_NOTICE_PHRASE,
        interruptionNote: null,
      },
    ],
    ...extra,
  };
}

function item(key: string, sha: string | null, extra: Partial<FileItem> = {}): FileItem {
  return {
    key,
    file: new File([], key),
    name: `${key}.mp4`,
    size: 100,
    sha256: sha,
    hashedBytes: 0,
    uploadedBytes: 0,
    state: 'queued',
    error: null,
    sessionIndex: 0,
    durationSeconds: null,
    nodeId: null,
    ...extra,
  };
}

describe('handover.rules (issue 5)', () => {
  it('R16.1/R15.2: draftErrors runs core on the draft and names the fields', () => {
    const d = emptyDraft(officer, NOW);
    expect(d.officer).toBe('officer1');
    d.coOfficer = 'officer2';
    d.deviceSerial = 'BWC-2026-001';
    d.sessions[0].place = '六纬路';
    expect(draftErrors(d, NOW)).toEqual([]);
    d.sessions[0].noticeText = '正在录像';
    d.coOfficer = 'officer1';
    const codes = draftErrors(d, NOW).map((e) => e.code);
    expect(codes).toContain('efr.session.notice');
    expect(codes).toContain('efr.handover.sameOfficer');
  });

  it('R15.1: a failed pre-use check and a missing device are refused before sending', () => {
    const d = emptyDraft(officer, NOW);
    d.preUse.batteryPercent = 5;
    const codes = draftErrors(d, NOW).map((e) => e.code);
    expect(codes).toContain('efr.preUse.battery');
    expect(codes).toContain('efr.handover.deviceMissing');
  });

  it('openBody sends ISO instants and whole numbers', () => {
    const d = emptyDraft(officer, NOW);
    d.preUse.clockOffsetSeconds = 2.4;
    const body = openBody(d);
    expect(body.returnedAt).toMatch(/Z$/);
    expect(body.preUseCheck.clockOffsetSeconds).toBe(2);
    expect(body.sessions[0].noticeText).toBe(STANDARD_NOTICE_PHRASE);
  });

  it('R17.1: a later segment starts where the earlier ones of its session end', () => {
    const h = handover();
    const queue = [
      item('a', 'x', { durationSeconds: 120 }),
      item('b', 'y', { durationSeconds: 60 }),
    ];
    const second = recordingFields(h, queue[1], queue, 'bodyCamera');
    expect(second['efr:segmentIndex']).toBe('1');
    expect(second['efr:recordingStart']).toBe('2026-11-26T01:02:00.000Z');
    expect(second['efr:recordingEnd']).toBe('2026-11-26T01:03:00.000Z');
    expect(second['efr:sha256']).toBe('y');
    expect(second['efr:sizeBytes']).toBe(String(queue[1].size));
    const lone = recordingFields(h, item('c', 'z'), [item('c', 'z')], 'voiceRecorder');
    expect(lone['efr:durationSeconds']).toBe('600');
    expect(lone['efr:source']).toBe('voiceRecorder');
  });

  it('progress is weighted by bytes', () => {
    const items = [
      item('a', null, { size: 300, hashedBytes: 300 }),
      item('b', null, { size: 100 }),
    ];
    expect(overallPercent(items, 'hash')).toBe(75);
    expect(overallPercent(items, 'upload')).toBe(0);
    expect(overallPercent([], 'hash')).toBe(0);
  });

  it('R21.4: hashes agree only when both sides hold exactly the same set', () => {
    const items = [item('a', 'h1'), item('b', 'h2')];
    expect(hashesAgree(items, [{ sha256: 'h2' }, { sha256: 'h1' }])).toBeTrue();
    expect(hashesAgree(items, [{ sha256: 'h1' }])).toBeFalse();
    expect(hashesAgree([], [])).toBeFalse();
    expect(verifiedHashes(items)).toEqual(['h1  a.mp4', 'h2  b.mp4']);
  });

  it('resume: a file already stored under its name and hash is not sent again', () => {
    const h = handover({
      files: [
        {
          id: 'n1',
          name: 'a.mp4',
          sha256: 'h1',
          sizeBytes: 100,
          sessionId: null,
          sealed: false,
          parentId: 'h1',
        },
      ],
    });
    expect(alreadyStored(h, item('a', 'h1'))).toBe('n1');
    expect(alreadyStored(h, item('a', 'other'))).toBeNull();
  });

  it('R21.4: who may confirm receipt now', () => {
    expect(mayReceive(handover(), custodian('custodian1'))).toBeTrue();
    expect(mayReceive(handover(), officer)).toBeFalse();
    expect(
      mayReceive(handover({ receipts: [{ by: 'custodian1', at: null }] }), custodian('custodian1')),
    ).toBeFalse();
    expect(mayReceive(handover({ status: 'sealed' }), custodian('custodian2'))).toBeFalse();
    expect(mayReceive(handover({ officer: 'custodian1' }), custodian('custodian1'))).toBeFalse();
  });

  it('R21.4: reads the list filter of a ?status= link, open handovers otherwise', () => {
    expect(handoverFilterFromParam('unsealed')).toBe('unsealed');
    expect(handoverFilterFromParam('late')).toBe('late');
    expect(handoverFilterFromParam('sealed')).toBe('sealed');
    // Issue 19, point 5: the default shows 待第二人确认 too, not only 待接收.
    expect(handoverFilterFromParam('all')).toBe('unsealed');
    expect(handoverFilterFromParam(undefined)).toBe('unsealed');
    expect(handoverFilterFromParam('open')).toBe('open');
  });

  it('R21.4: unsealed handovers are read as open and pending, one request each', () => {
    expect(handoverListStatuses('unsealed')).toEqual(['open', 'pending']);
    expect(handoverListStatuses('late')).toEqual(['late']);
    expect(handoverListStatuses('pending')).toEqual(['pending']);
    expect(matchesFilter(handover({ status: 'pending' }), 'unsealed')).toBeTrue();
    expect(matchesFilter(handover({ status: 'open' }), 'unsealed')).toBeTrue();
    expect(matchesFilter(handover({ status: 'sealed' }), 'unsealed')).toBeFalse();
    expect(matchesFilter(handover({ status: 'sealed', late: true }), 'late')).toBeTrue();
  });

  it('merges the status lists newest first', () => {
    const older = handover({ id: 'a', createdAt: '2026-11-25T01:00:00.000Z' });
    const newer = handover({ id: 'b', createdAt: '2026-11-26T01:00:00.000Z' });
    expect(newestFirst([older, newer]).map((h) => h.id)).toEqual(['b', 'a']);
  });
});
