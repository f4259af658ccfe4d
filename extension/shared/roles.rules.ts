/**
 * Roles come from the user's ACS groups (DESIGN.md "Who uses it"). Pure functions so that
 * navigation, dashboard and actions agree on who is who, and specs can cover every role.
 */

/** The EFR roles, each an ACS group. */
export enum EfrRole {
  Officer = 'GROUP_EFR_OFFICERS',
  Custodian = 'GROUP_EFR_CUSTODIANS',
  OfficeDirector = 'GROUP_EFR_OFFICE_DIRECTORS',
  Leader = 'GROUP_EFR_LEADERS',
  Supervisor = 'GROUP_EFR_SUPERVISORS',
  Legal = 'GROUP_EFR_LEGAL',
  UnitHead = 'GROUP_EFR_UNIT_HEADS',
}

/** Every EFR role, in the order the screens list them. */
export const ALL_ROLES: readonly EfrRole[] = Object.values(EfrRole);

/** The ACS group whose members administer the repository. */
export const ADMIN_GROUP = 'GROUP_ALFRESCO_ADMINISTRATORS';

/** What the screens know about the signed-in user. */
export interface EfrUser {
  /** ACS person id (the login name). */
  id: string;
  /** Name to show. */
  displayName: string;
  /** EFR roles held through group membership. */
  roles: readonly EfrRole[];
  /** Whether the user administers the repository (sees every entry). */
  isAdmin: boolean;
}

/**
 * `roles.fromGroups`: the EFR roles among a person's group ids, in canonical order; unknown
 * groups are ignored so that other applications' groups never grant anything.
 */
export function rolesFromGroups(groupIds: readonly string[]): EfrRole[] {
  const held = new Set(groupIds);
  return ALL_ROLES.filter((role) => held.has(role));
}

/** `roles.isAdmin`: whether the groups or the person's capabilities make the user an admin. */
export function isAdminUser(groupIds: readonly string[], capabilityAdmin: boolean): boolean {
  return capabilityAdmin || groupIds.includes(ADMIN_GROUP);
}

/** `roles.hasAny`: whether the user holds one of `roles`; admins hold every role. */
export function hasAnyRole(user: EfrUser | null, roles: readonly EfrRole[]): boolean {
  if (!user) return false;
  return user.isAdmin || roles.some((role) => user.roles.includes(role));
}
