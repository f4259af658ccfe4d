/**
 * The ACS groups of EFR's roles (see DESIGN.md "Who uses it") and the actor shape every rule
 * receives: core never asks a repository who someone is, the caller says so.
 */

/** 执法人员: record field acts, hand footage over, request viewing. */
export const GROUP_EFR_OFFICERS = 'GROUP_EFR_OFFICERS';
/** 办公室（保管人）: receive handovers, register viewers, manage devices (R13, R21.4, R24.2). */
export const GROUP_EFR_CUSTODIANS = 'GROUP_EFR_CUSTODIANS';
/** 办公室主任: review viewing requests (R24.1). */
export const GROUP_EFR_OFFICE_DIRECTORS = 'GROUP_EFR_OFFICE_DIRECTORS';
/** 局分管领导: approve viewing requests of the cases they lead (R24.1), receive exemptions. */
export const GROUP_EFR_LEADERS = 'GROUP_EFR_LEADERS';
/** 机关党委 / 监督: spot checks, supervision, violations (R14.1, R28, R29). */
export const GROUP_EFR_SUPERVISORS = 'GROUP_EFR_SUPERVISORS';
/** 法制 / 法务: link footage to dossiers as evidence, export evidence packages (R22.2, R23). */
export const GROUP_EFR_LEGAL = 'GROUP_EFR_LEGAL';
/** 执法部门负责人: first responsible for the unit's devices (R12.1). */
export const GROUP_EFR_UNIT_HEADS = 'GROUP_EFR_UNIT_HEADS';

/**
 * The service account of `efr worker` (issue 15): claims jobs too heavy for a web script
 * (evidence discs) and hands their results back. Not a role of people, so not in
 * {@link EFR_GROUPS}; deployment creates it with its one member (docs/deploy.md).
 */
export const GROUP_EFR_WORKERS = 'GROUP_EFR_WORKERS';

/** Every EFR group, in the order of DESIGN.md. */
export const EFR_GROUPS = [
  GROUP_EFR_OFFICERS,
  GROUP_EFR_CUSTODIANS,
  GROUP_EFR_OFFICE_DIRECTORS,
  GROUP_EFR_LEADERS,
  GROUP_EFR_SUPERVISORS,
  GROUP_EFR_LEGAL,
  GROUP_EFR_UNIT_HEADS,
] as const;

/** One of EFR's ACS groups. */
export type EfrGroup = (typeof EFR_GROUPS)[number];

/** The person acting, as the caller authenticated them. */
export interface Actor {
  /** ACS user name (`cm:userName`). */
  userName: string;
  /** ACS authority names of the groups the user belongs to (`GROUP_…`), transitively. */
  groups: readonly string[];
}

/** Whether the actor belongs to `group`. */
export function isMember(actor: Actor, group: string): boolean {
  return actor.groups.indexOf(group) >= 0;
}

/** Whether the actor belongs to at least one of `groups`. */
export function isMemberOfAny(actor: Actor, groups: readonly string[]): boolean {
  for (const group of groups) {
    if (isMember(actor, group)) return true;
  }
  return false;
}
