// Bearer tokens as ACS accepts them with the identity-service authentication subsystem
// (Keycloak): an RS256 JWT signed by a key of the issuer's JWKS, with the exact issuer, the
// repository's client id in `aud`, inside its exp/nbf window, naming the user in
// `preferred_username`. Verification is asynchronous (the JWKS is fetched and cached by jose),
// while route handlers authenticate synchronously through auth.ts: an onRequest hook verifies
// the token first and leaves the user here for `authenticate` to pick up.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { Repository } from '../repo/repository.js';
import { unauthorized } from './errors.js';

/** How server/ checks bearer tokens (issue 10). */
export interface BearerAuthOptions {
  /** The exact `iss` of accepted tokens, e.g. `https://sso.example.org/auth/realms/efr`. */
  issuer: string;
  /** The `aud` the tokens must carry: the repository's client id. Default `alfresco`. */
  audience?: string;
  /** Where the signing keys are. Default Keycloak's `<issuer>/protocol/openid-connect/certs`. */
  jwksUri?: string;
  /** Clock skew allowed on exp/nbf/iat, in seconds. Default 10. */
  clockToleranceSeconds?: number;
  /**
   * Whether an unknown `preferred_username` becomes a new person on first use, as ACS does
   * with `synchronization.autoCreatePeopleOnLogin=true` (its default). Default true.
   */
  autoCreatePeople?: boolean;
}

/** The only signature algorithm accepted: Keycloak's default, and never `none` or HMAC. */
const ALGORITHMS = ['RS256'];

const bearerUsers = new WeakMap<FastifyRequest, string>();

/**
 * Reads the bearer settings from the environment: `EFR_OIDC_ISSUER` (off when unset),
 * `EFR_OIDC_AUDIENCE` (`alfresco`), `EFR_OIDC_JWKS_URI`, `EFR_OIDC_CLOCK_SKEW` (seconds) and
 * `EFR_OIDC_AUTO_CREATE_PEOPLE` (`false` to refuse users the repository does not know).
 */
export function bearerOptionsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): BearerAuthOptions | undefined {
  const issuer = env.EFR_OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  const skew = env.EFR_OIDC_CLOCK_SKEW ? Number(env.EFR_OIDC_CLOCK_SKEW) : undefined;
  if (skew !== undefined && !(Number.isFinite(skew) && skew >= 0)) {
    throw new Error(`Invalid EFR_OIDC_CLOCK_SKEW: ${env.EFR_OIDC_CLOCK_SKEW}`);
  }
  return {
    issuer,
    audience: env.EFR_OIDC_AUDIENCE?.trim() || undefined,
    jwksUri: env.EFR_OIDC_JWKS_URI?.trim() || undefined,
    clockToleranceSeconds: skew,
    autoCreatePeople: env.EFR_OIDC_AUTO_CREATE_PEOPLE !== 'false',
  };
}

/** The user a verified bearer token named for this request, if it carried one. */
export function bearerUserOf(req: FastifyRequest): string | undefined {
  return bearerUsers.get(req);
}

/** Checks tokens against one issuer; returns the repository user id or throws a 401. */
export type BearerVerifier = (token: string) => Promise<string>;

/** Builds the verifier: one cached remote JWKS per issuer, as the ACS adapter keeps. */
export function createBearerVerifier(repo: Repository, options: BearerAuthOptions): BearerVerifier {
  const issuer = options.issuer.replace(/\/+$/, '');
  const jwksUri = options.jwksUri ?? `${issuer}/protocol/openid-connect/certs`;
  // jose caches the key set, refetches on an unknown kid (key rotation) at most every 30 s.
  const jwks = createRemoteJWKSet(new URL(jwksUri), {
    cacheMaxAge: 10 * 60 * 1000,
    cooldownDuration: 30 * 1000,
    timeoutDuration: 5000,
  });
  const audience = options.audience ?? 'alfresco';
  const clockTolerance = options.clockToleranceSeconds ?? 10;
  const autoCreate = options.autoCreatePeople ?? true;

  return async (token: string): Promise<string> => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer, audience, algorithms: ALGORITHMS, clockTolerance, requiredClaims: ['exp'],
      }));
    } catch {
      // Bad signature, unknown key, wrong iss/aud/alg, expired, malformed, or the JWKS could
      // not be fetched: ACS answers every one of them with the same 401.
      throw unauthorized();
    }
    // Keycloak marks access tokens `typ: Bearer`; an ID or refresh token is not a credential.
    if (payload.typ !== undefined && payload.typ !== 'Bearer') throw unauthorized();
    const username = payload.preferred_username;
    if (typeof username !== 'string' || username.trim() === '') throw unauthorized();
    return personFor(repo, username.trim(), payload, autoCreate);
  };
}

/** The stored person for a token's user name, created on first use when allowed. */
function personFor(
  repo: Repository, username: string, claims: JWTPayload, autoCreate: boolean,
): string {
  let person = repo.auth.person(username);
  if (!person && autoCreate) {
    const text = (v: unknown): string | undefined =>
      typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
    // The password is random and never told: the person signs in through the provider only.
    repo.addPerson({
      id: username,
      firstName: text(claims.given_name) ?? username,
      lastName: text(claims.family_name),
      email: text(claims.email) ?? '',
      password: randomBytes(32).toString('hex'),
    });
    person = repo.auth.person(username);
  }
  if (!person || !person.enabled) throw unauthorized();
  return person.id;
}

/**
 * Adds the onRequest hook that verifies `Authorization: Bearer …` on repository calls. Does
 * nothing when `options` is undefined (no issuer configured): a bearer header then fails in
 * `authenticate` like any other unknown scheme.
 */
export function registerBearerAuth(
  app: FastifyInstance, repo: Repository, options: BearerAuthOptions | undefined,
): void {
  if (!options) return;
  const verify = createBearerVerifier(repo, options);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/alfresco/')) return;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!match) return;
    bearerUsers.set(req, await verify(match[1]));
  });
}
