import { ensureArchiveFolders } from '../demo/seed.js';
import { AcsError } from '../http/errors.js';
import { updateNode } from '../repo/node-updates.js';
import type { NodeRow } from '../repo/node-rows.js';
import { RuleRefusal } from '../repo/repository.js';
import { asWorkflowStep } from '../webscripts/web-script-host.js';
import { CORE } from '../routes/paths.js';
import {
  ADMIN,
  basic,
  multipart,
  recordingProps,
  tempRepository,
  type TempRepository,
} from '../testing/temp-repository.js';

const PW = 'pw';
const USERS: [string, string][] = [
  ['officer1', 'GROUP_EFR_OFFICERS'],
  ['officer2', 'GROUP_EFR_OFFICERS'],
  ['custodian1', 'GROUP_EFR_CUSTODIANS'],
  ['custodian2', 'GROUP_EFR_CUSTODIANS'],
  ['director1', 'GROUP_EFR_OFFICE_DIRECTORS'],
  ['leader1', 'GROUP_EFR_LEADERS'],
  ['leader2', 'GROUP_EFR_LEADERS'],
  ['legal1', 'GROUP_EFR_LEGAL'],
];

describe('EFR rules at the behaviour points (core verdicts, refusals logged)', () => {
  let t: TempRepository;
  let folders: Map<string, { id: string }>;
  let sealedId: string;
  const as = (u: string): Record<string, string> => basic(u, PW);
  const refusals = (nodeId: string): { code: string; attempted: string }[] =>
    (
      t.repo.db
        .prepare(
          "SELECT entry_json FROM access_log WHERE node_id = ? AND action = 'refused' ORDER BY id",
        )
        .all(nodeId) as { entry_json: string }[]
    ).map((r) => JSON.parse(r.entry_json).values);
  const upload = (
    props: Record<string, unknown>,
    data = Buffer.from('video bytes'),
    user = ADMIN,
  ) => {
    const m = multipart(
      [
        ['name', `r-${Math.random().toString(16).slice(2)}.mp4`],
        ['nodeType', 'efr:recording'],
        ...Object.entries(props).map(([k, v]): [string, string] => [k, String(v)]),
      ],
      { name: 'v.mp4', data },
    );
    return t.app.inject({
      method: 'POST',
      url: `${CORE}/nodes/${folders.get('recordings')?.id}/children`,
      payload: m.body,
      headers: { ...user, ...m.headers },
    });
  };

  /**
   * A change made as a workflow step (as the web scripts make it): workflow records refuse
   * the same change through PUT /nodes (issue 16), so the rules behind the steps are driven
   * here in-process, answering like the HTTP error handler (status, body, refusal logged).
   */
  const stepPut = async (user: string, id: string, props: Record<string, unknown>) => {
    const c = asWorkflowStep(t.repo.caller(user), 'spec');
    try {
      const n = updateNode(t.repo, c, t.repo.rows.get(id) as NodeRow, { properties: props });
      const body = JSON.stringify({ entry: { properties: n.props } });
      return { statusCode: 200, body, json: () => JSON.parse(body) };
    } catch (err) {
      if (!(err instanceof AcsError)) throw err;
      if (err instanceof RuleRefusal) t.repo.logRefusal(err);
      const body = JSON.stringify(err.toBody());
      return { statusCode: err.statusCode, body, json: () => JSON.parse(body) };
    }
  };

  beforeAll(async () => {
    t = await tempRepository();
    for (const [u, g] of USERS) {
      t.repo.addPerson({ id: u, firstName: u, email: `${u}@x`, password: PW });
      t.repo.auth.addMember(g, u, 'PERSON');
    }
    folders = await ensureArchiveFolders(t.repo);
    const r = await upload(recordingProps(true));
    expect(r.statusCode).withContext(r.body).toBe(201);
    sealedId = r.json().entry.id;
  });
  afterAll(async () => t.dispose());

  it("R26.1: fixes sha256 and size at ingest from the server's own hash", async () => {
    const e = (await t.app.inject({ url: `${CORE}/nodes/${sealedId}`, headers: ADMIN })).json()
      .entry;
    expect(e.properties['efr:sha256']).toMatch(/^[0-9a-f]{64}$/);
    expect(e.properties['efr:sizeBytes']).toBe(11);
  });

  it('R26.1: refuses an upload whose declared efr:sha256 differs (422), storing nothing', async () => {
    const before = t.repo.store.listHashes().length;
    const r = await upload(
      recordingProps(true, { 'efr:sha256': 'a'.repeat(64) }),
      Buffer.from('other bytes'),
    );
    expect(r.statusCode).toBe(422);
    expect(t.repo.store.listHashes().length).toBe(before);
  });

  it('R26.1: lets new bytes replace an unsealed recording, fixity following them', async () => {
    const id = (await upload(recordingProps(false))).json().entry.id;
    const r = await t.app.inject({
      method: 'PUT',
      url: `${CORE}/nodes/${id}/content`,
      payload: 'longer bytes!',
      headers: { ...ADMIN, 'content-type': 'video/mp4' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().entry.properties['efr:sizeBytes']).toBe(13);
  });

  it('R24.2: serves recording content with Cache-Control private, no-store', async () => {
    const r = await t.app.inject({ url: `${CORE}/nodes/${sealedId}/content`, headers: ADMIN });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('private, no-store');
  });

  it('R26.1: refuses replacing the content of a sealed recording (409) and logs it', async () => {
    const r = await t.app.inject({
      method: 'PUT',
      url: `${CORE}/nodes/${sealedId}/content`,
      payload: 'cut',
      headers: { ...ADMIN, 'content-type': 'video/mp4' },
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.errorKey).toBe('efr.recording.sealedContent');
    expect(r.json().error.briefSummary).toContain('录像已封存');
    expect(refusals(sealedId).map((v) => v.attempted)).toContain('updateContent');
  });

  it('R22.1: refuses deleting a recording within retention (409), logged, still there', async () => {
    const r = await t.app.inject({
      method: 'DELETE',
      url: `${CORE}/nodes/${sealedId}`,
      headers: ADMIN,
    });
    expect(r.statusCode).toBe(403);
    expect(refusals(sealedId).map((v) => v.attempted)).toContain('delete');
    expect(
      (await t.app.inject({ url: `${CORE}/nodes/${sealedId}`, headers: ADMIN })).statusCode,
    ).toBe(200);
    const parent = await t.app.inject({
      method: 'DELETE',
      url: `${CORE}/nodes/${folders.get('recordings')?.id}`,
      headers: ADMIN,
    });
    expect(parent.statusCode).toBe(403);
  });

  it('R26.1: refuses changing capture facts of a sealed recording, allows raising secrecy (R27.1)', async () => {
    const put = (body: unknown, user = ADMIN) =>
      t.app.inject({
        method: 'PUT',
        url: `${CORE}/nodes/${sealedId}`,
        payload: body as object,
        headers: user,
      });
    expect((await put({ properties: { 'efr:location': '别处' } })).statusCode).toBe(403);
    expect((await put({ name: 'renamed.mp4' })).statusCode).toBe(403);
    expect(
      (await put({ properties: { 'efr:secrecyLevel': 'tradeSecret' } }, as('custodian1')))
        .statusCode,
    ).toBe(200);
    expect(
      (await put({ properties: { 'efr:secrecyLevel': 'none' } }, as('custodian1'))).statusCode,
    ).toBe(403);
  });

  it('R26.1: refuses moving a sealed recording out of the archive', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: `${CORE}/nodes/${sealedId}/move`,
      headers: ADMIN,
      payload: {
        targetParentId: (
          await t.app.inject({ url: `${CORE}/nodes/-shared-`, headers: ADMIN })
        ).json().entry.id,
      },
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.errorKey).toBe('efr.recording.leavesArchive');
  });

  it('R23.1: refuses copying a recording, alone or inside its folder (403), logged, nothing made', async () => {
    const nodes = (): number =>
      (t.repo.db.prepare('SELECT COUNT(*) AS k FROM nodes').get() as { k: number }).k;
    const before = nodes();
    const shared = (await t.app.inject({ url: `${CORE}/nodes/-shared-`, headers: ADMIN })).json()
      .entry.id;
    const copy = (id: string | undefined) =>
      t.app.inject({
        method: 'POST',
        url: `${CORE}/nodes/${id}/copy`,
        headers: ADMIN,
        payload: { targetParentId: shared },
      });
    const one = await copy(sealedId);
    // 403, never 409: the Content App retries a 409 copy under new names (issue 16).
    expect(one.statusCode).toBe(403);
    expect(one.json().error.errorKey).toBe('efr.recording.noCopy');
    expect(refusals(sealedId).map((v) => v.attempted)).toContain('copy');
    expect((await copy(folders.get('recordings')?.id)).statusCode).toBe(403);
    expect(nodes()).toBe(before);
  });

  it('logs a 403 of the permission model on an EFR record, answered as ACS does', async () => {
    const r = await t.app.inject({
      method: 'DELETE',
      url: `${CORE}/nodes/${sealedId}`,
      headers: as('officer2'),
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.errorKey).toBe('framework.exception.PermissionDenied');
    const logged = refusals(sealedId).filter((v) => v.code === 'framework.exception.PermissionDenied');
    expect(logged.map((v) => v.attempted)).toContain('an action needing Delete');
  });

  it('R27.1/R24.2: a confidential recording is read only in a registered viewing window', async () => {
    const open = (await upload(recordingProps(true))).json().entry.id;
    // Issue 6 (R24.1, R24.2): every recording, not only confidential ones, needs a registered window.
    expect(
      (await t.app.inject({ url: `${CORE}/nodes/${open}/content`, headers: as('officer2') }))
        .statusCode,
    ).toBe(403);
    const secret = (
      await upload(recordingProps(true, { 'efr:secrecyLevel': 'tradeSecret' }))
    ).json().entry.id;
    // The player reads inline; downloads are a separate right (R26.2).
    const read = (user: string) =>
      t.app.inject({ url: `${CORE}/nodes/${secret}/content?attachment=false`, headers: as(user) });
    expect((await read('leader2')).statusCode).toBe(403);
    expect(refusals(secret).map((v) => v.code)).toContain('efr.recording.noViewingRight');
    // Custodians keep the footage but do not view it without a registered request (issue 6, R24.2).
    expect((await read('custodian1')).statusCode).toBe(403);
    const reqs = folders.get('requests')?.id;
    const submit = (user: string, status?: string) =>
      t.app.inject({
        method: 'POST',
        url: `${CORE}/nodes/${reqs}/children`,
        headers: as(user),
        payload: {
          name: `req-${user}-${status ?? 'new'}`,
          nodeType: 'efr:accessRequest',
          properties: {
            'efr:requester': user,
            'efr:purpose': 'work',
            'efr:reason': '复核现场执法过程',
            ...(status ? { 'efr:requestStatus': status } : {}),
          },
          targets: [{ targetId: secret, assocType: 'efr:requestRecordings' }],
        },
      });
    expect((await submit('leader2', 'registered')).statusCode).toBe(403);
    const officer = await submit('officer2');
    expect(officer.statusCode).withContext(officer.body).toBe(403);
    const created = await submit('leader2');
    expect(created.statusCode).withContext(created.body).toBe(201);
    const id = created.json().entry.id;
    const generic = await t.app.inject({ method: 'PUT', url: `${CORE}/nodes/${id}`,
      headers: as('director1'), payload: { properties: { 'efr:requestStatus': 'reviewed' } } });
    expect(`${generic.statusCode} ${generic.json().error.errorKey}`).toBe(
      '403 efr.workflow.stepsOnly');
    const step = (user: string, props: Record<string, unknown>) => stepPut(user, id, props);
    expect((await step('leader2', { 'efr:requestStatus': 'reviewed' })).statusCode).toBe(403);
    expect((await step('director1', { 'efr:requestStatus': 'approved' })).statusCode).toBe(409);
    const reviewed = await step('director1', { 'efr:requestStatus': 'reviewed' });
    expect(reviewed.statusCode).withContext(reviewed.body).toBe(200);
    expect(reviewed.json().entry.properties['efr:reviewer']).toBe('director1');
    expect((await step('leader1', { 'efr:requestStatus': 'approved' })).statusCode).toBe(200);
    expect((await read('leader2')).statusCode).toBe(403);
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const reg = await step('custodian1', {
      'efr:requestStatus': 'registered',
      'efr:viewer': 'leader2',
      'efr:viewReason': '工作需要',
      'efr:windowTo': until,
    });
    expect(reg.statusCode).withContext(reg.body).toBe(200);
    expect((await read('leader2')).statusCode).toBe(200);
    expect((await step('leader2', { 'efr:approver': 'leader2' })).statusCode).toBe(409);
  });

  it('R21.4: two distinct custodians receive a handover, then its recordings are sealed', async () => {
    const rec = await upload(recordingProps(false));
    const recId = rec.json().entry.id;
    const sha = rec.json().entry.properties['efr:sha256'];
    const h = await t.app.inject({
      method: 'POST',
      url: `${CORE}/nodes/${folders.get('handovers')?.id}/children`,
      headers: as('officer1'),
      payload: {
        name: 'h-1',
        nodeType: 'efr:handover',
        properties: {
          'efr:officer': 'officer1',
          'efr:coOfficer': 'officer2',
          'efr:deviceSerial': 'BWC-0001',
          'efr:returnedAt': '2026-11-24T09:00:00Z',
          'efr:fieldWorkEnd': '2026-11-24T08:00:00Z',
          'efr:deadline': '2026-11-24T15:59:59Z',
        },
        targets: [{ targetId: recId, assocType: 'efr:handoverRecordings' }],
      },
    });
    expect(h.statusCode).withContext(h.body).toBe(201);
    const hid = h.json().entry.id;
    const link = await t.app.inject({
      method: 'PUT',
      url: `${CORE}/nodes/${recId}`,
      headers: as('custodian1'),
      payload: { properties: { 'efr:handoverId': hid } },
    });
    expect(link.statusCode).toBe(200);
    const receipt = (user: string, n: 1 | 2, status: string, hashes = [`${sha}  v.mp4`]) =>
      stepPut(user, hid, {
        [`efr:receipt${n}By`]: user,
        [`efr:receipt${n}Hashes`]: hashes,
        'efr:handoverStatus': status,
      });
    expect((await receipt('officer2', 1, 'pending')).statusCode).toBe(403);
    expect(
      (await receipt('custodian1', 1, 'pending', [`${'0'.repeat(64)}  v.mp4`])).statusCode,
    ).toBe(422);
    expect((await receipt('custodian1', 1, 'sealed')).statusCode).toBe(409);
    expect((await receipt('custodian1', 1, 'pending')).statusCode).toBe(200);
    expect((await receipt('custodian1', 2, 'sealed')).statusCode).toBe(409);
    expect((await receipt('custodian2', 2, 'sealed')).statusCode).toBe(200);
    const seal = (by2: string) =>
      t.app.inject({
        method: 'PUT',
        url: `${CORE}/nodes/${recId}`,
        headers: as('custodian2'),
        payload: {
          properties: {
            'efr:sealedAt': '2026-11-24T10:00:00Z',
            'efr:sealedBy1': 'custodian1',
            'efr:sealedBy2': by2,
          },
        },
      });
    expect((await seal('custodian1')).statusCode).toBe(403);
    expect((await seal('custodian2')).statusCode).toBe(200);
    const put = await t.app.inject({
      method: 'PUT',
      url: `${CORE}/nodes/${recId}/content`,
      payload: 'x',
      headers: { ...ADMIN, 'content-type': 'video/mp4' },
    });
    expect(put.statusCode).toBe(403);
  });

  it('refuses a second case with the same case number (409)', async () => {
    const body = {
      name: 'c',
      nodeType: 'efr:case',
      properties: {
        'efr:caseNumber': 'EFR-2026-0001',
        'efr:actType': 'penalty',
        'efr:handler': 'officer1',
        'efr:leaderInCharge': 'leader1',
        'efr:unit': 'u',
        'efr:openedAt': '2026-11-01T00:00:00Z',
      },
    };
    const url = `${CORE}/nodes/${folders.get('cases')?.id}/children`;
    expect(
      (await t.app.inject({ method: 'POST', url, headers: ADMIN, payload: body })).statusCode,
    ).toBe(201);
    const dup = await t.app.inject({
      method: 'POST',
      url,
      headers: ADMIN,
      payload: { ...body, name: 'c2' },
    });
    expect(dup.statusCode).toBe(403);
    expect(dup.json().error.errorKey).toBe('efr.case.duplicateNumber');
  });

  it('keeps the access-log chain intact through refusals and changes', async () => {
    const { verifyChain } = await import('../access-log/access-log.js');
    expect(verifyChain(t.repo.db)).toEqual(jasmine.objectContaining({ ok: true }));
  });
});
