import {
  VIEWPORTS,
  chooseLoginLanguage,
  saveScreen,
  settle,
  sizeTag,
  untranslatedKeys,
} from './support/e2e-app.js';
import { e2eSuite } from './support/e2e-suite.js';

describe('e2e: sign-in, languages, dashboard and logout (issue 4)', () => {
  // Console errors fail the spec that caused them (a clean console is part of "done").
  const suite = e2eSuite();

  for (const viewport of VIEWPORTS) {
    const size = sizeTag(viewport);

    it(`shows the login in Chinese at / and switches to English (${size})`, async () => {
      const page = await suite.open(viewport);
      await page.goto(`${suite.app.url}/`);
      await page.waitForURL(/\/login/);
      await page.locator('[data-automation-id="username"]').waitFor();
      await settle(page);
      expect(await page.locator('.efr-login-title h1').innerText()).toBe('执法全过程记录档案');
      expect(await page.locator('#login-button').innerText()).toMatch(/登录/);
      await saveScreen(page, `login-zh-CN-${size}`);

      await chooseLoginLanguage(page, 'en');
      await page
        .locator('.efr-login-title h1', { hasText: 'Enforcement Records Archive' })
        .waitFor();
      expect(await page.locator('#login-button').innerText()).toMatch(/sign in/i);
      expect(await untranslatedKeys(page)).toEqual([]);
      await saveScreen(page, `login-en-${size}`);
    });

    for (const lang of ['zh-CN', 'en'] as const) {
      it(`signs legal1 in (${lang}, ${size}), shows the dashboard and signs out`, async () => {
        const page = await suite.signInWithForm('legal1', lang, viewport);
        const title = lang === 'zh-CN' ? '工作台' : 'Dashboard';
        await page.locator('h1', { hasText: title }).waitFor();
        // legal1 is legal staff: the navigation offers recordings and cases.
        await page.locator('[data-nav="recordings"]').waitFor();
        await page.locator('[data-nav="cases"]').waitFor();
        const tile = page.locator('[data-tile="openCases"]');
        await tile.waitFor();
        expect(await tile.locator('[data-testid="tile-count"]').innerText()).toMatch(/^\d+$/);
        expect(await untranslatedKeys(page)).toEqual([]);
        await saveScreen(page, `dashboard-${lang}-${size}`);

        await page.locator('[data-testid="user-menu"]').click();
        await page.locator('[data-testid="logout"]').click();
        await page.waitForURL(/\/login/);
        await page.locator('[data-automation-id="username"]').waitFor();
      });
    }
  }

  it('refuses a wrong password with a message and stays on the login screen', async () => {
    // The refused ticket request is logged by the browser itself: that one is expected.
    suite.expectErrors(/status of 40[13]/);
    const page = await suite.open();
    await page.goto(`${suite.app.url}/login`);
    await page.locator('[data-automation-id="username"]').fill('legal1');
    await page.locator('[data-automation-id="password"]').fill('wrong-password');
    await page.locator('#login-button').click();
    await page.locator('[data-automation-id="login-error"]').waitFor();
    await settle(page);
    expect(page.url()).toContain('/login');
    // The glossary's wording, not ADF's "您已输入未知用户名或密码" (issue 19, point 12).
    expect(await page.locator('[data-automation-id="login-error"]').innerText()).toContain(
      '用户名或密码不正确，请重新输入。',
    );
    expect(await untranslatedKeys(page)).toEqual([]);
    await saveScreen(page, `login-refused-zh-CN-${sizeTag(VIEWPORTS[0])}`);
  });

  it('shows the 404 page for an unknown address once signed in', async () => {
    const page = await suite.signIn('legal1', 'zh-CN');
    await page.goto(`${suite.app.url}/no-such-screen`);
    await page.locator('[data-testid="not-found"]').waitFor();
    await settle(page);
    expect(await page.locator('[data-testid="not-found"] h1').innerText()).toBe('页面不存在');
    await saveScreen(page, `not-found-zh-CN-${sizeTag(VIEWPORTS[0])}`);
  });
});
