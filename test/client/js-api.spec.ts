/**
 * Issue 3, "Done when": a client that is not the project's code, the official
 * `@alfresco/js-api` 10, can log in as admin/admin, list children, upload, find recordings with
 * TYPE:"efr:recording", read one with a Range request (206, exact bytes), is refused (4xx, ACS
 * error body) when it replaces the content of a sealed recording or deletes it (R26.1, R22.1),
 * and finds those refusals in the audit entries of application `efr-access`.
 *
 * js-api runs in Node on the global `fetch`. Two facts of js-api 10 shape this spec:
 * - in Node it sends a ticket as `Basic base64("ROLE_TICKET:" + ticket)`;
 * - `NodesApi.getNodeContent(id, { range })` silently drops the Range header (it is set with a
 *   non-enumerable `Object.defineProperty` and never copied), so the Range read goes through
 *   js-api's own generic `contentClient.callApi` with a Range header parameter.
 * The HTTP status of each call is observed by wrapping `globalThis.fetch` for this suite only.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AlfrescoApi, AuditApi, NodesApi, SearchApi, UploadApi, type NodeEntry,
} from '@alfresco/js-api';
import { makeMp4, sha256Of } from '../support/media.js';
import { startInProcess, type TestServer } from '../support/server-harness.js';

/** A js-api list page (its typings make every level optional). */
interface Page<T> { list?: { entries?: { entry?: T }[] } }

/** The entries of a page, each with its entry present (the repository always sends one). */
function entries<T>(page: Page<T>): { entry: T }[] {
  return (page.list?.entries ?? []).map((e) => ({ entry: e.entry as T }));
}

/** What js-api rejects with on an HTTP error. */
interface JsApiError { status?: number; message?: string }

describe('client: official @alfresco/js-api 10 against server/ (issue 3, R26.1)', () => {
  let server: TestServer;
  let api: AlfrescoApi;
  let dir: string;
  const statuses: { url: string; status: number; headers: Headers }[] = [];
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    server = await startInProcess({ demo: true });
    globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
      const res = await realFetch(input, init);
      statuses.push({ url: String(input), status: res.status, headers: res.headers });
      return res;
    };
    api = new AlfrescoApi({ hostEcm: server.url, provider: 'ECM', authType: 'BASIC',
      contextRoot: 'alfresco' });
    dir = mkdtempSync(join(tmpdir(), 'efr-client-'));
  });

  afterAll(async () => {
    globalThis.fetch = realFetch;
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Calls js-api and returns its rejection (fails the spec if it resolves). */
  async function refusal(call: () => Promise<unknown>): Promise<JsApiError> {
    try {
      await call();
    } catch (err) {
      return err as JsApiError;
    }
    fail('expected the repository to refuse');
    return {};
  }

  /** A sealed demo recording (all demo recordings are sealed at handover). */
  async function sealedRecording(): Promise<string> {
    const found = await new SearchApi(api).search({
      query: { query: 'TYPE:"efr:recording"', language: 'afts' },
      paging: { maxItems: 10, skipCount: 0 },
    });
    return entries(found)[0].entry.id;
  }

  it('logs in as admin/admin and lists the children of Company Home', async () => {
    const ticket = await api.login('admin', 'admin');
    expect(typeof ticket).toBe('string');
    expect(api.isLoggedIn()).toBeTrue();
    const page = await new NodesApi(api).listNodeChildren('-root-', { maxItems: 50 });
    expect(page.list?.pagination?.count).toBe(entries(page).length);
    expect(entries(page).length).toBeGreaterThan(0);
  });

  it('uploads a recording file with UploadApi and reads it back', async () => {
    const folder = await new NodesApi(api).createNode('-root-',
      { name: `client-${Date.now()}`, nodeType: 'cm:folder' });
    const clip = await makeMp4(dir, 'upload.mp4');
    const file = new File([readFileSync(clip.path)], 'upload.mp4', { type: 'video/mp4' });
    const created = (await new UploadApi(api).uploadFile(file, '', folder.entry.id,
      { name: 'upload.mp4', nodeType: 'cm:content' })) as NodeEntry;
    expect(created.entry.content?.sizeInBytes).toBe(clip.size);
    const bytes = await new NodesApi(api).getNodeContent(created.entry.id);
    expect(sha256Of(bytes as unknown as Buffer)).toBe(clip.sha256);
    const children = await new NodesApi(api).listNodeChildren(folder.entry.id);
    expect(entries(children).map((e) => e.entry.name)).toEqual(['upload.mp4']);
  });

  it('deletes an ordinary document (js-api sends Content-Type: application/json, no body)',
    async () => {
      const folder = await new NodesApi(api).createNode('-root-',
        { name: `client-delete-${Date.now()}`, nodeType: 'cm:folder' });
      const file = new File([Buffer.from('temporary')], 'temp.txt', { type: 'text/plain' });
      const created = (await new UploadApi(api).uploadFile(file, '', folder.entry.id,
        { name: 'temp.txt', nodeType: 'cm:content' })) as NodeEntry;
      await new NodesApi(api).deleteNode(created.entry.id, { permanent: true });
      expect(statuses[statuses.length - 1].status).toBe(204);
      const gone = await refusal(() => new NodesApi(api).getNode(created.entry.id));
      expect(gone.status).toBe(404);
    });

  it('finds recordings with TYPE:"efr:recording"', async () => {
    const found = await new SearchApi(api).search({
      query: { query: 'TYPE:"efr:recording"', language: 'afts' },
    });
    expect(entries(found).length).toBeGreaterThan(0);
    for (const row of entries(found)) expect(row.entry.nodeType).toBe('efr:recording');
  });

  it('reads a recording with a Range request: 206 and exactly the requested bytes', async () => {
    const id = await sealedRecording();
    const full = (await new NodesApi(api).getNodeContent(id)) as unknown as Buffer;
    const part = (await api.contentClient.callApi('/nodes/{nodeId}/content', 'GET',
      { nodeId: id }, {}, { Range: 'bytes=16-527' }, {}, null, ['application/json'],
      ['application/octet-stream'], 'blob')) as Buffer;
    const last = statuses[statuses.length - 1];
    expect(last.status).toBe(206);
    expect(last.headers.get('content-range')).toBe(`bytes 16-527/${full.length}`);
    expect(part.equals(full.subarray(16, 528))).toBeTrue();
  });

  it('is refused with 4xx and an ACS error body when replacing or deleting a sealed recording',
    async () => {
      const id = await sealedRecording();
      const nodes = new NodesApi(api);
      // DESIGN.md: a forbidden action is refused with 403/409/422 (not a 400 for a bad request).
      const replace = await refusal(() => nodes.updateNodeContent(id, 'tampered bytes'));
      expect([403, 409, 422]).withContext(replace.message ?? '').toContain(replace.status ?? 0);
      expect(JSON.parse(replace.message ?? '{}').error?.statusCode).toBe(replace.status);

      const remove = await refusal(() => nodes.deleteNode(id, { permanent: true }));
      expect([403, 409, 422]).withContext(remove.message ?? '').toContain(remove.status ?? 0);
      expect(JSON.parse(remove.message ?? '{}').error?.statusCode).toBe(remove.status);

      const still = await nodes.getNode(id);
      expect(still.entry.id).toBe(id);
    });

  it('finds those refusals in the audit entries of efr-access', async () => {
    const id = await sealedRecording();
    const since = Date.now() - 60_000;
    const page = await new AuditApi(api).listAuditEntriesForAuditApp('efr-access', {
      where: "(createdByUser='admin')", include: ['values'], maxItems: 1000,
    });
    const refusals = entries(page).filter((e) => {
      const text = JSON.stringify(e.entry.values ?? {});
      return text.includes(id) && /refus|denied|reject/i.test(text) &&
        new Date(e.entry.createdAt).getTime() >= since;
    });
    expect(refusals.length).withContext(JSON.stringify(entries(page).slice(-3)))
      .toBeGreaterThanOrEqual(2);
  });
});
