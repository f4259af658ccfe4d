import { EfrRole, EfrUser } from '../shared/public-api';
import { accessRequest } from './mock/access-request.mock';
import {
  accessLogCsv,
  accessLogRow,
  accessLogWhere,
  csvField,
  decisionsFor,
  mayPlay,
  queueArgs,
  queueFromParam,
  queuesFor,
  reasonValid,
  registrationErrors,
  requestStatusKey,
  requestFormErrors,
} from './approvals.rules';

const user = (id: string, ...roles: EfrRole[]): EfrUser => ({
  id,
  displayName: id,
  roles,
  isAdmin: false,
});

const request = accessRequest;

describe('approvals rules (issue 6: R24.1, R24.2)', () => {
  const director = user('director1', EfrRole.OfficeDirector);
  const leader = user('leader1', EfrRole.Leader);
  const custodian = user('custodian1', EfrRole.Custodian);
  const officer = user('officer1', EfrRole.Officer);

  it('R24.1: each role sees its own queue', () => {
    expect(queuesFor(officer)).toEqual(['mine', 'viewing']);
    expect(queuesFor(director)).toEqual(['mine', 'viewing', 'review', 'all']);
    expect(queuesFor(leader)).toEqual(['mine', 'viewing', 'approve']);
    expect(queuesFor(custodian)).toEqual(['mine', 'viewing', 'register', 'all']);
    expect(queuesFor(null)).toEqual(['mine']);
  });

  it('opens the queue a ?queue= link names, if the user works on it (dashboard tiles)', () => {
    expect(queueFromParam('approve', leader)).toBe('approve');
    expect(queueFromParam('mine', leader)).toBe('mine');
    expect(queueFromParam('all', custodian)).toBe('all');
    // A queue of another role, junk or nothing: the user's own turn, else their requests.
    expect(queueFromParam('review', leader)).toBe('approve');
    expect(queueFromParam('<script>', custodian)).toBe('register');
    expect(queueFromParam(null, director)).toBe('review');
    expect(queueFromParam(undefined, officer)).toBe('mine');
    expect(queueFromParam('approve', null)).toBe('mine');
  });

  it('lists and counts a queue with the same web-script arguments', () => {
    expect(queueArgs('register')).toEqual({ queue: 'register' });
  });

  it("R24.1: decisions follow the state machine, never on one's own request", () => {
    expect(decisionsFor(request(), director)).toEqual(['review', 'reject']);
    // Never a decision on one's own request, but its requester may withdraw it (issue 19).
    expect(decisionsFor(request({ requester: 'director1' }), director)).toEqual(['withdraw']);
    expect(decisionsFor(request(), leader)).toEqual([]);
    const reviewed = request({ status: 'reviewed', reviewedBy: 'director1' });
    expect(decisionsFor(reviewed, leader)).toEqual(['approve', 'reject']);
    expect(decisionsFor(reviewed, user('leader2', EfrRole.Leader))).toEqual([]);
    expect(decisionsFor(request({ status: 'approved' }), custodian)).toEqual(['register', 'close']);
    expect(decisionsFor(request({ status: 'registered' }), officer)).toEqual(['close']);
    expect(decisionsFor(request({ status: 'closed' }), custodian)).toEqual([]);
  });

  it('issue 19, point 8: the requester withdraws a request until it is approved', () => {
    expect(decisionsFor(request(), officer)).toEqual(['withdraw']);
    expect(decisionsFor(request({ status: 'reviewed' }), officer)).toEqual(['withdraw']);
    expect(decisionsFor(request({ status: 'rejected' }), officer)).toEqual([]);
    expect(decisionsFor(request(), user('officer2', EfrRole.Officer))).toEqual([]);
  });

  it('issue 19, point 9: a registration needs a viewer, a reason and a future end', () => {
    const now = Date.parse('2026-03-01T08:00:00Z');
    const ok = { viewer: 'officer1', reason: '复核现场执法', viewingUntil: '2026-03-01T12:00:00Z' };
    expect(registrationErrors(ok, now)).toEqual([]);
    expect(registrationErrors({ ...ok, viewer: ' ' }, now)).toEqual([
      'EFR_APPROVALS.REGISTER.NO_VIEWER',
    ]);
    expect(registrationErrors({ ...ok, reason: '' }, now)).toEqual([
      'EFR_APPROVALS.REGISTER.NO_REASON',
    ]);
    expect(registrationErrors({ ...ok, viewingUntil: '' }, now)).toEqual([
      'EFR_APPROVALS.REGISTER.BAD_UNTIL',
    ]);
    expect(registrationErrors({ ...ok, viewingUntil: '2026-03-01T07:00:00Z' }, now)).toEqual([
      'EFR_APPROVALS.REGISTER.BAD_UNTIL',
    ]);
  });

  it('issue 19, point 11: a registered request reads as in, past or before its window', () => {
    const registered = request({ status: 'registered' });
    expect(requestStatusKey({ ...registered, windowOpen: true })).toBe(
      'EFR_APPROVALS.STATUS.viewing',
    );
    expect(requestStatusKey({ ...registered, expired: true })).toBe(
      'EFR_APPROVALS.STATUS.windowEnded',
    );
    expect(requestStatusKey(registered)).toBe('EFR_APPROVALS.STATUS.registered');
    expect(requestStatusKey(request())).toBe('EFR_APPROVALS.STATUS.submitted');
  });

  it('R24.2: only the registered viewer plays, inside the open window', () => {
    const open = request({ status: 'registered', viewer: 'officer1', windowOpen: true });
    expect(mayPlay(open, officer)).toBeTrue();
    expect(mayPlay(open, user('officer2', EfrRole.Officer))).toBeFalse();
    expect(mayPlay({ ...open, windowOpen: false }, officer)).toBeFalse();
  });

  it('R24.1: a request or rejection needs a reason; the form says what is missing', () => {
    expect(reasonValid('  太短 ')).toBeFalse();
    expect(reasonValid('复核现场执法')).toBeTrue();
    expect(
      requestFormErrors({
        recordingIds: [],
        caseId: null,
        purpose: 'work',
        reason: '',
        requestedFrom: '2026-11-02T00:00:00Z',
        requestedTo: '2026-11-01T00:00:00Z',
      }),
    ).toEqual([
      'EFR_APPROVALS.FORM.NO_RECORDINGS',
      'EFR_APPROVALS.FORM.NO_REASON',
      'EFR_APPROVALS.FORM.BAD_WINDOW',
    ]);
    expect(
      requestFormErrors({
        recordingIds: [],
        caseId: 'c1',
        purpose: 'work',
        reason: '案件分析需要',
        requestedFrom: null,
        requestedTo: null,
      }),
    ).toEqual([]);
  });

  it('exports the access log as CSV safe for spreadsheets', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    const row = accessLogRow({
      id: '7',
      createdAt: '2026-11-26T10:00:00.000+0000',
      values: {
        '/efr-access/action': 'range',
        '/efr-access/user': 'officer1',
        '/efr-access/nodeId': 'n1',
        '/efr-access/range': '0-1023',
        '/efr-access/hash': 'ab',
        '/efr-access/prevHash': 'cd',
      },
    });
    expect(row).toEqual({
      id: '7',
      at: '2026-11-26T10:00:00.000+0000',
      user: 'officer1',
      action: 'range',
      nodeId: 'n1',
      details: 'range=0-1023',
      hash: 'ab',
      values: {
        action: 'range',
        user: 'officer1',
        nodeId: 'n1',
        range: '0-1023',
        hash: 'ab',
        prevHash: 'cd',
      },
    });
    // Issue 19: one language, people by name, actions as phrases; no login id, node id or code.
    const csv = accessLogCsv([row], {
      header: ['序号', '时间', '人员', '操作', '对象', '详情', '哈希链值'],
      time: (iso) => `${iso.slice(0, 10)}（北京时间）`,
      person: (id) => (id === 'officer1' ? '王明' : id),
      action: (code) => (code === 'range' ? '分段读取内容（播放）' : code),
      object: () => '录像.mp4',
      details: () => '事由：复核',
    });
    expect(csv).toBe(
      '\uFEFF序号,时间,人员,操作,对象,详情,哈希链值\r\n' +
        '7,2026-11-26（北京时间）,王明,分段读取内容（播放）,录像.mp4,事由：复核,ab\r\n',
    );
    expect(csv).not.toMatch(/officer1|n1|range/);
  });

  it('builds the audit where clause of a log search', () => {
    expect(accessLogWhere({})).toBeUndefined();
    expect(accessLogWhere({ user: "o'fficer1", value: 'refused' })).toBe(
      "(createdByUser='officer1' and valuesValue='refused')",
    );
    expect(accessLogWhere({ from: '2026-11-01T00:00:00.000Z' })).toBe(
      "(createdAt BETWEEN ('2026-11-01T00:00:00.000Z' , '2999-12-31T23:59:59.999Z'))",
    );
  });
});
