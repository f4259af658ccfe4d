import { runAccessRequestCalls, type WsCall, type WsResult } from './webscript-features.js';

const USERS: Record<string, string[]> = {
  officer1: ['GROUP_EFR_OFFICERS'],
  officer2: ['GROUP_EFR_OFFICERS'],
  custodian1: ['GROUP_EFR_CUSTODIANS'],
  director1: ['GROUP_EFR_OFFICE_DIRECTORS'],
  leader1: ['GROUP_EFR_LEADERS'],
  leader2: ['GROUP_EFR_LEADERS'],
  supervisor1: ['GROUP_EFR_SUPERVISORS'],
};
const REC = 'EFR 执法记录/录像档案';
const until = new Date(Date.now() + 3_600_000).toISOString();
const submit = (name: string, user: string, body: Record<string, unknown> = {}): WsCall => ({
  name,
  script: 'access-requests.post',
  user,
  body: { recordingIds: ['#clip.mp4'], purpose: 'work', reason: '复核现场执法过程', ...body },
});
const step = (name: string, req: string, action: string, user: string, body?: unknown): WsCall => ({
  name,
  script: 'access-request-action.post',
  user,
  templateArgs: { id: `@${req}`, step: action },
  body,
});
/** A viewing event of the player (its own web script since issue 15). */
const view = (name: string, req: string, user: string, body: unknown): WsCall => ({
  name,
  script: 'access-request-viewing-events.post',
  user,
  templateArgs: { id: `@${req}` },
  body,
});
const code = (r: WsResult): string => `${r.status} ${r.body?.error?.errorKey ?? ''}`.trim();

describe('module web scripts in Rhino: access requests (issue 6: R24, R27.1, R14.2)', () => {
  let r: Record<string, WsResult>;
  beforeAll(async () => {
    r = await runAccessRequestCalls(
      USERS,
      [
        submit('req', 'officer1'),
        submit('badPurpose', 'officer1', { purpose: 'fun' }),
        submit('secret', 'officer1', { recordingIds: ['#secret.mp4'] }),
        submit('secretOut', 'custodian1', {
          recordingIds: ['#secret.mp4'],
          purpose: 'externalRelease',
        }),
        step('selfReview', 'req', 'review', 'officer1'),
        step('review', 'req', 'review', 'director1', { opinion: ' 同意，报分管领导批准。 ' }),
        step('reviewAgain', 'req', 'approve', 'director1'),
        step('badOpinion', 'req', 'approve', 'leader1', { opinion: 42 }),
        step('approve', 'req', 'approve', 'leader1', { opinion: '同意调阅。' }),
        step('registerNoReason', 'req', 'register', 'custodian1', {
          viewer: 'officer1',
          viewingUntil: until,
        }),
        step('register', 'req', 'register', 'custodian1', {
          viewer: 'officer1',
          reason: '案件复核需要',
          viewingUntil: until,
        }),
        view('viewStart', 'req', 'officer1', {
          event: 'start',
          recordingId: '#clip.mp4',
          sessionId: 's1',
          positionSeconds: 0,
        }),
        view('viewOther', 'req', 'officer2', {
          event: 'start',
          recordingId: '#clip.mp4',
        }),
        {
          name: 'queueViewing',
          script: 'access-requests.get',
          user: 'officer1',
          args: { queue: 'viewing' },
        },
        {
          name: 'registry',
          script: 'access-requests.get',
          user: 'custodian1',
          args: { queue: 'registry' },
        },
        {
          name: 'officer2List',
          script: 'access-requests.get',
          user: 'officer2',
          args: { queue: 'all' },
        },
        step('close', 'req', 'close', 'custodian1'),
        view('viewAfter', 'req', 'officer1', {
          event: 'seek',
          recordingId: '#clip.mp4',
        }),
        submit('req2', 'officer2'),
        step('rejectBare', 'req2', 'reject', 'director1', { reason: ' ' }),
        step('reject', 'req2', 'reject', 'director1', { reason: '事由不充分，请补充' }),
        {
          name: 'holdOfficer',
          script: 'holds.post',
          user: 'officer1',
          body: { recordingIds: ['#clip.mp4'], reason: '群众投诉执法态度' },
        },
        {
          name: 'hold',
          script: 'holds.post',
          user: 'supervisor1',
          body: {
            recordingIds: ['#clip.mp4'],
            reason: '群众投诉执法态度',
            reference: '投诉-2026-07',
          },
        },
      ],
      [
        {
          folder: REC,
          name: 'clip.mp4',
          type: 'efr:recording',
          properties: { 'efr:secrecyLevel': 'none' },
        },
        {
          folder: REC,
          name: 'secret.mp4',
          type: 'efr:recording',
          properties: { 'efr:secrecyLevel': 'stateSecret' },
        },
      ],
    );
  });

  it('R24.1/R27.1: submission follows core (purpose, confidentiality)', () => {
    expect(r.req.status).withContext(JSON.stringify(r.req)).toBe(201);
    expect(r.req.body?.entry).toEqual(
      jasmine.objectContaining({
        status: 'submitted',
        requester: 'officer1',
        purpose: 'work',
        windowOpen: false,
      }),
    );
    expect(code(r.badPurpose)).toBe('422 efr.access.badPurpose');
    expect(code(r.secret)).toBe('403 efr.access.confidential');
    expect(code(r.secretOut)).toBe('422 efr.access.confidentialRelease');
  });

  it('R24.1/R24.2: review, approval and registration by three people; no self-review', () => {
    expect(code(r.selfReview)).toBe('403 efr.access.notOfficeDirector');
    expect(r.review.body?.entry?.status).toBe('reviewed');
    expect(code(r.reviewAgain)).toBe('403 efr.access.notLeaderInCharge');
    expect(r.approve.body?.entry?.status).toBe('approved');
    expect(code(r.registerNoReason)).toBe('422 efr.access.registrationIncomplete');
    expect(r.register.body?.entry).toEqual(
      jasmine.objectContaining({
        status: 'registered',
        reviewedBy: 'director1',
        approvedBy: 'leader1',
        registeredBy: 'custodian1',
        viewer: 'officer1',
        windowOpen: true,
        // Issue 19, point 8: the opinions are stored with their steps and shown after.
        reviewOpinion: '同意，报分管领导批准。',
        approvalOpinion: '同意调阅。',
      }),
    );
    expect(code(r.badOpinion)).toBe('400 framework.exception.InvalidArgument');
    expect(r.review.logs.join()).toContain('efr accessRequest.review');
    expect(r.register.logs.join()).toContain('efr accessRequest.register');
    expect(r.selfReview.logs.join()).toContain('efr refused accessRequest.review');
  });

  it('R24.2: viewing events only for the registered viewer inside the window', () => {
    expect(r.viewStart.status).toBe(201);
    expect(r.viewStart.logs.join()).toContain('efr view.start');
    // Issue 15: the entry server/ answers, from the one handler.
    expect(r.viewStart.body?.entry as unknown).toEqual({ action: 'view.start',
      requestId: r.req.body?.entry?.id, request: jasmine.any(String), sessionId: 's1',
      requirement: 'R24.2', positionSeconds: '0.000' });
    expect(r.viewOther.status).toBe(404);
    expect(r.queueViewing.body?.list?.entries.map((e) => e.entry.id)).toEqual([
      r.req.body?.entry?.id,
    ]);
    expect(r.registry.body?.list?.entries.length).toBe(1);
    expect(r.officer2List.body?.list?.entries.length).toBe(0);
    expect(r.close.body?.entry?.status).toBe('closed');
    expect(code(r.viewAfter)).toBe('403 efr.recording.noViewingRight');
  });

  it('R24.1: a rejection needs a reason', () => {
    expect(code(r.rejectBare)).toBe('422 efr.access.rejectionReason');
    expect(r.reject.body?.entry).toEqual(
      jasmine.objectContaining({
        status: 'rejected',
        rejectedBy: 'director1',
        rejectionReason: '事由不充分，请补充',
      }),
    );
  });

  it('R14.2: supervisors place a preservation hold', () => {
    expect(code(r.holdOfficer)).toBe('403 efr.hold.notSupervisor');
    expect(r.hold.status).toBe(201);
    expect(r.hold.body?.entry).toEqual(jasmine.objectContaining({ alreadyHeld: [] }));
    expect(r.hold.logs.join()).toContain('efr hold.place');
  });
});
