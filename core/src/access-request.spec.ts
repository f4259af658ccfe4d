import {
  canReadContent, checkNewRequest, GROUP_EFR_CUSTODIANS, GROUP_EFR_LEADERS,
  GROUP_EFR_OFFICE_DIRECTORS, GROUP_EFR_OFFICERS, GROUP_EFR_SUPERVISORS, mayDownload,
  newAccessRequest, PURPOSES, transition, viewingExpired,
} from './index.js';
import type { AccessAction, AccessContext, AccessRequest, Actor, Verdict } from './index.js';

const actor = (userName: string, ...groups: string[]): Actor => ({ userName, groups });
const requester = actor('zhangwei', GROUP_EFR_OFFICERS);
const director = actor('zhuren', GROUP_EFR_OFFICE_DIRECTORS);
const leader = actor('lingdao', GROUP_EFR_LEADERS);
const otherLeader = actor('lingdao2', GROUP_EFR_LEADERS);
const custodian = actor('baoguan', GROUP_EFR_CUSTODIANS);
const T0 = '2026-03-02T01:00:00Z';

const ctx = (overrides: Partial<AccessContext> = {}): AccessContext => ({
  now: T0,
  recordings: [
    { id: 'r-1', secrecyLevel: 'none', caseLeaders: ['lingdao'] },
    { id: 'r-2', secrecyLevel: 'personalPrivacy', caseLeaders: ['lingdao', 'lingdao2'] },
    { id: 'r-3', secrecyLevel: 'none', caseLeaders: [] },
    { id: 'r-9', secrecyLevel: 'stateSecret', caseLeaders: ['lingdao'] },
    { id: 'r-8', secrecyLevel: 'tradeSecret', caseLeaders: ['lingdao2'] },
  ],
  ...overrides,
});

const refusal = (v: Verdict): string =>
  (v.allowed ? 'allowed' : v.status + ' ' + v.code + ' ' + v.requirement);

function submitted(recordingIds: string[] = ['r-1', 'r-2'], purpose = 'work'): AccessRequest {
  return newAccessRequest('req-1', { recordingIds, purpose, reason: '核查投诉情况' },
    requester.userName, T0);
}

function step(r: AccessRequest, action: AccessAction, who: Actor, c = ctx()): AccessRequest {
  const t = transition(r, action, who, c);
  expect(t.verdict).withContext(action.type + ' by ' + who.userName).toEqual({ allowed: true });
  return t.next as AccessRequest;
}

const REGISTER: AccessAction = { type: 'register', viewer: 'zhangwei', reason: '核查投诉',
  viewingFrom: '2026-03-02T02:00:00Z', viewingUntil: '2026-03-02T06:00:00Z' };

function registered(purpose = 'work'): AccessRequest {
  let r = submitted(['r-1', 'r-2'], purpose);
  r = step(r, { type: 'review' }, director);
  r = step(r, { type: 'approve' }, leader);
  return step(r, REGISTER, custodian);
}

describe('access requests (R24.1, R24.2, R25.1, R26.2, R27.1, R14.1)', () => {
  it('R24.1: review and approval keep their opinions (审核意见, 批准意见; issue 19, point 8)', () => {
    let r = submitted();
    r = step(r, { type: 'review', opinion: '  同意，请分管领导批准。 ' }, director);
    expect(r.reviewOpinion).toBe('同意，请分管领导批准。');
    r = step(r, { type: 'approve', opinion: '   ' }, leader);
    expect(r.approvalOpinion).toBeNull();
    expect(r.reviewOpinion).toBe('同意，请分管领导批准。');
    const other = step(step(submitted(), { type: 'review' }, director),
      { type: 'approve', opinion: '同意调阅。' }, leader);
    expect([other.reviewOpinion, other.approvalOpinion]).toEqual([null, '同意调阅。']);
  });

  it('R24.1, R24.2: submitted → reviewed → approved → registered → closed', () => {
    let r = submitted();
    expect(r.status).toBe('submitted');
    r = step(r, { type: 'review' }, director);
    expect([r.status, r.reviewedBy, r.reviewedAt]).toEqual(['reviewed', 'zhuren', T0]);
    r = step(r, { type: 'approve' }, leader);
    expect([r.status, r.approvedBy]).toEqual(['approved', 'lingdao']);
    r = step(r, REGISTER, custodian);
    expect([r.status, r.registeredBy, r.viewer, r.viewingReason, r.viewingFrom, r.viewingUntil])
      .toEqual(['registered', 'baoguan', 'zhangwei', '核查投诉', '2026-03-02T02:00:00.000Z',
        '2026-03-02T06:00:00.000Z']);
    r = step(r, { type: 'close' }, custodian);
    expect([r.status, r.closedBy]).toEqual(['closed', 'baoguan']);
  });

  it('transition never changes its input', () => {
    const r = submitted();
    transition(r, { type: 'review' }, director, ctx());
    expect(r.status).toBe('submitted');
    expect(r.reviewedBy).toBeNull();
  });

  describe('who may do each step', () => {
    it('R24.1: only an office director reviews', () => {
      expect(refusal(transition(submitted(), { type: 'review' }, leader, ctx()).verdict))
        .toBe('403 efr.access.notOfficeDirector R24.1');
    });
    it('R24.1: only a leader in charge of every case approves', () => {
      const reviewed = step(submitted(), { type: 'review' }, director);
      expect(refusal(transition(reviewed, { type: 'approve' }, otherLeader, ctx()).verdict))
        .toBe('403 efr.access.notLeaderInCharge R24.1');
      expect(refusal(transition(reviewed, { type: 'approve' }, actor('lingdao'), ctx()).verdict))
        .toBe('403 efr.access.notLeaderInCharge R24.1');
    });
    it('R24.1: recordings without a case may be approved by any leader', () => {
      const reviewed = step(submitted(['r-3']), { type: 'review' }, director);
      expect(transition(reviewed, { type: 'approve' }, otherLeader, ctx()).verdict.allowed)
        .toBeTrue();
    });
    it('R24.2: only a custodian registers', () => {
      let r = step(submitted(), { type: 'review' }, director);
      r = step(r, { type: 'approve' }, leader);
      expect(refusal(transition(r, REGISTER, director, ctx()).verdict))
        .toBe('403 efr.access.notCustodian R24.2');
    });
    it('only a custodian or the requester closes', () => {
      expect(refusal(transition(registered(), { type: 'close' }, director, ctx()).verdict))
        .toBe('403 efr.access.notCustodian R24.2');
      expect(transition(registered(), { type: 'close' }, requester, ctx()).verdict.allowed)
        .toBeTrue();
    });
    it('the requester withdraws a submitted or reviewed request; nobody else (issue 19)', () => {
      const withdrawn = step(submitted(), { type: 'close' }, requester);
      expect([withdrawn.status, withdrawn.closedBy]).toEqual(['closed', 'zhangwei']);
      const reviewed = step(submitted(), { type: 'review' }, director);
      expect(step(reviewed, { type: 'close' }, requester).status).toBe('closed');
      expect(refusal(transition(reviewed, { type: 'close' }, custodian, ctx()).verdict))
        .toBe('409 efr.access.badState R24.1');
    });
  });

  describe('separation of duties', () => {
    const both = (name: string, ...groups: string[]) => actor(name, ...groups);
    it('the requester cannot review their own request', () => {
      const r = newAccessRequest('q', { recordingIds: ['r-1'], purpose: 'work',
        reason: '工作需要查看' }, 'zhuren', T0);
      expect(refusal(transition(r, { type: 'review' }, director, ctx()).verdict))
        .toBe('403 efr.access.separationOfDuties R24.1');
    });
    it('the requester cannot approve their own request', () => {
      const r = newAccessRequest('q', { recordingIds: ['r-1'], purpose: 'work',
        reason: '工作需要查看' }, 'lingdao', T0);
      const reviewed = step(r, { type: 'review' }, director);
      expect(refusal(transition(reviewed, { type: 'approve' }, leader, ctx()).verdict))
        .toBe('403 efr.access.separationOfDuties R24.1');
    });
    it('the reviewer cannot also approve', () => {
      const dual = both('lingdao', GROUP_EFR_OFFICE_DIRECTORS, GROUP_EFR_LEADERS);
      const reviewed = step(submitted(), { type: 'review' }, dual);
      expect(refusal(transition(reviewed, { type: 'approve' }, dual, ctx()).verdict))
        .toBe('403 efr.access.separationOfDuties R24.1');
    });
    it('the requester, reviewer or approver cannot register', () => {
      let r = step(submitted(), { type: 'review' }, director);
      r = step(r, { type: 'approve' }, leader);
      for (const name of ['zhangwei', 'zhuren', 'lingdao']) {
        expect(refusal(transition(r, REGISTER, both(name, GROUP_EFR_CUSTODIANS), ctx()).verdict))
          .withContext(name).toBe('403 efr.access.separationOfDuties R24.2');
      }
    });
    it('the requester cannot reject their own request', () => {
      const r = newAccessRequest('q', { recordingIds: ['r-1'], purpose: 'work',
        reason: '工作需要查看' }, 'zhuren', T0);
      expect(refusal(transition(r, { type: 'reject', reason: '不需要了' }, director, ctx())
        .verdict)).toBe('403 efr.access.separationOfDuties R24.1');
    });
  });

  describe('state', () => {
    it('409 for every step out of order', () => {
      const order: [AccessAction, Actor][] = [
        [{ type: 'approve' }, leader], [REGISTER, custodian], [{ type: 'close' }, custodian],
      ];
      for (const [action, who] of order) {
        expect(refusal(transition(submitted(), action, who, ctx()).verdict))
          .withContext(action.type).toBe('409 efr.access.badState R24.1');
      }
      const done = step(registered(), { type: 'close' }, custodian);
      for (const [action, who] of [[{ type: 'review' }, director], ...order] as
        [AccessAction, Actor][]) {
        expect(refusal(transition(done, action, who, ctx()).verdict))
          .withContext('closed ' + action.type).toBe('409 efr.access.badState R24.1');
      }
      expect(refusal(transition(registered(), { type: 'reject', reason: '理由理由' }, leader,
        ctx()).verdict)).toBe('409 efr.access.badState R24.1');
    });
  });

  describe('rejection', () => {
    it('the office director rejects at review, with a reason', () => {
      const t = transition(submitted(), { type: 'reject', reason: '事由不充分' }, director, ctx());
      expect(t.verdict.allowed).toBeTrue();
      expect([t.next?.status, t.next?.rejectedBy, t.next?.rejectionReason])
        .toEqual(['rejected', 'zhuren', '事由不充分']);
    });
    it('the leader in charge rejects at approval; another leader may not', () => {
      const reviewed = step(submitted(), { type: 'review' }, director);
      expect(transition(reviewed, { type: 'reject', reason: '不宜调阅' }, leader, ctx())
        .next?.status).toBe('rejected');
      expect(refusal(transition(reviewed, { type: 'reject', reason: '不宜调阅' }, otherLeader,
        ctx()).verdict)).toBe('403 efr.access.notLeaderInCharge R24.1');
      expect(refusal(transition(reviewed, { type: 'reject', reason: '不宜调阅' }, director,
        ctx()).verdict)).toBe('403 efr.access.notLeaderInCharge R24.1');
    });
    it('a rejection without a reason is refused', () => {
      for (const reason of ['', '   ', '不']) {
        expect(refusal(transition(submitted(), { type: 'reject', reason }, director, ctx())
          .verdict)).toBe('422 efr.access.rejectionReason R24.1');
      }
    });
    it('nothing moves after a rejection', () => {
      const r = step(submitted(), { type: 'reject', reason: '事由不充分' }, director);
      expect(refusal(transition(r, { type: 'review' }, director, ctx()).verdict))
        .toBe('409 efr.access.badState R24.1');
    });
  });

  describe('registration and the viewing window (R24.2)', () => {
    let approved: AccessRequest;
    beforeEach(() => {
      approved = step(step(submitted(), { type: 'review' }, director), { type: 'approve' }, leader);
    });
    it('needs a viewer and a reason', () => {
      expect(refusal(transition(approved, { ...REGISTER, viewer: ' ' }, custodian, ctx()).verdict))
        .toBe('422 efr.access.registrationIncomplete R24.2');
      expect(refusal(transition(approved, { ...REGISTER, reason: '' }, custodian, ctx()).verdict))
        .toBe('422 efr.access.registrationIncomplete R24.2');
    });
    it('refuses windows that are backwards, past, too long or malformed', () => {
      const bad = [
        { viewingFrom: '2026-03-02T06:00:00Z', viewingUntil: '2026-03-02T02:00:00Z' },
        { viewingFrom: '2026-03-01T00:00:00Z', viewingUntil: '2026-03-01T06:00:00Z' },
        { viewingFrom: '2026-03-02T02:00:00Z', viewingUntil: '2026-03-09T02:00:01Z' },
        { viewingFrom: 'tomorrow', viewingUntil: '2026-03-02T06:00:00Z' },
      ];
      for (const w of bad) {
        expect(refusal(transition(approved, { ...REGISTER, ...w }, custodian, ctx()).verdict))
          .withContext(JSON.stringify(w)).toBe('422 efr.access.badWindow R24.2');
      }
    });
    it('the window starts now by default; the maximum is configurable', () => {
      const t = transition(approved, { type: 'register', viewer: 'zhangwei', reason: '核查',
        viewingUntil: '2026-03-02T03:00:00Z' }, custodian, ctx());
      expect(t.next?.viewingFrom).toBe('2026-03-02T01:00:00.000Z');
      expect(refusal(transition(approved, REGISTER, custodian, ctx({ maxViewingHours: 2 }))
        .verdict)).toBe('422 efr.access.badWindow R24.2');
    });
    it('canReadContent: only the registered viewer, only inside the window', () => {
      const r = registered();
      expect(canReadContent(r, 'zhangwei', '2026-03-02T02:00:00Z')).toBeTrue();
      expect(canReadContent(r, 'zhangwei', '2026-03-02T05:59:59.999Z')).toBeTrue();
      expect(canReadContent(r, 'zhangwei', '2026-03-02T01:59:59.999Z')).toBeFalse();
      expect(canReadContent(r, 'zhangwei', '2026-03-02T06:00:00Z')).toBeFalse();
      expect(canReadContent(r, 'baoguan', '2026-03-02T03:00:00Z')).toBeFalse();
      expect(canReadContent(r, 'zhangwei', '2026-03-02T03:00:00Z', 'r-2')).toBeTrue();
      expect(canReadContent(r, 'zhangwei', '2026-03-02T03:00:00Z', 'r-3')).toBeFalse();
    });
    it('viewingExpired: a registered request whose window is over', () => {
      const r = registered();
      expect(viewingExpired(r, '2026-03-02T05:59:59Z')).toBeFalse();
      expect(viewingExpired(r, '2026-03-02T06:00:00Z')).toBeTrue();
      expect(viewingExpired(approved, '2030-01-01T00:00:00Z')).toBeFalse();
    });
    it('canReadContent: nothing before registration or after closing', () => {
      expect(canReadContent(approved, 'zhangwei', '2026-03-02T03:00:00Z')).toBeFalse();
      const closed = step(registered(), { type: 'close' }, custodian);
      expect(canReadContent(closed, 'zhangwei', '2026-03-02T03:00:00Z')).toBeFalse();
    });
  });

  it('R26.2: downloads only for litigation and external release', () => {
    const allowed = PURPOSES.filter((p) => mayDownload({ ...registered(), purpose: p }));
    expect(allowed).toEqual(['litigation', 'externalRelease']);
  });

  describe('checkNewRequest', () => {
    const input = (o: Record<string, unknown> = {}) => ({ recordingIds: ['r-1'], purpose: 'work',
      reason: '核查投诉情况', ...o });
    it('accepts a plain work request', () => {
      expect(checkNewRequest(input(), requester, ctx())).toEqual({ allowed: true });
    });
    it('refuses outsiders, bad purposes, empty reasons, no or unknown recordings', () => {
      expect(refusal(checkNewRequest(input(), actor('x'), ctx())))
        .toBe('403 efr.access.notEfrUser R24.1');
      expect(refusal(checkNewRequest(input({ purpose: 'curiosity' }), requester, ctx())))
        .toBe('422 efr.access.badPurpose R24.1');
      expect(refusal(checkNewRequest(input({ reason: ' ' }), requester, ctx())))
        .toBe('422 efr.access.reasonMissing R24.1');
      expect(refusal(checkNewRequest(input({ purpose: 'litigation', reason: '' }), requester,
        ctx()))).toBe('422 efr.access.reasonMissing R25.1');
      expect(refusal(checkNewRequest(input({ recordingIds: [] }), requester, ctx())))
        .toBe('422 efr.access.noRecordings R24.1');
      expect(refusal(checkNewRequest(input({ recordingIds: ['r-404'] }), requester, ctx())))
        .toBe('422 efr.access.unknownRecording R24.1');
    });
    it('R14.1: supervision pulls are for supervisors and the office', () => {
      expect(refusal(checkNewRequest(input({ purpose: 'supervision' }), requester, ctx())))
        .toBe('403 efr.access.supervisionOnly R14.1');
      expect(checkNewRequest(input({ purpose: 'supervision' }),
        actor('jd', GROUP_EFR_SUPERVISORS), ctx()).allowed).toBeTrue();
    });
    it('R27.1: confidential recordings only for the configured groups', () => {
      expect(refusal(checkNewRequest(input({ recordingIds: ['r-9'] }), requester, ctx())))
        .toBe('403 efr.access.confidential R27.1');
      expect(checkNewRequest(input({ recordingIds: ['r-9'] }), custodian, ctx()).allowed)
        .toBeTrue();
      expect(checkNewRequest(input({ recordingIds: ['r-8'] }), requester,
        ctx({ confidentialRequesterGroups: [GROUP_EFR_OFFICERS] })).allowed).toBeTrue();
      expect(refusal(checkNewRequest(input({ recordingIds: ['r-8'] }), custodian,
        ctx({ confidentialRequesterGroups: [GROUP_EFR_OFFICERS] }))))
        .toBe('403 efr.access.confidential R27.1');
    });
    it('R27.1: personal privacy is not a state or trade secret', () => {
      expect(checkNewRequest(input({ recordingIds: ['r-2'] }), requester, ctx()).allowed)
        .toBeTrue();
    });
    it('R27.1, R26.2: confidential recordings are never released outside', () => {
      expect(refusal(checkNewRequest(input({ recordingIds: ['r-9'], purpose: 'externalRelease' }),
        custodian, ctx()))).toBe('422 efr.access.confidentialRelease R27.1');
    });
    it('R24.1: the cases must share a leader in charge', () => {
      expect(refusal(checkNewRequest(input({ recordingIds: ['r-1', 'r-8'] }), custodian, ctx())))
        .toBe('422 efr.access.mixedLeaders R24.1');
      expect(checkNewRequest(input({ recordingIds: ['r-1', 'r-2', 'r-3'] }), requester, ctx())
        .allowed).toBeTrue();
    });
    it('R24.1: the only leader in charge cannot request (nobody else could approve)', () => {
      expect(refusal(checkNewRequest(input(), leader, ctx())))
        .toBe('409 efr.access.selfApproval R24.1');
    });
    it('R27.1: only the requester views confidential recordings', () => {
      let r = newAccessRequest('q', input({ recordingIds: ['r-9'] }) as never, 'baoguan', T0);
      r = step(r, { type: 'review' }, director);
      r = step(r, { type: 'approve' }, leader);
      const registrar = actor('baoguan2', GROUP_EFR_CUSTODIANS);
      expect(refusal(transition(r, { ...REGISTER, viewer: 'someone' }, registrar, ctx()).verdict))
        .toBe('422 efr.access.confidentialViewer R27.1');
      expect(transition(r, { ...REGISTER, viewer: 'baoguan' }, registrar, ctx()).verdict.allowed)
        .toBeTrue();
    });
  });
});
