import {
  checkContentRead, checkRepositoryClose, GROUP_EFR_CUSTODIANS, GROUP_EFR_OFFICERS,
  GROUP_EFR_SUPERVISORS, GROUP_EFR_WORKERS, leaseFrom,
} from './index.js';
import type {
  AccessRequest, ContentReader, ContentReadFacts, JobReadGrant, Verdict,
} from './index.js';

const code = (v: Verdict): string =>
  (v.allowed ? 'allowed' : v.status + ' ' + v.code + ' ' + v.requirement);
const reader = (userName: string, ...groups: string[]): ContentReader =>
  ({ userName, groups, isAdmin: false, system: false });

const FROM = '2026-03-02T02:00:00.000Z';
const UNTIL = '2026-03-02T06:00:00.000Z';
const INSIDE = '2026-03-02T03:00:00.000Z';

/** A request registered for `viewer` on r-1 and r-2, window [FROM, UNTIL). */
function registered(viewer: string, purpose: AccessRequest['purpose'] = 'work'): AccessRequest {
  return {
    id: 'req-' + viewer + '-' + purpose, status: 'registered', requester: viewer,
    recordingIds: ['r-1', 'r-2'], purpose, reason: '核查投诉情况', submittedAt: FROM,
    reviewedBy: 'zhuren', reviewedAt: FROM, approvedBy: 'lingdao', approvedAt: FROM,
    registeredBy: 'baoguan', registeredAt: FROM, viewer, viewingReason: '核查',
    viewingFrom: FROM, viewingUntil: UNTIL, rejectedBy: null, rejectedAt: null,
    rejectionReason: null, closedBy: null, closedAt: null,
  };
}

function facts(requests: AccessRequest[], more: Partial<ContentReadFacts> = {}): ContentReadFacts {
  return { recordingId: 'r-1', secrecyLevel: 'none', requests, jobs: [], ...more };
}

describe('checkContentRead: every read of a recording, in both hosts (R24.2, R26.2, R27.1)', () => {
  const officer = reader('zhangwei', GROUP_EFR_OFFICERS);

  it('the registered viewer reads inside [viewingFrom, viewingUntil), exactly at the edges', () => {
    const f = facts([registered('zhangwei')]);
    expect(code(checkContentRead(f, officer, 'inline', '2026-03-02T01:59:59.999Z')))
      .toBe('403 efr.recording.noViewingRight R24.2');
    expect(code(checkContentRead(f, officer, 'inline', FROM))).toBe('allowed');
    expect(code(checkContentRead(f, officer, 'inline', '2026-03-02T05:59:59.999Z')))
      .toBe('allowed');
    expect(code(checkContentRead(f, officer, 'inline', UNTIL)))
      .toBe('403 efr.recording.noViewingRight R24.2');
  });

  it('nobody else: another officer, a supervisor, a recording the request does not name', () => {
    const f = facts([registered('zhangwei')]);
    expect(code(checkContentRead(f, reader('lisi', GROUP_EFR_OFFICERS), 'inline', INSIDE)))
      .toBe('403 efr.recording.noViewingRight R24.2');
    expect(code(checkContentRead(f, reader('jiandu', GROUP_EFR_SUPERVISORS), 'inline', INSIDE)))
      .toBe('403 efr.recording.noViewingRight R24.2');
    expect(code(checkContentRead({ ...f, recordingId: 'r-3' }, officer, 'inline', INSIDE)))
      .toBe('403 efr.recording.noViewingRight R24.2');
  });

  it('custodians are not exempt: they keep the footage, they view it through R24 like anyone',
    () => {
      const custodian = reader('baoguan', GROUP_EFR_CUSTODIANS);
      expect(code(checkContentRead(facts([registered('zhangwei')]), custodian, 'inline', INSIDE)))
        .toBe('403 efr.recording.noViewingRight R24.2');
      expect(code(checkContentRead(facts([registered('baoguan')]), custodian, 'inline', INSIDE)))
        .toBe('allowed');
    });

  it('R27.1: a confidential recording opens to nobody more; its refusal cites R27.1', () => {
    const f = facts([registered('zhangwei')], { secrecyLevel: 'stateSecret' });
    expect(code(checkContentRead(f, officer, 'inline', INSIDE))).toBe('allowed');
    expect(code(checkContentRead(f, reader('baoguan', GROUP_EFR_CUSTODIANS), 'inline', INSIDE)))
      .toBe('403 efr.recording.noViewingRight R27.1');
  });

  it('R26.2: a copy only under a request for litigation or external release', () => {
    expect(code(checkContentRead(facts([registered('zhangwei')]), officer, 'download', INSIDE)))
      .toBe('403 efr.recording.noDownloadRight R26.2');
    expect(code(checkContentRead(facts([registered('zhangwei'), registered('zhangwei',
      'litigation')]), officer, 'download', INSIDE))).toBe('allowed');
  });

  it('a closed or not yet registered request opens nothing', () => {
    const closed: AccessRequest = { ...registered('zhangwei'), status: 'closed' };
    const approved: AccessRequest = { ...registered('zhangwei'), status: 'approved' };
    for (const r of [closed, approved]) {
      expect(code(checkContentRead(facts([r]), officer, 'inline', INSIDE))).withContext(r.status)
        .toBe('403 efr.recording.noViewingRight R24.2');
    }
  });

  it('R23.1: a worker reads the recordings of the disc job it holds, while it holds it', () => {
    const worker = reader('efr-worker', GROUP_EFR_WORKERS);
    const job: JobReadGrant = { state: 'building', worker: 'efr-worker',
      leaseUntil: leaseFrom(INSIDE), recordingIds: ['r-1'] };
    expect(code(checkContentRead(facts([], { jobs: [job] }), worker, 'download', INSIDE)))
      .toBe('allowed');
    expect(code(checkContentRead(facts([], { jobs: [job] }), worker, 'download',
      '2026-03-02T04:00:00.000Z'))).toBe('403 efr.recording.noViewingRight R24.2');
  });

  it('the repository itself and its administrator are exempt', () => {
    expect(code(checkContentRead(facts([]), { ...reader('System'), system: true }, 'inline',
      INSIDE))).toBe('allowed');
    expect(code(checkContentRead(facts([]), { ...reader('admin'), isAdmin: true }, 'download',
      INSIDE))).toBe('allowed');
  });
});

describe('checkRepositoryClose: System closes a request only once its window is over (R24.2)',
  () => {
    it('refuses an open window and any other status, allows an ended one', () => {
      const r = registered('zhangwei');
      expect(code(checkRepositoryClose(r, INSIDE))).toBe('409 efr.access.windowNotEnded R24.2');
      expect(code(checkRepositoryClose(r, UNTIL))).toBe('allowed');
      expect(code(checkRepositoryClose({ ...r, status: 'approved' }, UNTIL)))
        .toBe('409 efr.access.windowNotEnded R24.2');
    });
  });
