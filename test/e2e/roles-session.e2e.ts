import type { Page } from 'playwright-core';
import {
  VIEWPORTS,
  saveScreen,
  settle,
  sizeTag,
  untranslatedKeys,
  type AppLanguage,
} from './support/e2e-app.js';
import { e2eSuite, type Viewport } from './support/e2e-suite.js';
import { AUTH, SEARCH } from '../support/server-harness.js';

const WS = '/alfresco/s/efr';
const NOTICE = '为保护您的合法权益，监督我们的执法行为，本次执法全程录音录像。';

/** How each screen a tile opens shows its rows, and how many items a row stands for. */
const ROWS: Record<string, { selector: string; items?: string }> = {
  '/handovers': { selector: '[data-testid="handover-row"]' },
  '/approvals': { selector: '[data-testid="request-card"]' },
  // A campaign row stands for its findings still due (R28.2).
  '/spot-checks': { selector: '[data-testid="campaign-row"]', items: 'data-pending' },
  '/exemptions': { selector: '[data-testid="exemption-row"]' },
  '/recordings': { selector: '[data-testid="recording-row"]' },
  '/cases': { selector: '[data-testid="case-row"]' },
};

describe('e2e: dashboards per role, work lists, session expiry and error pages (issue 4)', () => {
  const suite = e2eSuite();

  /** An instant `h` hours from now. */
  const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

  /** A handover body whose field work ended `hoursAgo` hours ago (deadline: that day, R21.1). */
  const handover = (hoursAgo: number) => ({
    officer: 'officer1',
    coOfficer: 'officer2',
    deviceSerial: 'BWC-2026-001',
    returnedAt: hoursFromNow(-hoursAgo / 2),
    awayWork: false,
    preUseCheck: {
      working: true,
      batteryPercent: 90,
      freeStorageMb: 30000,
      clockOffsetSeconds: 2,
      checkedAt: hoursFromNow(-hoursAgo - 2),
    },
    sessions: [
      {
        activityType: 'routineInspection',
        place: '丹东市振兴区六纬路',
        startedAt: hoursFromNow(-hoursAgo - 0.5),
        endedAt: hoursFromNow(-hoursAgo),
        segmentCount: 1,
        partyNotified: true,
        noticeText: NOTICE,
      },
    ],
  });

  /** Sends a request as `user` and expects `status`; answers the entry. */
  async function post(user: string, path: string, body: unknown, status = 201) {
    const res = await suite.api(user).post<{ entry: { id: string } }>(path, body);
    expect(res.status).withContext(`${user} POST ${path}: ${res.text.slice(0, 300)}`).toBe(status);
    return res.body.entry;
  }

  /**
   * Puts work in front of every role, through the web scripts the screens use: two unsealed
   * handovers (one past its deadline), a viewing request at each step (R24), two exemption
   * records for leader1 and one it acknowledged (R11.2), a spot-check campaign with its draw
   * still to assess (R28).
   */
  beforeAll(async () => {
    // Ended a minute ago: within today's deadline (R21.1); the other one is two days late.
    await post('custodian1', `${WS}/handovers`, handover(1 / 60));
    await post('custodian1', `${WS}/handovers`, handover(50));
    const found = await suite
      .api('officer1')
      .post<{ list: { entries: { entry: { id: string; name: string } }[] } }>(
        `${SEARCH}/search`,
        { query: { query: 'TYPE:"efr:recording"', language: 'afts' } },
      );
    const recording = found.body.list.entries.find((e) =>
      e.entry.name.startsWith('20261124_093000'),
    )?.entry.id;
    const request = () =>
      post('officer1', `${WS}/access-requests`, {
        recordingIds: [recording],
        purpose: 'work',
        reason: '复核养老机构现场检查过程',
      });
    await request();
    const reviewed = await request();
    await post('director1', `${WS}/access-requests/${reviewed.id}/review`, {}, 200);
    const approved = await request();
    await post('director1', `${WS}/access-requests/${approved.id}/review`, {}, 200);
    await post('leader1', `${WS}/access-requests/${approved.id}/approve`, {}, 200);
    const exemption = (place: string) =>
      post('officer1', `${WS}/exemptions`, {
        actAt: hoursFromNow(-3),
        activityType: 'routineInspection',
        location: place,
        ground: 'explosionHazard',
        basis: '加油站油气区域属防爆区，现场记录仪非防爆型，依安全规定不得开机。',
        leader: 'leader1',
        coOfficer: 'officer2',
      });
    await exemption('丹东市振兴区某加油站');
    await exemption('丹东市元宝区某化工仓库');
    const acknowledged = await exemption('丹东市振安区某液化气站');
    await post('leader1', `${WS}/exemptions/${acknowledged.id}/acknowledge`, {}, 200);
    const day = (offset: number) =>
      new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    await post('supervisor1', `${WS}/spot-checks`, {
      title: '仪表盘抽查',
      from: `${day(-30)}T00:00:00+08:00`,
      to: `${day(1)}T00:00:00+08:00`,
      proportion: 0.5,
      seed: 'E2E-DASHBOARD',
    });
  }, 60_000);

  /** The count a tile shows, once loaded. */
  async function tileCount(page: Page, id: string): Promise<number> {
    const count = page.locator(`[data-tile="${id}"] [data-testid="tile-count"]`);
    await count.waitFor();
    return Number(await count.innerText());
  }

  /** Opens a tile's screen and counts the items it lists. */
  async function openTile(page: Page, id: string): Promise<{ path: string; items: number }> {
    await page.locator(`[data-tile="${id}"]`).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/dashboard'));
    await settle(page);
    const path = new URL(page.url()).pathname;
    const rows = ROWS[path];
    expect(rows).withContext(`${id} opened ${path}, a screen without a known list`).toBeDefined();
    const list = page.locator(rows.selector);
    const items = rows.items
      ? (await list.evaluateAll((els, attr) => els.map((e) => e.getAttribute(attr)), rows.items))
          .map(Number)
          .reduce((a, b) => a + b, 0)
      : await list.count();
    return { path, items };
  }

  /**
   * Signs `user` in and opens every tile they see, in order: each shows the expected count
   * and opens its feature screen (never the generic list) listing as many items as it counted.
   */
  async function checkTiles(
    user: string,
    lang: AppLanguage,
    expected: Record<string, { count: number; url: RegExp }>,
    viewport: Viewport = VIEWPORTS[0],
  ): Promise<void> {
    const page = await suite.signIn(user, lang, viewport);
    const ids = Object.keys(expected);
    await page.locator(`[data-tile="${ids[0]}"] [data-testid="tile-count"]`).waitFor();
    expect(await page.locator('[data-tile]').evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-tile')),
    )).toEqual(ids);
    await settle(page);
    expect(await untranslatedKeys(page)).toEqual([]);
    await saveScreen(page, `dashboard-${user}-${lang}-${sizeTag(viewport)}`);
    for (const id of ids) {
      await page.goto(`${suite.app.url}/dashboard`);
      await settle(page);
      const count = await tileCount(page, id);
      expect(count).withContext(`${user}: ${id}`).toBe(expected[id].count);
      const opened = await openTile(page, id);
      expect(page.url()).withContext(id).toMatch(expected[id].url);
      expect(opened.items).withContext(`${user}: ${id} lists what it counted`).toBe(count);
      expect(await untranslatedKeys(page)).toEqual([]);
      await saveScreen(page, `tile-${id}-${user}-${lang}-${sizeTag(viewport)}`);
    }
  }

  for (const lang of ['zh-CN', 'en'] as const) {
    for (const viewport of VIEWPORTS) {
      const tag = `${lang}-${sizeTag(viewport)}`;

      it(`gives a custodian the handovers to receive and viewings to register (${tag})`,
        async () => {
          await checkTiles(
            'custodian1',
            lang,
            {
              handoversToReceive: { count: 2, url: /\/handovers\?status=unsealed$/ },
              requestsToRegister: { count: 1, url: /\/approvals\?queue=register$/ },
            },
            viewport,
          );
        });
    }
  }

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`gives the leader approvals, exemptions and open cases, each on its screen (${lang})`,
      async () => {
        await checkTiles('leader1', lang, {
          requestsToApprove: { count: 1, url: /\/approvals\?queue=approve$/ },
          exemptionsToAcknowledge: {
            count: 2,
            url: /\/exemptions\?view=all&status=written&leader=leader1$/,
          },
          openCases: { count: 3, url: /\/cases\?status=open$/ },
        });
      });

    it(`gives the supervisor the findings due and late handovers (${lang})`, async () => {
      await checkTiles('supervisor1', lang, {
        findingsDue: { count: 2, url: /\/spot-checks\?findings=pending$/ },
        lateHandovers: { count: 1, url: /\/handovers\?status=late$/ },
      });
    });
  }

  it('gives the office director the reviews, unit heads and officers their lists', async () => {
    await checkTiles('director1', 'zh-CN', {
      requestsToReview: { count: 1, url: /\/approvals\?queue=review$/ },
    });
    await checkTiles('unithead1', 'zh-CN', {
      lateHandovers: { count: 1, url: /\/handovers\?status=late$/ },
    });
    await checkTiles('officer1', 'en', {
      // Issue 19, point 11: whether a viewing window is open for the officer now.
      viewingOpen: { count: 0, url: /\/approvals\?queue=viewing$/ },
      myRecordings: { count: 4, url: /\/recordings\?officer=officer1$/ },
    });
  });

  it('opens the feature screen for a bookmark of the old generic work list', async () => {
    const page = await suite.signIn('custodian1', 'zh-CN');
    await page.goto(`${suite.app.url}/dashboard/work/handoversToReceive`);
    await page.waitForURL(/\/handovers\?status=unsealed$/);
    await page.goto(`${suite.app.url}/dashboard/work/requestsToApprove`);
    await page.waitForURL(/\/dashboard$/);
  });

  it('returns to the login screen when the repository drops the ticket (401)', async () => {
    // The browser logs the refused call itself; that one message is the point of this spec.
    suite.expectErrors(/status of 401/);
    const page = await suite.signIn('legal1', 'zh-CN');
    const ticket = await page.evaluate(() => localStorage.getItem('ticket-ECM'));
    expect(ticket).toMatch(/^TICKET_/);
    const res = await fetch(`${suite.app.url}${AUTH}/tickets/-me-`, {
      method: 'DELETE',
      headers: { Authorization: `Basic ${btoa(ticket ?? '')}` },
    });
    expect(res.status).toBe(204);
    await page.locator('[data-nav="recordings"]').click();
    await page.waitForURL(/\/login\?redirect=/);
    await page.locator('[data-automation-id="username"]').waitFor();
    await settle(page);
    await saveScreen(page, `login-after-401-zh-CN-${sizeTag(VIEWPORTS[0])}`);
    expect(suite.watched?.errors.length).toBeGreaterThan(0);
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`shows the error page in ${lang}`, async () => {
      const page = await suite.signIn('legal1', lang);
      await page.goto(`${suite.app.url}/error?status=503`);
      await page.locator('[data-testid="error-page"]').waitFor();
      await settle(page);
      expect(await page.locator('[data-testid="error-page"] p').innerText()).toContain('503');
      expect(await untranslatedKeys(page)).toEqual([]);
      await saveScreen(page, `error-${lang}-${sizeTag(VIEWPORTS[0])}`);
    });
  }
});
