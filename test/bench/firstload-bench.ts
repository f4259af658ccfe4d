/**
 * First-load benchmark of DESIGN.md "What the numbers must be" (issue 20): what a browser
 * transfers to show the login page, the first time (empty cache) and on a reload. server/ (in
 * this process, no demo data: the login page reads none) serves a copy of the built app;
 * Debian's Chromium opens `/`, is sent to `/login` by the app and waits until the login form
 * is there and the network has been idle for a while. Bytes are Chromium's own figures from the
 * DevTools protocol: `Network.loadingFinished.encodedDataLength`, the bytes received for a
 * request over the wire (headers and the possibly compressed body), 0 for a file taken from the
 * memory or disk cache. Decoded bytes are the sum of `Network.dataReceived.dataLength`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { startServer } from '../../server/src/app.js';
import { launchChromium, snapshotApp } from '../e2e/support/e2e-app.js';

/** One request of a load, as Chromium saw it. */
export interface LoadedRequest {
  /** Path and query. */
  path: string;
  /** HTTP status as the page saw it (a revalidated file shows its cached 200). */
  status: number;
  /** Whether the server answered 304 Not Modified (the raw status of the response). */
  revalidated: boolean;
  /** Bytes over the wire: headers and body as sent (0 when served from a cache). */
  encodedBytes: number;
  /** Bytes of the body after decoding (what the page got). */
  decodedBytes: number;
  /** `Content-Encoding` of the response, '' when none. */
  encoding: string;
  /** Whether Chromium answered it from its memory or disk cache. */
  fromCache: boolean;
}

/** One load of the login page. */
export interface LoadFigures {
  /** `first load` or `reload`. */
  label: string;
  requests: LoadedRequest[];
  /** Wall time until the login form is shown, ms. */
  formShownMs: number;
}

/** Result of the first-load benchmark. */
export interface FirstLoadResult {
  browser: string;
  loads: LoadFigures[];
}

/** Bytes over the wire of a load. */
export function transferred(load: LoadFigures): number {
  return load.requests.reduce((s, r) => s + r.encodedBytes, 0);
}

/** Bytes the page got after decoding. */
export function decoded(load: LoadFigures): number {
  return load.requests.reduce((s, r) => s + r.decodedBytes, 0);
}

/** Records every request of the page's loads through the DevTools protocol. */
class NetworkLog {
  private readonly byId = new Map<string, LoadedRequest>();

  private constructor(private readonly cdp: CDPSession) {}

  /** Starts recording on a page, with the HTTP cache on (as a user's browser has it). */
  static async attach(page: Page): Promise<NetworkLog> {
    const cdp = await page.context().newCDPSession(page);
    const log = new NetworkLog(cdp);
    cdp.on('Network.requestWillBeSent', (e) => {
      const url = new URL(e.request.url);
      if (!url.protocol.startsWith('http')) return;
      log.byId.set(e.requestId, { path: url.pathname + url.search, status: 0, revalidated: false,
        encodedBytes: 0, decodedBytes: 0, encoding: '', fromCache: false });
    });
    cdp.on('Network.requestServedFromCache', (e) => {
      const r = log.byId.get(e.requestId);
      if (r) r.fromCache = true;
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = log.byId.get(e.requestId);
      if (!r) return;
      r.status = e.response.status;
      if (e.response.fromDiskCache || e.response.fromPrefetchCache) r.fromCache = true;
      const headers = Object.entries(e.response.headers);
      r.encoding = headers.find(([k]) => k.toLowerCase() === 'content-encoding')?.[1] ?? '';
    });
    // A revalidated file reaches the page as its cached 200: the raw status says 304.
    cdp.on('Network.responseReceivedExtraInfo', (e) => {
      const r = log.byId.get(e.requestId);
      if (r && e.statusCode === 304) r.revalidated = true;
    });
    cdp.on('Network.dataReceived', (e) => {
      const r = log.byId.get(e.requestId);
      if (r) r.decodedBytes += e.dataLength;
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = log.byId.get(e.requestId);
      if (r) r.encodedBytes = e.encodedDataLength;
    });
    await cdp.send('Network.enable');
    return log;
  }

  /** The requests recorded since the last call, and forgets them. */
  take(): LoadedRequest[] {
    const all = [...this.byId.values()];
    this.byId.clear();
    return all;
  }

  async detach(): Promise<void> {
    await this.cdp.detach();
  }
}

/** Waits for the login form, then for the network to stay idle (late translation files). */
async function loginShown(page: Page, started: number): Promise<number> {
  await page.locator('[data-automation-id="username"]').waitFor({ timeout: 60_000 });
  const shown = Date.now() - started;
  await page.waitForLoadState('networkidle');
  return shown;
}

/**
 * Loads the login page in a fresh Chromium profile, then reloads it, and returns what went
 * over the wire each time.
 */
export async function benchFirstLoad(log: (s: string) => void): Promise<FirstLoadResult> {
  const work = mkdtempSync(join(tmpdir(), 'efr-bench-firstload-'));
  const app = join(work, 'app');
  snapshotApp(app);
  const server = await startServer({ dataDir: join(work, 'data'), port: 0, appDir: app });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const network = await NetworkLog.attach(page);
    const loads: LoadFigures[] = [];
    let started = Date.now();
    await page.goto(`${server.url}/`);
    let formShownMs = await loginShown(page, started);
    loads.push({ label: 'first load', requests: network.take(), formShownMs });
    log(`firstload: first load ${(transferred(loads[0]) / 1e3).toFixed(1)} kB`);
    started = Date.now();
    await page.reload();
    formShownMs = await loginShown(page, started);
    loads.push({ label: 'reload', requests: network.take(), formShownMs });
    log(`firstload: reload ${(transferred(loads[1]) / 1e3).toFixed(1)} kB`);
    await network.detach();
    return { browser: browser.version(), loads };
  } finally {
    await browser.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}
