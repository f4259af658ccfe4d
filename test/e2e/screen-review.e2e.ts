/**
 * Issue 19, "Done when": every screen of the lean shell, for every role by its own
 * navigation, in both languages, at 1366×768 and 1920×1080:
 * - a screenshot for the review, kept under test-results/screens/review-* (not committed);
 * - axe-core (4.11) over the screen: no serious or critical violation;
 * - on zh-CN, no login id, raw code or English phrase in the screen's text.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import {
  DEMO_LOGIN_ID, DEMO_ROLE_USERS,
  VIEWPORTS,
  renderedText,
  saveScreen,
  settle,
  sizeTag,
  type AppLanguage,
} from './support/e2e-app.js';
import { e2eSuite } from './support/e2e-suite.js';
import { zhWordProblems } from '../support/zh-words.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const ROLES = DEMO_ROLE_USERS;
const LOGIN_ID = DEMO_LOGIN_ID;

/**
 * The detail pages reached from a list (issue 19's review visited navigation entries only):
 * the first record the role's own list shows, by its link. A request's detail is its card on
 * the approvals screen, reviewed with it.
 */
const DETAILS: Readonly<Record<string, { link: string; url: RegExp }>> = {
  recordings: { link: 'recording-link', url: /\/recordings\/[0-9a-f-]{36}$/ },
  handovers: { link: 'handover-link', url: /\/handovers\/[0-9a-f-]{36}$/ },
  cases: { link: 'case-link', url: /\/cases\/[0-9a-f-]{36}$/ },
  devices: { link: 'device-link', url: /\/devices\/[0-9a-f-]{36}$/ },
};

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The serious and critical axe-core violations of the screen. */
async function axeViolations(page: Page): Promise<string[]> {
  // Once per page: the app navigates in place, so axe stays loaded from screen to screen.
  if (await page.evaluate(() => !('axe' in window))) await page.addScriptTag({ path: AXE });
  const found = (await page.evaluate(async () => {
    const axe = (window as unknown as {
      axe: { run(ctx: unknown, o: unknown): Promise<{ violations: unknown[] }> };
    }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations;
  })) as AxeViolation[];
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ');
      return `${v.id} (${v.impact}): ${v.help} @ ${where}`;
    });
}

/**
 * The text a reader sees: the content's innerText without the Material icons, whose ligature
 * names (arrow_back, check_circle) are drawn as glyphs, not read.
 */
async function shownText(page: Page): Promise<string> {
  return page.locator('.efr-content').first().evaluate((root) => {
    const icons = Array.from(root.querySelectorAll<HTMLElement>('mat-icon, .material-icons'));
    const before = icons.map((i) => i.style.display);
    for (const i of icons) i.style.display = 'none';
    const text = (root as HTMLElement).innerText;
    icons.forEach((i, k) => { i.style.display = before[k]; });
    return text;
  });
}

/** The screen's text once it has stopped changing (names arrive after the rows). */
async function stableText(page: Page): Promise<string> {
  // Still first (its requests and text), then read without the icons' ligature names.
  await renderedText(page, '.efr-content', (text) => !LOGIN_ID.test(text));
  return shownText(page);
}

describe('e2e: screen review, accessibility and words of every screen (issue 19)', () => {
  const suite = e2eSuite();

  for (const lang of ['zh-CN', 'en'] as const satisfies readonly AppLanguage[]) {
    for (const user of ROLES) {
      it(`every screen of ${user} (${lang}): screenshots, axe-core, words`, async () => {
        const problems: string[] = [];
        // The two window sizes side by side, each in a page of its own (issue 20).
        await suite.inParallel(VIEWPORTS, async (viewport, lane) => {
          const page = await lane.signIn(user, lang, viewport);
          const navs = await page.locator('[data-nav]').evaluateAll((els) =>
            els.map((e) => e.getAttribute('data-nav') ?? ''),
          );
          /** Screenshot, axe-core and words of the screen shown, named `screen`. */
          const review = async (screen: string): Promise<void> => {
            await settle(page);
            const text = await stableText(page);
            await saveScreen(page, `review-${user}-${screen}-${lang}-${sizeTag(viewport)}`);
            if (viewport !== VIEWPORTS[0]) return;
            for (const v of await axeViolations(page)) problems.push(`${screen} axe ${v}`);
            if (lang !== 'zh-CN') return;
            for (const p of zhWordProblems(text)) problems.push(`${screen} ${p}`);
          };
          for (const nav of navs) {
            await page.locator(`[data-nav="${nav}"]`).click();
            await review(nav);
            const detail = DETAILS[nav];
            const link = detail ? page.locator(`[data-testid="${detail.link}"]`).first() : null;
            if (!detail || !link || (await link.count()) === 0) continue;
            await link.click();
            await page.waitForURL(detail.url);
            await review(`${nav}-detail`);
          }
        });
        expect(problems).toEqual([]);
      }, 300_000);
    }
  }
});
