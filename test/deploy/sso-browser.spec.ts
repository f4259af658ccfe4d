// The single sign-on story in Debian's Chromium (issue 10), against the Keycloak-shaped test
// realm: a page using keycloak-js (the client library the issue names, in package.json) signs
// in with the authorization code flow and PKCE S256 through the realm's login form, calls a
// bearer-protected resource the way the app calls the repository, forces a token refresh,
// and signs out. The resource checks tokens as ACS identity-service does (signature by the
// issuer's JWKS, issuer, audience, expiry; the user from preferred_username) and answers 401
// to an expired or a forged token. It stands in for server/ until server/ has bearer support.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from './support/compose-env.js';
import { startTestRealm, type TestRealm } from './support/oidc-test-realm.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** The test page: keycloak-js against the realm, its state written into the DOM. */
function page(authServerUrl: string, origin: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>EFR SSO</title>
<script type="module">
import Keycloak from '/keycloak.js';
const kc = new Keycloak({ url: '${authServerUrl}', realm: 'efr', clientId: 'efr-app' });
const show = (id, text) => { document.getElementById(id).textContent = text; };
async function callRepository() {
  const res = await fetch('/alfresco/api/-default-/public/alfresco/versions/1/people/-me-',
    { headers: { Authorization: 'Bearer ' + kc.token } });
  show('repository', res.status + ' ' + (await res.text()));
}
window.efr = {
  refresh: async () => { const before = kc.token; await kc.updateToken(-1);
    show('refreshed', String(kc.token !== before)); await callRepository(); },
  logout: () => kc.logout({ redirectUri: '${origin}/' }),
};
const authenticated = await kc.init({ onLoad: 'login-required', pkceMethod: 'S256',
  checkLoginIframe: false, redirectUri: '${origin}/' });
show('user', authenticated ? kc.tokenParsed.preferred_username : 'none');
show('groups', (kc.tokenParsed?.groups ?? []).join(','));
await callRepository();
</script></head><body><p id="user"></p><p id="groups"></p><p id="repository"></p>
<p id="refreshed"></p></body></html>`;
}

describe('single sign-on in Chromium with keycloak-js (issue 10)', () => {
  let realm: TestRealm;
  let app: Server;
  let origin: string;
  let browser: Browser;
  let tab: Page;
  const calls: Array<{ status: number; user?: string }> = [];

  beforeAll(async () => {
    app = createServer();
    await new Promise<void>((ok) => app.listen(0, '127.0.0.1', ok));
    origin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    realm = await startTestRealm({
      redirectUris: [`${origin}/`], postLogoutRedirectUris: [`${origin}/`],
      webOrigins: [origin], accessTokenTtl: 60,
      users: [{ username: 'custodian1', password: 'Custodian-2026', groups: ['EFR_CUSTODIANS'],
        givenName: '芳', familyName: '王', email: 'custodian1@efr.example.org' }],
    });
    const jwks = createRemoteJWKSet(new URL(realm.jwksUri));
    const keycloakJs = readFileSync(resolve(repoRoot, 'node_modules', 'keycloak-js', 'lib',
      'keycloak.js'));
    const authServerUrl = realm.issuer.replace(/\/realms\/efr$/, '');
    app.on('request', (req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/keycloak.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(keycloakJs);
      } else if (path.startsWith('/alfresco/')) {
        const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
        jwtVerify(bearer, jwks, { issuer: realm.issuer, audience: 'alfresco' })
          .then(({ payload }) => {
            calls.push({ status: 200, user: String(payload.preferred_username) });
            res.writeHead(200, { 'Content-Type': 'application/json' })
              .end(JSON.stringify({ entry: { id: payload.preferred_username } }));
          })
          .catch(() => {
            // Any verification failure (signature, issuer, audience, expiry) is a 401.
            calls.push({ status: 401 });
            const error = { statusCode: 401, briefSummary: 'Authentication failed' };
            res.writeHead(401, { 'Content-Type': 'application/json' })
              .end(JSON.stringify({ error }));
          });
      } else {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
          .end(page(authServerUrl, origin));
      }
    });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    tab = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await realm?.close();
    app?.closeAllConnections();
    await new Promise<void>((ok) => (app ? app.close(() => ok()) : ok()));
  });

  it('signs in, uses the repository, refreshes the token and signs out', async () => {
    await tab.goto(`${origin}/`);
    // keycloak-js sent the browser to the realm's login form.
    await tab.waitForSelector('#kc-login');
    expect(tab.url()).toContain(`${realm.issuer}/login-actions/`);
    await tab.fill('#username', 'custodian1');
    await tab.fill('#password', 'Custodian-2026');
    await tab.click('#kc-login');

    await tab.waitForFunction(() => document.getElementById('repository')?.textContent !== '');
    expect(await tab.textContent('#user')).toBe('custodian1');
    expect(await tab.textContent('#groups')).toBe('EFR_CUSTODIANS');
    expect(await tab.textContent('#repository')).toMatch(/^200 .*"id":"custodian1"/);

    await tab.evaluate(() => (window as unknown as { efr: { refresh(): Promise<void> } })
      .efr.refresh());
    expect(await tab.textContent('#refreshed')).toBe('true');
    expect(calls.filter((c) => c.status === 200).length).toBe(2);

    await tab.evaluate(() => (window as unknown as { efr: { logout(): void } }).efr.logout());
    // Signed out at the realm: back at the app, keycloak-js needs the login form again.
    await tab.waitForSelector('#kc-login');
    expect(tab.url()).toContain('/login-actions/');
  });

  it('refuses expired and forged tokens with 401', async () => {
    const call = async (token: string): Promise<number> => (await fetch(
      `${origin}/alfresco/api/-default-/public/alfresco/versions/1/people/-me-`,
      { headers: { Authorization: `Bearer ${token}` } })).status;
    expect(await call(await realm.mintAccessToken({ username: 'custodian1' }))).toBe(200);
    expect(await call(await realm.mintAccessToken({ username: 'custodian1', expiresIn: -5 })))
      .toBe(401);
    expect(await call(await realm.mintAccessToken({ username: 'custodian1', key: 'foreign' })))
      .toBe(401);
    expect(await call(await realm.mintAccessToken({ username: 'custodian1',
      audience: 'account' }))).toBe(401);
    expect(await call('not-a-jwt')).toBe(401);
  });
});
