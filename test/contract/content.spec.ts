/**
 * Contract (issue 3): multipart upload and content reads. The player seeks with one Range
 * request (DESIGN.md "What the numbers must be"), so 206 with exact bytes and Content-Range,
 * 416 past the end, HEAD, ETag and attachment disposition must behave as in ACS.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AcsHttp, expectAcsError, expectContract } from '../support/acs-http.js';
import { makeMp4, sha256Of, type GeneratedFile } from '../support/media.js';
import { CORE } from '../support/server-harness.js';
import { adminClient, createWorkFolder } from './contract-target.js';

interface Entry {
  entry: { id: string; name: string; nodeType: string; isFile: boolean;
    content?: { mimeType: string; sizeInBytes: number }; properties?: Record<string, unknown> };
}

describe('contract: upload and content (issue 3)', () => {
  let http: AcsHttp;
  let work: string;
  let dir: string;
  let clip: GeneratedFile;
  let bytes: Buffer;
  let nodeId: string;

  beforeAll(async () => {
    http = await adminClient();
    work = await createWorkFolder(http, 'contract-content');
    dir = mkdtempSync(join(tmpdir(), 'efr-contract-'));
    clip = await makeMp4(dir, 'clip.mp4', { seconds: 2 });
    bytes = readFileSync(clip.path);
    const res = await http.upload<Entry>(work, clip.path, 'clip.mp4',
      { 'cm:title': '现场执法 clip' });
    expectContract(res, 201);
    nodeId = res.body.entry.id;
  });

  afterAll(async () => {
    await http.delete(`${CORE}/nodes/${work}?permanent=true`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores an upload with its size, MIME type and form-field properties', async () => {
    const res = await http.get<Entry>(`${CORE}/nodes/${nodeId}?include=properties`);
    expectContract(res, 200);
    expect(res.body.entry.isFile).toBeTrue();
    expect(res.body.entry.content?.sizeInBytes).toBe(clip.size);
    expect(res.body.entry.content?.mimeType).toBe('video/mp4');
    expect(res.body.entry.properties?.['cm:title']).toBe('现场执法 clip');
  });

  it('returns the exact bytes, an ETag and HEAD without a body', async () => {
    const full = await http.requestBytes('get', `${CORE}/nodes/${nodeId}/content`);
    expect(full.status).toBe(200);
    expect(sha256Of(full.bytes)).toBe(clip.sha256);
    expect(full.headers.get('etag')).toBeTruthy();
    expect(full.headers.get('accept-ranges')).toBe('bytes');
    const head = await http.requestBytes('head', `${CORE}/nodes/${nodeId}/content`);
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBe(clip.size);
    expect(head.bytes.length).toBe(0);
  });

  it('answers a Range request with 206, Content-Range and exactly those bytes', async () => {
    const res = await http.requestBytes('get', `${CORE}/nodes/${nodeId}/content`,
      { range: 'bytes=100-1123' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 100-1123/${clip.size}`);
    expect(res.bytes.equals(bytes.subarray(100, 1124))).toBeTrue();
    const tail = await http.requestBytes('get', `${CORE}/nodes/${nodeId}/content`,
      { range: 'bytes=-10' });
    expect(tail.status).toBe(206);
    expect(tail.bytes.equals(bytes.subarray(bytes.length - 10))).toBeTrue();
  });

  it('answers 416 to a range past the end', async () => {
    const res = await http.requestBytes('get', `${CORE}/nodes/${nodeId}/content`,
      { range: `bytes=${clip.size + 10}-${clip.size + 20}` });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${clip.size}`);
  });

  it('sends attachment disposition when asked', async () => {
    const res = await http.requestBytes('get',
      `${CORE}/nodes/${nodeId}/content?attachment=true`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition') ?? '').toMatch(/^attachment/);
  });

  it('replaces the content of an ordinary document with PUT (200, NodeEntry)', async () => {
    const up = await http.upload<Entry>(work, Buffer.from('first'), 'note.txt');
    expectContract(up, 201);
    const id = up.body.entry.id;
    const res = await http.request<Entry>('put', `${CORE}/nodes/${id}/content`,
      { body: 'second version', headers: { 'content-type': 'text/plain' } });
    expectContract(res, 200);
    expect(res.body.entry.content?.sizeInBytes).toBe('second version'.length);
    const read = await http.requestBytes('get', `${CORE}/nodes/${id}/content`);
    expect(read.bytes.toString()).toBe('second version');
  });

  it('answers 404 with an error body for the content of an unknown node', async () => {
    const res = await http.get(`${CORE}/nodes/00000000-0000-4000-8000-00000000beef/content`);
    expect(res.status).toBe(404);
    expectAcsError(res);
  });
});
