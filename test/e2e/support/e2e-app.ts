/**
 * End-to-end harness: the embedded repository with demo data and the built app, started by
 * each spec file on a free port with its own copy of a demo data directory seeded once per
 * run, and Debian's Chromium driven by playwright-core with the flags that keep it off the
 * network. Every page records console errors so that a spec can fail on them, and every
 * visited screen is saved as a PNG.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openRepository, startServer, type RunningServer } from '../../../server/src/app.js';
import { seedDemo } from '../../../server/src/demo/seed.js';

const root = resolve(import.meta.dirname, '../../..');

/** Where the built app lives (`npx ng build`). */
export const APP_DIR = join(root, 'dist/efr-app/browser');

/** Where the built Content App lives (`npm run build`, issue 17). */
export const CONTENT_APP_DIR = join(root, 'dist/content-app/browser');

/** Where screenshots go. */
export const SCREENS_DIR = join(root, 'test-results/screens');

/** The two window sizes every screen is checked at. */
export const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** Password of the seeded demo users. */
export const DEMO_PASSWORD = 'efr-demo';

/** One demo user of every role (server/src/demo/users.ts), each seeing its own navigation. */
export const DEMO_ROLE_USERS = [
  'custodian1',
  'supervisor1',
  'officer1',
  'leader1',
  'director1',
  'legal1',
  'unithead1',
] as const;

/** A login id of the demo users, which no screen or document may show (issue 19, point 2). */
export { DEMO_LOGIN_ID } from '../../support/zh-words.js';

/** The languages the app offers, zh-CN first. */
export type AppLanguage = 'zh-CN' | 'en';

/** A running server with its temp data directory. */
export interface E2eApp {
  url: string;
  close(): Promise<void>;
  server: RunningServer;
}

/**
 * Copies the built app to `target` and checks that every script and stylesheet index.html
 * names is there. Specs serve the copy, not dist/ itself: in a shared checkout another
 * `ng build` may replace dist/ mid-run, and a missing chunk would come back as index.html.
 */
export function snapshotApp(target: string, source = APP_DIR): void {
  for (let attempt = 0; attempt < 10; attempt++) {
    rmSync(target, { recursive: true, force: true });
    try {
      cpSync(source, target, { recursive: true });
      const index = readFileSync(join(target, 'index.html'), 'utf8');
      const refs = [...index.matchAll(/(?:src|href)="([^":]+\.(?:js|css))"/g)].map((m) => m[1]);
      if (refs.length > 0 && refs.every((ref) => existsSync(join(target, ref)))) return;
    } catch {
      // dist/ was being rewritten while copied (ENOENT): wait for the build to finish.
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3000);
  }
  throw new Error(`could not take a complete copy of ${source}`);
}

/**
 * What every app of this process starts from, made once and copied for each app (issue 20):
 * a data dir with the demo seeded (ffmpeg's recordings and all), and copies of the built apps.
 * Each app gets its own copy of the data dir, so suites stay independent of one another.
 */
const once = new Map<string, Promise<string>>();

/** Runs `make` the first time `key` is asked for in this process; the folder it made after. */
function madeOnce(key: string, make: (dir: string) => Promise<void> | void): Promise<string> {
  let made = once.get(key);
  if (!made) {
    const dir = mkdtempSync(join(tmpdir(), `efr-e2e-${key}-`));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    made = (async () => {
      await make(dir);
      return dir;
    })();
    // A failure is not kept: the next suite tries again (and fails with its own error).
    made.catch(() => once.delete(key));
    once.set(key, made);
  }
  return made;
}

/** A data dir with the demo seeded (closed again: copies of it are taken while nothing writes). */
export function seededDemoData(): Promise<string> {
  return madeOnce('demo', async (dir) => {
    const repo = await openRepository(dir);
    try {
      await seedDemo(repo, DEMO_PASSWORD);
    } finally {
      repo.db.close();
    }
  });
}

/** Copies the seeded demo data dir to `target` (which must not exist yet): a fresh repository. */
export async function copyDemoData(target: string): Promise<void> {
  cpSync(await seededDemoData(), target, { recursive: true });
}

/**
 * Starts server/ with demo data, serving a copy of the built app, on a free port; with
 * `contentApp`, a copy of the built Content App at `/content-app/` too.
 */
export async function startE2eApp(opts: { contentApp?: boolean } = {}): Promise<E2eApp> {
  if (!existsSync(join(APP_DIR, 'index.html'))) {
    throw new Error(`the app is not built: run \`npx ng build\` (missing ${APP_DIR}/index.html)`);
  }
  const work = mkdtempSync(join(tmpdir(), 'efr-e2e-'));
  const dataDir = join(work, 'data');
  await copyDemoData(dataDir);
  // The servers only read the apps: one copy each serves every app of the process.
  const appDir = await madeOnce('app', (dir) => snapshotApp(dir));
  const contentAppDir = opts.contentApp
    ? await madeOnce('content-app', (dir) => snapshotApp(dir, CONTENT_APP_DIR))
    : undefined;
  const server = await startServer({ dataDir, port: 0, demo: true, appDir, contentAppDir });
  return {
    url: server.url,
    server,
    close: async () => {
      await server.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Launches Debian's Chromium, headless, off the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A page and the console errors it has logged so far. */
export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught exceptions, in order. */
  errors: string[];
  /** Requests answered with 4xx/5xx (status, method, path, body): which call an error was. */
  failedRequests: string[];
  /** Closes the page's context. */
  close(): Promise<void>;
}

/** Where ADF keeps the ticket of a signed-in user (BASIC auth; local storage, no cookie). */
const TICKET_KEY = 'ticket-ECM';

/** The local storage a sign-in left (user, language, ADF's preferences), without the ticket. */
export type StoredSession = { name: string; value: string }[];

/** What a page signed in before holds: the app's origin, its stored session and a ticket. */
export interface SignedIn {
  origin: string;
  session: StoredSession;
  ticket: string;
}

/**
 * Opens a fresh context at a viewport: no stored ticket or language, or with `signedIn`, the
 * local storage of a user who signed in before (nothing else carries over between contexts).
 */
export async function openPage(
  browser: Browser,
  viewport: { width: number; height: number },
  signedIn?: SignedIn,
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(signedIn && {
      storageState: {
        cookies: [],
        origins: [{
          origin: new URL(signedIn.origin).origin,
          localStorage: [...signedIn.session, { name: TICKET_KEY, value: signedIn.ticket }],
        }],
      },
    }),
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  watchNetwork(page);
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  const failedRequests: string[] = [];
  page.on('response', async (res) => {
    if (res.status() < 400) return;
    const line = `${res.status()} ${res.request().method()} ${new URL(res.url()).pathname}`;
    // The ACS error body says which rule refused; a closed page may no longer give it.
    const body = await res.text().catch(() => '');
    failedRequests.push(`${line} ${body.slice(0, 300)}`);
  });
  return { page, errors, failedRequests, close: () => context.close() };
}

/** The requests of a page that load a screen (its data and code), as `openPage` counts them. */
interface NetworkWatch {
  inFlight: number;
  /** When one last started or ended (ms since the epoch). */
  lastActivity: number;
}
const networks = new WeakMap<Page, NetworkWatch>();
/** What a screen waits for: not media, images or fonts (a video may stream on and on). */
const LOADS_SCREEN = new Set(['document', 'script', 'stylesheet', 'xhr', 'fetch']);

function watchNetwork(page: Page): void {
  const net: NetworkWatch = { inFlight: 0, lastActivity: Date.now() };
  networks.set(page, net);
  page.on('request', (req) => {
    if (!LOADS_SCREEN.has(req.resourceType())) return;
    net.inFlight++;
    net.lastActivity = Date.now();
  });
  const ended = (req: { resourceType(): string }) => {
    if (!LOADS_SCREEN.has(req.resourceType())) return;
    net.inFlight = Math.max(0, net.inFlight - 1);
    net.lastActivity = Date.now();
  };
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
}

/** How long a screen's text and network must stay still to count as rendered (ms). */
const STILL_MS = 400;

/**
 * The text of the first `selector` once the screen has rendered: no request of the page in
 * flight and the text unchanged for `STILL_MS`, and `done(text)` true. Names arrive a moment
 * after the rows (a second request), which `settle()` does not wait for after an in-app
 * navigation; this waits for them instead of sleeping a fixed time (issue 20). Gives the last
 * text after `timeoutMs` without failing, for the caller's checks to say what is wrong with it.
 */
export async function renderedText(
  page: Page,
  selector: string,
  done: (text: string) => boolean = () => true,
  timeoutMs = 6_000,
): Promise<string> {
  const net = networks.get(page);
  if (!net) throw new Error('renderedText needs a page of openPage (it watches its requests)');
  const end = Date.now() + timeoutMs;
  let text = await page.locator(selector).first().innerText();
  let changed = Date.now();
  for (;;) {
    await page.waitForTimeout(100);
    const now = await page.locator(selector).first().innerText();
    if (now !== text) {
      text = now;
      changed = Date.now();
    }
    const still = Math.min(Date.now() - changed, Date.now() - net.lastActivity);
    if ((net.inFlight === 0 && still >= STILL_MS && done(text)) || Date.now() > end) return text;
  }
}

/** Polls a condition that events fill in (the browser's, or the server's log) every 250 ms. */
export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((ok) => setTimeout(ok, 250));
  }
}

/** Switches the interface language on the login screen. */
export async function chooseLoginLanguage(page: Page, lang: AppLanguage): Promise<void> {
  await page.locator(`efr-login button[data-lang="${lang}"]`).click();
}

/** Signs in through ADF's login form and waits for the dashboard. */
export async function signIn(
  page: Page,
  baseUrl: string,
  user: string,
  lang: AppLanguage,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('[data-automation-id="username"]').waitFor();
  await chooseLoginLanguage(page, lang);
  await page.locator('[data-automation-id="username"]').fill(user);
  await page.locator('[data-automation-id="password"]').fill(password);
  await page.locator('#login-button').click();
  await page.waitForURL(/\/dashboard/);
  await settle(page);
}

/** The local storage the signed-in `page` holds for the app at `baseUrl`, without the ticket. */
export async function storedSession(page: Page, baseUrl: string): Promise<StoredSession> {
  const origin = new URL(baseUrl).origin;
  const state = await page.context().storageState();
  const stored = state.origins.find((o) => o.origin === origin)?.localStorage ?? [];
  if (!stored.some((e) => e.name === TICKET_KEY)) {
    throw new Error(`no ${TICKET_KEY} in the local storage of ${origin} after signing in`);
  }
  return stored.filter((e) => e.name !== TICKET_KEY);
}

/**
 * Opens the dashboard on a page whose context holds a stored session (`openPage` with
 * `signedIn`) and waits for it as `signIn` does; fails if the app sends the page to the login.
 */
export async function resumeSession(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/dashboard`);
  await page.locator('[data-testid="user-menu"]').waitFor();
  const path = new URL(page.url()).pathname;
  if (path !== '/dashboard') throw new Error(`the stored session opened ${path}, not /dashboard`);
  await settle(page);
}

/**
 * Waits until the screen is done loading: no progress bar or spinner left, fonts ready. A
 * spinner that never ends fails here, which is one of the things the screenshots must not show.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => !document.querySelector('mat-progress-bar, mat-progress-spinner, mat-spinner'),
    undefined,
    { timeout: 20_000 },
  );
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Saves a screenshot of the current screen as test-results/screens/<name>.png. */
export async function saveScreen(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const file = join(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** `1366x768` for a viewport. */
export function sizeTag(viewport: { width: number; height: number }): string {
  return `${viewport.width}x${viewport.height}`;
}

/**
 * Text on the page that looks like an untranslated i18n key (`EFR_X.Y` or `ADF_X.Y`): a
 * missing translation shows its key.
 */
export async function untranslatedKeys(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return [...new Set(text.match(/\b(?:EFR|ADF|APP|LOGIN|CORE)_[A-Z_]+\.[A-Za-z_.]+/g) ?? [])];
}
