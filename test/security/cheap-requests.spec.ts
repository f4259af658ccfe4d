/**
 * Issue 16, item 6 (server/): every request stays cheap and every bad one gets a 4xx in the ACS
 * error shape: folder depth (relativePath and create), AFTS terms and nesting, JSON nesting,
 * CONNECT, over-long URLs, bodies over the limit; no 5xx, no reset.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { REQUEST_LIMITS } from '../../core/src/index.js';
import { CORE, SEARCH } from '../support/server-harness.js';
import { securityFixture, type SecurityFixture } from './security-fixture.js';

interface Raw {
  status: number;
  body: string;
  error?: string;
}

/** One raw HTTP exchange (so resets and EPIPE show as errors, not as thrown fetch failures). */
function raw(url: string, method: string, path: string, body?: Buffer,
  headers: Record<string, string> = {}): Promise<Raw> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const req = httpRequest({ host: u.hostname, port: u.port, method, path, headers: {
      authorization: 'Basic ' + Buffer.from('admin:admin').toString('base64'), ...headers,
      ...(body ? { 'content-length': String(body.length) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0,
        body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e) => resolve({ status: res.statusCode ?? 0, body: '', error: e.message }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ status: 0, body: '', error: e.code }));
    req.end(body);
  });
}

/** The error key of an ACS error body (throws when the body is not in the ACS shape). */
function acsKey(r: Raw): string {
  const e = (JSON.parse(r.body) as { error: { errorKey: string; statusCode: number;
    stackTrace: string } }).error;
  expect(e.statusCode).toBe(r.status);
  expect(e.stackTrace).toContain('For security reasons');
  return e.errorKey;
}

describe('cheap requests: limits answered with a 4xx in the ACS shape (issue 16)', () => {
  let f: SecurityFixture;
  const json = (v: unknown): [Buffer, Record<string, string>] =>
    [Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)),
      { 'content-type': 'application/json' }];

  beforeAll(async () => {
    f = await securityFixture();
  });
  afterAll(async () => f.close());

  it('refuses a relativePath deeper than the folder limit and creates no folder', async () => {
    const path = Array.from({ length: 300 }, (_, i) => `d${i}`).join('/');
    const r = await raw(f.server.url, 'POST', `${CORE}/nodes/-shared-/children`,
      ...json({ name: 'x', nodeType: 'cm:folder', relativePath: path }));
    expect(r.status).toBe(422);
    expect(acsKey(r)).toBe('efr.limits.folderDepth');
    const d0 = await f.as('admin').request('get', `${CORE}/nodes/-shared-?relativePath=d0`);
    expect(d0.status).toBe(404);
    // Exactly at the limit is fine (-shared- is level 1); one more level is refused.
    const ok = Array.from({ length: REQUEST_LIMITS.folderDepth - 2 }, (_, i) => `e${i}`).join('/');
    const made = await f.as('officer1').request<{ entry: { id: string } }>('post',
      `${CORE}/nodes/-shared-/children`, { json: { name: 'leaf', nodeType: 'cm:folder',
        relativePath: ok } });
    expect(made.status).withContext(made.text).toBe(201);
    const deeper = await f.as('officer1').request('post',
      `${CORE}/nodes/${made.body.entry.id}/children`, { json: { name: 'x', nodeType: 'cm:folder' } });
    expect(deeper.status).toBe(422);
    // Searching stays fast for a user with many deep folders.
    const t0 = Date.now();
    const s = await f.as('officer1').request('post', `${SEARCH}/search`,
      { json: { query: { query: "TYPE:'cm:folder'" } } });
    expect(s.status).toBe(200);
    expect(Date.now() - t0).toBeLessThan(1500);
  });

  it('refuses AFTS chains of 1000 NOT and 1000-term ORs with 400', async () => {
    const q = (query: string) => raw(f.server.url, 'POST', `${SEARCH}/search`,
      ...json({ query: { query, language: 'afts' } }));
    for (const query of ['NOT '.repeat(1000) + 'cm:name:x', '-'.repeat(1000) + 'x',
      Array.from({ length: 1000 }, (_, i) => `x${i}`).join(' OR '),
      Array.from({ length: 600 }, (_, i) => `x${i}`).join(' OR '),
      '('.repeat(1000) + 'x' + ')'.repeat(1000)]) {
      const r = await q(query);
      expect(r.status).withContext(query.slice(0, 40)).toBe(400);
      expect(acsKey(r)).toBe('framework.exception.InvalidArgument');
    }
  });

  it('refuses deeply nested JSON with 400 and no stack text', async () => {
    const deep = '['.repeat(100_000) + '"cm:folder"' + ']'.repeat(100_000);
    const r = await raw(f.server.url, 'POST', `${CORE}/nodes/-shared-/children`,
      ...json(`{"name":"y","nodeType":${deep}}`));
    expect(r.status).toBe(400);
    expect(acsKey(r)).toBe('framework.exception.InvalidArgument');
    expect(r.body).not.toMatch(/Maximum call stack|RangeError|at \w+ \(/);
  });

  it('answers CONNECT with 405 instead of a reset', async () => {
    const u = new URL(f.server.url);
    const answer = await new Promise<string>((resolve) => {
      const s = connect(Number(u.port), u.hostname, () =>
        s.write('CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n'));
      let text = '';
      s.on('data', (d) => (text += d.toString('utf8')));
      s.on('end', () => resolve(text));
      s.on('error', (e: NodeJS.ErrnoException) => resolve(`ERROR ${e.code}`));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 405/);
    expect(answer).toContain('"errorKey"');
  });

  it('answers an over-long URL with 414 in the ACS shape, not echoing it', async () => {
    for (const n of [9_000, 100_000]) {
      const id = 'a'.repeat(n);
      const r = await raw(f.server.url, 'GET', `${CORE}/nodes/${id}`);
      expect(r.status).withContext(String(n)).toBe(414);
      acsKey(r);
      expect(r.body).not.toContain('aaaaaaaaaa');
    }
    const param = await raw(f.server.url, 'GET', `${CORE}/nodes/${'b'.repeat(500)}/children`);
    expect(param.status).toBeGreaterThanOrEqual(400);
    expect(param.status).toBeLessThan(500);
    acsKey(param);
    expect(param.body).not.toContain('bbbbbbbbbb');
  });

  it('lets a client that keeps sending a body over the limit finish and read the 413', async () => {
    const u = new URL(f.server.url);
    const size = 4 << 20;
    const result = await new Promise<string>((resolve) => {
      const s = connect(Number(u.port), u.hostname, async () => {
        s.write(`POST ${CORE}/nodes/-root-/children HTTP/1.1\r\nHost: x\r\n` +
          `Authorization: Basic ${Buffer.from('admin:admin').toString('base64')}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`);
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        for (let sent = 0; sent < size && !s.destroyed; sent += chunk.length) {
          if (!s.write(chunk)) await new Promise((r) => s.once('drain', r));
        }
        setTimeout(() => {
          resolve(`sent; ${text}`);
          s.destroy();
        }, 200);
      });
      let text = '';
      s.on('data', (d) => (text += d.toString('utf8')));
      s.on('error', (e: NodeJS.ErrnoException) => resolve(`ERROR ${e.code}`));
    });
    expect(result).toMatch(/^sent; HTTP\/1\.1 413 /);
    expect(result).toContain('"errorKey":"framework.exception.RequestEntityTooLarge"');
  });

  it('answers a body over the limit with 413 in the ACS shape, without EPIPE or reset', async () => {
    for (const size of [(1 << 20) + 10, 4 << 20]) {
      const r = await raw(f.server.url, 'POST', `${CORE}/nodes/-shared-/children`,
        ...json(`{"name":"${'z'.repeat(size)}"}`));
      expect(r.error).withContext(String(size)).toBeUndefined();
      expect(r.status).toBe(413);
      expect(acsKey(r)).toBe('framework.exception.RequestEntityTooLarge');
    }
  });
});
