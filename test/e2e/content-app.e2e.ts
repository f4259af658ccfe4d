import type { Page } from 'playwright-core';
import { saveScreen, settle } from './support/e2e-app.js';
import { e2eSuite } from './support/e2e-suite.js';

/**
 * The Alfresco Content App 8.0.0 from npm with the EFR plugin, served by server/ at
 * /content-app/ (issue 17), in Chinese, as legal1 (Editor on 录像档案) and supervisor1.
 */
describe('e2e: the Content App with the EFR plugin (issue 17)', () => {
  // The browser logs every 404 response itself; which ones are expected is checked below.
  const suite = e2eSuite({ contentApp: true, setupTimeoutMs: 60_000,
    expectedErrors:
      /Failed to load resource: the server responded with a status of 404|\/(tags|category-links)"/,
  });
  const viewport = { width: 1366, height: 768 };

  /** Signs `user` in through the Content App's login page; lands on Personal Files. */
  async function signIn(user: string): Promise<Page> {
    const page = await suite.open(viewport);
    await page.goto(`${suite.app.url}/content-app/#/login`);
    await page.locator('#username').fill(user);
    await page.locator('#password').fill('efr-demo');
    await page.locator('#login-button').click();
    await page.waitForURL(/#\/personal-files/);
    await settle(page);
    return page;
  }

  /**
   * Repository calls the page saw answered 404 (a screen ACA could not load), but for two that
   * ACS answers 404 too and ACA expects: an unset preference (ACS PreferencesImpl) and the
   * missing `config.json` ACA falls back to for saved searches. Not yet served by server/:
   * `nodes/{id}/tags` (ACA 8's tags column) and `nodes/{id}/category-links` (its properties
   * tab); found by this spec, left for the repository half (issue 17).
   */
  const expected404 =
    /preferences\/saved-searches|nodes\/-my- .*relativePath: config\.json|\/(tags|category-links) /;
  const repository404s = () => (suite.watched?.failedRequests ?? [])
    .filter((line) => line.startsWith('404') && line.includes('/alfresco/'))
    .filter((line) => !expected404.test(line));

  /** A sealed recording of the demo data, and its folder (录像档案). */
  async function sealedRecording(user: string): Promise<{ id: string; name: string;
    parentId: string }> {
    const res = await suite.api(user).request<{ list: { entries: { entry: { id: string;
      name: string; parentId: string; properties?: Record<string, unknown> } }[] } }>('post',
      '/alfresco/api/-default-/public/search/versions/1/search',
      { json: { query: { query: 'TYPE:"efr:recording"', language: 'afts' },
        include: ['properties'], paging: { maxItems: 100 } } });
    expect(res.status).toBe(200);
    const sealed = res.body.list.entries.map((e) => e.entry)
      .find((e) => e.properties?.['efr:sealedAt']);
    expect(sealed).withContext('a sealed recording in the demo data').toBeDefined();
    return sealed!;
  }

  it('signs in in Chinese, shows the 执法记录 group and opens an EFR screen', async () => {
    const page = await signIn('legal1');
    const group = page.locator('[data-testid="efr-navbar"]');
    await group.waitFor();
    expect(await group.innerText()).toContain('执法记录');
    await saveScreen(page, 'content-app-personal-files-zh-CN');
    await page.locator('[data-nav="recordings"]').click();
    await page.waitForURL(/#\/recordings/);
    await settle(page);
    await page.locator('h1').first().waitFor();
    await saveScreen(page, 'content-app-efr-recordings-zh-CN');
    expect(repository404s()).toEqual([]);
  });

  it('loads every screen of ACA\'s side navigation without a 404 from the repository', async () => {
    const page = await signIn('legal1');
    for (const route of ['personal-files', 'libraries', 'favorite/libraries', 'recent-files',
      'favorites', 'shared', 'trashcan']) {
      await page.goto(`${suite.app.url}/content-app/#/${route}`);
      await settle(page);
      await saveScreen(page, `content-app-${route.replace(/[/;=]/g, '-')}-zh-CN`);
    }
    // Search as a user does: the header's search, then "mp4" (ACS tokenises names).
    await page.locator('button:has(mat-icon:text-is("search"))').first().click();
    await page.keyboard.type('mp4');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/search/);
    await settle(page);
    await saveScreen(page, 'content-app-search-mp4-zh-CN');
    expect(repository404s()).toEqual([]);
  });

  it('browses 录像档案 and offers no forbidden action on a sealed recording',
    async () => {
      const recording = await sealedRecording('legal1');
      const page = await signIn('legal1');
      await page.goto(`${suite.app.url}/content-app/#/personal-files/${recording.parentId}`);
      await settle(page);
      const row = page.locator('.adf-datatable-row', { hasText: recording.name });
      await row.waitFor();
      await saveScreen(page, 'content-app-archive-zh-CN');

      await row.click({ button: 'right' });
      const menu = page.locator('.aca-context-menu, .mat-mdc-menu-panel').last();
      await menu.waitFor();
      const offered = await menu.innerText();
      await saveScreen(page, 'content-app-context-menu-sealed-zh-CN');
      expect(offered).toContain('申请调阅');
      for (const forbidden of ['共享', '下载', '离线编辑', '上传新版本', '移动', '复制', '删除',
        '管理版本', '权限', '编辑方面', '创建链接']) {
        expect(offered).withContext(forbidden).not.toContain(forbidden);
      }
      await page.keyboard.press('Escape');
      expect(repository404s()).toEqual([]);
    });
});
