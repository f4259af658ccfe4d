// An OpenID provider for tests, shaped like the Keycloak realm of docker/keycloak/efr-realm.json:
// the same issuer form (<base>/auth/realms/<realm>), the same endpoint paths
// (/protocol/openid-connect/auth, token, certs, userinfo, logout), the same login form ids
// (#username, #password, #kc-login), the public app client with PKCE S256 and refresh
// tokens, RS256 JWT access tokens with `aud` = the repository client, `azp` = the app client,
// `preferred_username` and a `groups` claim (group names without a leading slash, as the
// realm's group-membership mapper with full.path=false gives). Built on the certified
// `oidc-provider` package, so protocol details (PKCE, code reuse, refresh rotation,
// RP-initiated logout) are those of a real provider, not of a stub.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWK } from 'jose';
import Provider, {
  type AccountClaims, type Configuration, type KoaContextWithOIDC,
} from 'oidc-provider';

/** A user of the test realm. */
export interface TestRealmUser {
  username: string;
  password: string;
  /** Group names as in the realm (`EFR_OFFICERS`), without the ACS `GROUP_` prefix. */
  groups: string[];
  givenName?: string;
  familyName?: string;
  email?: string;
}

/** How to start the test realm. */
export interface TestRealmOptions {
  /** Realm name; `efr` as in docker/.env. */
  realm?: string;
  /** The app's public client id; `efr-app`. */
  appClientId?: string;
  /** Redirect URIs of the app client (exact, as oidc-provider compares them). */
  redirectUris: string[];
  /** Post-logout redirect URIs of the app client. */
  postLogoutRedirectUris?: string[];
  /** Origins allowed to call the token endpoint from a browser (Keycloak's webOrigins). */
  webOrigins?: string[];
  /** The repository client id, put in the access tokens' `aud`; `alfresco`. */
  audience?: string;
  users: TestRealmUser[];
  /** Access token lifetime in seconds (short to exercise refresh); 300 as in the realm. */
  accessTokenTtl?: number;
}

/** Claims a test may put in a token it mints itself. */
export interface MintOptions {
  username: string;
  groups?: string[];
  /** Seconds from now; negative gives an expired token. */
  expiresIn?: number;
  issuer?: string;
  audience?: string;
  /** `realm`: signed with the realm's key; `foreign`: a key the realm never published. */
  key?: 'realm' | 'foreign';
}

/** A running test realm. */
export interface TestRealm {
  /** `http://127.0.0.1:<port>/auth/realms/<realm>`: the `iss` of its tokens. */
  issuer: string;
  /** The JWKS URL (`…/protocol/openid-connect/certs`). */
  jwksUri: string;
  /** The resource indicator the access tokens are issued for. */
  resource: string;
  /** Signs a token outside the protocol, for negative tests (expired, forged, wrong aud). */
  mintAccessToken(options: MintOptions): Promise<string>;
  /** Stops the server. */
  close(): Promise<void>;
}

const PROTOCOL = '/protocol/openid-connect';

function html(body: string, title: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>` +
    `</head><body>${body}</body></html>`;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g,
  (c) => `&#${c.charCodeAt(0)};`);

/** Starts the realm on 127.0.0.1 and a free port. */
export async function startTestRealm(options: TestRealmOptions): Promise<TestRealm> {
  const realm = options.realm ?? 'efr';
  const appClientId = options.appClientId ?? 'efr-app';
  const audience = options.audience ?? 'alfresco';
  const ttl = options.accessTokenTtl ?? 300;
  const users = new Map(options.users.map((u) => [u.username, { ...u, id: randomUUID() }]));
  const byId = new Map<string, TestRealmUser & { id: string }>(
    [...users.values()].map((u) => [u.id, u]));

  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const realmJwk: JWK = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256',
    use: 'sig' };
  const foreign = await generateKeyPair('RS256');

  // The port is known once listening; the provider needs the issuer at construction.
  const server: Server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const mount = `/auth/realms/${realm}`;
  const issuer = `${base}${mount}`;
  const resource = `${base}/alfresco`;

  const claimsOf = (id: string): AccountClaims => {
    const u = byId.get(id);
    if (!u) return { sub: id };
    return {
      sub: u.id, preferred_username: u.username, given_name: u.givenName,
      family_name: u.familyName, name: [u.familyName, u.givenName].filter(Boolean).join(''),
      email: u.email, email_verified: Boolean(u.email), groups: u.groups,
    };
  };

  const configuration: Configuration = {
    clients: [{
      client_id: appClientId,
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: options.redirectUris,
      post_logout_redirect_uris: options.postLogoutRedirectUris ?? [],
    }],
    jwks: { keys: [realmJwk] },
    cookies: { keys: [randomUUID()] },
    routes: {
      authorization: `${PROTOCOL}/auth`,
      token: `${PROTOCOL}/token`,
      jwks: `${PROTOCOL}/certs`,
      userinfo: `${PROTOCOL}/userinfo`,
      end_session: `${PROTOCOL}/logout`,
      revocation: `${PROTOCOL}/revoke`,
    },
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    claims: { openid: ['sub', 'preferred_username', 'groups'], profile: ['given_name',
      'family_name', 'name'], email: ['email', 'email_verified'] },
    findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => claimsOf(id) }),
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // Keycloak signs out at once when the request carries id_token_hint: submit the form.
        logoutSource: async (ctx, form) => {
          ctx.body = html(`${form}<button id="kc-logout" type="submit" form="op.logoutForm" ` +
            'name="logout" value="yes">退出</button><script>document.getElementById(' +
            '"kc-logout").click()</script>', '退出登录');
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => resource,
        useGrantedResource: async () => true,
        getResourceServerInfo: async () => ({
          scope: 'openid profile email', audience, accessTokenTTL: ttl,
          accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    // Keycloak issues refresh tokens to the code flow without offline_access.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    extraTokenClaims: async (_ctx, token) => {
      const accountId = (token as { accountId?: string }).accountId;
      if (!accountId) return undefined;
      const c = claimsOf(accountId);
      return { preferred_username: c.preferred_username, groups: c.groups, azp: appClientId,
        typ: 'Bearer' };
    },
    // A first-party app: no consent screen, as in the Keycloak realm (consentRequired false).
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { oidc } = ctx;
      const clientId = oidc.client?.clientId ?? appClientId;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(clientId);
      if (grantId) {
        const found = await oidc.provider.Grant.find(grantId);
        if (found) return found;
      }
      const grant = new oidc.provider.Grant({ clientId, accountId: oidc.session?.accountId });
      grant.addOIDCScope('openid profile email offline_access');
      grant.addOIDCClaims(['preferred_username', 'groups']);
      grant.addResourceScope(resource, 'openid profile email');
      await grant.save();
      return grant;
    },
    interactions: { url: async (_ctx, interaction) => `${mount}/login-actions/${interaction.uid}` },
    ttl: { AccessToken: ttl, AuthorizationCode: 60, IdToken: ttl, RefreshToken: 1800,
      Session: 1800, Interaction: 600, Grant: 1800 },
    clientBasedCORS: (_ctx, origin) => (options.webOrigins ?? []).includes(origin),
    pkce: { required: () => true },
  };
  const provider = new Provider(issuer, configuration);

  /** The login form, with Keycloak's element ids so one browser test drives either. */
  const loginPage = (uid: string, error?: string): string => html(
    `<form id="kc-form-login" method="post" action="${mount}/login-actions/${uid}">` +
    (error ? `<span id="input-error">${escapeHtml(error)}</span>` : '') +
    '<label for="username">用户名</label><input id="username" name="username" autofocus>' +
    '<label for="password">密码</label><input id="password" name="password" type="password">' +
    '<input id="kc-login" type="submit" value="登录"></form>', `登录 ${realm}`);

  const readForm = async (req: IncomingMessage): Promise<URLSearchParams> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  };

  const interaction = async (req: IncomingMessage, res: ServerResponse, uid: string) => {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    res.setHeader('Cache-Control', 'no-store');
    if (req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(loginPage(uid));
      return;
    }
    const form = await readForm(req);
    const user = users.get(form.get('username') ?? '');
    if (!user || user.password !== form.get('password')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(loginPage(uid, '用户名或密码无效。'));
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: user.id } },
      { mergeWithLastSubmission: false });
  };

  const callback = provider.callback();

  // Keycloak's refresh tokens are JWTs and keycloak-js decodes them (it fails on an opaque
  // one); oidc-provider's are opaque. The token endpoint therefore hands out the opaque token
  // wrapped in a signed JWT (claim `rt`) and unwraps it again when it comes back.
  const refreshTtl = 1800;
  const wrapRefresh = (rt: string, sub: unknown): Promise<string> => new SignJWT({
    typ: 'Refresh', azp: appClientId, rt })
    .setProtectedHeader({ alg: 'RS256', kid: realmJwk.kid })
    .setIssuer(issuer).setAudience(issuer).setSubject(String(sub ?? ''))
    .setIssuedAt().setExpirationTime(`${refreshTtl}s`).setJti(randomUUID())
    .sign(privateKey);
  const unwrapRefresh = async (value: string): Promise<string> => {
    try {
      const { payload } = await jwtVerify(value, publicKey, { issuer, audience: issuer });
      return typeof payload.rt === 'string' ? payload.rt : value;
    } catch {
      // Not one of ours (or tampered with): passed on as is, and the provider refuses it.
      return value;
    }
  };
  const TOKEN_PATHS = [`${mount}${PROTOCOL}/token`, `${mount}${PROTOCOL}/revoke`];

  /** Buffers a token or revocation request, unwrapping a JWT-wrapped refresh token. */
  const rewriteTokenRequest = async (req: IncomingMessage & { body?: string }) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    for (const name of ['refresh_token', 'token']) {
      const value = form.get(name);
      if (value && value.split('.').length === 3) form.set(name, await unwrapRefresh(value));
    }
    // oidc-provider reads req.body when the stream has already been consumed.
    req.body = form.toString();
  };

  /** Wraps the refresh token of a token response as it is sent. */
  const rewriteTokenResponse = (res: ServerResponse) => {
    const end = res.end;
    res.end = function (this: ServerResponse, ...args: unknown[]) {
      const [chunk] = args;
      if (typeof chunk !== 'string' && !Buffer.isBuffer(chunk)) {
        return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
      }
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(chunk.toString()) as Record<string, unknown>;
      } catch {
        // Not JSON (an HTML error page): sent unchanged.
        return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
      }
      if (typeof body.refresh_token !== 'string') {
        return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
      }
      const idToken = typeof body.id_token === 'string' ? body.id_token.split('.')[1] : '';
      const sub = idToken ? JSON.parse(Buffer.from(idToken, 'base64url').toString()).sub : '';
      wrapRefresh(body.refresh_token, sub).then((wrapped) => {
        const out = JSON.stringify({ ...body, refresh_token: wrapped,
          refresh_expires_in: refreshTtl });
        res.setHeader('Content-Length', Buffer.byteLength(out));
        (end as (...a: unknown[]) => ServerResponse).call(res, out);
      }, (err: Error) => res.destroy(err));
      return res;
    } as typeof end;
  };

  server.on('request', (req: IncomingMessage & { originalUrl?: string }, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(mount)) {
      res.writeHead(404).end();
      return;
    }
    const login = new RegExp(`^${mount}/login-actions/([A-Za-z0-9_-]+)$`).exec(url.split('?')[0]);
    if (login) {
      interaction(req, res, login[1]).catch((err: Error) => {
        // An unknown or expired interaction: the user starts again from the app.
        res.writeHead(400, { 'Content-Type': 'text/plain' }).end(err.message);
      });
      return;
    }
    // keycloak-js calls the token endpoint with credentials: 'include', and Keycloak answers
    // allowed web origins with Allow-Credentials; oidc-provider's CORS does not. It skips its
    // own CORS when a response already has an Access-Control header, so the header is added
    // as the head is written, once oidc-provider has allowed the origin.
    const origin = req.headers.origin;
    if (origin && (options.webOrigins ?? []).includes(origin)) {
      const writeHead = res.writeHead;
      res.writeHead = function (this: ServerResponse, ...args: Parameters<typeof writeHead>) {
        if (res.getHeader('access-control-allow-origin') === origin) {
          res.setHeader('Access-Control-Allow-Credentials', 'true');
        }
        return writeHead.apply(this, args);
      } as typeof writeHead;
    }
    // Mounted under the realm path, as Express would: oidc-provider reads originalUrl.
    req.originalUrl = url;
    req.url = url.slice(mount.length) || '/';
    if (req.method === 'POST' && TOKEN_PATHS.includes(url.split('?')[0])) {
      rewriteTokenResponse(res);
      rewriteTokenRequest(req).then(() => callback(req, res),
        (err: Error) => res.writeHead(400).end(err.message));
      return;
    }
    callback(req, res);
  });

  return {
    issuer,
    jwksUri: `${issuer}${PROTOCOL}/certs`,
    resource,
    async mintAccessToken(m: MintOptions): Promise<string> {
      const user = users.get(m.username);
      const now = Math.floor(Date.now() / 1000);
      const key = m.key === 'foreign' ? foreign.privateKey : privateKey;
      return new SignJWT({ preferred_username: m.username, groups: m.groups ?? user?.groups ?? [],
        azp: appClientId, typ: 'Bearer', scope: 'openid profile email' })
        .setProtectedHeader({ alg: 'RS256', kid: realmJwk.kid, typ: 'at+jwt' })
        .setIssuer(m.issuer ?? issuer)
        .setAudience(m.audience ?? audience)
        .setSubject(user?.id ?? randomUUID())
        .setJti(randomUUID())
        .setIssuedAt(now + Math.min(0, m.expiresIn ?? 300) - 60)
        .setExpirationTime(now + (m.expiresIn ?? 300))
        .sign(key);
    },
    close: () => new Promise<void>((ok, fail) => {
      server.closeAllConnections();
      server.close((err) => (err ? fail(err) : ok()));
    }),
  };
}
