/**
 * Issue 6, "Done when" through the API: a viewing request passes review, approval and
 * registration by three distinct people (R24.1, R24.2); the requester then streams the content
 * with a Range request (206) inside the window; anybody else, and the requester before or
 * after the window, is refused (403); nobody reviews or approves their own request; every step
 * and every refusal is in the access log and the chain verifies.
 */
import { readFileSync } from 'node:fs';
import { verifyChain } from '../../server/src/access-log/access-log.js';
import { CORE } from '../../server/src/routes/paths.js';
import {
  ADMIN,
  archiveRepository,
  basic,
  multipart,
  recordingProps,
  type TempRepository,
} from '../../server/src/testing/temp-repository.js';
import type { AccessRequestJson } from '../../contract/index.js';
import { makeMp4 } from '../support/media.js';

const USERS: [string, string][] = [
  ['officer1', 'GROUP_EFR_OFFICERS'],
  ['officer2', 'GROUP_EFR_OFFICERS'],
  ['custodian1', 'GROUP_EFR_CUSTODIANS'],
  ['custodian2', 'GROUP_EFR_CUSTODIANS'],
  ['director1', 'GROUP_EFR_OFFICE_DIRECTORS'],
  ['leader1', 'GROUP_EFR_LEADERS'],
  ['leader2', 'GROUP_EFR_LEADERS'],
  ['supervisor1', 'GROUP_EFR_SUPERVISORS'],
];
const HOUR = 3_600_000;

interface LogEntry {
  action: string;
  user: string;
  nodeId: string | null;
  values: Record<string, string>;
}

describe('access-request web scripts and gated reads (issue 6: R24.1, R24.2, R27.1, R14.2)', () => {
  let t: TempRepository;
  let recId: string;
  let freeRecId: string;
  let caseId: string;
  let size: number;

  const call = async (user: string, method: 'GET' | 'POST', path: string, body?: unknown) => {
    const r = await t.app.inject({
      method,
      url: `/alfresco/s/efr${path}`,
      headers: { ...basic(user, 'pw'), 'content-type': 'application/json' },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.statusCode, json: r.body ? r.json() : {} };
  };
  const entry = (json: unknown): AccessRequestJson => (json as { entry: AccessRequestJson }).entry;
  const errorKey = (json: unknown): string =>
    (json as { error: { errorKey: string } }).error.errorKey;
  const read = (user: string, id = recId, range = 'bytes=0-1023') =>
    t.app.inject({
      url: `${CORE}/nodes/${id}/content?attachment=false`,
      headers: { ...basic(user, 'pw'), range },
    });
  const log = (): LogEntry[] =>
    (
      t.repo.db.prepare('SELECT entry_json FROM access_log ORDER BY id').all() as {
        entry_json: string;
      }[]
    ).map((r) => JSON.parse(r.entry_json) as LogEntry);
  const submit = (user: string, body: Record<string, unknown> = {}) =>
    call(user, 'POST', '/access-requests', {
      recordingIds: [recId],
      purpose: 'work',
      reason: '复核现场执法过程',
      ...body,
    });
  const upload = async (data: Buffer): Promise<string> => {
    const folder = t.repo.meta('efr_folder_recordings');
    const m = multipart(
      [
        ['name', `r-${Math.random().toString(16).slice(2)}.mp4`],
        ['nodeType', 'efr:recording'],
        ...Object.entries(recordingProps(true)).map(([k, v]): [string, string] => [k, String(v)]),
      ],
      { name: 'v.mp4', data, type: 'video/mp4' },
    );
    const r = await t.app.inject({
      method: 'POST',
      url: `${CORE}/nodes/${folder}/children`,
      payload: m.body,
      headers: { ...ADMIN, ...m.headers },
    });
    expect(r.statusCode).withContext(r.body).toBe(201);
    return r.json().entry.id as string;
  };

  beforeAll(async () => {
    t = await archiveRepository(USERS);
    const clip = await makeMp4(t.dir, 'clip.mp4', { seconds: 2 });
    size = clip.size;
    const data = readFileSync(clip.path);
    recId = await upload(data);
    freeRecId = await upload(Buffer.concat([data, Buffer.from('other')]));
    const cases = t.repo.meta('efr_folder_cases');
    const c = await t.app.inject({
      method: 'POST',
      url: `${CORE}/nodes/${cases}/children`,
      headers: ADMIN,
      payload: {
        name: 'EFR-2026-0601',
        nodeType: 'efr:case',
        properties: {
          'cm:title': '调阅测试案',
          'efr:caseNumber': 'EFR-2026-0601',
          'efr:actType': 'penalty',
          'efr:stages': ['initiation'],
          'efr:caseStatus': 'open',
          'efr:handler': 'officer1',
          'efr:leaderInCharge': 'leader1',
          'efr:unit': '社会事务科',
          'efr:retentionYears': 10,
          'efr:openedAt': '2026-11-01T00:00:00.000+0000',
        },
      },
    });
    expect(c.statusCode).withContext(c.body).toBe(201);
    caseId = c.json().entry.id;
    const link = await t.app.inject({
      method: 'POST',
      url: `${CORE}/nodes/${caseId}/targets`,
      headers: ADMIN,
      payload: { targetId: recId, assocType: 'efr:caseRecordings' },
    });
    expect(link.statusCode).withContext(link.body).toBe(201);
  });
  afterAll(async () => t.dispose());

  it('R24.1/R24.2: three deciders; 206 inside the window, 403 for others', async () => {
    const filed = await submit('officer1', {
      requestedTo: new Date(Date.now() + 24 * HOUR).toISOString(),
    });
    expect(filed.status).withContext(JSON.stringify(filed.json)).toBe(201);
    const r = entry(filed.json);
    expect(r).toEqual(
      jasmine.objectContaining({
        status: 'submitted',
        requester: 'officer1',
        purpose: 'work',
        approvers: ['leader1'],
        windowOpen: false,
        downloadAllowed: false,
      }),
    );
    // Issue 19, point 11: the number reads as the bureau's time (UTC+8), as 提交时间 does.
    const local = new Date(Date.parse(r.submittedAt) + 8 * HOUR).toISOString();
    expect(r.number.slice(3, 15)).toBe(local.replace(/[-:T]/g, '').slice(0, 12));
    expect((await read('officer1')).statusCode).toBe(403);
    const queue = async (user: string, q: string): Promise<string[]> =>
      (
        (await call(user, 'GET', `/access-requests?queue=${q}`)).json as {
          list: { entries: { entry: AccessRequestJson }[] };
        }
      ).list.entries.map((e) => e.entry.id);
    expect(await queue('director1', 'review')).toContain(r.id);
    expect((await call('officer1', 'POST', `/access-requests/${r.id}/review`)).status).toBe(403);
    expect(
      entry(
        (await call('director1', 'POST', `/access-requests/${r.id}/review`, {
          opinion: ' 同意，报分管领导批准。 ',
        })).json,
      ).status,
    ).toBe('reviewed');
    expect(await queue('leader1', 'approve')).toContain(r.id);
    expect(await queue('leader2', 'approve')).not.toContain(r.id);
    const wrongLeader = await call('leader2', 'POST', `/access-requests/${r.id}/approve`);
    expect(`${wrongLeader.status} ${errorKey(wrongLeader.json)}`).toBe(
      '403 efr.access.notLeaderInCharge',
    );
    const tooLong = await call('leader1', 'POST', `/access-requests/${r.id}/approve`, {
      opinion: '意'.repeat(2001),
    });
    expect(tooLong.status).toBe(400);
    expect(
      entry(
        (await call('leader1', 'POST', `/access-requests/${r.id}/approve`, {
          opinion: '同意调阅。',
        })).json,
      ).status,
    ).toBe('approved');
    expect((await read('officer1')).statusCode).toBe(403);
    expect(await queue('custodian1', 'register')).toContain(r.id);
    const until = new Date(Date.now() + HOUR).toISOString();
    const noReason = await call('custodian1', 'POST', `/access-requests/${r.id}/register`, {
      viewer: 'officer1',
      viewingUntil: until,
    });
    expect(`${noReason.status} ${errorKey(noReason.json)}`).toBe(
      '422 efr.access.registrationIncomplete',
    );
    const reg = await call('custodian1', 'POST', `/access-requests/${r.id}/register`, {
      viewer: 'officer1',
      reason: '案件复核需要',
      viewingUntil: until,
    });
    expect(reg.status).withContext(JSON.stringify(reg.json)).toBe(200);
    expect(entry(reg.json)).toEqual(
      jasmine.objectContaining({
        status: 'registered',
        reviewedBy: 'director1',
        approvedBy: 'leader1',
        registeredBy: 'custodian1',
        viewer: 'officer1',
        viewingReason: '案件复核需要',
        windowOpen: true,
        // Issue 19, point 8: the opinions are stored with their steps and shown after.
        reviewOpinion: '同意，报分管领导批准。',
        approvalOpinion: '同意调阅。',
      }),
    );
    expect(await queue('officer1', 'viewing')).toEqual([r.id]);

    const ranged = await read('officer1');
    expect(ranged.statusCode).toBe(206);
    expect(ranged.headers['content-range']).toBe(`bytes 0-1023/${size}`);
    for (const other of ['officer2', 'custodian1', 'leader1', 'director1']) {
      const refused = await read(other);
      expect(refused.statusCode).withContext(other).toBe(403);
      expect(refused.json().error.errorKey).toBe('efr.recording.noViewingRight');
    }
    expect((await read('officer1', freeRecId)).statusCode).toBe(403);
    const copy = await t.app.inject({
      url: `${CORE}/nodes/${recId}/content`,
      headers: basic('officer1', 'pw'),
    });
    expect(`${copy.statusCode} ${copy.json().error.errorKey}`).toBe(
      '403 efr.recording.noDownloadRight',
    );

    for (const event of ['start', 'seek', 'end']) {
      const ev = await call('officer1', 'POST', `/access-requests/${r.id}/viewing-events`, {
        event,
        recordingId: recId,
        sessionId: 's-1',
        positionSeconds: event === 'seek' ? 1.5 : 0,
      });
      expect(ev.status).withContext(JSON.stringify(ev.json)).toBe(201);
    }
    expect(
      (
        await call('officer2', 'POST', `/access-requests/${r.id}/viewing-events`, {
          event: 'start',
          recordingId: recId,
        })
      ).status,
    ).toBe(404);

    expect(
      entry((await call('custodian1', 'POST', `/access-requests/${r.id}/close`)).json).status,
    ).toBe('closed');
    expect((await read('officer1')).statusCode).toBe(403);
    expect(await queue('custodian2', 'registry')).toContain(r.id);

    const mine = log().filter((e) => e.nodeId === r.id && e.action.startsWith('accessRequest.'));
    expect(mine.map((e) => `${e.action}:${e.user}`)).toEqual([
      'accessRequest.submit:officer1',
      'accessRequest.review:director1',
      'accessRequest.approve:leader1',
      'accessRequest.register:custodian1',
      'accessRequest.close:custodian1',
    ]);
    const refusals = log().filter((e) => e.action === 'refused');
    expect(refusals.map((e) => `${e.user}:${e.values.attempted}`)).toEqual(
      jasmine.arrayContaining([
        'officer1:accessRequest.review',
        'leader2:accessRequest.approve',
        'officer2:readContent',
        'custodian1:readContent',
        'officer1:readContent',
        'custodian1:accessRequest.register',
      ]),
    );
    const reads = log().filter((e) => e.nodeId === recId);
    expect(reads.map((e) => e.action)).toEqual(
      jasmine.arrayContaining(['range', 'view.start', 'view.seek', 'view.end']),
    );
    const verify = await call('supervisor1', 'GET', '/access-log/verify');
    expect(verify.json).toEqual({ entry: jasmine.objectContaining({ ok: true }) });
    expect((await call('officer1', 'GET', '/access-log/verify')).status).toBe(403);
  });

  it('R24.1: nobody decides on their own request; the case leader cannot file', async () => {
    const byDirector = entry((await submit('director1')).json);
    const own = await call('director1', 'POST', `/access-requests/${byDirector.id}/review`);
    expect(`${own.status} ${errorKey(own.json)}`).toBe('403 efr.access.separationOfDuties');
    const byLeader = entry((await submit('leader2', { recordingIds: [freeRecId] })).json);
    expect((await call('director1', 'POST', `/access-requests/${byLeader.id}/review`)).status).toBe(
      200,
    );
    const selfApprove = await call('leader2', 'POST', `/access-requests/${byLeader.id}/approve`);
    expect(`${selfApprove.status} ${errorKey(selfApprove.json)}`).toBe(
      '403 efr.access.separationOfDuties',
    );
    const leaderOfCase = await submit('leader1');
    expect(`${leaderOfCase.status} ${errorKey(leaderOfCase.json)}`).toBe(
      '409 efr.access.selfApproval',
    );
    const officer = entry((await submit('officer2', { recordingIds: [freeRecId] })).json);
    await call('director1', 'POST', `/access-requests/${officer.id}/review`);
    const sameTwice = await call('director1', 'POST', `/access-requests/${officer.id}/approve`);
    expect(sameTwice.status).toBe(403);
    expect(
      log()
        .filter((e) => e.action === 'refused' && e.values.code === 'efr.access.separationOfDuties')
        .map((e) => e.user),
    ).toEqual(['director1', 'leader2']);
  });

  it('R24.2: reads after the window has ended are refused without anyone closing it', async () => {
    const r = entry((await submit('officer2', { caseId, recordingIds: undefined })).json);
    expect(r.recordingIds).toEqual([recId]);
    expect(r.caseId).toBe(caseId);
    await call('director1', 'POST', `/access-requests/${r.id}/review`);
    await call('leader1', 'POST', `/access-requests/${r.id}/approve`);
    const reg = await call('custodian2', 'POST', `/access-requests/${r.id}/register`, {
      viewer: 'officer2',
      reason: '短时调阅',
      viewingUntil: new Date(Date.now() + 1500).toISOString(),
    });
    expect(reg.status).withContext(JSON.stringify(reg.json)).toBe(200);
    expect((await read('officer2')).statusCode).toBe(206);
    await new Promise((resolve) => setTimeout(resolve, 1700));
    expect((await read('officer2')).statusCode).toBe(403);
    const after = entry((await call('custodian1', 'GET', `/access-requests/${r.id}`)).json);
    expect(after).toEqual(
      jasmine.objectContaining({ status: 'registered', windowOpen: false, expired: true }),
    );
    // The next list closes it, as the module's job does at window end.
    const listed = await call('custodian1', 'GET', '/access-requests?queue=registry');
    const closed = (
      listed.json as { list: { entries: { entry: AccessRequestJson }[] } }
    ).list.entries
      .map((e) => e.entry)
      .find((e) => e.id === r.id);
    expect(closed).toEqual(
      jasmine.objectContaining({
        status: 'closed',
        closedBy: 'System',
        closedAt: after.viewingUntil,
      }),
    );
    expect(
      log()
        .filter((e) => e.action === 'accessRequest.expire')
        .map((e) => e.nodeId),
    ).toEqual([r.id]);
    expect(verifyChain(t.repo.db).ok).toBeTrue();
  });

  it('R24.1: a rejection needs a reason; refused steps change nothing', async () => {
    const r = entry((await submit('officer1', { recordingIds: [freeRecId] })).json);
    const bare = await call('director1', 'POST', `/access-requests/${r.id}/reject`, {
      reason: ' ',
    });
    expect(`${bare.status} ${errorKey(bare.json)}`).toBe('422 efr.access.rejectionReason');
    expect(entry((await call('officer1', 'GET', `/access-requests/${r.id}`)).json).status).toBe(
      'submitted',
    );
    const no = await call('director1', 'POST', `/access-requests/${r.id}/reject`, {
      reason: '事由不充分，请补充',
    });
    expect(entry(no.json)).toEqual(
      jasmine.objectContaining({
        status: 'rejected',
        rejectedBy: 'director1',
        rejectionReason: '事由不充分，请补充',
      }),
    );
    expect((await call('leader1', 'POST', `/access-requests/${r.id}/approve`)).status).toBe(409);
    expect((await call('officer2', 'GET', `/access-requests/${r.id}`)).status).toBe(404);
    const bad = await call('officer1', 'POST', '/access-requests', {
      recordingIds: [recId],
      purpose: 'fun',
      reason: '看看',
    });
    expect(`${bad.status} ${errorKey(bad.json)}`).toBe('422 efr.access.badPurpose');
  });

  it('issue 19: the requester withdraws a request before approval, with the reason logged',
    async () => {
      const r = entry((await submit('officer1', { recordingIds: [freeRecId] })).json);
      expect((await call('custodian1', 'POST', `/access-requests/${r.id}/close`)).status)
        .toBe(409);
      const done = await call('officer1', 'POST', `/access-requests/${r.id}/close`, {
        reason: '案件已撤销，无需调阅',
      });
      expect(done.status).toBe(200);
      expect(entry(done.json)).toEqual(
        jasmine.objectContaining({ status: 'closed', closedBy: 'officer1' }),
      );
      const logged = log().filter(
        (e) => e.action === 'accessRequest.close' && e.nodeId === r.id,
      );
      expect(logged.length).toBe(1);
      expect(logged[0].values.reason).toBe('案件已撤销，无需调阅');
    });

  it('R26.2: a litigation request permits downloading a copy', async () => {
    const r = entry(
      (await submit('officer2', { recordingIds: [freeRecId], purpose: 'litigation' })).json,
    );
    expect(r.downloadAllowed).toBeTrue();
    await call('director1', 'POST', `/access-requests/${r.id}/review`);
    expect((await call('leader2', 'POST', `/access-requests/${r.id}/approve`)).status).toBe(200);
    expect(
      (
        await call('custodian1', 'POST', `/access-requests/${r.id}/register`, {
          viewer: 'officer2',
          reason: '行政诉讼举证',
          viewingUntil: new Date(Date.now() + HOUR).toISOString(),
        })
      ).status,
    ).toBe(200);
    const copy = await t.app.inject({
      url: `${CORE}/nodes/${freeRecId}/content`,
      headers: basic('officer2', 'pw'),
    });
    expect(copy.statusCode).toBe(200);
    expect(copy.headers['content-disposition']).toMatch(/^attachment/);
    expect(
      log().some((e) => e.action === 'download' && e.user === 'officer2' && e.nodeId === freeRecId),
    ).toBeTrue();
    await call('officer2', 'POST', `/access-requests/${r.id}/close`);
  });

  it('R27.1: confidential recordings for the set roles, never released', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: `${CORE}/nodes/${freeRecId}`,
      headers: basic('custodian1', 'pw'),
      payload: { properties: { 'efr:secrecyLevel': 'stateSecret' } },
    });
    expect(put.statusCode).withContext(put.body).toBe(200);
    const officer = await submit('officer1', { recordingIds: [freeRecId] });
    expect(`${officer.status} ${errorKey(officer.json)}`).toBe('403 efr.access.confidential');
    const release = await submit('custodian1', {
      recordingIds: [freeRecId],
      purpose: 'externalRelease',
    });
    expect(`${release.status} ${errorKey(release.json)}`).toBe(
      '422 efr.access.confidentialRelease',
    );
    expect((await submit('custodian1', { recordingIds: [freeRecId] })).status).toBe(201);
  });

  it('R14.2: a complaint places a preservation hold on the recordings it names', async () => {
    const officer = await call('officer1', 'POST', '/holds', {
      recordingIds: [recId],
      reason: '群众投诉执法态度',
    });
    expect(`${officer.status} ${errorKey(officer.json)}`).toBe('403 efr.hold.notSupervisor');
    const held = await call('supervisor1', 'POST', '/holds', {
      recordingIds: [recId],
      reason: '群众投诉执法态度',
      reference: '投诉-2026-07',
    });
    expect(held.status).withContext(JSON.stringify(held.json)).toBe(201);
    expect(held.json).toEqual({ entry: { held: [recId], alreadyHeld: [] } });
    const node = (await t.app.inject({ url: `${CORE}/nodes/${recId}`, headers: ADMIN })).json()
      .entry;
    expect(node.aspectNames).toContain('efr:legalHold');
    expect(node.properties['efr:holdBy']).toBe('supervisor1');
    expect(log().some((e) => e.action === 'hold.place' && e.nodeId === recId)).toBeTrue();
  });

  it('R14.2: the node API refuses lifting a hold by role, with the rule both hosts apply', async () => {
    const now = (await t.app.inject({ url: `${CORE}/nodes/${recId}`, headers: ADMIN })).json()
      .entry as { aspectNames: string[] };
    const r = await t.app.inject({
      method: 'PUT', url: `${CORE}/nodes/${recId}`,
      headers: { ...basic('custodian1', 'pw'), 'content-type': 'application/json' },
      payload: JSON.stringify({ aspectNames: now.aspectNames.filter((a) => a !== 'efr:legalHold') }),
    });
    // The recording rule (checkRecordingUpdate / the module's checkRecordingAspectRemoval):
    // supervisors and legal lift a hold; nobody else, whatever the ACL (issue 16).
    expect(`${r.statusCode} ${errorKey(r.json())}`).toBe('403 efr.recording.holdRelease');
  });

  it('R14.2: the release step lifts a hold for supervisors and legal, with the reason logged', async () => {
    const byCustodian = await call('custodian1', 'POST', '/holds/release', {
      recordingIds: [recId], reason: '投诉已办结',
    });
    expect(`${byCustodian.status} ${errorKey(byCustodian.json)}`).toBe('403 efr.recording.holdRelease');
    const noReason = await call('supervisor1', 'POST', '/holds/release', { recordingIds: [recId] });
    expect(`${noReason.status} ${errorKey(noReason.json)}`).toBe('422 efr.hold.releaseReason');
    const bad = await call('supervisor1', 'POST', '/holds/release', { recordingIds: 'x' });
    expect(bad.status).toBe(400);
    const released = await call('supervisor1', 'POST', '/holds/release', {
      recordingIds: [recId], reason: '投诉已办结',
    });
    expect(released.status).withContext(JSON.stringify(released.json)).toBe(200);
    expect(released.json).toEqual({ entry: { released: [recId], notHeld: [] } });
    const node = (await t.app.inject({ url: `${CORE}/nodes/${recId}`, headers: ADMIN })).json()
      .entry;
    expect(node.aspectNames).not.toContain('efr:legalHold');
    expect(log().some((e) => e.action === 'hold.release' && e.nodeId === recId &&
      (e.values as Record<string, unknown>).reason === '投诉已办结')).toBeTrue();
    const again = await call('supervisor1', 'POST', '/holds/release', {
      recordingIds: [recId], reason: '投诉已办结',
    });
    expect(again.json).toEqual({ entry: { released: [], notHeld: [recId] } });
  });
});
