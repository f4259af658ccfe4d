/**
 * The set-up every end-to-end spec file shares: one app (server/ with demo data serving the
 * built app) and one Chromium per file, a fresh page per sign-in, and the check that a spec
 * leaves no console error behind. Call `e2eSuite()` once inside `describe`: it registers the
 * hooks and hands back what the specs use.
 */
import type { Browser, Page } from 'playwright-core';
import { AcsHttp, basicAuth } from '../../support/acs-http.js';
import {
  DEMO_PASSWORD,
  VIEWPORTS,
  launchChromium,
  openPage,
  settle,
  signIn,
  startE2eApp,
  type AppLanguage,
  type E2eApp,
  type WatchedPage,
} from './e2e-app.js';

/** A window size of the specs. */
export type Viewport = { width: number; height: number };

/** Options of `e2eSuite`. */
export interface E2eSuiteOptions {
  /** Console errors every spec of the file provokes on purpose (a refusal it checks). */
  expectedErrors?: RegExp;
  /** Time allowed to start the app and Chromium (jasmine's default otherwise). */
  setupTimeoutMs?: number;
  /** Whether to serve the built Content App at `/content-app/` too (issue 17). */
  contentApp?: boolean;
}

/** What the specs of one file share. */
export interface E2eSuite {
  /** The running app (inside specs and hooks). */
  readonly app: E2eApp;
  /** The shared Chromium. */
  readonly browser: Browser;
  /** The page the running spec opened last, or null. */
  readonly watched: WatchedPage | null;
  /** Opens a fresh page (no ticket, no language chosen), closing and checking the last one. */
  open(viewport?: Viewport): Promise<Page>;
  /** A fresh page with `user` signed in through the login form, on the dashboard. */
  signIn(user: string, lang?: AppLanguage, viewport?: Viewport): Promise<Page>;
  /** Console errors the running spec provokes on purpose, besides the file's own. */
  expectErrors(pattern: RegExp): void;
  /** Closes the page and fails the running spec on the console errors it logged. */
  closePage(): Promise<void>;
  /** The REST API and web scripts of the app as a demo user (admin: its own password). */
  api(user: string): AcsHttp;
}

/** Registers the hooks of an e2e spec file; call inside its `describe`. */
export function e2eSuite(options: E2eSuiteOptions = {}): E2eSuite {
  let app: E2eApp | null = null;
  let browser: Browser | null = null;
  let watched: WatchedPage | null = null;
  let specErrors: RegExp | null = null;
  const expected = (e: string) =>
    options.expectedErrors?.test(e) === true || specErrors?.test(e) === true;

  const suite: E2eSuite = {
    get app(): E2eApp {
      if (!app) throw new Error('the e2e app runs inside specs and hooks only');
      return app;
    },
    get browser(): Browser {
      if (!browser) throw new Error('Chromium runs inside specs and hooks only');
      return browser;
    },
    get watched(): WatchedPage | null {
      return watched;
    },
    async open(viewport: Viewport = VIEWPORTS[0]): Promise<Page> {
      await suite.closePage();
      watched = await openPage(suite.browser, viewport);
      return watched.page;
    },
    async signIn(
      user: string,
      lang: AppLanguage = 'zh-CN',
      viewport: Viewport = VIEWPORTS[0],
    ): Promise<Page> {
      const page = await suite.open(viewport);
      await signIn(page, suite.app.url, user, lang);
      return page;
    },
    expectErrors(pattern: RegExp): void {
      specErrors = pattern;
    },
    async closePage(): Promise<void> {
      if (!watched) return;
      const errors = watched.errors.filter((e) => !expected(e));
      const failed = watched.failedRequests;
      await watched.close();
      watched = null;
      // A clean console is part of "done": every error fails the spec that caused it.
      expect(errors).withContext(`browser console errors (failed requests: ${failed})`).toEqual([]);
    },
    api(user: string): AcsHttp {
      return new AcsHttp(
        suite.app.url,
        basicAuth(user, user === 'admin' ? 'admin' : DEMO_PASSWORD),
      );
    },
  };

  beforeAll(async () => {
    app = await startE2eApp({ contentApp: options.contentApp });
    browser = await launchChromium();
  }, options.setupTimeoutMs);

  afterEach(async () => {
    await suite.closePage();
    specErrors = null;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    browser = null;
    app = null;
  });

  return suite;
}

/** Opens a screen from the side navigation and waits until it has loaded. */
export async function openFromNav(page: Page, nav: string, url: RegExp): Promise<void> {
  await page.locator(`[data-nav="${nav}"]`).click();
  await page.waitForURL(url);
  await settle(page);
}
