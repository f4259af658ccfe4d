/**
 * efr worker against server/'s REST API as a separate worker would run beside ACS (issue 15,
 * R23.1): server/ started without its in-process worker; a service account in
 * GROUP_EFR_WORKERS, signing in with a password, builds the disc a legal user asked for. The
 * worker holds no more rights than its job: it reads the recordings of the job it holds and
 * their access-log entries, nothing else; only it writes the image; a second worker cannot take
 * a held job; the repository checks the reported hash against its own.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GROUP_EFR_WORKERS } from '../../core/src/index.js';
import type { RunningServer, ServerOptions } from '../../server/src/app.js';
import { EfrWorker } from '../../server/src/worker/efr-worker.js';
import { DEMO_PASSWORD, ROOT, tempDir } from '../support/server-harness.js';
import { tool } from './support.js';

const CASE = '丹民罚〔2026〕12号';
const CORE = '/alfresco/api/-default-/public/alfresco/versions/1';
const SEARCH = '/alfresco/api/-default-/public/search/versions/1/search';
const EFR = '/alfresco/s/efr';
const WORKER_PASSWORD = 'worker-secret-1';

interface Answer { status: number; json: Record<string, unknown>; bytes?: Buffer }

describe('efr worker beside the repository (issue 15, R23.1)', () => {
  let server: RunningServer;
  let dataDir: string;
  let caseId: string;
  let recIds: string[];
  let otherRecording: string;

  function password(user: string): string {
    if (user === 'admin') return 'admin';
    return user.startsWith('worker') ? WORKER_PASSWORD : DEMO_PASSWORD;
  }

  async function call(user: string, method: string, path: string, body?: unknown,
    raw?: Uint8Array): Promise<Answer> {
    const res = await fetch(server.url + path, { method, headers: {
      authorization: `Basic ${Buffer.from(`${user}:${password(user)}`).toString('base64')}`,
      'content-type': raw ? 'application/octet-stream' : 'application/json' },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
    const bytes = Buffer.from(await res.arrayBuffer());
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    } catch {
      // Content, not JSON.
    }
    return { status: res.status, json, bytes };
  }

  function errorKey(a: Answer): string {
    return `${a.status} ${(a.json.error as { errorKey?: string } | undefined)?.errorKey ?? ''}`;
  }

  async function request(): Promise<string> {
    const r = await call('legal1', 'POST', `${EFR}/evidence-packages`, { caseId,
      recordings: recIds, producer: '张丽', extractor: '周敏', medium: 'dvd5', label: 'EFR 工作' });
    expect(r.status).withContext(JSON.stringify(r.json)).toBe(202);
    return (r.json.entry as { id: string }).id;
  }

  beforeAll(async () => {
    dataDir = tempDir('worker');
    const app = (await import(pathToFileURL(join(ROOT, 'server/src/app.ts')).href)) as {
      startServer(o: ServerOptions): Promise<RunningServer> };
    server = await app.startServer({ dataDir, port: 0, host: '127.0.0.1', demo: true,
      demoPassword: DEMO_PASSWORD, worker: false });
    const repo = server.repository;
    for (const id of ['worker1', 'worker2']) {
      repo.addPerson({ id, firstName: `服务${id.slice(-1)}`, email: `${id}@localhost`,
        password: WORKER_PASSWORD });
      repo.auth.addMember(GROUP_EFR_WORKERS, id, 'PERSON');
    }
    const found = await call('admin', 'POST', SEARCH, { query: { query:
      `TYPE:"efr:case" AND =efr:caseNumber:"${CASE}"` } });
    caseId = (found.json.list as { entries: { entry: { id: string } }[] }).entries[0].entry.id;
    const t = await call('admin', 'GET', `${CORE}/nodes/${caseId}/targets?where=` +
      '(assocType=\'efr:caseRecordings\')');
    recIds = (t.json.list as { entries: { entry: { id: string } }[] }).entries
      .map((e) => e.entry.id).sort();
    const all = await call('admin', 'POST', SEARCH, { query: { query: 'TYPE:"efr:recording"' } });
    otherRecording = (all.json.list as { entries: { entry: { id: string } }[] }).entries
      .map((e) => e.entry.id).find((id) => !recIds.includes(id)) as string;
    expect(otherRecording).toBeDefined();
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('builds the requested disc through the REST API as its service account', async () => {
    const id = await request();
    const worker = new EfrWorker({ connection: { url: server.url, user: 'worker1',
      password: WORKER_PASSWORD }, progressMs: 50 });
    const outcomes = await worker.runOnce();
    expect(outcomes.map((o) => [o.id, o.state])).toEqual([[id, 'built']]);
    const got = await call('legal1', 'GET', `${EFR}/evidence-packages/${id}`);
    const entry = got.json.entry as { imageSha256: string; imageSize: number;
      job: { state: string; worker: string; percent: number } };
    expect(entry.job).toEqual(jasmine.objectContaining({ state: 'built', worker: 'worker1',
      percent: 100 }));
    expect(entry.imageSha256).toBe(outcomes[0].sha256 as string);
    const image = await call('legal1', 'GET', `${CORE}/nodes/${id}/content`);
    expect(createHash('sha256').update(image.bytes as Buffer).digest('hex'))
      .toBe(entry.imageSha256);
    // The worker's rights ended with the job: no grant stays on the package.
    const perms = await call('admin', 'GET', `${CORE}/nodes/${id}?include=permissions`);
    expect(JSON.stringify((perms.json.entry as { permissions: unknown }).permissions))
      .not.toContain('worker1');
    // The log says who asked and who built.
    const log = await call('admin', 'GET', `${CORE}/nodes/${id}/audit-entries?include=values`);
    const actions = (log.json.list as { entries: { entry: { values: Record<string, string> } }[] })
      .entries.map((e) => e.entry.values['/efr-access/action']);
    expect(actions).toEqual(jasmine.arrayContaining(['evidence.package.requested', 'job.claim',
      'evidence.package']));
    expect(await tool('7z', ['l', '-tudf', join(dataDir, 'content', entry.imageSha256.slice(0, 2),
      entry.imageSha256.slice(2, 4), entry.imageSha256)])).toContain('description.txt');
  }, 120_000);

  it('gives the worker no more than its job, and the job to one worker at a time', async () => {
    const id = await request();
    expect(errorKey(await call('custodian1', 'POST', `${EFR}/evidence-packages/${id}/claim`, {})))
      .toBe('403 efr.job.notWorker');
    expect(errorKey(await call('legal1', 'GET', `${EFR}/evidence-packages/jobs`)))
      .toBe('403 efr.job.notWorker');
    // Before a claim the worker reads no recording.
    expect((await call('worker1', 'GET', `${CORE}/nodes/${recIds[0]}/content`)).status).toBe(403);
    const claim = await call('worker1', 'POST', `${EFR}/evidence-packages/${id}/claim`, {});
    expect(claim.status).toBe(200);
    expect((claim.json.order as { recordingIds: string[] }).recordingIds).toEqual(recIds);
    expect(errorKey(await call('worker2', 'POST', `${EFR}/evidence-packages/${id}/claim`, {})))
      .toBe('409 efr.job.claimed');
    // While it holds the job: the job's recordings and their log entries, nothing else.
    expect((await call('worker1', 'GET', `${CORE}/nodes/${recIds[0]}/content`)).status).toBe(200);
    expect((await call('worker1', 'GET', `${CORE}/nodes/${recIds[0]}/audit-entries`)).status)
      .toBe(200);
    expect((await call('worker1', 'GET', `${CORE}/nodes/${otherRecording}/content`)).status)
      .toBe(403);
    expect((await call('worker1', 'GET', `${CORE}/nodes/${caseId}/audit-entries`)).status)
      .toBe(403);
    // The disc's access-log extract (GET /access-log/entries, issue 18): the same bounds.
    const entries = (user: string, node: string) =>
      call(user, 'GET', `${EFR}/access-log/entries?nodeId=${node}`);
    const mine = await entries('worker1', recIds[0]);
    expect(mine.status).withContext(JSON.stringify(mine.json)).toBe(200);
    expect((mine.json.entries as { seq: number }[]).length).toBeGreaterThan(0);
    expect(errorKey(await entries('worker1', otherRecording))).toBe('403 efr.accessLog.notReader');
    expect(errorKey(await entries('worker2', recIds[0]))).toBe('403 efr.accessLog.notReader');
    expect((await call('worker2', 'GET', `${CORE}/nodes/${recIds[0]}/content`)).status).toBe(403);
    // Only the holder writes the image; others are refused and logged.
    const image = new TextEncoder().encode('not a disc');
    expect(errorKey(await call('legal1', 'PUT', `${CORE}/nodes/${id}/content`, undefined, image)))
      .toMatch(/^403 /);
    expect(errorKey(await call('worker2', 'POST', `${EFR}/evidence-packages/${id}/progress`,
      { bytesDone: 1, bytesTotal: 10 }))).toBe('409 efr.job.leaseLost');
    expect((await call('worker1', 'POST', `${EFR}/evidence-packages/${id}/progress`,
      { bytesDone: 5, bytesTotal: 10 })).status).toBe(200);
    expect(errorKey(await call('worker1', 'POST', `${EFR}/evidence-packages/${id}/progress`,
      { bytesDone: 4, bytesTotal: 10 }))).toBe('422 efr.job.progress');
    const progress = await call('legal1', 'GET', `${EFR}/evidence-packages/${id}`);
    expect((progress.json.entry as { job: { percent: number } }).job.percent).toBe(50);
    expect((await call('worker1', 'PUT', `${CORE}/nodes/${id}/content`, undefined, image)).status)
      .toBe(200);
    // The repository vouches for the image: a reported hash that differs is refused.
    expect(errorKey(await call('worker1', 'POST', `${EFR}/evidence-packages/${id}/result`,
      { sha256: 'a'.repeat(64), size: image.length }))).toBe('422 efr.job.imageMismatch');
    const failed = await call('worker1', 'POST', `${EFR}/evidence-packages/${id}/failure`,
      { code: 'efr.job.error', message: '测试中止 stopped by the spec' });
    expect((failed.json.entry as { job: { state: string } }).job.state).toBe('failed');
    // The job is over: the worker's rights with it.
    expect((await call('worker1', 'GET', `${CORE}/nodes/${recIds[0]}/content`)).status).toBe(403);
    expect(errorKey(await entries('worker1', recIds[0]))).toBe('403 efr.accessLog.notReader');
    expect(errorKey(await call('worker1', 'PUT', `${CORE}/nodes/${id}/content`, undefined, image)))
      .toMatch(/^403 /);
    const refused = await call('admin', 'GET', `${CORE}/nodes/${id}/audit-entries?include=values`);
    const codes = (refused.json.list as { entries: { entry: { values: Record<string, string> } }[] })
      .entries.map((e) => e.entry.values['/efr-access/code']).filter(Boolean);
    expect(codes).toEqual(jasmine.arrayContaining(['efr.job.notWorker', 'efr.job.claimed',
      'efr.job.imageMismatch']));
  }, 120_000);
});
