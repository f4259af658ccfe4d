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

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const ROLES = DEMO_ROLE_USERS;
const LOGIN_ID = DEMO_LOGIN_ID;
/**
 * A raw code: a refusal code, a requirement id, or a camelCase enum value (routineInspection,
 * notRecorded, bodyCamera) that a label should have replaced.
 */
const RAW_CODE = /\befr\.[a-z]+\.[A-Za-z.]+|\bR\d+\.\d+\b|\b[a-z]+[A-Z][a-z]+[A-Za-z]*\b/;
/** Two English words in a row (a file name, a serial or a unit like "4.7 GB" is not). */
const ENGLISH = /\b(?!(?:GB|MB|KB|MiB|KiB|GiB)\b)[A-Za-z]{2,}[a-z]\s+[A-Za-z]{2,}[a-z]\b/;

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

/** The screen's text once it has stopped changing (names arrive after the rows). */
async function stableText(page: Page): Promise<string> {
  return renderedText(page, '.efr-content', (text) => !LOGIN_ID.test(text));
}

/** The lines of `text` that `pattern` finds, with what it found. */
function offending(text: string, pattern: RegExp): string[] {
  return text
    .split('\n')
    .map((line) => [line, pattern.exec(line)?.[0]] as const)
    .filter(([, hit]) => hit !== undefined)
    .map(([line, hit]) => `${hit} in "${line.trim().slice(0, 80)}"`);
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
          for (const nav of navs) {
            await page.locator(`[data-nav="${nav}"]`).click();
            await settle(page);
            const text = await stableText(page);
            await saveScreen(page, `review-${user}-${nav}-${lang}-${sizeTag(viewport)}`);
            if (viewport !== VIEWPORTS[0]) continue;
            for (const v of await axeViolations(page)) problems.push(`${nav} axe ${v}`);
            if (lang !== 'zh-CN') continue;
            for (const [what, pattern] of [
              ['login id', LOGIN_ID],
              ['raw code', RAW_CODE],
              ['English', ENGLISH],
            ] as const) {
              for (const o of offending(text, pattern)) problems.push(`${nav} ${what}: ${o}`);
            }
          }
        });
        expect(problems).toEqual([]);
      }, 300_000);
    }
  }
});
