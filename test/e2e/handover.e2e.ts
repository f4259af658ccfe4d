/**
 * Issue 5 end to end in Chromium: custodian1 opens a handover on the officers' behalf, drops a
 * generated video (hashed in the browser's Web Worker), survives a network failure by retrying
 * the file without hashing it again (issue 20), confirms receipt, custodian2 signs in within
 * the same flow and seals it (R21.4). Then the API proves the sealed recording refuses
 * content, capture facts, delete and move (R26.1).
 * Screens in zh-CN and en go to test-results/screens/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { HttpMethod } from '../support/openapi.js';
import { makeMp4, type GeneratedFile } from '../support/media.js';
import { CORE } from '../support/server-harness.js';
import {
  DEMO_PASSWORD,
  saveScreen,
  settle,
  untranslatedKeys,
  type AppLanguage,
} from './support/e2e-app.js';
import { e2eSuite, openFromNav } from './support/e2e-suite.js';

describe('e2e: guided two-person handover (issue 5, R21.4, R26.1)', () => {
  // The aborted upload of the resume check logs a network error on purpose.
  const suite = e2eSuite({ expectedErrors: /net::ERR_FAILED/, setupTimeoutMs: 120_000 });
  let media: string;

  beforeAll(() => {
    media = mkdtempSync(join(tmpdir(), 'efr-e2e-handover-'));
  });

  afterAll(() => {
    if (media) rmSync(media, { recursive: true, force: true });
  });

  /** What the API specs read of an answer: lists, entries and their values. */
  interface Answer {
    status: number;
    json: {
      entry: {
        status: string;
        receipts: { by: string }[];
        files: { id: string; sha256: string }[];
      };
      list: { entries: { entry: { values: Record<string, string> } }[] };
    };
  }

  /** Calls the API as a user (Basic user:password); bytes go up as video/mp4. */
  async function api(user: string, method: string, path: string, body?: unknown): Promise<Answer> {
    const res = await suite
      .api(user)
      .request<Answer['json']>(
        method.toLowerCase() as HttpMethod,
        path,
        body instanceof Uint8Array
          ? { body, headers: { 'content-type': 'video/mp4' } }
          : { json: body },
      );
    return { status: res.status, json: res.body };
  }

  /** Waits for the file row to reach a state; on timeout says what the row and the server said. */
  async function fileState(page: Page, state: string): Promise<void> {
    try {
      await page.locator(`[data-testid="file-row"][data-state="${state}"]`).waitFor();
    } catch (err) {
      const row = await page
        .locator('[data-testid="file-row"]')
        .allInnerTexts()
        .catch(() => []);
      throw new Error(
        `file row not ${state}: ${row.join(' | ')}; requests: ` +
          `${(suite.watched?.failedRequests ?? []).join(' | ')}; ` +
          `console: ${(suite.watched?.errors ?? []).join(' | ')}; ${String(err)}`,
      );
    }
  }

  /** How many times the page hashed a file (User Timing measures of FileHashService). */
  function hashRuns(page: Page): Promise<number> {
    return page.evaluate(() => performance.getEntriesByName('efr-hash', 'measure').length);
  }

  async function fillFacts(page: Page): Promise<void> {
    // Officers are picked by name (issue 19, point 2); a typed login id works too.
    await page.locator('[data-field="officer"]').fill('王');
    await page.locator('mat-option[data-person="officer1"]').click();
    expect(await page.locator('[data-field="officer"]').inputValue()).toBe('王明');
    await page.locator('[data-field="coOfficer"]').fill('officer2');
    await page.locator('[data-field="deviceSerial"]').fill('BWC-2026-001');
    await page.locator('[data-field="place"]').fill('丹东市振兴区六纬路 12 号');
  }

  async function runHandover(
    lang: AppLanguage,
    clip: GeneratedFile,
    breakFirstUpload: boolean,
  ): Promise<string> {
    const zh = lang === 'zh-CN';
    const page = await suite.signIn('custodian1', lang);
    const tag = `${lang}-1366x768`;
    await openFromNav(page, 'handovers', /\/handovers/);
    await page.locator('[data-testid="new-handover"]').click();
    await page.locator('[data-testid="facts-form"]').waitFor();
    expect(await page.locator('[data-testid="notice-phrase"]').innerText()).toContain(
      '本次执法全程录音录像',
    );
    // R16.1 refused on the form before anything is sent.
    await page.locator('[data-field="noticeText"]').fill(zh ? '现在开始录像' : 'recording now');
    await page.locator('[data-testid="open-handover"]').click();
    await page.locator('[data-testid="facts-errors"] [data-code="efr.session.notice"]').waitFor();
    await fillFacts(page);
    await saveScreen(page, `handover-facts-errors-${tag}`);
    await page
      .locator('[data-field="noticeText"]')
      .fill('为保护您的合法权益，监督我们的执法行为，本次执法全程录音录像。');
    await saveScreen(page, `handover-facts-${tag}`);
    await page.locator('[data-testid="open-handover"]').click();
    await page.waitForURL(/\/handovers\/[0-9a-f-]{36}$/);
    await page.locator('[data-testid="handover-summary"]').waitFor();
    const id = page.url().split('/').pop() as string;

    let broken = !breakFirstUpload;
    let uploads = 0;
    await page.route('**/nodes/*/children', async (route) => {
      if (route.request().method() === 'POST') uploads++;
      if (!broken && route.request().method() === 'POST') {
        broken = true;
        await route.abort('failed');
        return;
      }
      await route.continue();
    });
    await page.locator('[data-testid="file-input"]').setInputFiles(clip.path);
    if (breakFirstUpload) {
      await fileState(page, 'failed');
      await settle(page);
      await saveScreen(page, `handover-upload-failed-${tag}`);
      await page.locator('[data-testid="retry-file"]').click();
    }
    await fileState(page, 'uploaded');
    // Issue 20: the retry sent the request again with the digest kept on the queued file; the
    // file was hashed once (FileHashService records each run as an `efr-hash` measure).
    expect(uploads).toBe(breakFirstUpload ? 2 : 1);
    expect(await hashRuns(page)).toBe(1);
    await page.locator('[data-testid="hash-match"]').waitFor();
    await settle(page);
    expect(await page.locator('[data-testid="file-hash"]').innerText()).toBe(clip.sha256);
    expect(await page.locator('[data-testid="upload-percent"]').innerText()).toBe('100%');
    await saveScreen(page, `handover-files-${tag}`);

    await page.locator('[data-testid="confirm-self"]').click();
    await page.locator('[data-testid="handover-status"][data-status="pending"]').waitFor();
    await page.locator('[data-testid="second-user"]').fill('custodian2');
    await page.locator('[data-testid="second-password"]').fill(DEMO_PASSWORD);
    await settle(page);
    await saveScreen(page, `handover-receipt-${tag}`);
    await page.locator('[data-testid="confirm-other"]').click();
    await page.locator('[data-testid="sealed-banner"]').waitFor();
    await page.locator('[data-testid="handover-status"][data-status="sealed"]').waitFor();
    await settle(page);
    // Receipts name the custodians as people know them (issue 19, point 2).
    expect(await page.locator('[data-testid="receipts"] li').allInnerTexts()).toEqual([
      jasmine.stringContaining('张丽'),
      jasmine.stringContaining('刘芳'),
    ]);
    expect(await untranslatedKeys(page)).toEqual([]);
    await saveScreen(page, `handover-sealed-${tag}`);
    // The session is still custodian1's: the second custodian's ticket did not replace it.
    await page.locator('[data-testid="back-to-list"]').click();
    await page.locator('[data-filter="sealed"]').click();
    await page.waitForURL(/status=sealed/);
    await page.locator(`[data-testid="handover-row"][data-status="sealed"]`).first().waitFor();
    await settle(page);
    expect(await untranslatedKeys(page)).toEqual([]);
    await saveScreen(page, `handover-list-sealed-${tag}`);
    return id;
  }

  it('R21.4/R26.1: whole handover in zh-CN, network failure resumed; API refuses', async () => {
    const clip = await makeMp4(media, 'VID_20261126_0001.mp4', { seconds: 2, frequency: 650 });
    const id = await runHandover('zh-CN', clip, true);
    const h = await api('custodian1', 'GET', `/alfresco/s/efr/handovers/${id}`);
    expect(h.json.entry.status).toBe('sealed');
    expect(h.json.entry.receipts.map((r) => r.by)).toEqual(['custodian1', 'custodian2']);
    const rec = h.json.entry.files[0].id;
    expect(h.json.entry.files[0].sha256).toBe(clip.sha256);
    const content = await api(
      'custodian2',
      'PUT',
      `${CORE}/nodes/${rec}/content`,
      new Uint8Array([1, 2, 3]),
    );
    expect(content.status).toBe(403);
    const facts = await api('custodian2', 'PUT', `${CORE}/nodes/${rec}`, {
      properties: { 'efr:location': '别处' },
    });
    expect(facts.status).toBe(403);
    expect((await api('admin', 'DELETE', `${CORE}/nodes/${rec}`)).status).toBe(403);
    expect(
      (await api('admin', 'POST', `${CORE}/nodes/${rec}/move`, { targetParentId: '-my-' })).status,
    ).toBe(403);
    const log = await api(
      'admin',
      'GET',
      `${CORE}/nodes/${rec}/audit-entries?include=values&maxItems=100`,
    );
    const attempted = log.json.list.entries
      .map((e) => e.entry.values['/efr-access/attempted'])
      .filter(Boolean);
    expect(attempted).toEqual(
      jasmine.arrayContaining(['updateContent', 'update', 'delete', 'move']),
    );
    // Issue 19, point 4: the handed-over recording has its unit (王明's, 社会事务科), so the
    // unit filter of the recordings list finds it beside the seeded ones of that unit.
    const page = await suite.signIn('legal1', 'zh-CN');
    await page.goto(`${suite.app.url}/recordings?unit=${encodeURIComponent('社会事务科')}`);
    await page.locator('[data-testid="recording-row"]').first().waitFor();
    await settle(page);
    const rows = await page.locator('[data-testid="recording-row"]').allInnerTexts();
    expect(rows.some((r) => r.includes('VID_20261126_0001.mp4'))).withContext(rows.join('|'))
      .toBeTrue();
    expect(rows.some((r) => r.includes('BWC-2026-001'))).toBeTrue();
    // Issue 19, point 11: the device handed over with (issued to 王明) shows the pre-use check
    // declared in the handover in its check history and as 最近检查 (it showed "—").
    const devices = await suite.signIn('custodian1', 'zh-CN');
    await devices.goto(`${suite.app.url}/devices`);
    await devices.locator('[data-testid="device-link"]', { hasText: 'BWC-2026-001' }).click();
    await devices.waitForURL(/\/devices\/[0-9a-f-]{36}$/);
    await devices.locator('[data-testid="check-row"]').first().waitFor();
    await settle(devices);
    const checks = await devices.locator('[data-testid="check-row"]').allInnerTexts();
    expect(checks.some((c) => c.includes('王明'))).withContext(checks.join('|')).toBeTrue();
    // Its history holds the issue to 王明 (it read "暂无记录" for a device out with him).
    expect(await devices.locator('[data-testid="history-row"][data-kind="issue"]').count())
      .toBeGreaterThan(0);
    const last = (await devices.locator('[data-testid="device-last-check"]').innerText()).trim();
    expect(last).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // 最近检查 is the time of the newest check listed.
    expect(checks.some((c) => c.includes(last))).withContext(`${last}: ${checks.join('|')}`)
      .toBeTrue();
    await saveScreen(devices, 'issue19-device-after-handover-zh-CN');
  });

  it('performs the same handover in en', async () => {
    const clip = await makeMp4(media, 'VID_20261126_0002.mp4', { seconds: 1, frequency: 820 });
    const id = await runHandover('en', clip, false);
    const h = await api('custodian1', 'GET', `/alfresco/s/efr/handovers/${id}`);
    expect(h.json.entry.status).toBe('sealed');
  });
});
