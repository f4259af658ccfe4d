// Serves the built app (dist/efr-app/browser) with Debian's nginx and docker/app/nginx.conf as
// it is (only the port, the web root and the repository address changed), then checks what a
// browser gets (issue 10): security headers, the single-page-app fallback, gzip and caching
// (issue 20: the build's precompressed .gz sent as is, hashed files immutable for a year, the
// others revalidated with ETag / Last-Modified and 304),
// the /alfresco proxy with byte ranges, the refused Solr API, and in Chromium that the
// Content-Security-Policy blocks nothing the app and ADF's silent-refresh page need.
// Needs nginx and a production build (`npm run build`); says so and stops without them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, get, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { dockerDir, repoRoot } from './support/compose-env.js';

const DIST = resolve(repoRoot, 'dist', 'efr-app', 'browser');
/** The Content App with the EFR plugin, at /content-app/ of the same image (issue 17). */
const CONTENT_APP = resolve(repoRoot, 'dist', 'content-app', 'browser');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((ok) => probe.close(() => ok()));
  return port;
}

/** Why this spec cannot run here, or undefined when it can. */
function missing(): string | undefined {
  if (spawnSync('nginx', ['-v']).error) {
    return 'nginx is not installed (apt-get install nginx-light)';
  }
  if (!existsSync(join(DIST, 'index.html')) || !existsSync(join(CONTENT_APP, 'index.html'))) {
    return 'no production build (npm run build)';
  }
  return undefined;
}

describe('the app served by docker/app/nginx.conf (issue 10)', () => {
  const reason = missing();
  let dir: string;
  let nginx: ChildProcess | undefined;
  let repository: Server;
  let base: string;
  const seenByRepository: Array<{ url: string; headers: IncomingHttpHeaders }> = [];

  beforeAll(async () => {
    if (reason) return;
    repository = createServer((req, res) => {
      seenByRepository.push({ url: req.url ?? '', headers: req.headers });
      res.writeHead(206, { 'Content-Type': 'video/mp4', 'Content-Range': 'bytes 0-3/100' })
        .end('abcd');
    });
    await new Promise<void>((ok) => repository.listen(0, '127.0.0.1', ok));
    const repoPort = (repository.address() as AddressInfo).port;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    dir = mkdtempSync(join(tmpdir(), 'efr-nginx-app-'));
    // The image's web root (docker/app/Dockerfile): the app at the top, the Content App in
    // content-app/; here links to the two builds.
    const html = join(dir, 'html');
    mkdirSync(html);
    // nginx's workers run as another user (nobody) when the spec runs as root: a private
    // mkdtemp folder would hide the links from them.
    chmodSync(dir, 0o755);
    for (const e of readdirSync(DIST)) symlinkSync(join(DIST, e), join(html, e));
    symlinkSync(CONTENT_APP, join(html, 'content-app'));
    const server = readFileSync(resolve(dockerDir, 'app', 'nginx.conf'), 'utf8')
      .replace('listen 8080;', `listen 127.0.0.1:${port};`)
      .replace('root /usr/share/nginx/html;', `root ${html};`)
      .replace('http://alfresco:8080', `http://127.0.0.1:${repoPort}`);
    writeFileSync(join(dir, 'server.conf'), server);
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
      .map((k) => `${k}_temp_path ${join(dir, k)};`).join('\n  ');
    writeFileSync(join(dir, 'nginx.conf'), `pid ${join(dir, 'nginx.pid')};\n` +
      `error_log stderr;\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n` +
      `  access_log off;\n  ${temp}\n  include ${join(dir, 'server.conf')};\n}\n`);
    nginx = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir, '-g', 'daemon off;'],
      { stdio: ['ignore', 'ignore', 'inherit'] });
    for (let i = 0; i < 50; i++) {
      try {
        await fetch(`${base}/index.html`);
        return;
      } catch {
        // Not listening yet: nginx starts within a few hundred milliseconds.
        await new Promise((ok) => setTimeout(ok, 100));
      }
    }
    throw new Error('nginx did not start');
  });

  afterAll(async () => {
    if (nginx?.pid) {
      nginx.kill('SIGTERM');
      await new Promise((ok) => nginx?.once('exit', ok));
    }
    if (repository) await new Promise<void>((ok) => repository.close(() => ok()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** node:http, not fetch: fetch would decompress and hide the encoding of the bytes sent. */
  const raw = (path: string, headers: Record<string, string> = {})
    : Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> =>
    new Promise((ok, fail) => get(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers,
        body: Buffer.concat(chunks) }));
    }).on('error', fail));

  const skipIfMissing = (): boolean => {
    if (reason) pending(reason);
    return Boolean(reason);
  };

  it('answers every client-side route with index.html and the security headers', async () => {
    if (skipIfMissing()) return;
    const index = readFileSync(join(DIST, 'index.html'), 'utf8');
    for (const path of ['/', '/cases/EFR-2026-0001', '/recordings?page=2']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).withContext(path).toBe(200);
      expect(await res.text()).withContext(path).toBe(index);
      expect(res.headers.get('cache-control')).withContext(path).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
    expect((await fetch(`${base}/assets/no-such-file.json`)).status).toBe(404);
  });

  it('sends the build\'s .gz of hashed bundles and lets browsers keep them a year', async () => {
    if (skipIfMissing()) return;
    const main = readdirSync(DIST).find((f) => /^main-[0-9A-Z]{8}\.js$/.test(f)) as string;
    expect(main).toBeDefined();
    const { headers, body } = await raw(`/${main}`, { 'Accept-Encoding': 'gzip, br' });
    expect(headers['content-encoding']).toBe('gzip');
    expect(headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(body).equals(readFileSync(join(DIST, main)))).toBeTrue();
    // Precompressed by `npm run build` (gzip -9), not on the fly: the very bytes, with a length.
    expect(existsSync(join(DIST, `${main}.gz`))).withContext('npm run build writes .gz').toBeTrue();
    expect(body.equals(readFileSync(join(DIST, `${main}.gz`)))).toBeTrue();
    expect(Number(headers['content-length'])).toBe(body.length);
    expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const font = readdirSync(join(DIST, 'media')).find((f) => f.endsWith('.woff2')) as string;
    expect((await raw(`/media/${font}`)).headers['cache-control'])
      .toBe('public, max-age=31536000, immutable');
    expect((await raw(`/main-ZZZZZZZZ.js`)).status).toBe(404);
  });

  it('has index.html, app.config.json and translations revalidated (ETag, 304)', async () => {
    if (skipIfMissing()) return;
    for (const path of ['/', '/index.html', '/cases/EFR-2026-0001', '/app.config.json',
      '/assets/efr-app/i18n/zh-CN.json', '/assets/adf-core/i18n/en.json']) {
      const first = await raw(path, { 'Accept-Encoding': 'gzip' });
      expect(first.status).withContext(path).toBe(200);
      expect(first.headers['cache-control']).withContext(path).toBe('no-cache');
      expect(first.headers.etag).withContext(path).toBeDefined();
      expect(first.headers['last-modified']).withContext(path).toBeDefined();
      const again = await raw(path, { 'Accept-Encoding': 'gzip',
        'If-None-Match': first.headers.etag as string });
      expect(again.status).withContext(path).toBe(304);
      expect(again.headers['cache-control']).withContext(path).toBe('no-cache');
      expect(again.headers['content-security-policy']).withContext(path).toBeDefined();
      const since = await raw(path,
        { 'If-Modified-Since': first.headers['last-modified'] as string });
      expect(since.status).withContext(path).toBe(304);
    }
  });

  it('proxies /alfresco with the path and Range intact, and refuses the Solr API', async () => {
    if (skipIfMissing()) return;
    const path = '/alfresco/api/-default-/public/alfresco/versions/1/nodes/abc/content';
    const res = await fetch(`${base}${path}?attachment=false`,
      { headers: { Range: 'bytes=0-3' } });
    expect(res.status).toBe(206);
    expect(await res.text()).toBe('abcd');
    const seen = seenByRepository.at(-1);
    expect(seen?.url).toBe(`${path}?attachment=false`);
    expect(seen?.headers.range).toBe('bytes=0-3');
    expect(seen?.headers['x-forwarded-proto']).toBe('http');
    const before = seenByRepository.length;
    expect((await fetch(`${base}/alfresco/s/api/solr/aclchangesets`)).status).toBe(403);
    expect((await fetch(`${base}/alfresco/service/remoteadm/get`)).status).toBe(403);
    expect(seenByRepository.length).toBe(before);
  });

  it('serves the Content App with the EFR plugin at /content-app/ (issue 17)', async () => {
    if (skipIfMissing()) return;
    const index = readFileSync(join(CONTENT_APP, 'index.html'), 'utf8');
    for (const path of ['/content-app/', '/content-app/personal-files']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).withContext(path).toBe(200);
      expect(await res.text()).withContext(path).toBe(index);
      expect(res.headers.get('cache-control')).withContext(path).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).withContext(path).toBeDefined();
    }
    // A relative redirect: the browser keeps the host and port it asked the proxy for.
    const bare = await raw('/content-app');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/content-app/');
    const plugin = await fetch(`${base}/content-app/assets/plugins/efr.plugin.json`);
    expect(plugin.status).toBe(200);
    expect(await plugin.json()).toEqual(JSON.parse(readFileSync(resolve(repoRoot, 'extension',
      'efr.plugin.json'), 'utf8')));
    expect((await fetch(`${base}/content-app/assets/no-such-file.json`)).status).toBe(404);
    const config = await raw('/content-app/app.config.json');
    expect(config.status).toBe(200);
    expect(config.headers['cache-control']).toBe('no-cache');
    const worker = await raw('/content-app/pdf.worker.min.mjs');
    expect(worker.status).toBe(200);
    expect(String(worker.headers['content-type'])).toMatch(/javascript/);
    const main = readdirSync(CONTENT_APP).find((f) => /^main-[0-9A-Z]{8}\.js$/.test(f)) as string;
    const bundle = await raw(`/content-app/${main}`, { 'Accept-Encoding': 'gzip' });
    expect(bundle.headers['content-encoding']).toBe('gzip');
    expect(bundle.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('lets Chromium run the app and ADF\'s silent-refresh page under the CSP', async () => {
    if (skipIfMissing()) return;
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
        args: CHROMIUM_ARGS });
      const tab = await browser.newPage();
      const violations: string[] = [];
      tab.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await tab.goto(`${base}/`);
      // Angular's critical-CSS loader switches the stylesheet from print to all on load.
      // Blocked by the CSP, it never would: a short wait makes that a clear failure.
      const soon = { timeout: 10_000 };
      await tab.waitForFunction(() => Array.from(
        document.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]'))
        .some((l) => l.media === 'all'), undefined, soon);
      await tab.waitForFunction(
        () => (document.querySelector('efr-root')?.children.length ?? 0) > 0, undefined, soon);
      // The Content App too: its shell renders (its sign-in page, with the build's BASIC config).
      await tab.goto(`${base}/content-app/`);
      await tab.waitForFunction(
        () => (document.querySelector('app-root')?.children.length ?? 0) > 0, undefined, soon);
      await tab.waitForFunction(() => Array.from(
        document.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]'))
        .some((l) => l.media === 'all'), undefined, soon);
      await tab.goto(`${base}/assets/silent-refresh.html#state=x`);
      const posted = await tab.evaluate(() => new Promise<string>((ok) => {
        window.addEventListener('message', (e) => ok(String(e.data)));
        const s = document.createElement('iframe');
        s.src = '/assets/silent-refresh.html#code=abc';
        document.body.append(s);
      }));
      expect(posted).toBe('#code=abc');
      expect(violations).toEqual([]);
    } finally {
      await browser?.close();
    }
  });

  it('allows by hash exactly the inline scripts of the pinned Angular and ADF builds', () => {
    // Independent of the build: recompute the hashes the nginx.conf comment promises.
    const hash = (s: string): string =>
      `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const silent = readFileSync(resolve(repoRoot, 'node_modules', '@alfresco', 'adf-core',
      'bundles', 'assets', 'silent-refresh.html'), 'utf8');
    const script = /<script>([\s\S]*?)<\/script>/.exec(silent)?.[1] ?? '';
    const csp = /Content-Security-Policy "([^"]+)"/.exec(
      readFileSync(resolve(dockerDir, 'app', 'nginx.conf'), 'utf8'))?.[1] ?? '';
    expect(csp).toContain(hash(script));
    expect(csp).toContain(hash("this.media='all'"));
    expect(csp).toContain("'unsafe-hashes'");
    expect(csp).not.toContain("'unsafe-inline' 'unsafe-eval'");
    expect(/script-src[^;]*'unsafe-inline'/.test(csp)).toBeFalse();
  });
});
