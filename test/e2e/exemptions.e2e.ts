import type { Page } from 'playwright-core';
import {
  VIEWPORTS,
  saveScreen,
  settle,
  sizeTag,
  untranslatedKeys,
  type AppLanguage,
} from './support/e2e-app.js';
import { e2eSuite, openFromNav } from './support/e2e-suite.js';

describe('e2e: an exemption record goes from officer to leader to office (issue 9, R11)', () => {
  const suite = e2eSuite();

  /** Signs `user` in (closing the last user's page) and opens the exemption records. */
  async function openList(user: string, lang: AppLanguage): Promise<Page> {
    const page = await suite.signIn(user, lang);
    await openFromNav(page, 'exemptions', /\/exemptions$/);
    return page;
  }

  /** The row of this run's record (found by its place, unique per language). */
  const rowOf = (page: Page, place: string) =>
    page.locator('[data-testid="exemption-row"]', { hasText: place });

  for (const lang of ['zh-CN', 'en'] as const) {
    const tag = `${lang}-${sizeTag(VIEWPORTS[0])}`;
    const place = lang === 'zh-CN' ? '丹东市振兴区某加油站' : '丹东市元宝区某化工仓库';

    it(`R11.2: officer writes, leader acknowledges, office files (${tag})`, async () => {
      // Officer: writes the record after the act.
      let page = await openList('officer1', lang);
      await page.locator('[data-testid="write-exemption"]').click();
      await page.waitForURL(/\/exemptions\/new$/);
      await settle(page);
      await page.locator('[data-field="activityType"]').click();
      await page.locator('mat-option').first().click();
      await page.locator('mat-option').first().waitFor({ state: 'detached' });
      await page.locator('[data-field="location"]').fill(place);
      if (lang === 'zh-CN') {
        // An act of a case: its leader in charge (赵国华, leader1 in the demo) receives the record.
        await page.locator('[data-field="caseId"]').click();
        await page.locator('mat-option', { hasText: '丹民罚〔2026〕12号' }).click();
        await page.locator('mat-option').first().waitFor({ state: 'detached' });
        await page.locator('[data-testid="case-leader"]', { hasText: '赵国华' }).waitFor();
      } else {
        await page.locator('[data-field="leader"]').fill('leader1');
      }
      // No ground and no basis yet: core's check shows why it cannot be sent (R11.1).
      expect(await page.locator('[data-testid="exemption-submit"]').isDisabled()).toBeTrue();
      await page.locator('[data-testid="form-problem"]').waitFor();
      await page.locator('[data-ground="explosionHazard"] input').check();
      await page
        .locator('[data-field="basis"]')
        .fill('加油站油气区域属防爆区，现场执法记录仪非防爆型，依安全规定不得开机录像。');
      await page.locator('[data-testid="form-problem"]').waitFor({ state: 'detached' });
      expect(await untranslatedKeys(page)).toEqual([]);
      await saveScreen(page, `exemption-write-${tag}`);
      await page.locator('[data-testid="exemption-submit"]').click();
      await page.waitForURL(/\/exemptions(\?.*)?$/);
      await rowOf(page, place).waitFor();
      await settle(page);
      expect(await rowOf(page, place).getAttribute('data-status')).toBe('written');
      await saveScreen(page, `exemptions-officer-${tag}`);

      // Leader in charge: acknowledges it (the author could not).
      page = await openList('leader1', lang);
      await rowOf(page, place).waitFor();
      expect(await untranslatedKeys(page)).toEqual([]);
      await saveScreen(page, `exemptions-leader-${tag}`);
      await rowOf(page, place).locator('[data-step="acknowledge"]').click();
      await page.locator('[data-testid="exemption-message"].efr-ok').waitFor();
      await page.locator('[data-view="all"]').click();
      expect(await rowOf(page, place).getAttribute('data-status')).toBe('acknowledged');

      // Office: files it.
      page = await openList('custodian1', lang);
      await rowOf(page, place).locator('[data-step="file"]').click();
      await page.locator('[data-testid="exemption-message"].efr-ok').waitFor();
      await page.locator('[data-view="all"]').click();
      await page.locator('[data-view="all"][class*="checked"]').waitFor();
      await page.waitForTimeout(400); // let the toggle's ripple end before the screenshot
      expect(await rowOf(page, place).getAttribute('data-status')).toBe('filed');
      expect(await untranslatedKeys(page)).toEqual([]);
      await saveScreen(page, `exemptions-filed-${tag}`);
    });
  }
});
