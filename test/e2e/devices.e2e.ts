import type { Page } from 'playwright-core';
import {
  VIEWPORTS,
  saveScreen,
  settle,
  sizeTag,
  untranslatedKeys,
  type AppLanguage,
} from './support/e2e-app.js';
import { e2eSuite } from './support/e2e-suite.js';

/** Console lines Chromium writes for a refusal the spec provokes on purpose (a failed check). */
const EXPECTED_REFUSAL = /status of 422/;

describe('e2e: device register, unit compliance and issuing with a pre-use check (issue 9)', () => {
  const suite = e2eSuite({ expectedErrors: EXPECTED_REFUSAL });

  async function unitCompliant(page: Page, unit: string): Promise<string | null> {
    return page
      .locator(`[data-testid="unit-compliance"][data-unit="${unit}"]`)
      .getAttribute('data-compliant');
  }

  // Each language issues a different seeded device (server/src/demo/demo-records.ts).
  const runs: { lang: AppLanguage; serial: string; newSerial: string }[] = [
    { lang: 'zh-CN', serial: 'BWC-2026-002', newSerial: 'BWC-2026-901' },
    { lang: 'en', serial: 'VR-2026-001', newSerial: 'BWC-2026-902' },
  ];

  for (const { lang, serial, newSerial } of runs) {
    const viewport = VIEWPORTS[0];
    const tag = `${lang}-${sizeTag(viewport)}`;

    it(`R9.1/R13.1: registers a device and the unit's compliance follows (${tag})`, async () => {
      const page = await suite.signIn('custodian1', lang, viewport);
      await page.locator('[data-nav="devices"]').click();
      await page.waitForURL(/\/devices$/);
      await page.locator('[data-testid="devices-table"]').waitFor();
      await settle(page);
      expect(await untranslatedKeys(page)).toEqual([]);
      await saveScreen(page, `devices-${tag}`);
      const unit = '社会组织管理科';
      const before = await unitCompliant(page, unit);
      await page.locator('[data-testid="open-register"]').click();
      await page.locator('[data-field="serial"]').fill(newSerial);
      await page.locator('[data-field="title"]').fill(`执法记录仪 ${newSerial.slice(-3)}号`);
      await page.locator('[data-field="model"]').fill('DSJ-V9');
      await page.locator('[data-field="unit"]').fill(unit);
      // The unit head is picked by name (issue 19, point 2): 吴刚, not unithead1.
      await page.locator('[data-field="unitHead"]').fill('吴刚');
      await page.locator('mat-option[data-person="unithead1"]').click();
      expect(await page.locator('[data-field="unitHead"]').inputValue()).toBe('吴刚');
      await saveScreen(page, `devices-register-${tag}`);
      await page.locator('[data-testid="register-submit"]').click();
      await page.locator(`[data-testid="device-row"][data-serial="${newSerial}"]`).waitFor();
      await settle(page);
      // 社会组织管理科 had one serviceable device (the other is in repair): now two.
      if (lang === 'zh-CN') expect(before).toBe('false');
      expect(await unitCompliant(page, unit)).toBe('true');
    });

    it(`R15.1: a failed pre-use check blocks issuing; a passing one issues (${tag})`, async () => {
      const page = await suite.signIn('custodian1', lang, viewport);
      await page.goto(`${suite.app.url}/devices`);
      await page.locator('[data-testid="device-link"]', { hasText: serial }).click();
      await page.waitForURL(/\/devices\/[0-9a-f-]{36}$/);
      await page.locator('[data-testid="device-status"]').waitFor();
      await settle(page);
      expect(await page.locator('[data-testid="device-status"]').getAttribute('data-status')).toBe(
        'available',
      );
      await page.locator('[data-step="issue"]').click();
      await page.locator('[data-field="holder"]').fill('officer1');
      await page.locator('[data-field="batteryPercent"]').fill('12');
      await page.locator('[data-field="freeStorageMb"]').fill('16000');
      await page
        .locator('[data-testid="check-problems"] [data-code="efr.preUse.battery"]')
        .waitFor();
      expect(await untranslatedKeys(page)).toEqual([]);
      await saveScreen(page, `device-check-failed-${tag}`);
      // Sent anyway: the repository refuses and nothing changes.
      await page.locator('[data-testid="issue-submit"]').click();
      const message = page.locator('[data-testid="device-message"].efr-error');
      await message.waitFor();
      expect(await message.innerText()).toContain(
        lang === 'zh-CN' ? '电量须不低于' : 'Battery must be charged',
      );
      expect(await page.locator('[data-testid="device-status"]').getAttribute('data-status')).toBe(
        'available',
      );
      await saveScreen(page, `device-issue-refused-${tag}`);

      await page.locator('[data-field="batteryPercent"]').fill('86');
      await page.locator('[data-testid="check-problems"] li.ok').waitFor();
      await page.locator('[data-testid="issue-submit"]').click();
      await page.locator('[data-testid="device-status"][data-status="issued"]').waitFor();
      await settle(page);
      expect(await page.locator('[data-testid="device-holder"]').innerText()).toBe('王明');
      expect(await page.locator('[data-testid="history-row"][data-kind="issue"]').count()).toBe(1);
      expect(await page.locator('[data-testid="check-row"]').count()).toBe(1);
      expect(await untranslatedKeys(page)).toEqual([]);
      await saveScreen(page, `device-issued-${tag}`);
    });
  }
});
