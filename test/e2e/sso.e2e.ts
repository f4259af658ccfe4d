// Issue 10, single sign-on end to end: the built app with `authType: OAUTH` (ADF's own code
// flow with PKCE, angular-oauth2-oidc underneath) against the Keycloak-shaped test realm, and
// server/ checking the bearer tokens the app sends (EFR_OIDC_ISSUER pointed at the realm).
// The user signs in on the realm's login form, sees the dashboard and the recordings list as
// themself, the access token is refreshed with the refresh token, and the user signs out at
// the realm. Expired and forged tokens are refused with 401.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/src/app.js';
import { startTestRealm, type TestRealm } from '../deploy/support/oidc-test-realm.js';
import {
  APP_DIR, copyDemoData, openPage, saveScreen, settle, waitUntil, type WatchedPage,
} from './support/e2e-app.js';
import { sharedChromium } from './support/e2e-suite.js';

const ME = '/alfresco/api/-default-/public/alfresco/versions/1/people/-me-';
/** A demo user of server/ (group EFR_OFFICERS) who also exists in the realm. */
const USER = { username: 'officer1', password: 'Officer-Sso-2026', groups: ['EFR_OFFICERS'],
  givenName: '明', familyName: '王', email: 'officer1@efr.example.org' };
/** Short, so that the app refreshes during the spec (angular-oauth2-oidc: at 75 %). */
const ACCESS_TOKEN_TTL = 20;

/** A free port: the realm needs the app's origin before server/ can start with its issuer. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((ok) => probe.close(() => ok()));
  return port;
}

/**
 * A copy of the built app with the production app.config.json (docker/app/app.config.json:
 * authType OAUTH, ADF's code flow with PKCE) pointed at the test realm. The shipped
 * app.config.json stays BASIC for the embedded repository.
 */
function oauthAppCopy(target: string, issuer: string): void {
  cpSync(APP_DIR, target, { recursive: true });
  const config = JSON.parse(readFileSync(join(import.meta.dirname, '../../docker/app',
    'app.config.json'), 'utf8')) as { authType: string; oauth2: Record<string, unknown> };
  expect(config.authType).toBe('OAUTH');
  // angular-oauth2-oidc accepts plain http only for `localhost`; the realm is on 127.0.0.1.
  config.oauth2 = { ...config.oauth2, host: issuer, requireHttps: false };
  writeFileSync(join(target, 'app.config.json'), JSON.stringify(config, null, 2));
}

describe('e2e: single sign-on through the OpenID provider (issue 10)', () => {
  let realm: TestRealm;
  let server: RunningServer;
  let browser: Browser;
  let work: string;
  let origin: string;
  let watched: WatchedPage | null = null;

  beforeAll(async () => {
    // The demo data first: seeding it (when no suite did before) must not hold the free port.
    work = mkdtempSync(join(tmpdir(), 'efr-sso-'));
    await copyDemoData(join(work, 'data'));
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    realm = await startTestRealm({
      redirectUris: [`${origin}/view/authentication-confirmation`,
        `${origin}/assets/silent-refresh.html`],
      postLogoutRedirectUris: [`${origin}/`, `${origin}/logout`],
      webOrigins: [origin],
      accessTokenTtl: ACCESS_TOKEN_TTL,
      users: [USER],
    });
    oauthAppCopy(join(work, 'app'), realm.issuer);
    server = await startServer({ dataDir: join(work, 'data'), port, demo: true,
      appDir: join(work, 'app'), oidc: { issuer: realm.issuer } });
    browser = await sharedChromium();
  });

  afterAll(async () => {
    await watched?.close();
    await server?.close();
    await realm?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('signs in at the provider, uses the app, refreshes the token and signs out', async () => {
    watched = await openPage(browser, { width: 1366, height: 768 });
    const { page } = watched;
    const bearerCalls: Array<{ status: number; token: string }> = [];
    const refreshStatuses: number[] = [];
    page.on('response', async (res) => {
      if (res.url().startsWith(realm.issuer) &&
        (res.request().postData() ?? '').includes('grant_type=refresh_token')) {
        refreshStatuses.push(res.status());
      }
      if (!res.url().startsWith(`${origin}/alfresco/`)) return;
      // headers() leaves out Authorization; allHeaders() has what went on the wire.
      const auth = (await res.request().allHeaders()).authorization ?? '';
      // ADF writes the scheme in lower case (`bearer …`); the scheme is case-insensitive.
      if (/^bearer /i.test(auth)) bearerCalls.push({ status: res.status(), token: auth.slice(7) });
    });

    // ADF always sends `client_secret=dummyClientSecret` to the token endpoint. Keycloak
    // ignores a secret from a public client; oidc-provider refuses it (invalid_client), so the
    // browser drops it on the way, as Keycloak would.
    await page.route(`${realm.issuer}/protocol/openid-connect/token`, async (route) => {
      const form = new URLSearchParams(route.request().postData() ?? '');
      form.delete('client_secret');
      await route.continue({ postData: form.toString() });
    });

    // The guard sends an unauthenticated visitor to the provider's login form.
    await page.goto(`${origin}/`);
    await page.locator('#kc-login').waitFor();
    expect(page.url()).toContain(`${realm.issuer}/login-actions/`);
    await saveScreen(page, 'sso-provider-login');
    await page.fill('#username', USER.username);
    await page.fill('#password', USER.password);
    await page.click('#kc-login');

    // Back in the app with a code exchanged for tokens (PKCE): the dashboard as officer1.
    await page.waitForURL(/\/dashboard/);
    await settle(page);
    expect(bearerCalls.length).toBeGreaterThan(0);
    expect(bearerCalls.every((c) => c.status < 400)).withContext(JSON.stringify(
      bearerCalls.map((c) => c.status))).toBeTrue();
    const res = await fetch(`${origin}${ME}`,
      { headers: { Authorization: `Bearer ${bearerCalls[0].token}` } });
    const me = (await res.json()) as { entry: { id: string } };
    expect(me.entry.id).toBe('officer1');
    expect(await page.locator('.efr-user-name').innerText()).toContain('王');
    await saveScreen(page, 'sso-dashboard');

    await page.goto(`${origin}/recordings`);
    await settle(page);
    expect(page.url()).toContain('/recordings');
    expect(page.url()).not.toContain(realm.issuer);

    // Refresh: before the access token expires, the app trades its refresh token for a new
    // one, and the repository accepts the new token.
    const firstToken = bearerCalls[bearerCalls.length - 1].token;
    await waitUntil(() => refreshStatuses.length > 0, ACCESS_TOKEN_TTL * 1000 + 10_000);
    expect(refreshStatuses[0]).toBe(200);
    const callsBefore = bearerCalls.length;
    await page.goto(`${origin}/dashboard`);
    await settle(page);
    const after = bearerCalls.slice(callsBefore);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((c) => c.status < 400 && c.token !== firstToken)).toBeTrue();

    // Sign out from the user menu: the session ends at the provider, whose form comes back.
    await page.locator('[data-testid="user-menu"]').click();
    await page.locator('[data-testid="logout"]').click();
    await page.locator('#kc-login').waitFor();
    expect(page.url()).toContain('/login-actions/');
    expect(await page.evaluate(() => Object.keys(localStorage)
      .filter((k) => k.endsWith('access_token') && localStorage.getItem(k)))).toEqual([]);
    await saveScreen(page, 'sso-signed-out');
    // A clean console through the whole story (the realm's pages have no favicon: 404).
    const failed = watched.failedRequests.filter((r) => !/^404 GET \/favicon\.ico/.test(r));
    expect(failed).toEqual([]);
    expect(watched.errors.filter((e) => !/status of 404/.test(e) || failed.length > 0))
      .toEqual([]);
  });

  it('refuses an expired or a forged token with 401 and the ACS error body', async () => {
    const call = async (token: string) => fetch(`${origin}${ME}`,
      { headers: { Authorization: `Bearer ${token}` } });
    expect((await call(await realm.mintAccessToken({ username: 'officer1' }))).status)
      .toBe(200);
    for (const token of [
      await realm.mintAccessToken({ username: 'officer1', expiresIn: -60 }),
      await realm.mintAccessToken({ username: 'officer1', key: 'foreign' }),
    ]) {
      const res = await call(token);
      expect(res.status).toBe(401);
      const body = (await res.json()) as { error: { statusCode: number; errorKey: string } };
      expect(body.error.statusCode).toBe(401);
      expect(body.error.errorKey).toBe('framework.exception.NotAuthenticated');
    }
  });
});
