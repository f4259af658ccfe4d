// Issue 20: server/ serves the built app compressed (the `.br`/`.gz` that
// scripts/compress-app.mjs writes after `ng build`), caches hashed files for a year and has
// index.html, app.config.json and translations revalidated (ETag, Last-Modified, 304), with
// the single-page-app fallback kept. A real app directory, the real compress script, real HTTP.
import { execFileSync } from 'node:child_process';
import {
  mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync,
} from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startServer, type RunningServer } from '../app.js';
import { acceptedEncodings } from './static-app.js';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** node:http, not fetch: fetch would decode the body and hide what was sent. */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((ok, fail) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers,
        body: Buffer.concat(chunks) }));
    }).on('error', fail).end();
  });
}

describe('the app as server/ serves it (issue 20: compressed, cached)', () => {
  let work: string;
  let app: string;
  let contentApp: string;
  let server: RunningServer;
  const script = 'x'.repeat(20_000) + ';console.log("efr");';
  const MAIN = 'main-ABCD2345.js';
  const INDEX = `<!doctype html><html><body><efr-root></efr-root>${' '.repeat(600)}` +
    `<script src="${MAIN}" type="module"></script></body></html>`;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'efr-static-'));
    app = join(work, 'app');
    mkdirSync(join(app, 'assets', 'efr-app', 'i18n'), { recursive: true });
    mkdirSync(join(app, 'media'));
    writeFileSync(join(app, 'index.html'), INDEX);
    writeFileSync(join(app, MAIN), script);
    writeFileSync(join(app, 'media', 'icons-LEZCGFVT.woff2'), Buffer.alloc(2000, 7));
    writeFileSync(join(app, 'app.config.json'), JSON.stringify({ locale: 'zh-CN',
      pad: 'p'.repeat(2000) }));
    writeFileSync(join(app, 'assets', 'efr-app', 'i18n', 'zh-CN.json'),
      JSON.stringify({ EFR_APP: { TITLE: '执法全过程记录档案'.repeat(100) } }));
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'compress-app.mjs'), app]);
    contentApp = join(work, 'content-app');
    mkdirSync(join(contentApp, 'assets', 'plugins'), { recursive: true });
    writeFileSync(join(contentApp, 'index.html'), INDEX.replace('efr-root', 'app-root'));
    writeFileSync(join(contentApp, 'assets', 'plugins', 'efr.plugin.json'),
      JSON.stringify({ $id: 'efr.plugin', pad: ' '.repeat(2000) }));
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'compress-app.mjs'), contentApp]);
    server = await startServer({ dataDir: join(work, 'data'), port: 0, appDir: app,
      contentAppDir: contentApp });
  });

  afterAll(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('sends the brotli variant to a browser that accepts it, gzip to one that does not', async () => {
    const br = await get(`${server.url}/${MAIN}`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['content-type']).toBe('text/javascript; charset=UTF-8');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(200);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);

    const gz = await get(`${server.url}/${MAIN}`, { 'Accept-Encoding': 'gzip, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);
    expect(gz.headers.etag).not.toBe(br.headers.etag);

    const plain = await get(`${server.url}/${MAIN}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.toString()).toBe(script);
    expect(Number(plain.headers['content-length'])).toBe(script.length);
  });

  it('lets browsers keep hashed files a year, and revalidate the others', async () => {
    for (const path of [`/${MAIN}`, '/media/icons-LEZCGFVT.woff2']) {
      const res = await get(`${server.url}${path}`, { 'Accept-Encoding': 'br' });
      expect(res.headers['cache-control']).withContext(path)
        .toBe('public, max-age=31536000, immutable');
    }
    const font = await get(`${server.url}/media/icons-LEZCGFVT.woff2`, { 'Accept-Encoding': 'br' });
    expect(font.headers['content-encoding']).toBeUndefined();
    expect(font.headers['content-type']).toBe('font/woff2');
    for (const path of ['/', '/index.html', '/app.config.json?v=1',
      '/assets/efr-app/i18n/zh-CN.json']) {
      const res = await get(`${server.url}${path}`, { 'Accept-Encoding': 'gzip' });
      expect(res.status).withContext(path).toBe(200);
      expect(res.headers['cache-control']).withContext(path).toBe('no-cache');
      expect(res.headers.etag).withContext(path).toMatch(/^"[0-9a-f-]+[a-z-]*"$/);
      expect(res.headers['last-modified']).withContext(path).toBeDefined();
      const again = await get(`${server.url}${path}`, { 'Accept-Encoding': 'gzip',
        'If-None-Match': res.headers.etag as string });
      expect(again.status).withContext(path).toBe(304);
      expect(again.body.length).withContext(path).toBe(0);
      const since = await get(`${server.url}${path}`, { 'Accept-Encoding': 'gzip',
        'If-Modified-Since': res.headers['last-modified'] as string });
      expect(since.status).withContext(path).toBe(304);
    }
    // Deployments replace app.config.json: it is never precompressed, so never stale.
    const config = await get(`${server.url}/app.config.json`, { 'Accept-Encoding': 'br, gzip' });
    expect(config.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(config.body.toString()).locale).toBe('zh-CN');
  });

  it('answers a changed file in full, and never with a variant older than the file', async () => {
    const res = await get(`${server.url}/index.html`, { 'Accept-Encoding': 'br' });
    expect(res.headers['content-encoding']).toBe('br');
    // index.html replaced by hand after the build: its .br is now stale.
    const changed = INDEX.replace('<body>', '<body class="changed">');
    writeFileSync(join(app, 'index.html'), changed);
    const later = new Date(Date.now() + 5000);
    utimesSync(join(app, 'index.html'), later, later);
    const after = await get(`${server.url}/index.html`, { 'Accept-Encoding': 'br',
      'If-None-Match': res.headers.etag as string });
    expect(after.status).toBe(200);
    expect(after.headers['content-encoding']).toBeUndefined();
    expect(after.body.toString()).toBe(changed);
    writeFileSync(join(app, 'index.html'), INDEX);
  });

  it('answers client-side routes with index.html and refuses paths out of the app', async () => {
    for (const path of ['/login', '/cases/EFR-2026-0001', '/recordings?page=2']) {
      const res = await get(`${server.url}${path}`);
      expect(res.status).withContext(path).toBe(200);
      expect(res.headers['content-type']).withContext(path).toBe('text/html; charset=UTF-8');
      expect(res.headers['cache-control']).withContext(path).toBe('no-cache');
      expect(res.body.toString()).withContext(path).toBe(readFileSync(join(app, 'index.html'),
        'utf8'));
    }
    expect((await get(`${server.url}/%E0%A4%A`)).status).toBe(400);
    expect((await get(`${server.url}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  // Issue 17: both shells, one server: the Content App under /content-app/, the lean one at /.
  it('serves the Content App under /content-app/, compressed, with its own fallback', async () => {
    const plugin = await get(`${server.url}/content-app/assets/plugins/efr.plugin.json`,
      { 'Accept-Encoding': 'gzip' });
    expect(plugin.status).toBe(200);
    expect(plugin.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(plugin.body).toString()).$id).toBe('efr.plugin');
    const index = readFileSync(join(contentApp, 'index.html'), 'utf8');
    for (const path of ['/content-app/', '/content-app/personal-files', '/content-app/x?y=1']) {
      const res = await get(`${server.url}${path}`);
      expect(res.status).withContext(path).toBe(200);
      expect(res.body.toString()).withContext(path).toBe(index);
    }
    const bare = await get(`${server.url}/content-app`);
    expect(bare.status).toBe(302);
    expect(bare.headers.location).toBe('/content-app/');
    expect((await get(`${server.url}/content-app/..%2f..%2fapp%2findex.html`)).status).toBe(404);
    // The lean shell keeps `/`, and its own files are not looked up in the Content App's.
    expect((await get(`${server.url}/login`)).body.toString()).toContain('efr-root');
    expect((await get(`${server.url}/assets/plugins/efr.plugin.json`)).body.toString())
      .toContain('efr-root');
  });

  it('reads Accept-Encoding as RFC 9110 says (q=0 refuses, * stands for the rest)', () => {
    expect([...acceptedEncodings('gzip, deflate, br, zstd')].sort()).toEqual(['br', 'deflate',
      'gzip', 'zstd']);
    expect([...acceptedEncodings('br;q=0, gzip;q=0.5')]).toEqual(['gzip']);
    expect([...acceptedEncodings('*;q=0.1, gzip;q=0')]).toEqual(['br']);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });
});
