import { EfrRole, EfrUser } from '../roles.rules';

/** A user holding `roles`, for specs. */
export function userWith(id: string, ...roles: EfrRole[]): EfrUser {
  return { id, displayName: id, roles, isAdmin: false };
}

/** An administrator without EFR groups, for specs. */
export const ADMIN_USER: EfrUser = { id: 'admin', displayName: 'Admin', roles: [], isAdmin: true };
