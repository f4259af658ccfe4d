import type { Page } from 'playwright-core';
import {
  VIEWPORTS,
  saveScreen,
  settle,
  sizeTag,
  untranslatedKeys,
  type AppLanguage,
} from './support/e2e-app.js';
import { CORE } from '../support/server-harness.js';
import { e2eSuite, openFromNav } from './support/e2e-suite.js';

/** A seeded recording linked to case 丹民罚〔2026〕12号 only (server/src/demo/demo-records.ts). */
const RECORDING = '20261124_093000_BWC-2026-001.mp4';
/** An open case it is not linked to. */
const OTHER_CASE = '丹民许〔2026〕5号';

/** What the specs read of a node through the API. */
interface NodeAnswer {
  entry: { aspectNames: string[]; properties: Record<string, unknown> };
}

describe('e2e: recordings list, filters, detail, case linking and dossier (issue 4)', () => {
  const suite = e2eSuite();

  /** Picks an option of a Material select found by its data-filter / data-testid selector. */
  async function choose(page: Page, selectSelector: string, optionText: string): Promise<void> {
    await page.locator(selectSelector).click();
    await page.locator('mat-option', { hasText: optionText }).first().click();
    await page.locator('mat-option').first().waitFor({ state: 'detached' });
  }

  async function rowCount(page: Page): Promise<number> {
    await settle(page);
    return page.locator('[data-testid="recording-row"]').count();
  }

  const combos: { lang: AppLanguage; viewport: (typeof VIEWPORTS)[number] }[] = [];
  for (const lang of ['zh-CN', 'en'] as const) {
    for (const viewport of VIEWPORTS) combos.push({ lang, viewport });
  }

  for (const { lang, viewport } of combos) {
    const tag = `${lang}-${sizeTag(viewport)}`;
    const zh = lang === 'zh-CN';

    it(`lists and filters the seeded recordings (${tag})`, async () => {
      const page = await suite.signIn('legal1', lang, viewport);
      await openFromNav(page, 'recordings', /\/recordings/);
      expect(await rowCount(page)).toBe(4);
      expect(await untranslatedKeys(page)).toEqual([]);
      await saveScreen(page, `recordings-${tag}`);

      // Activity type of R10.1.
      await choose(page, '[data-filter="activityType"]',
        zh ? '日常执法检查' : 'Routine inspection');
      await page.locator('[data-testid="apply-filter"]').click();
      await page.waitForURL(/activityType=routineInspection/);
      expect(await rowCount(page)).toBe(1);
      await saveScreen(page, `recordings-filtered-${tag}`);

      // Secrecy level of R27.1 on top: no routine inspection is personal-privacy.
      await choose(page, '[data-filter="secrecyLevel"]', zh ? '个人隐私' : 'Personal privacy');
      await page.locator('[data-testid="apply-filter"]').click();
      await page.waitForURL(/secrecyLevel=personalPrivacy/);
      expect(await rowCount(page)).toBe(0);
      await page.locator('[data-testid="recordings-empty"]').waitFor();
      await saveScreen(page, `recordings-empty-${tag}`);

      // Device, and the case filter through the case's associations.
      await page.locator('[data-testid="clear-filter"]').click();
      await page.waitForURL((url) => !url.search.includes('secrecyLevel'));
      await page.locator('[data-filter="device"]').fill('VR-2026-001');
      await page.locator('[data-testid="apply-filter"]').click();
      await page.waitForURL(/device=VR-2026-001/);
      expect(await rowCount(page)).toBe(1);
      await page.locator('[data-testid="clear-filter"]').click();
      await page.waitForURL((url) => !url.search.includes('device'));
      await choose(page, '[data-filter="case"]', '丹民罚〔2026〕12号');
      await page.locator('[data-testid="apply-filter"]').click();
      await page.waitForURL(/caseId=/);
      expect(await rowCount(page)).toBe(2);
    });

    it(`shows SHA-256 and custody, links a case, marks evidence in the dossier (${tag})`,
      async () => {
        const page = await suite.signIn('legal1', lang, viewport);
        await page.goto(`${suite.app.url}/recordings`);
        await page.locator('[data-testid="recording-link"]', { hasText: RECORDING }).click();
        await page.waitForURL(/\/recordings\/[0-9a-f-]{36}$/);
        const recordingId = page.url().split('/').pop() as string;
        await page.locator('[data-testid="sha256"]').waitFor();
        await settle(page);
        expect(await page.locator('[data-testid="sha256"]').innerText()).toMatch(/^[0-9a-f]{64}$/);
        expect(await page.locator('[data-testid="custody-row"]').count()).toBeGreaterThan(0);
        expect(await untranslatedKeys(page)).toEqual([]);
        // No edit or delete action for a recording anywhere (R26.1).
        const buttons = await page
          .locator('button, a[mat-button], a[mat-flat-button]')
          .allInnerTexts();
        expect(buttons.join(' ')).not.toMatch(/编辑|删除|Edit|Delete/i);
        await saveScreen(page, `recording-detail-${tag}`);

        await choose(page, '[data-testid="case-select"]', OTHER_CASE);
        await page.locator('[data-testid="link-case"]').click();
        const linked = page.locator('[data-testid="linked-case"]', { hasText: OTHER_CASE });
        await linked.waitFor();
        await settle(page);
        await saveScreen(page, `recording-linked-${tag}`);

        await linked.click();
        await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
        await page.locator('[data-testid="case-title"]').waitFor();
        await settle(page);
        const row = page.locator('[data-testid="dossier-recording"]', { hasText: RECORDING });
        await row.waitFor();
        expect(await untranslatedKeys(page)).toEqual([]);
        // Legal staff mark it as evidence for this case (R22.2, R23.1): the dossier shows the
        // mark in place of the button, and the repository holds it as the efr:evidence aspect.
        const legal = suite.api('legal1');
        const node = () =>
          legal.get<NodeAnswer>(`${CORE}/nodes/${recordingId}?include=aspectNames,properties`);
        expect((await node()).body.entry.aspectNames).not.toContain('efr:evidence');
        expect(await row.locator('mat-chip').count()).toBe(0);
        await row.locator('[data-testid="mark-evidence"]').click();
        const chip = row.locator('mat-chip');
        await chip.waitFor();
        await row.locator('[data-testid="mark-evidence"]').waitFor({ state: 'detached' });
        await settle(page);
        expect((await chip.innerText()).trim()).toBe(zh ? '证据' : 'Evidence');
        const marked = await node();
        expect(marked.status).toBe(200);
        expect(marked.body.entry.aspectNames).toContain('efr:evidence');
        expect(marked.body.entry.properties['efr:evidenceMarkedBy']).toBe('legal1');
        await saveScreen(page, `case-dossier-${tag}`);

        // Back to the seeded state for the next window size: only legal staff may take an
        // evidence mark off (R22.2), and they may unlink the case again.
        const aspects = marked.body.entry.aspectNames.filter((a) => a !== 'efr:evidence');
        const unmarked = await legal.put<NodeAnswer>(`${CORE}/nodes/${recordingId}`, {
          aspectNames: aspects,
        });
        expect(unmarked.status).toBe(200);
        expect(unmarked.body.entry.aspectNames).not.toContain('efr:evidence');
        await row.locator('[data-testid="unlink-recording"]').click();
        await row.waitFor({ state: 'detached' });
        await settle(page);
      });

    it(`lists the cases (${tag})`, async () => {
      const page = await suite.signIn('legal1', lang, viewport);
      await openFromNav(page, 'cases', /\/cases$/);
      expect(await page.locator('[data-testid="case-row"]').count()).toBe(4);
      expect(await untranslatedKeys(page)).toEqual([]);
      await saveScreen(page, `cases-${tag}`);
    });
  }
});
