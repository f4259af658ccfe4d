import { EfrRole, EfrUser, hasAnyRole } from './roles.rules';

/** What the link rules need to know about a case. */
export interface CaseLinkContext {
  /** User id of the responsible handler (efr:handler). */
  handler: string;
  /** Case status (efr:caseStatus). */
  status: string;
}

/**
 * `cases.canLinkRecordings`: legal staff and the case's own handler link and unlink recordings
 * and mark them as evidence; admins may too. Closed cases are frozen: their evidence set is
 * what was decided on (R22.2 retention is inherited from it).
 */
export function canLinkRecordings(user: EfrUser | null, ctx: CaseLinkContext): boolean {
  if (!user) return false;
  if (ctx.status === 'closed') return false;
  if (hasAnyRole(user, [EfrRole.Legal])) return true;
  return ctx.handler !== '' && ctx.handler === user.id;
}

/**
 * `cases.mayLinkSome`: whether the user could link a recording to at least one case, which
 * decides if the recording page offers "link to case" at all.
 */
export function mayLinkSomeCase(user: EfrUser | null): boolean {
  if (!user) return false;
  return hasAnyRole(user, [EfrRole.Legal, EfrRole.Officer]);
}
