/**
 * The behaviour half of the workflow guard (lib/workflow-guard.ts) for efr:device,
 * efr:deviceEvent, efr:deviceCheck and efr:exemption (R13.1, R11.2): onCreateNode,
 * onUpdateProperties and beforeDeleteNode refuse what the device and exemption web scripts
 * did not do, i.e. what a transaction without their mark (lib/workflow-step.ts) tries.
 *
 * Where it runs: the module JAR's script list is fixed by behaviors/build/module-jar.spec.ts
 * (three entries), so these types are bound to the handover script's ScriptBehaviour, which
 * hands them here by node type (scripts/handover.ts). A dedicated `workflow-record.js` entry
 * is the better home once that spec lists it.
 */
import type { BehaviourLike, ScriptNodeLike } from './acs-api.js';
import { currentActor } from './actor.js';
import { qnameMapToProps, samePlain } from './java-values.js';
import { NAMESPACES, nodeId } from './model-names.js';
import { enforce } from './refusal.js';
import {
  isGuardedType, workflowCreateVerdict, workflowDeleteVerdict, workflowUpdateVerdict,
} from './workflow-guard.js';
import { isWorkflowStep } from './workflow-step.js';

/** Properties ACS itself maintains on every update: never a client's change. */
const MAINTAINED = ['cm:modified', 'cm:modifier', 'cm:accessed'];

/** `{uri}local` → `prefix:local` for the known namespaces; others stay as they are. */
function shortName(full: string): string {
  for (const prefix of Object.keys(NAMESPACES)) {
    const head = '{' + NAMESPACES[prefix] + '}';
    if (full.indexOf(head) === 0) return prefix + ':' + full.substring(head.length);
  }
  return full;
}

/** The properties (`prefix:local`) an update changed, without those ACS maintains. */
export function changedProps(beforeMap: unknown, afterMap: unknown): string[] {
  const before = qnameMapToProps(beforeMap);
  const after = qnameMapToProps(afterMap);
  const keys: Record<string, boolean> = {};
  for (const k of Object.keys(before)) keys[k] = true;
  for (const k of Object.keys(after)) keys[k] = true;
  const out: string[] = [];
  for (const k of Object.keys(keys)) {
    const name = shortName(k);
    if (name.indexOf('sys:') === 0 || MAINTAINED.indexOf(name) >= 0) continue;
    if (!samePlain(before[k], after[k])) out.push(name);
  }
  return out.sort();
}

/** The node's type as `prefix:local` (ScriptNode#getTypeShort). */
function typeOf(node: ScriptNodeLike): string {
  return String(node.typeShort);
}

/** Whether the node is one of the guarded register types. */
export function isWorkflowRecord(node: ScriptNodeLike | null | undefined): boolean {
  return !!node && isGuardedType(typeOf(node));
}

/** The first argument's node: a ChildAssociation's child for onCreateNode. */
export function policyNode(b: BehaviourLike): ScriptNodeLike | null {
  const first = b.args[0] as (ScriptNodeLike & { child?: ScriptNodeLike }) | null | undefined;
  if (first === null || first === undefined) return null;
  return String(b.name) === 'onCreateNode' && first.child ? first.child : first;
}

/** Runs the guard for the policy that fired on a guarded node. */
export function runWorkflowGuard(b: BehaviourLike, node: ScriptNodeLike): void {
  const type = typeOf(node);
  const actor = currentActor();
  const what = String(b.name) + ' of ' + type + ' ' + nodeId(node) + ' by ' + actor.userName;
  switch (String(b.name)) {
    case 'onCreateNode':
      enforce(workflowCreateVerdict(type, isWorkflowStep(), actor), what);
      break;
    case 'onUpdateProperties': {
      // An empty before-map is the creation, judged by onCreateNode.
      if (Object.keys(qnameMapToProps(b.args[1])).length === 0) return;
      const changed = changedProps(b.args[1], b.args[2]);
      enforce(workflowUpdateVerdict(type, isWorkflowStep(), changed), what);
      break;
    }
    case 'beforeDeleteNode':
      // Purging from the trashcan: the delete was refused before the node could get there.
      if (String(node.nodeRef).indexOf('archive://') === 0) return;
      enforce(workflowDeleteVerdict(type), what);
      break;
    default:
      break;
  }
}
