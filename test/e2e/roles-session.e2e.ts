import type { Browser } from 'playwright-core';
import {
  VIEWPORTS,
  launchChromium,
  openPage,
  saveScreen,
  settle,
  signIn,
  sizeTag,
  startE2eApp,
  untranslatedKeys,
  type E2eApp,
  type WatchedPage,
} from './support/e2e-app.js';

describe('e2e: dashboards per role, work lists, session expiry and error pages (issue 4)', () => {
  let app: E2eApp;
  let browser: Browser;
  let watched: WatchedPage | null = null;
  /** Console messages a spec expects on purpose (the browser logs every refused request). */
  let expectedErrors: RegExp | null = null;

  beforeAll(async () => {
    app = await startE2eApp();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(async () => {
    const errors = (watched?.errors ?? []).filter((e) => !expectedErrors?.test(e));
    const failed = watched?.failedRequests ?? [];
    await watched?.close();
    watched = null;
    expectedErrors = null;
    expect(errors).withContext(`browser console errors (failed requests: ${failed})`).toEqual([]);
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    for (const viewport of VIEWPORTS) {
      const tag = `${lang}-${sizeTag(viewport)}`;

      it(`gives a custodian the handovers to receive, linking to the list (${tag})`, async () => {
        watched = await openPage(browser, viewport);
        const { page } = watched;
        await signIn(page, app.url, 'custodian1', lang);
        const tile = page.locator('[data-tile="handoversToReceive"]');
        await tile.waitFor();
        await page.locator('[data-tile="requestsToRegister"]').waitFor();
        expect(await page.locator('[data-tile]').count()).toBe(2);
        expect(await untranslatedKeys(page)).toEqual([]);
        await saveScreen(page, `dashboard-custodian-${tag}`);

        await tile.click();
        await page.waitForURL(/\/dashboard\/work\/handoversToReceive$/);
        await page.locator('[data-testid="work-table"]').waitFor();
        await settle(page);
        expect(await untranslatedKeys(page)).toEqual([]);
        await saveScreen(page, `work-list-handovers-${tag}`);
      });
    }
  }

  it('gives the leader approvals, exemptions and open cases', async () => {
    watched = await openPage(browser, VIEWPORTS[0]);
    const { page } = watched;
    await signIn(page, app.url, 'leader1', 'zh-CN');
    await page.locator('[data-tile="requestsToApprove"]').waitFor();
    await page.locator('[data-tile="exemptionsToAcknowledge"]').waitFor();
    await page.locator('[data-tile="openCases"]').waitFor();
    await settle(page);
    await saveScreen(page, `dashboard-leader-zh-CN-${sizeTag(VIEWPORTS[0])}`);
  });

  it('returns to the login screen when the repository drops the ticket (401)', async () => {
    // The browser logs the refused call itself; that one message is the point of this spec.
    expectedErrors = /status of 401/;
    watched = await openPage(browser, VIEWPORTS[0]);
    const { page } = watched;
    await signIn(page, app.url, 'legal1', 'zh-CN');
    const ticket = await page.evaluate(() => localStorage.getItem('ticket-ECM'));
    expect(ticket).toMatch(/^TICKET_/);
    const res = await fetch(
      `${app.url}/alfresco/api/-default-/public/authentication/versions/1/tickets/-me-`,
      { method: 'DELETE', headers: { Authorization: `Basic ${btoa(ticket ?? '')}` } },
    );
    expect(res.status).toBe(204);
    await page.locator('[data-nav="recordings"]').click();
    await page.waitForURL(/\/login\?redirect=/);
    await page.locator('[data-automation-id="username"]').waitFor();
    await settle(page);
    await saveScreen(page, `login-after-401-zh-CN-${sizeTag(VIEWPORTS[0])}`);
    expect(watched.errors.length).toBeGreaterThan(0);
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`shows the error page in ${lang}`, async () => {
      watched = await openPage(browser, VIEWPORTS[0]);
      const { page } = watched;
      await signIn(page, app.url, 'legal1', lang);
      await page.goto(`${app.url}/error?status=503`);
      await page.locator('[data-testid="error-page"]').waitFor();
      await settle(page);
      expect(await page.locator('[data-testid="error-page"] p').innerText()).toContain('503');
      expect(await untranslatedKeys(page)).toEqual([]);
      await saveScreen(page, `error-${lang}-${sizeTag(VIEWPORTS[0])}`);
    });
  }
});
