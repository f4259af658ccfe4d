import type { ProfileState, RuleContext, RuleEvaluator } from '@alfresco/adf-extensions';
import {
  ADMIN_GROUP, EfrRole, EfrUser, hasAnyRole, isAdminUser, rolesFromGroups,
} from './shared/roles.rules';
import { EFR_ASPECT, EFR_PREFIX, EFR_PROP, EFR_TYPE } from './shared/efr-model';

/**
 * The evaluators `efr.plugin.json`'s rules are built from, registered by
 * `provideEfrExtension()` (and by the lean shell). Each is a small pure function of ADF's
 * `RuleContext` (adf-extensions 9.0.0 `RuleEvaluator`): the Content App passes its own
 * (`AppExtensionService`: selection, navigation, profile), the lean shell one built by
 * `ruleContextFor()`. Roles come from `profile.groups`, the groups ACA's `UserProfileService`
 * reads from `people/-me-/groups` (aca-shared 8.0.0), through roles.rules.ts.
 */

/** The part of a repository node the evaluators read (js-api `Node`). */
interface NodeLike {
  nodeType?: string;
  aspectNames?: string[];
  properties?: Record<string, unknown>;
}

/** `plugin.user`: the EFR user a rule context's profile describes, or null before sign-in. */
export function userFromProfile(profile: ProfileState | null | undefined): EfrUser | null {
  if (!profile?.id) return null;
  const groupIds = (profile.groups ?? []).map((group) => String(group.id));
  return {
    id: profile.id,
    displayName: profile.userName ?? profile.id,
    roles: rolesFromGroups(groupIds),
    isAdmin: isAdminUser(groupIds, profile.isAdmin === true),
  };
}

/**
 * `plugin.context`: the rule context the lean shell evaluates the plugin's rules in: the
 * signed-in user as ACA's profile would describe them, nothing selected. `getEvaluator` is
 * how ADF's `core.every`/`core.some`/`core.not` find the evaluators their parameters name.
 */
export function ruleContextFor(
  user: EfrUser | null,
  getEvaluator: (key: string) => RuleEvaluator,
): RuleContext {
  const groups = user ? [...user.roles, ...(user.isAdmin ? [ADMIN_GROUP] : [])] : [];
  const profile = user
    ? { id: user.id, userName: user.displayName, firstName: user.displayName, lastName: '',
      isAdmin: user.isAdmin, groups: groups.map((id) => ({ id })) }
    : null;
  return {
    profile,
    selection: { count: 0, nodes: [], libraries: [], isEmpty: true },
    navigation: {},
    getEvaluator,
  } as unknown as RuleContext;
}

/** The node of a selection entry, a badge's node entry, or a bare node. */
function nodeOf(value: unknown): NodeLike | null {
  if (!value || typeof value !== 'object') return null;
  const entry = (value as { entry?: NodeLike }).entry;
  return entry && typeof entry === 'object' ? entry : (value as NodeLike);
}

/** The nodes selected in the Content App's list or viewer. */
function selectedNodes(context: RuleContext): NodeLike[] {
  return (context?.selection?.nodes ?? []).map(nodeOf).filter((n): n is NodeLike => !!n);
}

/** Whether `node` has the aspect. */
function hasAspect(node: NodeLike | null, aspect: string): boolean {
  return !!node?.aspectNames?.includes(aspect);
}

/**
 * `plugin.isSealed`: whether the seal was written. Every recording carries `efr:sealed` from
 * its creation (a mandatory aspect of `efr:recording` in efr-model.xml, for its fixity); the
 * seal itself is `efr:sealedAt`, set once when two custodians received the handover (R21.4).
 */
export function isSealed(node: NodeLike | null): boolean {
  return !!node?.properties?.[EFR_PROP.sealedAt];
}

/**
 * `plugin.isEfrRecord`: whether the node is one EFR keeps under its rules: any `efr:` type
 * (recordings, cases, workflow records) or a node carrying the seal or a hold.
 */
export function isEfrRecord(node: NodeLike | null): boolean {
  if (!node) return false;
  return (node.nodeType ?? '').startsWith(EFR_PREFIX)
    || hasAspect(node, EFR_ASPECT.sealed) || hasAspect(node, EFR_ASPECT.legalHold);
}

/** The only selected node, or null for none or several. */
function single(context: RuleContext): NodeLike | null {
  const nodes = selectedNodes(context);
  return nodes.length === 1 ? nodes[0] : null;
}

/** An evaluator true for users holding `role` (administrators hold every role). */
function roleEvaluator(role: EfrRole): RuleEvaluator {
  return (context) => hasAnyRole(userFromProfile(context?.profile), [role]);
}

/** Every evaluator the plugin's rules name, by key. */
export const EFR_EVALUATORS: Record<string, RuleEvaluator> = {
  'efr.user.signedIn': (context) => userFromProfile(context?.profile) !== null,
  'efr.user.isAdmin': (context) => userFromProfile(context?.profile)?.isAdmin === true,
  'efr.role.officer': roleEvaluator(EfrRole.Officer),
  'efr.role.custodian': roleEvaluator(EfrRole.Custodian),
  'efr.role.officeDirector': roleEvaluator(EfrRole.OfficeDirector),
  'efr.role.leader': roleEvaluator(EfrRole.Leader),
  'efr.role.supervisor': roleEvaluator(EfrRole.Supervisor),
  'efr.role.legal': roleEvaluator(EfrRole.Legal),
  'efr.role.unitHead': roleEvaluator(EfrRole.UnitHead),
  'efr.selection.isRecording': (context) => single(context)?.nodeType === EFR_TYPE.recording,
  'efr.selection.isCase': (context) => single(context)?.nodeType === EFR_TYPE.case,
  'efr.selection.isSealed': (context) => isSealed(single(context)),
  'efr.selection.isOnHold': (context) => hasAspect(single(context), EFR_ASPECT.legalHold),
  'efr.selection.hasEfrRecord': (context) => selectedNodes(context).some(isEfrRecord),
  // Badges: ACA calls these with the row's node entry after the context.
  'efr.node.isSealed': (_context, node?: unknown) => isSealed(nodeOf(node)),
  'efr.node.isOnHold': (_context, node?: unknown) =>
    hasAspect(nodeOf(node), EFR_ASPECT.legalHold),
  'efr.node.isEvidence': (_context, node?: unknown) =>
    hasAspect(nodeOf(node), EFR_ASPECT.evidence),
};
