// Issue 10: server/ accepts bearer JWTs the way ACS with identity-service does, alongside
// tickets and Basic, against a real OpenID provider (the Keycloak-shaped test realm), and
// refuses expired, forged, mis-addressed and unsigned tokens with the ACS 401 body.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { SignJWT } from 'jose';
import { startTestRealm, type TestRealm } from '../../../test/deploy/support/oidc-test-realm.js';
import { buildApp, openRepository } from '../app.js';
import type { Repository } from '../repo/repository.js';
import { bearerOptionsFromEnv } from './bearer-auth.js';

const ME = '/alfresco/api/-default-/public/alfresco/versions/1/people/-me-';
const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('bearer JWT authentication (issue 10, identity-service)', () => {
  let realm: TestRealm;
  let work: string;
  let repo: Repository;
  let app: FastifyInstance;
  let plain: FastifyInstance;

  beforeAll(async () => {
    realm = await startTestRealm({ redirectUris: ['http://127.0.0.1/'],
      users: [{ username: 'officer1', password: 'x', groups: ['EFR_OFFICERS'] }] });
    work = mkdtempSync(join(tmpdir(), 'efr-bearer-'));
    repo = await openRepository(work);
    repo.addPerson({ id: 'officer1', firstName: '王', lastName: '明',
      email: 'officer1@efr.example.org', password: 'Officer-Pass-1' });
    app = await buildApp(repo, undefined, undefined, { issuer: realm.issuer });
    plain = await buildApp(repo, undefined, undefined, undefined);
  });

  afterAll(async () => {
    await app?.close();
    await plain?.close();
    await realm?.close();
    repo?.db.close();
    rmSync(work, { recursive: true, force: true });
  });

  const me = (token: string, on = app) =>
    on.inject({ method: 'GET', url: ME, headers: { authorization: `Bearer ${token}` } });

  const expect401 = async (token: string, on = app): Promise<void> => {
    const res = await me(token, on);
    expect(res.statusCode).toBe(401);
    const error = (res.json() as { error: Record<string, unknown> }).error;
    expect(error.statusCode).toBe(401);
    expect(error.errorKey).toBe('framework.exception.NotAuthenticated');
    expect(error.briefSummary).toBe('Authentication failed');
  };

  it('answers a valid realm token as the user it names (preferred_username)', async () => {
    const res = await me(await realm.mintAccessToken({ username: 'officer1' }));
    expect(res.statusCode).toBe(200);
    expect((res.json() as { entry: { id: string } }).entry.id).toBe('officer1');
    // The same user, through the same key set (cached), on a second call.
    expect((await me(await realm.mintAccessToken({ username: 'officer1' }))).statusCode)
      .toBe(200);
  });

  it('still accepts Basic credentials and tickets alongside bearer tokens', async () => {
    const basic = Buffer.from('officer1:Officer-Pass-1').toString('base64');
    const res = await app.inject({ method: 'GET', url: ME,
      headers: { authorization: `Basic ${basic}` } });
    expect(res.statusCode).toBe(200);
    const ticket = repo.auth.issueTicket('officer1');
    const byTicket = await app.inject({ method: 'GET', url: `${ME}?alf_ticket=${ticket}` });
    expect(byTicket.statusCode).toBe(200);
  });

  it('refuses an expired token, beyond the small clock skew', async () => {
    await expect401(await realm.mintAccessToken({ username: 'officer1', expiresIn: -60 }));
  });

  it('refuses a token signed with a key the issuer never published (forged)', async () => {
    await expect401(await realm.mintAccessToken({ username: 'officer1', key: 'foreign' }));
  });

  it('refuses a token of another issuer or for another audience', async () => {
    await expect401(await realm.mintAccessToken({ username: 'officer1',
      issuer: realm.issuer.replace('/realms/efr', '/realms/master') }));
    await expect401(await realm.mintAccessToken({ username: 'officer1', audience: 'account' }));
  });

  it('refuses alg none and HS256 tokens, and what is not a JWT', async () => {
    const claims = { iss: realm.issuer, aud: 'alfresco', preferred_username: 'officer1',
      exp: Math.floor(Date.now() / 1000) + 300 };
    await expect401(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`);
    const hs256 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('a-shared-secret-nobody-should-trust-32b'));
    await expect401(hs256);
    // RS256 header over an RSA key the realm does not know, without a kid.
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await expect401(await new SignJWT(claims).setProtectedHeader({ alg: 'RS256' })
      .sign(privateKey));
    await expect401('not-a-jwt');
  });

  it('creates an unknown user on first use, as autoCreatePeopleOnLogin does', async () => {
    expect(repo.auth.person('newcomer1')).toBeUndefined();
    const res = await me(await realm.mintAccessToken({ username: 'newcomer1' }));
    expect(res.statusCode).toBe(200);
    expect((res.json() as { entry: { id: string } }).entry.id).toBe('newcomer1');
    // No group comes from the token: EFR roles stay managed in the repository, as in ACS.
    expect(repo.auth.groupsOf('newcomer1').filter((g) => g.startsWith('GROUP_EFR_')))
      .toEqual([]);
  });

  it('refuses bearer tokens when no issuer is configured', async () => {
    await expect401(await realm.mintAccessToken({ username: 'officer1' }), plain);
  });

  it('reads its settings from EFR_OIDC_* and is off without an issuer', () => {
    expect(bearerOptionsFromEnv({})).toBeUndefined();
    expect(bearerOptionsFromEnv({ EFR_OIDC_ISSUER: 'https://sso/auth/realms/efr',
      EFR_OIDC_AUDIENCE: 'efr-repo', EFR_OIDC_AUTO_CREATE_PEOPLE: 'false' })).toEqual({
      issuer: 'https://sso/auth/realms/efr', audience: 'efr-repo', jwksUri: undefined,
      clockToleranceSeconds: undefined, autoCreatePeople: false });
    expect(() => bearerOptionsFromEnv({ EFR_OIDC_ISSUER: 'x', EFR_OIDC_CLOCK_SKEW: '-1' }))
      .toThrowError(/EFR_OIDC_CLOCK_SKEW/);
  });
});
