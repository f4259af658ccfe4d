/**
 * Issue 18 end to end in Chromium (zh-CN first): custodian1 lists the recordings whose retention
 * ended and proposes a batch, director1 reviews with an opinion, a hold placed by supervisor1
 * mid-batch saves one recording, leader1 approves; the other recording's bytes are gone from
 * the store and `GET …/content` answers 410 efr.disposition.contentDestroyed, its tombstone stays
 * and the destruction register downloads as a PDF naming the people. Screens in zh-CN and en.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { recordingProps } from '../../server/src/testing/temp-repository.js';
import { saveScreen, settle, untranslatedKeys, type AppLanguage } from './support/e2e-app.js';
import { e2eSuite } from './support/e2e-suite.js';
import { CORE } from '../support/server-harness.js';

const VIEWPORT = { width: 1366, height: 768 } as const;

describe('e2e: disposition after retention, review, approval, register (issue 18)', () => {
  const suite = e2eSuite();
  const recs: { id: string; sha: string; name: string }[] = [];
  let batchId = '';

  const as = (user: string, lang: AppLanguage = 'zh-CN'): Promise<Page> =>
    suite.signIn(user, lang, VIEWPORT);

  async function batchCard(page: Page): Promise<ReturnType<Page['locator']>> {
    await page.goto(`${suite.app.url}/disposition`);
    const card = page.locator(`[data-testid="batch-card"][data-id="${batchId}"]`);
    await card.waitFor();
    await settle(page);
    return card;
  }

  it('custodian1 lists expired recordings and proposes a batch', async () => {
    const admin = suite.api('admin');
    const folder = suite.app.server.repository.meta('efr_folder_recordings') as string;
    for (const title of ['到期录像甲', '到期录像乙']) {
      const data = randomBytes(96 * 1024);
      const name = `expired-${randomBytes(3).toString('hex')}.mp4`;
      const fields = Object.fromEntries(Object.entries(recordingProps(true,
        { 'efr:retainUntil': '2025-01-01', 'cm:title': title }))
        .map(([k, v]) => [k, String(v)]));
      const r = await admin.upload<{ entry: { id: string } }>(folder, data, name,
        { nodeType: 'efr:recording', ...fields });
      expect(r.status).withContext(r.text).toBe(201);
      const sha = createHash('sha256').update(data).digest('hex');
      recs.push({ id: r.body.entry.id, sha, name });
    }
    for (const lang of ['en', 'zh-CN'] as const) {
      const page = await as('custodian1', lang);
      await page.goto(`${suite.app.url}/disposition`);
      for (const r of recs) {
        await page.locator(`[data-testid="eligible-row"][data-id="${r.id}"]`).waitFor();
      }
      await settle(page);
      expect(await untranslatedKeys(page)).toEqual([]);
      await saveScreen(page, `disposition-eligible-${lang}`);
      if (lang === 'en') continue;
      for (const r of recs) {
        await page.locator(`[data-testid="eligible-row"][data-id="${r.id}"] input`).check();
      }
      await page.locator('[data-testid="proposal-reason"]').fill('保存期限届满，按程序销毁');
      await page.locator('[data-testid="propose"]').click();
      const card = page.locator('[data-testid="batch-card"][data-status="proposed"]').first();
      await card.waitFor();
      batchId = (await card.getAttribute('data-id')) ?? '';
      // People by name (issue 19): custodian1 is 张丽 in the demo directory.
      expect(await card.locator('[data-testid="batch-proposer"]').innerText()).toContain('张丽');
      await saveScreen(page, 'disposition-proposed-zh-CN');
    }
    expect(batchId).not.toBe('');
  });

  it('director1 reviews; a hold mid-batch saves one recording; leader1 approves', async () => {
    let page = await as('director1');
    let card = await batchCard(page);
    await card.locator('[data-testid="batch-opinion"]').fill('经核对，同意销毁');
    await card.locator('[data-testid="batch-review"]').click();
    await page.locator(`[data-testid="batch-card"][data-id="${batchId}"][data-status="reviewed"]`)
      .waitFor();

    const held = await suite.api('supervisor1').post('/alfresco/s/efr/holds',
      { recordingIds: [recs[1].id], reason: '批次办理中收到投诉', reference: '投诉-2027-01' });
    expect(held.status).withContext(held.text).toBe(201);

    page = await as('leader1');
    card = await batchCard(page);
    expect(await card.locator('[data-testid="batch-reviewer"]').innerText()).toContain('同意销毁');
    await saveScreen(page, 'disposition-approve-zh-CN');
    await card.locator('[data-testid="batch-opinion"]').fill('同意销毁');
    await card.locator('[data-testid="batch-approve"]').click();
    const done = page.locator(`[data-testid="batch-card"][data-id="${batchId}"]` +
      '[data-status="executed"]');
    await done.waitFor();
    await settle(page);
    expect(await done.locator(`[data-testid="batch-recording"][data-id="${recs[0].id}"]`)
      .getAttribute('data-destroyed')).toBe('true');
    expect(await done.locator(`[data-testid="batch-recording"][data-id="${recs[1].id}"] ` +
      '[data-testid="spared"]').innerText()).toContain('保全');
    expect(await untranslatedKeys(page)).toEqual([]);
    await saveScreen(page, 'disposition-executed-zh-CN');
    const en = await as('leader1', 'en');
    await en.goto(`${suite.app.url}/disposition`);
    await en.locator(`[data-testid="batch-card"][data-id="${batchId}"]`).waitFor();
    await settle(en);
    expect(await untranslatedKeys(en)).toEqual([]);
    await saveScreen(en, 'disposition-executed-en');
  });

  it('the bytes are gone, the tombstone and the register remain', async () => {
    const store = suite.app.server.repository.store;
    expect(existsSync(store.pathOf(recs[0].sha))).toBeFalse();
    expect(existsSync(store.pathOf(recs[1].sha))).toBeTrue();
    const admin = suite.api('admin');
    const gone = await admin.get<{ error: { errorKey: string } }>(
      `${CORE}/nodes/${recs[0].id}/content`);
    expect(gone.status).toBe(410);
    expect(gone.body.error.errorKey).toBe('efr.disposition.contentDestroyed');
    const tomb = await admin.get<{ entry: { aspectNames: string[];
      properties: Record<string, unknown> } }>(`${CORE}/nodes/${recs[0].id}`);
    expect(tomb.body.entry.aspectNames).toContain('efr:destroyed');
    expect(tomb.body.entry.properties['efr:sha256']).toBe(recs[0].sha);

    const page = await as('director1');
    const card = await batchCard(page);
    const href = await card.locator('[data-testid="batch-register"]').getAttribute('href');
    const res = await page.request.get(href as string);
    expect(res.status()).withContext(String(href)).toBe(200);
    expect(res.headers()['content-disposition']).toContain(encodeURIComponent('销毁清册'));
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await saveScreen(page, 'disposition-register-link-zh-CN');
  });
});
