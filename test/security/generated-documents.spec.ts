/**
 * Issue 15 (server/): a generated document, the destruction register (销毁清册), is a permanent
 * record. Custodians, office directors and leaders write the `处置批次` folder, yet nobody but
 * the worker holding the document's job writes its content, once; after that nobody (an
 * administrator included) replaces or deletes its bytes, renames it, rewrites its order or job
 * state, moves or copies it, strips its aspects, locks it or changes its permissions or owner
 * through the generic API. Each refusal is logged with its code (core's checkDocumentChange;
 * the module's document guard decides the same in test/rhino/document-guard.spec.ts).
 */
import { createHash } from 'node:crypto';
import { CORE } from '../../server/src/routes/paths.js';
import { renderWaitingDocuments } from '../../server/src/testing/render-documents.js';
import {
  ADMIN, archiveRepository, basic, multipart, uploadRecording, type TempRepository,
} from '../../server/src/testing/temp-repository.js';
import { ensureWorkerAccount, WORKER_USER } from '../../server/src/worker/in-process.js';

const USERS: [string, string][] = [
  ['custodian1', 'GROUP_EFR_CUSTODIANS'], ['director1', 'GROUP_EFR_OFFICE_DIRECTORS'],
  ['leader1', 'GROUP_EFR_LEADERS'],
];

interface Reply { status: number; code: string; body: string }

describe('issue 15: a destruction register is kept as efr worker wrote it (server/)', () => {
  let t: TempRepository;

  const headers = (user: string): Record<string, string> =>
    user === 'admin' ? ADMIN : basic(user, 'pw');
  const send = async (user: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string,
    body?: unknown, type = 'application/json'): Promise<Reply> => {
    const r = await t.app.inject({ method, url, headers: { ...headers(user),
      'content-type': type }, payload: body === undefined ? undefined
      : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) });
    let code = '';
    try { code = (r.json() as { error?: { errorKey?: string } }).error?.errorKey ?? ''; } catch {
      code = '';
    }
    return { status: r.statusCode, code, body: r.body };
  };
  const outcome = (r: Reply): string => `${r.status} ${r.code}`;
  const ws = (user: string, method: 'GET' | 'POST', path: string, body?: unknown) =>
    send(user, method, `/alfresco/s/efr${path}`, body);
  const refusals = (id: string): string[] =>
    (t.repo.db.prepare('SELECT entry_json FROM access_log ORDER BY id').all() as
      { entry_json: string }[]).map((r) => JSON.parse(r.entry_json) as
      { nodeId: string | null; values: Record<string, string> })
      .filter((e) => e.nodeId === id && e.values.code !== undefined).map((e) => e.values.code);

  /** An executed batch; answers its register document's id (its job requested). */
  const executedBatch = async (): Promise<string> => {
    const rec = await uploadRecording(t, { 'efr:retainUntil': '2025-01-01' });
    const made = await ws('custodian1', 'POST', '/disposition/batches',
      { recordingIds: [rec.id], reason: '保存期限届满，按程序销毁' });
    const id = (JSON.parse(made.body) as { entry: { id: string } }).entry.id;
    // As docs/deploy.md sets the batches folder up: custodians, office directors and leaders
    // write it (Collaborator).
    const batches = (await t.app.inject({ url: `${CORE}/nodes/${id}`, headers: ADMIN })).json()
      .entry.parentId as string;
    // (Set in the store: no user sets an archive folder's permissions through the API.)
    for (const g of ['GROUP_EFR_CUSTODIANS', 'GROUP_EFR_OFFICE_DIRECTORS', 'GROUP_EFR_LEADERS']) {
      t.repo.db.prepare(`INSERT OR REPLACE INTO aces (node_id, authority, role, allowed)
        VALUES (?, ?, 'Collaborator', 1)`).run(batches, g);
    }
    expect((await ws('director1', 'POST', `/disposition/batches/${id}/review`,
      { opinion: '同意' })).status).toBe(200);
    expect((await ws('leader1', 'POST', `/disposition/batches/${id}/approve`,
      { opinion: '同意销毁' })).status).toBe(200);
    const waiting = await ws('director1', 'GET', `/disposition/batches/${id}/register`);
    expect(waiting.status).withContext(waiting.body).toBe(202);
    return (JSON.parse(waiting.body) as { entry: { id: string } }).entry.id;
  };

  beforeAll(async () => {
    t = await archiveRepository(USERS);
    ensureWorkerAccount(t.repo);
  });
  afterAll(async () => t.dispose());

  it('only the worker holding the job writes the content, and only once', async () => {
    const doc = await executedBatch();
    const put = (user: string, text: string): Promise<Reply> => user === WORKER_USER
      ? t.app.inject({ method: 'PUT', url: `${CORE}/nodes/${doc}/content?alf_ticket=${
        t.repo.auth.issueTicket(WORKER_USER)}`, headers: { 'content-type': 'application/pdf' },
      payload: text }).then((r) => ({ status: r.statusCode, body: r.body,
        code: r.statusCode < 300 ? '' : String(r.json().error?.errorKey) }))
      : send(user, 'PUT', `${CORE}/nodes/${doc}/content`, text, 'application/pdf');
    // Before the claim, nobody: a custodian of the folder, an administrator, the worker.
    expect(outcome(await put('custodian1', '%PDF-fake'))).toBe('403 efr.job.notWorker');
    expect(outcome(await put('admin', '%PDF-fake'))).toBe('403 efr.job.notWorker');
    // (The worker reads the folder only: ACS's permission check answers first.)
    expect((await put(WORKER_USER, '%PDF-early')).status).toBe(403);
    const claim = await t.app.inject({ method: 'POST', url: `/alfresco/s/efr/documents/${doc}/claim?alf_ticket=${
      t.repo.auth.issueTicket(WORKER_USER)}`, headers: { 'content-type': 'application/json' },
    payload: '{}' });
    expect(claim.statusCode).withContext(claim.body).toBe(200);
    expect(outcome(await put('admin', '%PDF-fake'))).toBe('403 efr.job.notWorker');
    const pdf = '%PDF-1.4 the register as rendered';
    expect((await put(WORKER_USER, pdf)).status).toBe(200);
    // Once: the holder itself does not replace what it wrote.
    expect(outcome(await put(WORKER_USER, '%PDF-second'))).toBe('403 efr.document.kept');
    const stored = await t.app.inject({ url: `${CORE}/nodes/${doc}/content`, headers: ADMIN });
    expect(stored.body).toBe(pdf);
    const result = await t.app.inject({ method: 'POST', url: `/alfresco/s/efr/documents/${doc}/result?alf_ticket=${
      t.repo.auth.issueTicket(WORKER_USER)}`, headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ sha256: createHash('sha256').update(pdf).digest('hex'),
      size: Buffer.byteLength(pdf) }) });
    expect(result.statusCode).withContext(result.body).toBe(200);
    // The result took the worker's write back: refused before the rule is even asked.
    expect((await put(WORKER_USER, '%PDF-after')).status).toBe(403);
    expect(refusals(doc)).toContain('efr.document.kept');
  });

  it('no way around it: content, delete, name, order, job state, aspects, move, copy, lock, ' +
    'permissions, owner are refused for everyone and logged', async () => {
    const doc = await executedBatch();
    expect((await renderWaitingDocuments(t)).map((o) => o.state)).toEqual(['built']);
    const before = await t.app.inject({ url: `${CORE}/nodes/${doc}/content`, headers: ADMIN });
    const node = (await t.app.inject({ url: `${CORE}/nodes/${doc}`, headers: ADMIN })).json()
      .entry as { name: string; parentId: string; aspectNames: string[];
        properties: Record<string, unknown> };
    const folder = (await t.app.inject({ method: 'POST', url: `${CORE}/nodes/-shared-/children`,
      headers: { ...ADMIN, 'content-type': 'application/json' },
      payload: { name: 'elsewhere', nodeType: 'cm:folder' } })).json().entry.id as string;
    for (const user of ['custodian1', 'director1', 'leader1', 'admin']) {
      const tries: [string, Promise<Reply>][] = [
        ['content', send(user, 'PUT', `${CORE}/nodes/${doc}/content`, '%PDF-x', 'application/pdf')],
        ['delete', send(user, 'DELETE', `${CORE}/nodes/${doc}`)],
        ['delete permanently', send(user, 'DELETE', `${CORE}/nodes/${doc}?permanent=true`)],
        ['rename', send(user, 'PUT', `${CORE}/nodes/${doc}`, { name: '销毁清册-改.pdf' })],
        ['order', send(user, 'PUT', `${CORE}/nodes/${doc}`,
          { properties: { 'cm:description': '{"kind":"destructionRegister","subjectId":"x"}' } })],
        ['title', send(user, 'PUT', `${CORE}/nodes/${doc}`, { properties: { 'cm:title': 'x' } })],
        ['job state', send(user, 'PUT', `${CORE}/nodes/${doc}`,
          { properties: { 'efr:jobState': 'requested' } })],
        ['owner', send(user, 'PUT', `${CORE}/nodes/${doc}`,
          { properties: { 'cm:owner': user } })],
        ['aspects', send(user, 'PUT', `${CORE}/nodes/${doc}`,
          { aspectNames: node.aspectNames.filter((a) => a !== 'efr:packageJob') })],
        ['move', send(user, 'POST', `${CORE}/nodes/${doc}/move`, { targetParentId: folder })],
        ['copy', send(user, 'POST', `${CORE}/nodes/${doc}/copy`, { targetParentId: folder })],
        ['lock', send(user, 'POST', `${CORE}/nodes/${doc}/lock`, {})],
        ['permissions', send(user, 'PUT', `${CORE}/nodes/${doc}`, { permissions: {
          locallySet: [{ authorityId: user, name: 'Coordinator', accessStatus: 'ALLOWED' }] } })],
      ];
      // An upload over the register's name with overwrite=true (ACS's own path to replace a
      // file's content by name).
      const over = multipart([['name', node.name], ['overwrite', 'true']],
        { name: node.name, data: Buffer.from('%PDF-over'), type: 'application/pdf' });
      tries.push(['overwrite upload', t.app.inject({ method: 'POST',
        url: `${CORE}/nodes/${node.parentId}/children`, payload: over.body,
        headers: { ...headers(user), ...over.headers } }).then((r) => ({ status: r.statusCode,
        body: r.body, code: String(r.json().error?.errorKey) }))]);
      for (const [what, p] of tries) {
        const r = await p;
        expect(outcome(r)).withContext(`${user} ${what}: ${r.body}`).toBe('403 efr.document.kept');
      }
    }
    // Another file copied over the register's name: a name clash, the register untouched.
    const other = multipart([['name', 'other.pdf']],
      { name: 'other.pdf', data: Buffer.from('%PDF-other'), type: 'application/pdf' });
    const made = await t.app.inject({ method: 'POST', url: `${CORE}/nodes/${folder}/children`,
      payload: other.body, headers: { ...ADMIN, ...other.headers } });
    expect(made.statusCode).withContext(made.body).toBe(201);
    const clash = await t.app.inject({ method: 'POST',
      url: `${CORE}/nodes/${made.json().entry.id as string}/copy`,
      headers: { ...ADMIN, 'content-type': 'application/json' },
      payload: { targetParentId: node.parentId, name: node.name } });
    expect(clash.statusCode).withContext(clash.body).toBe(409);
    const after = (await t.app.inject({ url: `${CORE}/nodes/${doc}`, headers: ADMIN })).json()
      .entry as typeof node;
    expect([after.name, after.parentId, after.aspectNames.sort()])
      .toEqual([node.name, node.parentId, [...node.aspectNames].sort()]);
    expect(after.properties).toEqual(node.properties);
    const bytes = await t.app.inject({ url: `${CORE}/nodes/${doc}/content`, headers: ADMIN });
    expect(bytes.rawPayload.equals(before.rawPayload)).toBeTrue();
    expect(refusals(doc).filter((c) => c === 'efr.document.kept').length).toBeGreaterThan(40);
  });
});
