import type { Page, Response } from 'playwright-core';
import { summaryText } from '../../extension/shared/refusal.js';
import { CORE } from '../support/server-harness.js';
import { saveScreen, settle, untranslatedKeys, type AppLanguage } from './support/e2e-app.js';
import { e2eSuite } from './support/e2e-suite.js';
import { requestCard, takeApprovalStep, type ApprovalStep } from './support/approval-steps.js';
import { englishWords, offending } from '../support/zh-words.js';

/**
 * The Alfresco Content App 8.0.0 from npm with the EFR plugin, served by server/ at
 * /content-app/ (issue 17), in Chinese, as legal1 (Editor on 录像档案) and supervisor1.
 */
describe('e2e: the Content App with the EFR plugin (issue 17)', () => {
  // The browser logs every 404 response itself; which ones are expected is checked below.
  const suite = e2eSuite({ contentApp: true, setupTimeoutMs: 60_000,
    expectedErrors: /Failed to load resource: the server responded with a status of 404/,
  });
  const viewport = { width: 1366, height: 768 };

  /**
   * Signs `user` in through the Content App's login page; lands on Personal Files. ADF keeps
   * the language per user in local storage (`<user>__locale`, `GUEST__locale` before sign-in,
   * adf-core 9.0.0 UserPreferencesService): English is chosen there, as its language menu does.
   */
  async function signIn(user: string, lang: AppLanguage = 'zh-CN'): Promise<Page> {
    const page = await suite.open(viewport);
    if (lang === 'en') {
      await page.addInitScript((u) => {
        localStorage.setItem('GUEST__locale', 'en');
        localStorage.setItem(`${u}__locale`, 'en');
      }, user);
    }
    await page.goto(`${suite.app.url}/content-app/#/login`);
    await page.locator('#username').fill(user);
    await page.locator('#password').fill(user === 'admin' ? 'admin' : 'efr-demo');
    await page.locator('#login-button').click();
    await page.waitForURL(/#\/personal-files/);
    await settle(page);
    return page;
  }

  /**
   * Repository calls the page saw answered 404 (a screen ACA could not load), but for two that
   * ACS answers 404 too and ACA expects: an unset preference (ACS PreferencesImpl) and the
   * missing `config.json` ACA falls back to for saved searches. `nodes/{id}/tags` (ACA 8's tags
   * column) and `nodes/{id}/category-links` (its properties tab), found 404 by this spec, are
   * served since (server/src/aca/tags-categories-routes.ts).
   */
  const expected404 = /preferences\/saved-searches|nodes\/-my- .*relativePath: config\.json/;
  const repository404s = () => (suite.watched?.failedRequests ?? [])
    .filter((line) => line.startsWith('404') && line.includes('/alfresco/'))
    .filter((line) => !expected404.test(line));

  /**
   * The project's English-word rule (test/support/zh-words.ts), with the words the Content
   * App shows as data, not interface: the names ACS gives its root folder ("Company Home") and
   * its own people ("Administrator" is admin's first name, "System" the modifier of what the
   * system made). Units and the product's name are the rule's own.
   */
  const ACA_ENGLISH = englishWords(['Company', 'Home', 'Administrator', 'System']);

  /**
   * English words of the interface on a zh-CN screen: every visible text and placeholder, less
   * icon ligatures (`mat-icon`), held to the project's rule.
   */
  async function englishOnScreen(page: Page): Promise<string[]> {
    // One expression without inner functions: tsx would wrap a named one in its `__name`.
    const lines = await page.evaluate(() => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || el.closest('mat-icon, script, style, .material-icons')
          || el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') {
          continue;
        }
        const text = (n.textContent ?? '').trim();
        if (text) out.push(text);
      }
      for (const el of Array.from(document.querySelectorAll('input[placeholder], textarea[placeholder]'))) {
        if (el.getClientRects().length > 0) out.push(el.getAttribute('placeholder') ?? '');
      }
      return out;
    });
    return [...new Set(lines.flatMap((line) => offending(line, ACA_ENGLISH)))];
  }

  /** Notes the English words of the zh-CN screen `where` in `into`. */
  async function noteEnglish(page: Page, where: string, into: string[]): Promise<void> {
    for (const word of await englishOnScreen(page)) into.push(`${where}: ${word}`);
  }

  /**
   * A sealed video recording of the demo data, and its folder (录像档案): the first by name, so
   * that every run takes the same one (the search answers in no fixed order, and the demo's
   * voice-recorder file plays in an audio element).
   */
  async function sealedRecording(user: string): Promise<{ id: string; name: string;
    parentId: string }> {
    const res = await suite.api(user).request<{ list: { entries: { entry: { id: string;
      name: string; parentId: string; properties?: Record<string, unknown> } }[] } }>('post',
      '/alfresco/api/-default-/public/search/versions/1/search',
      { json: { query: { query: 'TYPE:"efr:recording"', language: 'afts' },
        include: ['properties'], paging: { maxItems: 100 } } });
    expect(res.status).toBe(200);
    const sealed = res.body.list.entries.map((e) => e.entry)
      .filter((e) => e.properties?.['efr:sealedAt'] && e.name.endsWith('.mp4'))
      .sort((a, b) => a.name.localeCompare(b.name))[0];
    expect(sealed).withContext('a sealed recording in the demo data').toBeDefined();
    return sealed!;
  }

  it('signs in in Chinese, shows the 执法记录 group and opens an EFR screen', async () => {
    const page = await signIn('legal1');
    const group = page.locator('[data-testid="efr-navbar"]');
    await group.waitFor();
    expect(await group.innerText()).toContain('执法记录');
    await saveScreen(page, 'content-app-personal-files-zh-CN');
    const english: string[] = [];
    await noteEnglish(page, 'personal-files', english);
    await page.locator('[data-nav="recordings"]').click();
    await page.waitForURL(/#\/recordings/);
    await settle(page);
    await page.locator('h1').first().waitFor();
    await saveScreen(page, 'content-app-efr-recordings-zh-CN');
    await noteEnglish(page, 'recordings', english);
    expect(english).toEqual([]);
    expect(repository404s()).toEqual([]);
  });

  it('loads every screen of ACA\'s side navigation without a 404 from the repository', async () => {
    const page = await signIn('legal1');
    const english: string[] = [];
    for (const route of ['personal-files', 'libraries', 'favorite/libraries', 'recent-files',
      'favorites', 'shared', 'trashcan']) {
      await page.goto(`${suite.app.url}/content-app/#/${route}`);
      await settle(page);
      await saveScreen(page, `content-app-${route.replace(/[/;=]/g, '-')}-zh-CN`);
      await noteEnglish(page, route, english);
    }
    // Search as a user does: the header's search, then "mp4" (ACS tokenises names).
    await page.locator('button:has(mat-icon:text-is("search"))').first().click();
    await page.keyboard.type('mp4');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/search/);
    await settle(page);
    await saveScreen(page, 'content-app-search-mp4-zh-CN');
    await noteEnglish(page, 'search', english);
    expect(english).toEqual([]);
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
      const english: string[] = [];
      await noteEnglish(page, 'archive', english);

      await row.click({ button: 'right' });
      const menu = page.locator('.aca-context-menu, .mat-mdc-menu-panel').last();
      await menu.waitFor();
      const offered = await menu.innerText();
      await saveScreen(page, 'content-app-context-menu-sealed-zh-CN');
      await noteEnglish(page, 'context menu', english);
      expect(offered).toContain('申请调阅');
      for (const forbidden of ['共享', '下载', '离线编辑', '上传新版本', '移动', '复制', '删除',
        '管理版本', '权限', '编辑方面', '创建链接']) {
        expect(offered).withContext(forbidden).not.toContain(forbidden);
      }
      // 申请调阅 from the context menu: the request form, this recording ticked.
      await menu.getByText('申请调阅').click();
      await page.waitForURL(new RegExp(`#/approvals/new\\?recordingId=${recording.id}`));
      await page.locator('[data-testid="request-form"] input[type="checkbox"]:checked').waitFor();
      await settleWithNav(page);
      await saveScreen(page, 'content-app-request-from-context-menu-zh-CN');
      await noteEnglish(page, 'request form', english);
      expect(english).toEqual([]);
      expect(repository404s()).toEqual([]);
    });

  /**
   * Waits for ACA's side navigation too: ACA fills it 300 ms after its state settles
   * (aca-content 8.0.0 SidenavComponent: `debounceTime(300)`), after the network is idle.
   */
  async function settleWithNav(page: Page): Promise<void> {
    await settle(page);
    await page.waitForFunction(() =>
      document.querySelectorAll('.aca-sidenav__section__actions__item').length > 0);
  }

  /** Opens the folder of `recording` and selects its row. */
  async function selectRecording(page: Page, recording: { name: string; parentId: string }) {
    await page.goto(`${suite.app.url}/content-app/#/personal-files/${recording.parentId}`);
    await settle(page);
    const row = page.locator('.adf-datatable-row', { hasText: recording.name });
    await row.waitFor();
    return row;
  }

  /** The six EFR tabs of a recording's info drawer, by part, with their titles. */
  const TABS = [
    { part: 'capture', 'zh-CN': '拍摄信息', en: 'Capture' },
    { part: 'fixity', 'zh-CN': '固定信息', en: 'Fixity' },
    { part: 'retention', 'zh-CN': '移交与保存', en: 'Handover and retention' },
    { part: 'cases', 'zh-CN': '关联案件', en: 'Linked cases' },
    { part: 'custody', 'zh-CN': '保管链', en: 'Chain of custody' },
    { part: 'viewing', 'zh-CN': '我的调阅权限', en: 'My viewing rights' },
  ] as const;

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`opens a recording's six EFR info-drawer tabs (${lang})`, async () => {
      const recording = await sealedRecording('legal1');
      const page = await signIn('legal1', lang);
      const row = await selectRecording(page, recording);
      await row.click();
      await page.locator('.app-toggle-info-drawer button').click();
      const english: string[] = [];
      const drawer = page.locator('adf-info-drawer');
      await drawer.waitFor();
      await settle(page);
      for (const tab of TABS) {
        // The drawer's tab header scrolls; a click event selects a tab wherever it is.
        const label = drawer.locator('.mat-mdc-tab', { hasText: tab[lang] });
        await label.dispatchEvent('click');
        const part = drawer.locator(`[data-part="${tab.part}"]`);
        await part.waitFor();
        await settle(page);
        await page.waitForFunction((p) => {
          const el = document.querySelector(`adf-info-drawer [data-part="${p}"]`);
          return !!el && !/加载中|Loading/.test(el.textContent ?? '');
        }, tab.part);
        const text = await part.innerText();
        expect(text.trim().length).withContext(`${tab.part}: ${text}`).toBeGreaterThan(4);
        if (lang === 'zh-CN') expect(text).withContext(tab.part).toMatch(/[\u4e00-\u9fff]/);
        await saveScreen(page, `content-app-info-drawer-${tab.part}-${lang}`);
        if (lang === 'zh-CN') await noteEnglish(page, `info drawer ${tab.part}`, english);
      }
      // What legal staff see in each tab: the seal's hash, the custody log, and the way to view.
      await drawer.locator('.mat-mdc-tab', { hasText: TABS[1][lang] }).dispatchEvent('click');
      expect(await drawer.locator('[data-testid="sha256"]').innerText()).toMatch(/[0-9a-f]{64}/);
      // EFR's classes reach the Content App with the plugin (assets/efr/efr.css).
      expect(await drawer.locator('.efr-facts').first()
        .evaluate((el) => getComputedStyle(el).display)).toBe('grid');
      await drawer.locator('.mat-mdc-tab', { hasText: TABS[5][lang] }).dispatchEvent('click');
      await drawer.locator('[data-testid="request-viewing"]').waitFor();
      expect(await untranslatedKeys(page)).toEqual([]);
      expect(english).toEqual([]);
      expect(repository404s()).toEqual([]);
    });
  }

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`the viewer tells a user without a viewing right why, and offers 申请调阅 (${lang})`,
      async () => {
        const recording = await sealedRecording('legal1');
        const page = await signIn('legal1', lang);
        const contentReads: string[] = [];
        page.on('request', (req) => {
          if (req.url().includes(`/nodes/${recording.id}/content`)) contentReads.push(req.url());
        });
        const row = await selectRecording(page, recording);
        await row.dblclick();
        const gate = page.locator('efr-recording-viewer [data-testid="efr-viewer-gate"]');
        await gate.waitFor();
        await settle(page);
        expect(await gate.locator('[data-testid="efr-viewer-why"]').innerText()).toBe(lang === 'zh-CN'
          ? '您没有调阅这段录像的权限' : 'You have no right to view this recording');
        const request = gate.locator('[data-testid="efr-viewer-request"]');
        expect(await request.innerText()).toContain(lang === 'zh-CN' ? '申请调阅' : 'Request viewing');
        await saveScreen(page, `content-app-viewer-no-right-${lang}`);
        const english: string[] = [];
        if (lang === 'zh-CN') await noteEnglish(page, 'viewer', english);
        expect(english).toEqual([]);
        // Nothing of the content was asked for: the gate decides before any read.
        expect(contentReads).toEqual([]);
        await request.click();
        await page.waitForURL(new RegExp(`#/approvals/new\\?recordingId=${recording.id}`));
        await page.locator('[data-testid="request-form"] input[type="checkbox"]:checked').waitFor();
        await settleWithNav(page);
        await saveScreen(page, `content-app-request-from-viewer-${lang}`);
        expect(await untranslatedKeys(page)).toEqual([]);
      });
  }

  /**
   * What ACA shows after one of its own actions: the snackbar's text, once it is there
   * (adf-core 9.0.0 NotificationService opens `adf-snackbar-content`).
   */
  async function snackbarText(page: Page): Promise<string> {
    const bar = page.locator('adf-snackbar-content').last();
    await bar.waitFor();
    return (await bar.innerText()).trim();
  }

  /** Right-clicks the row named `name` and runs the context-menu entry `entry`. */
  async function runFromContextMenu(page: Page, name: string, entry: string): Promise<void> {
    const row = page.locator('.adf-datatable-row', { hasText: name }).first();
    await row.waitFor();
    await row.click({ button: 'right' });
    const menu = page.locator('.mat-mdc-menu-panel').last();
    await menu.waitFor();
    await menu.locator('button.mat-mdc-menu-item', { hasText: entry }).first().click();
  }

  /**
   * Runs ACA's `entry` (复制 / 移动, Copy / Move) on the row `name` and, in ACA's node selector
   * that opens, goes up to the folder `ancestor` by the dialog's breadcrumb; answers the dialog.
   */
  async function nodeSelectorFor(page: Page, name: string, entry: string, ancestor: string) {
    await runFromContextMenu(page, name, entry);
    const dialog = page.locator('adf-content-node-selector');
    await dialog.waitFor();
    await settle(page);
    await dialog.locator('[data-automation-id="dropdown-breadcrumb-trigger"]').click();
    await page.locator('mat-option', { hasText: ancestor }).click();
    await settle(page);
    return dialog;
  }

  /**
   * The sentence of the EFR refusal the repository answered `res` with, in `lang`: what the
   * user must read instead of ACA's own sentence.
   */
  async function refusalSentence(res: Response, lang: AppLanguage): Promise<string> {
    const body = await res.json() as { error: { errorKey: string; briefSummary: string } };
    expect(body.error.errorKey).withContext(body.error.briefSummary).toMatch(/^efr\./);
    return summaryText(body.error.briefSummary, lang);
  }

  /** A folder of sealed recordings as the archive files them (录像档案/<handover>/). */
  async function recordingsFolder(user: string): Promise<{ name: string; parentId: string }> {
    const recording = await sealedRecording(user);
    const res = await suite.api(user).request<{ entry: { name: string; parentId: string } }>(
      'get', `${CORE}/nodes/${recording.parentId}`);
    expect(res.status).toBe(200);
    return res.body.entry;
  }

  /** admin, signed in, on the folder that holds a folder of sealed recordings. */
  async function folderOfRecordingsAsAdmin() {
    const folder = await recordingsFolder('admin');
    const page = await signIn('admin');
    await page.goto(`${suite.app.url}/content-app/#/personal-files/${folder.parentId}`);
    await settle(page);
    return { folder, page };
  }

  const refusedInBrowser = /Failed to load resource: the server responded with a status of (403|409)/;

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`ACA's own Copy of a folder of recordings, refused by the repository, says EFR's `
      + `sentence and is tried once (${lang})`, async () => {
      suite.expectErrors(refusedInBrowser);
      const folder = await recordingsFolder('legal1');
      const page = await signIn('legal1', lang);
      const copies: string[] = [];
      page.on('request', (req) => {
        if (req.method() === 'POST' && /\/nodes\/[^/]+\/copy\b/.test(req.url())) copies.push(req.url());
      });
      await page.goto(`${suite.app.url}/content-app/#/personal-files/${folder.parentId}`);
      await settle(page);
      // A handover's folder in 录像档案 (legal1: Editor) into 案件 (legal1: Collaborator).
      const dialog = await nodeSelectorFor(page, folder.name, lang === 'zh-CN' ? '复制' : 'Copy',
        'EFR 执法记录');
      await dialog.locator('.adf-datatable-row', { hasText: '案件' }).first().click();
      await saveScreen(page, `content-app-copy-dialog-${lang}`);
      const english: string[] = [];
      if (lang === 'zh-CN') await noteEnglish(page, 'copy dialog', english);
      const refused = page.waitForResponse((res) => res.request().method() === 'POST'
        && /\/copy\b/.test(res.url()));
      await dialog.locator('[data-automation-id="content-node-selector-actions-choose"]').click();
      const sentence = await refusalSentence(await refused, lang);
      expect(await snackbarText(page)).toContain(sentence);
      await saveScreen(page, `content-app-copy-refused-${lang}`);
      if (lang === 'zh-CN') await noteEnglish(page, 'copy refused', english);
      expect(english).toEqual([]);
      await settle(page);
      expect(copies.length).withContext(copies.join('\n')).toBe(1);
    });
  }

  it('ACA\'s own Delete of a folder of recordings, refused by the repository, says EFR\'s '
    + 'sentence (zh-CN)', async () => {
    suite.expectErrors(refusedInBrowser);
    const { folder, page } = await folderOfRecordingsAsAdmin();
    const refused = page.waitForResponse((res) => res.request().method() === 'DELETE');
    await runFromContextMenu(page, folder.name, '删除');
    const sentence = await refusalSentence(await refused, 'zh-CN');
    expect(await snackbarText(page)).toContain(sentence);
    await saveScreen(page, 'content-app-delete-refused-zh-CN');
    // Nothing was deleted: the folder is still listed after ACA's reload.
    await settle(page);
    await page.locator('.adf-datatable-row', { hasText: folder.name }).waitFor();
  });

  it('ACA\'s own Move of a folder of recordings out of the archive, refused by the repository '
    + '(403), says EFR\'s sentence, not "same name" (zh-CN)', async () => {
    suite.expectErrors(refusedInBrowser);
    const { folder, page } = await folderOfRecordingsAsAdmin();
    // To Company Home, outside EFR 执法记录: the dialog's own folder is the destination.
    const dialog = await nodeSelectorFor(page, folder.name, '移动', 'Company Home');
    await saveScreen(page, 'content-app-move-dialog-zh-CN');
    const refused = page.waitForResponse((res) => res.request().method() === 'POST'
      && /\/move\b/.test(res.url()));
    await dialog.locator('[data-automation-id="content-node-selector-actions-choose"]').click();
    const res = await refused;
    expect(res.status()).toBe(403);
    const sentence = await refusalSentence(res, 'zh-CN');
    const text = await snackbarText(page);
    expect(text).toContain(sentence);
    expect(text).not.toContain('相同名称');
    await saveScreen(page, 'content-app-move-refused-zh-CN');
  });

  /** Opens an EFR screen from the 执法记录 group of ACA's side navigation. */
  async function openEfrScreen(page: Page, nav: string, url: RegExp): Promise<void> {
    await page.locator(`[data-testid="efr-navbar"] [data-nav="${nav}"]`).click();
    await page.waitForURL(url);
    await settleWithNav(page);
  }

  it('files, reviews, approves and registers a viewing request through EFR\'s screens in the '
    + 'Content App, then plays it in the viewer: time advances under the watermark, the '
    + 'session is logged', async () => {
    const recording = await sealedRecording('legal1');
    // legal1 files from the viewer's 申请调阅.
    let page = await signIn('legal1');
    await (await selectRecording(page, recording)).dblclick();
    await page.locator('efr-recording-viewer [data-testid="efr-viewer-request"]').click();
    await page.waitForURL(new RegExp(`#/approvals/new\\?recordingId=${recording.id}`));
    await page.locator('[data-testid="request-form"] input[type="checkbox"]:checked').waitFor();
    await settleWithNav(page);
    await page.locator('[data-testid="reason"]').fill('复核执法过程（内容管理应用）');
    await page.locator('[data-testid="submit-request"]').click();
    await page.waitForURL(/#\/approvals\?created=/);
    const number = decodeURIComponent(/created=([^&]+)/.exec(page.url())![1]);
    const card = await requestCard(page, number);
    expect(await card.locator('[data-testid="request-status"]').innerText()).toBe('已提交');
    await settleWithNav(page);
    await saveScreen(page, 'content-app-approvals-filed-zh-CN');
    // Who approves is the leader in charge of the recording's case: the request says.
    const mine = await suite.api('legal1').request<{ list: { entries: { entry: {
      number: string; approvers: string[] } }[] } }>('get',
      '/alfresco/s/efr/access-requests?queue=mine&maxItems=1000');
    const filed = mine.body.list.entries.map((e) => e.entry).find((e) => e.number === number);
    expect(filed?.approvers.length).withContext(`request ${number}`).toBeGreaterThan(0);

    const english: string[] = [];
    const steps: [string, ApprovalStep][] = [
      ['director1', { decision: 'review', opinion: '同意，报分管领导批准。' }],
      [filed!.approvers[0], { decision: 'approve', opinion: '同意调阅。' }],
      ['custodian1', { decision: 'register', viewerName: '周敏' }],
    ];
    for (const [user, step] of steps) {
      page = await signIn(user);
      await openEfrScreen(page, 'approvals', /#\/approvals/);
      await takeApprovalStep(page, number, step, (part) =>
        saveScreen(page, `content-app-approvals-${step.decision}-${part}-zh-CN`));
      await settleWithNav(page);
      await saveScreen(page, `content-app-approvals-${step.decision}-done-zh-CN`);
      expect(await untranslatedKeys(page)).toEqual([]);
      await noteEnglish(page, `approvals ${step.decision}`, english);
    }

    for (const lang of ['zh-CN', 'en'] as const) {
      page = await signIn('legal1', lang);
      const row = await selectRecording(page, recording);
      await row.dblclick();
      const media = page.locator('efr-recording-viewer video[data-testid="media"]');
      await media.waitFor();
      await settle(page);
      const watermark = page.locator('efr-recording-viewer [data-testid="watermark"]');
      expect(await watermark.isVisible()).toBeTrue();
      const mark = await watermark.innerText();
      expect(mark).toContain(number);
      expect(mark).not.toContain('legal1');
      const logged = page.waitForResponse((res) => res.url().includes('/viewing-events')
        && res.request().method() === 'POST');
      await media.evaluate(async (el) => {
        const v = el as HTMLVideoElement;
        v.muted = true;
        await v.play();
      });
      await page.waitForFunction(() => {
        const v = document.querySelector('efr-recording-viewer video') as HTMLVideoElement | null;
        return v !== null && v.currentTime > 0.5;
      });
      expect((await logged).status()).toBeLessThan(300);
      await media.evaluate((el) => (el as HTMLVideoElement).pause());
      await saveScreen(page, `content-app-viewer-playing-${lang}`);
      expect(await untranslatedKeys(page)).toEqual([]);
      if (lang === 'zh-CN') await noteEnglish(page, 'viewer playing', english);
    }
    expect(english).toEqual([]);
    expect(repository404s()).toEqual([]);
  });
});
