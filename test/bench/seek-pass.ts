/**
 * One pass of the seek benchmark (seek-bench.ts) in Chromium: officer1 signs in, opens the
 * player on a registered viewing request, plays muted and seeks; for each seek, the content
 * requests of the media element (playwright request events) and the requests the server
 * answered (its access-log `range` entries), and the times to `seeked` and to the first frame.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import type { ChildServer } from '../support/server-harness.js';
import { openPage, signIn } from '../e2e/support/e2e-app.js';

/**
 * How Chromium's HTTP cache is set in a pass: a regular profile (a user's browser: disk
 * cache), a fresh browser context (what playwright and incognito windows get: an in-memory
 * cache), and that context with the cache disabled through DevTools (the control).
 */
export const CACHE_MODES = ['disk cache', 'memory cache', 'cache disabled'] as const;
export type CacheMode = (typeof CACHE_MODES)[number];

/** One seek, measured from setting currentTime. */
export interface SeekRow {
  mode: CacheMode;
  /** Seek target as a fraction of the duration. */
  fraction: number;
  /** Seek target, seconds. */
  target: number;
  /** Content requests of the media element (Chromium URL requests) from seek to first frame. */
  media: string[];
  /** Content requests the server answered (access-log `range` entries) in the same interval. */
  served: string[];
  /** Media requests and served requests in the 2 s after that first frame. */
  later: { media: string[]; served: string[] };
  /** Milliseconds to the `seeked` event. */
  seekedMs: number;
  /** Milliseconds to the first frame presented at the target (requestVideoFrameCallback). */
  frameMs: number;
  /** Media time of that frame, seconds. */
  frameMediaTime: number;
}

/** Requests from opening the player to playback under way (before the first seek). */
export interface OpeningRequests {
  mode: CacheMode;
  media: string[];
  served: string[];
}

/** What a pass plays. */
export interface PassTarget {
  /** The browser of the context passes. */
  browser: Browser;
  /** A fresh directory for the regular profile of the disk-cache pass. */
  profileDir: string;
  server: ChildServer;
  /** The recording and the registered request that lets officer1 play it. */
  recId: string;
  requestId: string;
}

/** Chromium's flags, as launchChromium (test/e2e/support/e2e-app.ts) passes them. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const VIEWPORT = { width: 1366, height: 768 };

/** A page in the pass's kind of context, with its console errors and a close function. */
async function openPassPage(t: PassTarget, mode: CacheMode)
  : Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  if (mode !== 'disk cache') {
    const watched = await openPage(t.browser, VIEWPORT);
    if (mode === 'cache disabled') {
      // DevTools' "Disable cache": only honoured while the Network domain is enabled.
      const cdp = await watched.page.context().newCDPSession(watched.page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    }
    return { page: watched.page, errors: watched.errors, close: () => watched.close() };
  }
  const context = await chromium.launchPersistentContext(t.profileDir, {
    executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
    viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  return { page, errors, close: () => context.close() };
}

/** Content reads the server logged for a node in [from, to] (epoch ms): their byte ranges. */
function servedRanges(dataDir: string, nodeId: string, from: number, to: number): string[] {
  const db = new Database(join(dataDir, 'repository.sqlite'), { readonly: true });
  try {
    const rows = db.prepare(`SELECT created_at AS at, entry_json AS json FROM access_log
      WHERE node_id = ? AND action IN ('range', 'read') AND created_at BETWEEN ? AND ?
      ORDER BY id`).all(nodeId, from, to) as { at: number; json: string }[];
    return rows.map((r) => `${(JSON.parse(r.json) as { values: { range?: string } }).values.range
      ?? 'whole'} (+${r.at - from} ms)`);
  } finally {
    db.close();
  }
}

/** A content request of the page as playwright saw it. */
interface Seen { at: number; range: string; outcome: string }

/** What one seek measured in the page. */
interface InPage { target: number; t0: number; seekedMs: number; frameMs: number;
  frameMediaTime: number }

/** Seeks to `fraction` of the duration and waits for the first frame there and `seeked`. */
function seekInPage(page: Page, fraction: number): Promise<InPage> {
  // No named functions inside: tsx's keepNames would wrap them in a __name() the page lacks.
  return page.locator('video[data-testid="media"]').evaluate(async (el, f) => {
    const v = el as HTMLVideoElement;
    const target = v.duration * f;
    const t0 = Date.now();
    const p0 = performance.now();
    const seeked = new Promise<number>((resolve) => v.addEventListener('seeked',
      () => resolve(performance.now() - p0), { once: true }));
    v.currentTime = target;
    // The first frame presented at the target (a keyframe every 2 s; the decoder drops what
    // precedes the target): the picture the viewer sees after the seek.
    for (;;) {
      const [now, mediaTime] = await new Promise<[number, number]>((resolve) =>
        v.requestVideoFrameCallback((n, meta) => resolve([n, meta.mediaTime])));
      if (Math.abs(mediaTime - target) < 1) {
        // `seeked` may come a frame after the picture: wait for both.
        return { target, t0, seekedMs: await seeked, frameMs: now - p0,
          frameMediaTime: mediaTime };
      }
    }
  }, fraction);
}

/**
 * One pass in a fresh context of the mode: sign in, open the player, play muted, then seek to
 * each fraction, 2 s apart.
 */
export async function seekPass(t: PassTarget, mode: CacheMode, fractions: number[],
  log: (s: string) => void): Promise<{ opening: OpeningRequests; rows: SeekRow[] }> {
  const { page, errors, close } = await openPassPage(t, mode);
  try {
    await signIn(page, t.server.url, 'officer1', 'zh-CN');
    const seen: Seen[] = [];
    const byRequest = new Map<Request, Seen>();
    page.on('request', (r) => {
      if (!r.url().includes(`/nodes/${t.recId}/content`)) return;
      const s = { at: Date.now(), range: r.headers().range ?? '(no Range)', outcome: '…' };
      seen.push(s);
      byRequest.set(r, s);
    });
    page.on('response', (res) => {
      const s = byRequest.get(res.request());
      if (s) s.outcome = String(res.status());
    });
    page.on('requestfailed', (r) => {
      const s = byRequest.get(r);
      if (s) s.outcome = r.failure()?.errorText ?? 'failed';
    });
    const opened = Date.now();
    await page.goto(`${t.server.url}/playback/${t.requestId}`);
    const video = page.locator('video[data-testid="media"]');
    await video.waitFor();
    await video.evaluate(async (el) => {
      const v = el as HTMLVideoElement;
      v.muted = true;
      await v.play();
    });
    await page.waitForFunction(() =>
      ((document.querySelector('video[data-testid="media"]') as HTMLVideoElement | null)
        ?.currentTime ?? 0) > 1.5, undefined, { timeout: 60_000 });
    await page.waitForTimeout(1000);
    const dataDir = t.server.dataDir ?? '';
    const text = (s: Seen) => `${s.range} → ${s.outcome}`;
    const opening = { mode, media: seen.map(text),
      served: servedRanges(dataDir, t.recId, opened, Date.now()) };
    const rows: SeekRow[] = [];
    for (const fraction of fractions) {
      const m = await seekInPage(page, fraction);
      const end = Math.ceil(m.t0 + Math.max(m.frameMs, m.seekedMs)) + 1;
      await page.waitForTimeout(2000);
      const row: SeekRow = { mode, fraction, target: m.target,
        media: seen.filter((s) => s.at >= m.t0 && s.at <= end).map(text),
        served: servedRanges(dataDir, t.recId, m.t0, end),
        later: { media: seen.filter((s) => s.at > end && s.at <= end + 2000).map(text),
          served: servedRanges(dataDir, t.recId, end + 1, end + 2000) },
        seekedMs: m.seekedMs, frameMs: m.frameMs, frameMediaTime: m.frameMediaTime };
      rows.push(row);
      log(`  ${mode}, seek to ${(fraction * 100).toFixed(0)} % (${m.target.toFixed(1)} s): ` +
        `media [${row.media.join('; ')}], served [${row.served.join('; ')}], seeked ` +
        `${m.seekedMs.toFixed(0)} ms, first frame ${m.frameMs.toFixed(0)} ms at ` +
        `${m.frameMediaTime.toFixed(2)} s; later media [${row.later.media.join('; ')}], served ` +
        `[${row.later.served.join('; ')}]`);
    }
    if (errors.length) log(`  browser console errors: ${errors.join(' | ')}`);
    return { opening, rows };
  } finally {
    await close();
  }
}
