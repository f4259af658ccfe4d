/**
 * Issue 18, disposition through the API: a custodian lists the recordings whose retention ended
 * (R22.1) and nothing keeps (R14.2, R22.2), proposes a batch, the office director reviews, a
 * leader approves — three different people — and the approval destroys the bytes: the store
 * file is gone, GET content answers 410 efr.disposition.contentDestroyed, the node stays as a
 * tombstone with its SHA-256, size and retention basis, the destruction register is a PDF that
 * names the people. A hold or a case link placed during the batch spares its recording. Every
 * step is in the access log and the chain verifies.
 */
import { existsSync } from 'node:fs';
import { verifyChain } from '../../server/src/access-log/access-log.js';
import { sweepOrphanedContent } from '../../server/src/app.js';
import { ensureArchiveFolders, ensureGroups } from '../../server/src/demo/seed.js';
import { CORE } from '../../server/src/routes/paths.js';
import { renderWaitingDocuments } from '../../server/src/testing/render-documents.js';
import {
  ADMIN, basic, tempRepository, uploadRecording, type TempRepository,
} from '../../server/src/testing/temp-repository.js';

const USERS: [string, string, string, string][] = [
  ['custodian1', 'GROUP_EFR_CUSTODIANS', '李', '保管'],
  ['director1', 'GROUP_EFR_OFFICE_DIRECTORS', '赵', '主任'],
  ['leader1', 'GROUP_EFR_LEADERS', '钱', '领导'],
  ['supervisor1', 'GROUP_EFR_SUPERVISORS', '孙', '监督'],
  ['officer1', 'GROUP_EFR_OFFICERS', '王', '明'],
];

interface Json { [k: string]: unknown }

describe('disposition web scripts (issue 18: R22.1, R22.2, R14.2, R26.1)', () => {
  let t: TempRepository;

  const call = async (user: string, method: 'GET' | 'POST', path: string, body?: unknown) => {
    const r = await t.app.inject({
      method, url: `/alfresco/s/efr${path}`,
      headers: { ...basic(user, 'pw'), 'content-type': 'application/json' },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.statusCode, json: String(r.headers['content-type'] ?? '').includes('json')
      ? r.json() as Json : {}, raw: r };
  };
  const errorOf = (r: { status: number; json: Json }): string =>
    `${r.status} ${(r.json.error as { errorKey: string } | undefined)?.errorKey}`;
  const entry = (r: { json: Json }): Json => r.json.entry as Json;
  const upload = (props: Record<string, unknown>) => uploadRecording(t, props);
  const expired = { 'efr:retainUntil': '2025-01-01' };
  const eligibleIds = async (): Promise<string[]> => {
    const r = await call('custodian1', 'GET', '/disposition/eligible?maxItems=100');
    expect(r.status).withContext(JSON.stringify(r.json)).toBe(200);
    return ((r.json.list as { entries: { entry: { id: string } }[] }).entries)
      .map((e) => e.entry.id);
  };
  const log = (): { action: string; nodeId: string | null; values: Record<string, string> }[] =>
    (t.repo.db.prepare('SELECT entry_json FROM access_log ORDER BY id').all() as
      { entry_json: string }[]).map((r) => JSON.parse(r.entry_json));

  beforeAll(async () => {
    t = await tempRepository();
    ensureGroups(t.repo);
    for (const [id, group, firstName, lastName] of USERS) {
      t.repo.addPerson({ id, firstName, lastName, email: `${id}@efr.example.org`, password: 'pw' });
      t.repo.auth.addMember(group, id, 'PERSON');
    }
    await ensureArchiveFolders(t.repo);
  });
  afterAll(async () => t.dispose());

  it('lists only what retention, holds and cases no longer keep, for custodians only', async () => {
    const old = await upload(expired);
    const kept = await upload({ 'efr:retainUntil': '2999-01-01' });
    const held = await upload(expired);
    expect((await call('supervisor1', 'POST', '/holds', { recordingIds: [held.id],
      reason: '群众投诉执法态度' })).status).toBe(201);
    const ids = await eligibleIds();
    expect(ids).toContain(old.id);
    expect(ids).not.toContain(kept.id);
    expect(ids).not.toContain(held.id);
    expect(errorOf(await call('officer1', 'GET', '/disposition/eligible')))
      .toBe('403 framework.exception.PermissionDenied');
    const refused = await call('custodian1', 'POST', '/disposition/batches',
      { recordingIds: [kept.id], reason: '保存期满' });
    expect(errorOf(refused)).toBe('409 efr.disposition.retained');
  });

  it('proposed, reviewed, approved by three people: bytes gone, tombstone and register kept',
    async () => {
      const a = await upload(expired);
      const b = await upload(expired);
      const c = await upload(expired);
      const proposed = await call('custodian1', 'POST', '/disposition/batches',
        { recordingIds: [a.id, b.id, c.id], reason: '保存期限届满，按程序销毁' });
      expect(proposed.status).withContext(JSON.stringify(proposed.json)).toBe(201);
      const batch = entry(proposed);
      expect(batch.status).toBe('proposed');
      expect(batch.proposedByName).toBe('李保管');
      expect(errorOf(await call('custodian1', 'POST', '/disposition/batches',
        { recordingIds: [a.id], reason: '再次提出' }))).toBe('409 efr.disposition.inOtherBatch');
      // The generic API cannot move the batch: it is a workflow record (issue 16).
      const put = await t.app.inject({ method: 'PUT', url: `${CORE}/nodes/${batch.id}`,
        headers: { ...basic('director1', 'pw'), 'content-type': 'application/json' },
        payload: { properties: { 'efr:batchStatus': 'approved' } } });
      expect(put.statusCode).toBe(403);

      expect(errorOf(await call('leader1', 'POST', `/disposition/batches/${batch.id}/approve`,
        { opinion: '同意' }))).toBe('409 efr.disposition.badState');
      expect(errorOf(await call('director1', 'POST', `/disposition/batches/${batch.id}/review`,
        {}))).toBe('422 efr.disposition.opinionRequired');
      const reviewed = await call('director1', 'POST', `/disposition/batches/${batch.id}/review`,
        { opinion: '经核对，同意销毁' });
      expect(entry(reviewed).status).toBe('reviewed');

      // Mid-batch: a hold on b (R14.2) and a case link on c (R22.2) spare them.
      expect((await call('supervisor1', 'POST', '/holds', { recordingIds: [b.id],
        reason: '批次办理中收到投诉' })).status).toBe(201);
      const k = await t.app.inject({ method: 'POST',
        url: `${CORE}/nodes/${t.repo.meta('efr_folder_cases')}/children`, headers: ADMIN,
        payload: { name: 'EFR-2020-0001', nodeType: 'efr:case', properties: {
          'cm:title': '旧案', 'efr:caseNumber': 'EFR-2020-0001', 'efr:actType': 'penalty',
          'efr:stages': ['initiation'], 'efr:caseStatus': 'open', 'efr:handler': 'officer1',
          'efr:leaderInCharge': 'leader1', 'efr:unit': '社会事务科', 'efr:retentionYears': 1,
          'efr:openedAt': '2020-01-01T00:00:00.000+0000' } } });
      expect(k.statusCode).withContext(k.body).toBe(201);
      const link = await t.app.inject({ method: 'POST',
        url: `${CORE}/nodes/${k.json().entry.id}/targets`,
        headers: ADMIN, payload: { targetId: c.id, assocType: 'efr:caseRecordings' } });
      expect(link.statusCode).withContext(link.body).toBe(201);

      const approved = await call('leader1', 'POST', `/disposition/batches/${batch.id}/approve`,
        { opinion: '同意销毁' });
      expect(approved.status).withContext(JSON.stringify(approved.json)).toBe(200);
      const done = entry(approved);
      expect(done.status).toBe('executed');
      expect(done.destroyedIds).toEqual([a.id]);
      expect((done.spared as { id: string; code: string }[]).map((s) => `${s.id} ${s.code}`)
        .sort()).toEqual([`${b.id} efr.disposition.legalHold`,
        `${c.id} efr.disposition.newCaseLink`].sort());

      // The bytes are gone from the store and the API; b and c still play for the archive.
      expect(existsSync(t.repo.store.pathOf(a.sha))).toBeFalse();
      expect(existsSync(t.repo.store.pathOf(b.sha))).toBeTrue();
      const gone = await t.app.inject({ url: `${CORE}/nodes/${a.id}/content`, headers: ADMIN });
      expect(gone.statusCode).toBe(410);
      expect(gone.json().error.errorKey).toBe('efr.disposition.contentDestroyed');
      // The tombstone keeps its record.
      const tomb = (await t.app.inject({ url: `${CORE}/nodes/${a.id}`, headers: ADMIN })).json()
        .entry;
      expect(tomb.aspectNames).toContain('efr:destroyed');
      expect(tomb.properties['efr:sha256']).toBe(a.sha);
      expect(tomb.properties['efr:sizeBytes']).toBe(64 * 1024);
      expect(tomb.properties['efr:destroyedBatch']).toBe(batch.id);
      expect(tomb.properties['efr:destroyedBy']).toBe('leader1');
      expect(tomb.properties['efr:retentionBasis']).toContain('R22.1');
      // Nobody edits or undoes the tombstone through the node API, not even a custodian, who
      // may annotate sealed recordings otherwise.
      const custodian = { ...basic('custodian1', 'pw'), 'content-type': 'application/json' };
      const unmark = await t.app.inject({ method: 'PUT', url: `${CORE}/nodes/${a.id}`,
        headers: custodian,
        payload: { properties: { 'efr:destroyedBy': 'someone' } } });
      expect(`${unmark.statusCode} ${unmark.json().error.errorKey}`)
        .toBe('403 efr.disposition.stepsOnly');
      const fake = await t.app.inject({ method: 'PUT', url: `${CORE}/nodes/${b.id}`,
        headers: custodian,
        payload: { aspectNames: [...tomb.aspectNames], properties: {
          'efr:destroyedAt': tomb.properties['efr:destroyedAt'], 'efr:destroyedBy': 'admin',
          'efr:destroyedBatch': batch.id, 'efr:retentionBasis': 'R22.1' } } });
      expect(`${fake.statusCode} ${fake.json().error.errorKey}`)
        .toBe('403 efr.disposition.stepsOnly');

      // The register is a document efr worker renders once the approval committed (issue 15):
      // 202 with its job until then, then the stored PDF.
      const waiting = await call('director1', 'GET', `/disposition/batches/${batch.id}/register`);
      expect(waiting.status).toBe(202);
      expect((waiting.json.entry as { job: { state: string } }).job.state).toBe('requested');
      expect(((await call('director1', 'GET', `/disposition/batches/${batch.id}`)).json
        .entry as { register: { job: { state: string } } }).register.job.state)
        .toBe('requested');
      const rendered = await renderWaitingDocuments(t);
      expect(rendered.map((o) => o.state)).toEqual(['built']);
      expect(((await call('director1', 'GET', `/disposition/batches/${batch.id}`)).json
        .entry as { register: { job: { state: string } } }).register.job.state).toBe('built');
      const pdf = await call('director1', 'GET', `/disposition/batches/${batch.id}/register`);
      expect(pdf.status).toBe(200);
      expect(pdf.raw.headers['content-disposition']).toContain(encodeURIComponent('销毁清册'));
      expect(pdf.raw.headers['content-type']).toBe('application/pdf');
      expect(pdf.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

      const actions = log().map((e) => e.action);
      for (const a2 of ['disposition.propose', 'disposition.review', 'disposition.approve',
        'disposition.destroy', 'disposition.spare', 'disposition.execute',
        'disposition.bytesDestroyed', 'disposition.register']) {
        expect(actions).withContext(a2).toContain(a2);
      }
      expect(log().some((e) => e.values.code === 'efr.disposition.contentDestroyed')).toBeTrue();
      expect(verifyChain(t.repo.db).ok).toBeTrue();
    });

  it('refuses a decider out of turn or twice, and a rejection without a reason', async () => {
    const r = await upload(expired);
    const batch = entry(await call('custodian1', 'POST', '/disposition/batches',
      { recordingIds: [r.id], reason: '保存期满' }));
    expect(errorOf(await call('leader1', 'POST', `/disposition/batches/${batch.id}/review`,
      { opinion: '同意' }))).toBe('403 efr.disposition.notOfficeDirector');
    expect(errorOf(await call('director1', 'POST', `/disposition/batches/${batch.id}/reject`,
      { reason: '' }))).toBe('422 efr.disposition.rejectionReason');
    const rejected = await call('director1', 'POST', `/disposition/batches/${batch.id}/reject`,
      { reason: '需进一步核对' });
    expect(entry(rejected).status).toBe('rejected');
    expect(errorOf(await call('director1', 'GET', `/disposition/batches/${batch.id}/register`)))
      .toBe('409 efr.disposition.notExecuted');
    // The recording is free again for a later batch.
    expect(await eligibleIds()).toContain(r.id);
  });

  it('a process killed between the tombstone commit and the unlink loses nothing', async () => {
    const r = await upload(expired);
    const batch = entry(await call('custodian1', 'POST', '/disposition/batches',
      { recordingIds: [r.id], reason: '保存期满' }));
    await call('director1', 'POST', `/disposition/batches/${batch.id}/review`, { opinion: '同意' });
    // The unlink never happens (the process dies right after the commit).
    const destroy = spyOn(t.repo.store, 'destroy').and.rejectWith(new Error('killed'));
    const approved = await call('leader1', 'POST', `/disposition/batches/${batch.id}/approve`,
      { opinion: '同意' });
    expect(approved.status).toBe(500);
    expect(destroy).toHaveBeenCalledTimes(1);
    destroy.and.callThrough();
    // What was committed stays: the batch executed, the tombstone without a content reference.
    const after = await call('director1', 'GET', `/disposition/batches/${batch.id}`);
    expect(entry(after).status).toBe('executed');
    expect(existsSync(t.repo.store.pathOf(r.sha))).toBeTrue();
    // The next start's sweep finishes the destruction: nothing references the file any more.
    expect(sweepOrphanedContent(t.repo).files).toBe(1);
    expect(existsSync(t.repo.store.pathOf(r.sha))).toBeFalse();
  });
});
