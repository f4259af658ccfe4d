/**
 * `POST/GET /alfresco/s/efr/evidence-packages` against server/ with the demo data (issue 7
 * "Done when", R23.1; issue 15): legal staff ask for a disc of sealed recordings of a case (202);
 * server/'s in-process efr worker claims the job, builds the image through the REST API and
 * uploads it; the image is stored as the efr:evidencePackage in the case folder, linked to
 * case and recordings, with the repository's own SHA-256; the packaging is in the access log;
 * refusals are 403/409/422 and logged; a stored recording whose bytes no longer match its seal
 * fails the job, naming the file (R26.1).
 */
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startInProcess, type TestServer } from '../support/server-harness.js';
import { sha256OfFile, tool } from './support.js';

const CASE = '丹民罚〔2026〕12号';
const CORE = '/alfresco/api/-default-/public/alfresco/versions/1';
const SEARCH = '/alfresco/api/-default-/public/search/versions/1/search';

interface Answer { status: number; json: Record<string, unknown> }
interface Rec { id: string; name: string; properties: Record<string, unknown> }

describe('evidence-packages web script (issue 7, R23.1)', () => {
  let server: TestServer;
  let caseId: string;
  let recs: Rec[];

  async function call(user: string, method: string, path: string, body?: unknown):
    Promise<Answer> {
    const password = user === 'admin' ? 'admin' : 'efr-demo';
    const res = await fetch(server.url + path, { method, headers: {
      authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
      'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) as Record<string, unknown> : {} };
  }

  function post(user: string, body: Record<string, unknown>): Promise<Answer> {
    return call(user, 'POST', '/alfresco/s/efr/evidence-packages', { caseId,
      recordings: recs.map((r) => r.id), producer: '张丽', extractor: '周敏', medium: 'dvd5',
      label: 'EFR 丹民罚2026-12', ...body });
  }

  interface Job { state: string; percent: number; bytesDone: number; bytesTotal: number;
    error: { code: string; message: string } | null }

  /** The package once its job has ended (the in-process worker builds it). */
  async function finished(user: string, id: string): Promise<Answer> {
    for (let i = 0; i < 300; i++) {
      const r = await call(user, 'GET', `/alfresco/s/efr/evidence-packages/${id}`);
      const job = (r.json.entry as { job: Job }).job;
      if (job.state === 'built' || job.state === 'failed') return r;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    throw new Error(`job ${id} did not finish`);
  }

  /** Asks for a disc and waits until it is built (or failed). */
  async function made(user: string, body: Record<string, unknown>): Promise<Answer> {
    const asked = await post(user, body);
    expect(asked.status).withContext(JSON.stringify(asked.json)).toBe(202);
    expect((asked.json.entry as { job: Job }).job.state).toBe('requested');
    return finished(user, (asked.json.entry as { id: string }).id);
  }

  async function auditOf(nodeId: string): Promise<Record<string, string>[]> {
    const r = await call('admin', 'GET', `${CORE}/nodes/${nodeId}/audit-entries?include=values`);
    return ((r.json.list as { entries: { entry: { values: Record<string, string> } }[] }).entries)
      .map((e) => e.entry.values);
  }

  beforeAll(async () => {
    server = await startInProcess({ demo: true });
    const found = await call('admin', 'POST', SEARCH, { query: { query:
      `TYPE:"efr:case" AND =efr:caseNumber:"${CASE}"` } });
    caseId = (found.json.list as { entries: { entry: { id: string } }[] }).entries[0].entry.id;
    const t = await call('admin', 'GET', `${CORE}/nodes/${caseId}/targets?where=` +
      `(assocType='efr:caseRecordings')&include=properties`);
    recs = (t.json.list as { entries: { entry: Rec }[] }).entries.map((e) => e.entry);
    expect(recs.length).toBe(2);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('stores the disc on the case, linked and hashed, and logs it (R23.1)', async () => {
    const built = await made('legal1', {});
    const entry = built.json.entry as { id: string; imageSha256: string; imageSize: number;
      caseId: string; recordingIds: string[]; producer: string; job: Job };
    expect(entry.job.state).toBe('built');
    expect(entry.job.percent).toBe(100);
    expect(entry.caseId).toBe(caseId);
    expect(entry.recordingIds).toEqual(recs.map((r) => r.id).sort());
    expect(entry.producer).toBe('张丽');
    const node = await call('legal1', 'GET', `${CORE}/nodes/${entry.id}?include=properties,path`);
    const n = node.json.entry as { nodeType: string; parentId: string;
      properties: Record<string, unknown>; content: { sizeInBytes: number } };
    expect(n.nodeType).toBe('efr:evidencePackage');
    expect(n.parentId).toBe(caseId);
    expect(n.properties['efr:imageSha256']).toBe(entry.imageSha256);
    // The image downloads, hashes to its recorded SHA-256 and reads as a disc.
    const res = await fetch(`${server.url}${CORE}/nodes/${entry.id}/content`, { headers: {
      authorization: `Basic ${Buffer.from('legal1:efr-demo').toString('base64')}` } });
    expect(res.status).toBe(200);
    const file = join(server.dataDir as string, 'download.iso');
    await writeFile(file, new Uint8Array(await res.arrayBuffer()));
    expect(await sha256OfFile(file)).toBe(entry.imageSha256);
    expect(await tool('7z', ['l', file])).toContain('data/20261124_093000_BWC-2026-001.mp4');
    const listed = await call('legal1', 'GET',
      `/alfresco/s/efr/evidence-packages?caseNumber=${encodeURIComponent(CASE)}`);
    expect((listed.json.list as { entries: { entry: { id: string } }[] }).entries
      .map((e) => e.entry.id)).toContain(entry.id);
    for (const id of [entry.id, ...recs.map((r) => r.id)]) {
      const packed = (await auditOf(id))
        .filter((v) => v['/efr-access/action'] === 'evidence.package');
      expect(packed.length).withContext(id).toBe(1);
      expect(packed[0]['/efr-access/imageSha256']).toBe(entry.imageSha256);
    }
  }, 60_000);

  // Issue 19, point 2: the description for court named people by login id ("officer1、
  // officer2"), the medium by its code ("dvd5") and the repository as "EFR repository (server/)".
  it('names people, the medium and no internal source in description.txt', async () => {
    const id = ((await made('legal1', {})).json.entry as { id: string }).id;
    const res = await fetch(`${server.url}${CORE}/nodes/${id}/content`, { headers: {
      authorization: `Basic ${Buffer.from('legal1:efr-demo').toString('base64')}` } });
    const file = join(server.dataDir as string, 'names.iso');
    await writeFile(file, new Uint8Array(await res.arrayBuffer()));
    const text = await tool('7z', ['e', '-so', file, 'description.txt']);
    expect(text).toContain('执法人员：王明、李强');
    expect(text).toMatch(/移交封存：.*张丽、刘芳/);
    expect(text).toContain('光盘介质：DVD-5 (4.7 GB)');
    expect(text).not.toMatch(/officer\d|custodian\d|dvd5|EFR repository|server\//);
  }, 60_000);

  it('refuses officers (403), missing people (422) and unknown media (422), logged', async () => {
    expect((await post('officer1', {})).status).toBe(403);
    expect((await post('legal1', { extractor: '' })).status).toBe(422);
    expect((await post('legal1', { medium: 'floppy' })).status).toBe(422);
    const refused = (await auditOf(caseId)).filter((v) => v['/efr-access/action'] === 'refused');
    expect(refused.map((v) => v['/efr-access/code'])).toEqual(jasmine.arrayContaining([
      'efr.evidence.notAllowed', 'efr.evidence.people', 'efr.evidence.medium']));
  });

  it('refuses a recording not linked to the case (422, R22.2)', async () => {
    const other = await call('admin', 'POST', SEARCH, { query: { query:
      'TYPE:"efr:recording" AND cm:name:"20261124_113000_BWC-2026-001.mp4"' } });
    const id = (other.json.list as { entries: { entry: { id: string } }[] }).entries[0].entry.id;
    const r = await post('legal1', { recordings: [recs[0].id, id] });
    expect(r.status).toBe(422);
    expect((r.json.error as { errorKey: string }).errorKey).toBe('efr.evidence.notLinked');
  });

  it('stops at a stored recording that no longer matches its seal, naming it (R26.1)',
    async () => {
      const victim = recs[1];
      const stored = join(server.dataDir as string, 'content',
        String(victim.properties['efr:sha256']).slice(0, 2),
        String(victim.properties['efr:sha256']).slice(2, 4),
        String(victim.properties['efr:sha256']));
      const bytes = await readFile(stored);
      bytes[500] ^= 0xff;
      await chmod(stored, 0o644);
      await writeFile(stored, bytes);
      const r = await made('legal1', {});
      const entry = r.json.entry as { id: string; imageSha256: string | null; job: Job };
      expect(entry.job.state).toBe('failed');
      expect(entry.job.error?.code).toBe('efr.evidence.fixityMismatch');
      expect(entry.job.error?.message).toContain(`data/${victim.name}`);
      expect(entry.imageSha256).toBeNull();
      const alerts = (await auditOf(victim.id))
        .filter((v) => v['/efr-access/action'] === 'evidence.fixityMismatch');
      expect(alerts.length).toBe(1);
      expect(alerts[0]['/efr-access/path']).toBe(`data/${victim.name}`);
      expect(alerts[0]['/efr-access/packageId']).toBe(entry.id);
      bytes[500] ^= 0xff;
      await writeFile(stored, bytes);
    });
});
