// Exercises the OpenID test realm (test/deploy/support/oidc-test-realm.ts) the way the app
// and the repository will use Keycloak (issue 10, single sign-on): authorization code flow
// with PKCE S256 through the login form, tokens verified against the realm's JWKS (issuer,
// audience, expiry, preferred_username, groups), refresh, sign-out, and the minted negative
// tokens (expired, forged, wrong audience) that server/'s bearer checks must refuse.
import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import { startTestRealm, type TestRealm } from './support/oidc-test-realm.js';

const REDIRECT = 'http://127.0.0.1:9/callback';
const AFTER_LOGOUT = 'http://127.0.0.1:9/signed-out';
const b64url = (b: Buffer): string => b.toString('base64url');

/** A cookie jar of name → value for one host: all a same-host test flow needs. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  store(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** Follows redirects by hand (cookies kept) until one leaves for `stopAt` or a page answers. */
async function follow(jar: CookieJar, url: string, stopAt: string[], init?: RequestInit):
  Promise<{ location?: string; page?: string; status: number }> {
  let next: string | undefined = url;
  let request = init;
  for (let hop = 0; hop < 15 && next; hop++) {
    const res: Response = await fetch(next, { ...request, redirect: 'manual',
      headers: { ...(request?.headers ?? {}), cookie: jar.header() } });
    jar.store(res);
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      const absolute: string = new URL(location, next).href;
      if (stopAt.some((s) => absolute.startsWith(s))) {
        return { location: absolute, status: res.status };
      }
      next = absolute;
      request = undefined;
      continue;
    }
    return { page: await res.text(), status: res.status };
  }
  throw new Error('too many redirects');
}

describe('OpenID test realm shaped like the efr Keycloak realm (issue 10: single sign-on)', () => {
  let realm: TestRealm;
  beforeAll(async () => {
    realm = await startTestRealm({
      redirectUris: [REDIRECT], postLogoutRedirectUris: [AFTER_LOGOUT],
      accessTokenTtl: 120,
      users: [{ username: 'officer1', password: 'Officer-Pass-2026', groups: ['EFR_OFFICERS'],
        givenName: '伟', familyName: '张', email: 'officer1@efr.example.org' }],
    });
  });
  afterAll(async () => realm.close());

  const authUrl = (challenge: string, extra: Record<string, string> = {}): string =>
    `${realm.issuer}/protocol/openid-connect/auth?${new URLSearchParams({
      client_id: 'efr-app', response_type: 'code', scope: 'openid profile email',
      redirect_uri: REDIRECT, state: 's1', nonce: 'n1', code_challenge: challenge,
      code_challenge_method: 'S256', ...extra })}`;

  /** Signs in through the login form; returns the redirect back to the app. */
  async function signIn(jar: CookieJar, password: string, challenge: string) {
    const first = await follow(jar, authUrl(challenge), [REDIRECT]);
    expect(first.page).toContain('id="kc-login"');
    const action = /action="([^"]+)"/.exec(first.page ?? '')?.[1] ?? '';
    return follow(jar, new URL(action, realm.issuer).href, [REDIRECT], {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'officer1', password }).toString(),
    });
  }

  async function token(params: Record<string, string>): Promise<Record<string, string>> {
    const res = await fetch(`${realm.issuer}/protocol/openid-connect/token`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: 'efr-app', ...params }).toString(),
    });
    return { status: String(res.status), ...(await res.json()) };
  }

  const verify = (jwt: string) => jwtVerify(jwt, createRemoteJWKSet(new URL(realm.jwksUri)),
    { issuer: realm.issuer, audience: 'alfresco' });

  it('publishes Keycloak\'s endpoint paths and S256 only', async () => {
    const res = await fetch(`${realm.issuer}/.well-known/openid-configuration`);
    const doc = await res.json() as Record<string, unknown>;
    expect(doc.issuer).toBe(realm.issuer);
    expect(doc.authorization_endpoint).toBe(`${realm.issuer}/protocol/openid-connect/auth`);
    expect(doc.token_endpoint).toBe(`${realm.issuer}/protocol/openid-connect/token`);
    expect(doc.jwks_uri).toBe(realm.jwksUri);
    expect(doc.end_session_endpoint).toBe(`${realm.issuer}/protocol/openid-connect/logout`);
    expect(doc.code_challenge_methods_supported).toEqual(['S256']);
  });

  it('signs in with PKCE, refreshes, and signs out', async () => {
    const jar = new CookieJar();
    const verifier = b64url(randomBytes(32));
    const challenge = b64url(createHash('sha256').update(verifier).digest());
    const back = await signIn(jar, 'Officer-Pass-2026', challenge);
    const code = new URL(back.location ?? REDIRECT).searchParams.get('code') ?? '';
    expect(code).not.toBe('');

    // Without the verifier the code is refused: PKCE is enforced, not only advertised.
    const noVerifier = await token({ grant_type: 'authorization_code', code,
      redirect_uri: REDIRECT });
    expect(noVerifier.status).toBe('400');

    const back2 = await follow(jar, authUrl(challenge), [REDIRECT]);
    const code2 = new URL(back2.location ?? REDIRECT).searchParams.get('code') ?? '';
    const tokens = await token({ grant_type: 'authorization_code', code: code2,
      redirect_uri: REDIRECT, code_verifier: verifier });
    expect(tokens.status).toBe('200');
    const { payload } = await verify(tokens.access_token);
    expect(payload.preferred_username).toBe('officer1');
    expect(payload.groups).toEqual(['EFR_OFFICERS']);
    expect(payload.azp).toBe('efr-app');
    expect((payload.exp ?? 0) - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(120);

    const refreshed = await token({ grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token });
    expect(refreshed.status).toBe('200');
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect((await verify(refreshed.access_token)).payload.preferred_username).toBe('officer1');

    const logoutUrl = `${realm.issuer}/protocol/openid-connect/logout?${new URLSearchParams({
      id_token_hint: tokens.id_token, post_logout_redirect_uri: AFTER_LOGOUT })}`;
    const confirm = await follow(jar, logoutUrl, [AFTER_LOGOUT]);
    const form = confirm.page ?? '';
    const action = /<form[^>]*action="([^"]+)"/.exec(form)?.[1] ?? '';
    const fields = Object.fromEntries([...form.matchAll(
      /<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const out = await follow(jar, new URL(action, realm.issuer).href, [AFTER_LOGOUT], {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...fields, logout: 'yes' }).toString(),
    });
    expect(out.location).toContain(AFTER_LOGOUT);
    // Signed out: a silent sign-in attempt now needs the login form again.
    const silent = await follow(jar, authUrl(challenge, { prompt: 'none' }), [REDIRECT]);
    expect(new URL(silent.location ?? REDIRECT).searchParams.get('error')).toBe('login_required');
  });

  it('refuses a wrong password and issues no code', async () => {
    const challenge = b64url(createHash('sha256').update('x'.repeat(43)).digest());
    const result = await signIn(new CookieJar(), 'wrong-password', challenge);
    expect(result.location).toBeUndefined();
    expect(result.page).toContain('id="input-error"');
  });

  it('mints the negative tokens the repository must refuse', async () => {
    const good = await realm.mintAccessToken({ username: 'officer1' });
    expect((await verify(good)).payload.preferred_username).toBe('officer1');
    await expectAsync(verify(await realm.mintAccessToken({ username: 'officer1', expiresIn: -10 })))
      .toBeRejectedWithError(joseErrors.JWTExpired);
    await expectAsync(verify(await realm.mintAccessToken({ username: 'officer1', key: 'foreign' })))
      .toBeRejectedWithError(joseErrors.JWSSignatureVerificationFailed);
    await expectAsync(verify(await realm.mintAccessToken({ username: 'officer1',
      audience: 'someone-else' }))).toBeRejectedWithError(joseErrors.JWTClaimValidationFailed);
    await expectAsync(verify(await realm.mintAccessToken({ username: 'officer1',
      issuer: 'http://127.0.0.1:1/auth/realms/other' })))
      .toBeRejectedWithError(joseErrors.JWTClaimValidationFailed);
  });
});
