import type { FastifyRequest } from 'fastify';
import type { Caller, Repository } from '../repo/repository.js';
import { bearerUserOf } from './bearer-auth.js';
import { unauthorized } from './errors.js';

/** How the request authenticated. */
export interface AuthResult {
  userId: string;
  /** The ticket used, when authenticated by ticket. */
  ticket?: string;
}

const callers = new WeakMap<FastifyRequest, { caller: Caller; auth: AuthResult }>();

/**
 * Authenticates as ACS does: `?alf_ticket=`, `Authorization: Basic base64(ticket)` (what ADF
 * sends), `Basic base64(ROLE_TICKET:ticket)`, `Basic base64(user:password)`, or a bearer JWT
 * when an OpenID issuer is configured (bearer-auth.ts).
 */
export function authenticate(repo: Repository, req: FastifyRequest): AuthResult {
  // A bearer JWT was verified by the onRequest hook of bearer-auth.ts (identity-service).
  const bearer = bearerUserOf(req);
  if (bearer) return { userId: bearer };
  const q = req.query as Record<string, unknown> | undefined;
  const alf = q?.alf_ticket;
  if (typeof alf === 'string' && alf !== '') {
    const user = repo.auth.ticketUser(alf);
    if (!user) throw unauthorized('Ticket is invalid or has expired');
    return { userId: user, ticket: alf };
  }
  const header = req.headers.authorization;
  if (typeof header !== 'string' || !/^Basic\s+/i.test(header)) throw unauthorized();
  const decoded = Buffer.from(header.replace(/^Basic\s+/i, ''), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0 || decoded.slice(0, colon) === 'ROLE_TICKET') {
    const ticket = colon < 0 ? decoded : decoded.slice(colon + 1);
    const user = repo.auth.ticketUser(ticket);
    if (!user) throw unauthorized('Ticket is invalid or has expired');
    return { userId: user, ticket };
  }
  const user = repo.auth.verifyPassword(decoded.slice(0, colon), decoded.slice(colon + 1));
  if (!user) throw unauthorized();
  return { userId: user };
}

/** The authenticated caller of a request (authenticates on first use; 401 otherwise). */
export function callerOf(repo: Repository, req: FastifyRequest): Caller {
  return authOf(repo, req).caller;
}

/** The caller and how it authenticated. */
export function authOf(
  repo: Repository,
  req: FastifyRequest,
): { caller: Caller; auth: AuthResult } {
  const hit = callers.get(req);
  if (hit) return hit;
  const auth = authenticate(repo, req);
  const value = { caller: repo.caller(auth.userId), auth };
  callers.set(req, value);
  return value;
}
