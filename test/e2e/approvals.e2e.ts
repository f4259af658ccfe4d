/**
 * Issue 6 end to end in Chromium (R24.1, R24.2, R14.1): officer1 requests, director1 reviews,
 * leader1 approves, custodian1 registers, officer1 plays and seeks (the video element really
 * advances, through Range requests), officer2 is refused, and the access log shows each step
 * with an intact hash chain. Every screen is saved in zh-CN and en.
 */
import type { Browser, Page } from 'playwright-core';
import {
  DEMO_PASSWORD,
  launchChromium,
  openPage,
  saveScreen,
  settle,
  signIn,
  untranslatedKeys,
  type AppLanguage,
  type E2eApp,
  type WatchedPage,
  startE2eApp,
} from './support/e2e-app.js';

/** The demo recording linked to case 丹民罚〔2026〕12号, led by leader1 (demo-records.ts). */
const RECORDING = '20261124_093000_BWC-2026-001.mp4';
const VIEWPORT = { width: 1366, height: 768 } as const;

interface LogEntry {
  action: string;
  user: string;
  nodeId: string | null;
  values: Record<string, string>;
}

describe('e2e: viewing approvals, register, gated playback and the access log (issue 6)', () => {
  let app: E2eApp;
  let browser: Browser;
  let watched: WatchedPage | null = null;
  let requestId = '';
  let requestNumber = '';
  let recordingId = '';

  const log = (): LogEntry[] =>
    (
      app.server.repository.db.prepare('SELECT entry_json FROM access_log ORDER BY id').all() as {
        entry_json: string;
      }[]
    ).map((r) => JSON.parse(r.entry_json) as LogEntry);

  async function as(user: string, lang: AppLanguage = 'zh-CN'): Promise<Page> {
    watched = await openPage(browser, VIEWPORT);
    await signIn(watched.page, app.url, user, lang);
    return watched.page;
  }

  async function card(page: Page): Promise<ReturnType<Page['locator']>> {
    const c = page.locator(`[data-testid="request-card"][data-number="${requestNumber}"]`);
    await c.waitFor();
    await settle(page);
    return c;
  }

  async function decide(
    user: string,
    decision: string,
    lang: AppLanguage = 'zh-CN',
  ): Promise<void> {
    const page = await as(user, lang);
    await page.goto(`${app.url}/approvals`);
    const c = await card(page);
    expect(await untranslatedKeys(page)).toEqual([]);
    await saveScreen(page, `approvals-${decision}-queue-${lang}`);
    await c.locator(`[data-decision="${decision}"]`).click();
    if (decision === 'register') {
      expect(await c.locator('[data-testid="register-viewer"]').inputValue()).toBe('officer1');
      await saveScreen(page, `approvals-register-form-${lang}`);
      await c.locator('[data-testid="confirm-register"]').click();
    }
    await page.locator('[data-testid="approvals-message"]').waitFor();
    expect(await page.locator('[data-testid="approvals-message"]').getAttribute('class')).toContain(
      'efr-ok',
    );
  }

  beforeAll(async () => {
    app = await startE2eApp();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(async () => {
    const errors = watched?.errors ?? [];
    const failed = watched?.failedRequests ?? [];
    await watched?.close();
    watched = null;
    expect(errors).withContext(`browser console errors (failed requests: ${failed})`).toEqual([]);
  });

  it('R24.1: officer1 files a request from the form', async () => {
    const page = await as('officer1');
    await page.goto(`${app.url}/approvals/new`);
    const pick = page.locator(`input[data-recording*="${RECORDING}"]`);
    await pick.waitFor();
    await settle(page);
    await pick.check();
    await page.locator('[data-testid="reason"]').fill('复核养老机构现场检查过程');
    expect(await untranslatedKeys(page)).toEqual([]);
    await saveScreen(page, 'approvals-form-zh-CN');
    await page.locator('[data-testid="submit-request"]').click();
    await page.waitForURL(/\/approvals\?created=/);
    requestNumber = decodeURIComponent(new URL(page.url()).searchParams.get('created') ?? '');
    const c = await card(page);
    expect(await c.locator('[data-testid="request-status"]').innerText()).toBe('已提交');
    await saveScreen(page, 'approvals-mine-zh-CN');
    const submitted = log().find((e) => e.action === 'accessRequest.submit');
    requestId = submitted?.nodeId ?? '';
    recordingId = submitted?.values.recordings ?? '';
    expect(requestId).not.toBe('');
  });

  it('R24.1/R24.2: director1 reviews, leader1 approves, custodian1 registers', async () => {
    await decide('director1', 'review');
    await watched?.close();
    await decide('leader1', 'approve');
    await watched?.close();
    await decide('custodian1', 'register');
    const page = watched?.page as Page;
    await page.goto(`${app.url}/approvals/register`);
    const row = page.locator(`[data-testid="register-row"][data-number="${requestNumber}"]`);
    await row.waitFor();
    await settle(page);
    expect(await row.innerText()).toContain('officer1');
    expect(await row.innerText()).toContain('director1');
    expect(await row.innerText()).toContain('leader1');
    expect(await untranslatedKeys(page)).toEqual([]);
    await saveScreen(page, 'approvals-register-book-zh-CN');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.efr-toolbar').isVisible()).toBeFalse();
    expect(await page.locator('efr-viewing-register .printed').isVisible()).toBeTrue();
    await saveScreen(page, 'approvals-register-book-print-zh-CN');
  });

  it('R24.2: officer1 plays and seeks in the window, under the watermark', async () => {
    const page = await as('officer1');
    await page.goto(`${app.url}/approvals`);
    const c = await card(page);
    await c.locator('[data-testid="play"]').click();
    await page.waitForURL(/\/playback\//);
    const media = page.locator('video[data-testid="media"]');
    await media.waitFor();
    await settle(page);
    expect(await page.locator('[data-testid="watermark"]').innerText()).toContain('officer1');
    expect(await page.locator('[data-testid="watermark"]').innerText()).toContain(requestNumber);
    await media.evaluate(async (el) => {
      const v = el as HTMLVideoElement;
      v.muted = true;
      await v.play();
    });
    await page.waitForFunction(() => {
      const v = document.querySelector('video[data-testid="media"]') as HTMLVideoElement | null;
      return v !== null && v.currentTime > 0.5;
    });
    await saveScreen(page, 'playback-zh-CN');
    await media.evaluate(
      (el) =>
        new Promise<void>((resolve) => {
          const v = el as HTMLVideoElement;
          v.addEventListener('seeked', () => resolve(), { once: true });
          v.currentTime = 5;
        }),
    );
    const afterSeek = await media.evaluate((el) => (el as HTMLVideoElement).currentTime);
    expect(afterSeek).toBeGreaterThanOrEqual(5);
    await page.waitForFunction((t) => {
      const v = document.querySelector('video[data-testid="media"]') as HTMLVideoElement | null;
      return v !== null && v.currentTime > t + 0.3;
    }, afterSeek);
    await page.waitForFunction(
      () =>
        (document.querySelector('video[data-testid="media"]') as HTMLVideoElement | null)?.ended ===
        true,
      undefined,
      { timeout: 20_000 },
    );
    await page.waitForTimeout(500);
    const mine = log().filter((e) => e.user === 'officer1' && e.nodeId === recordingId);
    expect(mine.map((e) => e.action)).toEqual(
      jasmine.arrayContaining(['range', 'view.start', 'view.seek', 'view.end']),
    );
  });

  it('R24.2: officer2 is refused, on the screen and by the repository', async () => {
    const refused = await fetch(
      `${app.url}/alfresco/api/-default-/public/alfresco/versions/1/nodes/` +
        `${recordingId}/content?attachment=false`,
      {
        headers: {
          range: 'bytes=0-1023',
          authorization: `Basic ${Buffer.from(`officer2:${DEMO_PASSWORD}`).toString('base64')}`,
        },
      },
    );
    expect(refused.status).toBe(403);
    const page = await as('officer2');
    await page.goto(`${app.url}/playback/${requestId}`);
    await page.locator('[role="alert"]').waitFor();
    await settle(page);
    await saveScreen(page, 'playback-refused-zh-CN');
    // The refused GET of the request is the expected 404 (the request is not theirs).
    const w = watched as WatchedPage;
    expect(w.errors.every((e) => /404/.test(e)))
      .withContext(w.errors.join('\n'))
      .toBeTrue();
    w.errors.length = 0;
    expect(
      log().some(
        (e) =>
          e.action === 'refused' && e.user === 'officer2' && e.values.attempted === 'readContent',
      ),
    ).toBeTrue();
  });

  it('R14.1: the supervisor finds every step; the chain verifies', async () => {
    const page = await as('supervisor1');
    await page.goto(`${app.url}/approvals/access-log`);
    await page.locator('[data-testid="log-table"]').waitFor();
    await page.locator('[data-testid="log-value"]').fill(requestId);
    await page.locator('[data-testid="log-search"]').click();
    await settle(page);
    const actions = await page
      .locator('[data-testid="log-row"]')
      .evaluateAll((rows) =>
        rows.map((r) => `${r.getAttribute('data-action')}:${r.getAttribute('data-user')}`),
      );
    expect(actions).toEqual(
      jasmine.arrayContaining([
        'accessRequest.submit:officer1',
        'accessRequest.review:director1',
        'accessRequest.approve:leader1',
        'accessRequest.register:custodian1',
        'view.start:officer1',
        'view.seek:officer1',
      ]),
    );
    await page.locator('[data-testid="verify"]').click();
    await page.locator('[data-testid="chain-ok"]').waitFor();
    expect(await untranslatedKeys(page)).toEqual([]);
    await saveScreen(page, 'access-log-zh-CN');
  });

  it('shows every screen in English too', async () => {
    for (const [user, path, name] of [
      ['officer1', '/approvals/new', 'approvals-form-en'],
      ['officer1', '/approvals', 'approvals-mine-en'],
      ['officer1', `/playback/${requestId}`, 'playback-en'],
      ['custodian1', '/approvals/register', 'approvals-register-book-en'],
      ['director1', '/approvals', 'approvals-review-queue-en'],
      ['supervisor1', '/approvals/access-log', 'access-log-en'],
    ] as const) {
      const page = await as(user, 'en');
      await page.goto(`${app.url}${path}`);
      await page.locator('h1.efr-page-title').waitFor();
      await settle(page);
      expect(await untranslatedKeys(page))
        .withContext(name)
        .toEqual([]);
      await saveScreen(page, name);
      const w = watched as WatchedPage;
      expect(w.errors).withContext(name).toEqual([]);
      await w.close();
      watched = null;
    }
  });
});
