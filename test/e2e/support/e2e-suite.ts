/**
 * The set-up every end-to-end spec file shares: one app per file (server/ with a fresh copy of
 * the demo data, serving the built app), one Chromium for the whole run with a fresh context
 * per page, and the check that a spec leaves no console error behind. Call `e2eSuite()` once
 * inside `describe`: it registers the hooks and hands back what the specs use.
 */
import type { Browser, Page } from 'playwright-core';
import { AcsHttp, basicAuth } from '../../support/acs-http.js';
import {
  DEMO_PASSWORD,
  VIEWPORTS,
  launchChromium,
  openPage,
  settle,
  resumeSession,
  signIn,
  storedSession,
  type StoredSession,
  startE2eApp,
  type AppLanguage,
  type E2eApp,
  type WatchedPage,
} from './e2e-app.js';

/**
 * The Chromium of the run, launched when a suite first asks (again if it went away) and
 * closed once every suite is done: a browser per file cost a launch each (issue 20), and each
 * page still gets a context of its own (no cookie, storage or cache shared between pages).
 */
let chromium: Promise<Browser> | null = null;

export async function sharedChromium(): Promise<Browser> {
  const running = await chromium?.catch(() => null);
  if (running?.isConnected()) return running;
  chromium = launchChromium();
  return chromium;
}

// Registered while the spec files load, so on Jasmine's top suite: after the last file.
afterAll(async () => {
  const running = await chromium?.catch(() => null);
  chromium = null;
  await running?.close();
});

/**
 * What a sign-in through the login form left in local storage, per user and language, without
 * the ticket: the next sign-in of that user in that language starts from it with a ticket of
 * its own, as a returning user does, instead of filling the form again (issue 20). The form
 * itself is what login.e2e.ts checks (`signInWithForm`).
 */
const sessions = new Map<string, StoredSession>();

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

/** The one page at a time a spec drives: the suite's own, or each lane of `inParallel`. */
export interface PageLane {
  /** The page this lane opened last, or null. */
  readonly watched: WatchedPage | null;
  /** Opens a fresh page (no ticket, no language chosen), closing and checking the last one. */
  open(viewport?: Viewport): Promise<Page>;
  /**
   * A fresh page with `user` signed in, on the dashboard: through the login form the first
   * time in the run for that user and language, else with the local storage that left and a
   * ticket of its own (signing out or a dropped ticket touches no other page).
   */
  signIn(user: string, lang?: AppLanguage, viewport?: Viewport): Promise<Page>;
  /** A fresh page with `user` signed in through the login form, on the dashboard. */
  signInWithForm(user: string, lang?: AppLanguage, viewport?: Viewport): Promise<Page>;
  /** Closes the page and fails the running spec on the console errors it logged. */
  closePage(): Promise<void>;
}

/** What the specs of one file share. */
export interface E2eSuite extends PageLane {
  /** The running app (inside specs and hooks). */
  readonly app: E2eApp;
  /** The shared Chromium. */
  readonly browser: Browser;
  /** Console errors the running spec provokes on purpose, besides the file's own. */
  expectErrors(pattern: RegExp): void;
  /**
   * Runs `work` for every item, `lanes` at a time (default 2: the machine has two CPUs), each
   * lane with a page of its own that is closed and checked when the lane is done. For page
   * work that depends on no other (the same screens at two window sizes); waits for every
   * lane, then fails with the first error.
   */
  inParallel<T>(items: readonly T[], work: (item: T, lane: PageLane) => Promise<void>,
    lanes?: number): Promise<void>;
  /** The REST API and web scripts of the app as a demo user (admin: its own password). */
  api(user: string): AcsHttp;
}

/** Registers the hooks of an e2e spec file; call inside its `describe`. */
export function e2eSuite(options: E2eSuiteOptions = {}): E2eSuite {
  let app: E2eApp | null = null;
  let browser: Browser | null = null;
  let specErrors: RegExp | null = null;
  const expected = (e: string) =>
    options.expectedErrors?.test(e) === true || specErrors?.test(e) === true;

  const appOf = (): E2eApp => {
    if (!app) throw new Error('the e2e app runs inside specs and hooks only');
    return app;
  };
  const browserOf = (): Browser => {
    if (!browser) throw new Error('Chromium runs inside specs and hooks only');
    return browser;
  };
  const passwordOf = (user: string): string => (user === 'admin' ? 'admin' : DEMO_PASSWORD);
  const api = (user: string): AcsHttp =>
    new AcsHttp(appOf().url, basicAuth(user, passwordOf(user)));

  function newLane(): PageLane {
    let watched: WatchedPage | null = null;
    const lane: PageLane = {
      get watched(): WatchedPage | null {
        return watched;
      },
      async open(viewport: Viewport = VIEWPORTS[0]): Promise<Page> {
        await lane.closePage();
        watched = await openPage(browserOf(), viewport);
        return watched.page;
      },
      async signIn(
        user: string,
        lang: AppLanguage = 'zh-CN',
        viewport: Viewport = VIEWPORTS[0],
      ): Promise<Page> {
        const stored = sessions.get(`${user} ${lang}`);
        if (!stored) return lane.signInWithForm(user, lang, viewport);
        const ticket = await api(user).createTicket(user, passwordOf(user));
        await lane.closePage();
        watched = await openPage(browserOf(), viewport,
          { origin: appOf().url, session: stored, ticket });
        await resumeSession(watched.page, appOf().url);
        return watched.page;
      },
      async signInWithForm(
        user: string,
        lang: AppLanguage = 'zh-CN',
        viewport: Viewport = VIEWPORTS[0],
      ): Promise<Page> {
        const page = await lane.open(viewport);
        await signIn(page, appOf().url, user, lang, passwordOf(user));
        sessions.set(`${user} ${lang}`, await storedSession(page, appOf().url));
        return page;
      },
      async closePage(): Promise<void> {
        if (!watched) return;
        const errors = watched.errors.filter((e) => !expected(e));
        const failed = watched.failedRequests;
        await watched.close();
        watched = null;
        // A clean console is part of "done": every error fails the spec that caused it.
        expect(errors).withContext(`browser console errors (failed requests: ${failed})`)
          .toEqual([]);
      },
    };
    return lane;
  }

  const main = newLane();
  const suite: E2eSuite = {
    get app(): E2eApp {
      return appOf();
    },
    get browser(): Browser {
      return browserOf();
    },
    get watched(): WatchedPage | null {
      return main.watched;
    },
    open: (viewport) => main.open(viewport),
    signIn: (user, lang, viewport) => main.signIn(user, lang, viewport),
    signInWithForm: (user, lang, viewport) => main.signInWithForm(user, lang, viewport),
    closePage: () => main.closePage(),
    expectErrors(pattern: RegExp): void {
      specErrors = pattern;
    },
    async inParallel<T>(items: readonly T[], work: (item: T, lane: PageLane) => Promise<void>,
      lanes = 2): Promise<void> {
      let next = 0;
      const runLane = async (): Promise<void> => {
        const lane = newLane();
        try {
          while (next < items.length) await work(items[next++], lane);
        } finally {
          await lane.closePage();
        }
      };
      const done = await Promise.allSettled(
        Array.from({ length: Math.min(lanes, items.length) }, runLane));
      for (const d of done) if (d.status === 'rejected') throw d.reason;
    },
    api,
  };

  beforeAll(async () => {
    app = await startE2eApp({ contentApp: options.contentApp });
    browser = await sharedChromium();
  }, options.setupTimeoutMs);

  afterEach(async () => {
    await suite.closePage();
    specErrors = null;
  });

  afterAll(async () => {
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
