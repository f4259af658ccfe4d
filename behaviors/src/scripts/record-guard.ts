/**
 * The generic acts on EFR records that no property rule sees (issue 16): the associations of a
 * workflow record (e.g. `POST /nodes/{request}/targets` adding a recording to an approved
 * viewing request) and locks on any EFR record (a lock would block holds, seals and receipts).
 * Both are refused outside an EFR workflow step, with core's rules, the same server/ applies
 * (core/src/record-guard.ts): a step is a transaction an EFR web script marked
 * (lib/workflow-step.ts) or the repository acting as System.
 *
 * Ownership too: in ACS the owner (cm:owner of cm:ownable, else the creator: OwnableServiceImpl
 * #getOwner) holds every permission, so the officer who uploaded a recording or opened a request
 * could deny custodians and supervisors. A new workflow record, and a recording when it is
 * sealed (scripts/recording.ts), get the repository as owner (cm:ownable, cm:owner = System),
 * and a change of that owner outside EFR's steps is refused.
 *
 * Bound by context/efr-record-guard-context.xml: AssociationPolicyRegistration
 * (onCreateAssociation, beforeDeleteAssociation) on the workflow record types;
 * ClassPolicyRegistration onCreateNode on those types; onUpdateProperties (owner changes) and
 * beforeLock (LockServicePolicies) on those types and efr:recording.
 */
import { checkGenericAct, checkLock, checkOwnerChange } from '../../../core/src/index.js';
import type { GenericActContext } from '../../../core/src/index.js';
import { currentBehaviour } from '../lib/acs-api.js';
import type { ScriptNodeLike } from '../lib/acs-api.js';
import { currentActor } from '../lib/actor.js';
import { efrWarn } from '../lib/efr-log.js';
import { nodeId } from '../lib/model-names.js';
import { enforce } from '../lib/refusal.js';
import { isWorkflowStep } from '../lib/workflow-step.js';
import { qnameMapToProps } from '../lib/java-values.js';
import { fullName } from '../lib/model-names.js';
import { makeRepositoryOwner, nodeAspects } from '../lib/record-owner.js';

/** An association as ValueConverter hands it over (org.alfresco.repo.jscript.Association). */
interface AssociationLike {
  readonly source: ScriptNodeLike;
  readonly target: ScriptNodeLike;
  readonly type: unknown;
}

function stepContext(): { ctx: GenericActContext; user: string } {
  const actor = currentActor();
  return { ctx: { workflowStep: actor.system || isWorkflowStep() }, user: actor.userName };
}

function associationChange(assoc: AssociationLike, what: string): void {
  const { ctx, user } = stepContext();
  const type = String(assoc.source.typeShort);
  enforce(checkGenericAct(type, 'associations', ctx), what + ' ' + String(assoc.type) + ' of ' +
    nodeId(assoc.source) + ' by ' + user);
}

function beforeLock(node: ScriptNodeLike): void {
  const { ctx, user } = stepContext();
  enforce(checkLock(String(node.typeShort), ctx), 'lock of ' + nodeId(node) + ' by ' + user);
}

/** A child association as ValueConverter hands it over (ChildAssociation). */
interface ChildAssociationLike {
  readonly child: ScriptNodeLike;
}

function onUpdateProperties(node: ScriptNodeLike, beforeMap: unknown, afterMap: unknown): void {
  const owner = fullName('cm:owner');
  const before = qnameMapToProps(beforeMap);
  // A creation (empty before-map) sets the owner through onCreateNode, below.
  if (Object.keys(before).length === 0) return;
  const after = qnameMapToProps(afterMap);
  const was = before[owner] === undefined ? null : before[owner];
  const now = after[owner] === undefined ? null : after[owner];
  if (was === now) return;
  const { ctx, user } = stepContext();
  enforce(checkOwnerChange(String(node.typeShort), nodeAspects(node), ctx),
    'owner change of ' + nodeId(node) + ' by ' + user);
}

/** Runs the policy that fired. */
export function runRecordGuard(): void {
  const b = currentBehaviour();
  const args = b.args;
  switch (String(b.name)) {
    case 'onCreateAssociation':
      associationChange(args[0] as AssociationLike, 'new association');
      break;
    case 'beforeDeleteAssociation':
      associationChange(args[0] as AssociationLike, 'removed association');
      break;
    case 'beforeLock':
      beforeLock(args[0] as ScriptNodeLike);
      break;
    case 'onCreateNode':
      makeRepositoryOwner((args[0] as ChildAssociationLike).child);
      break;
    case 'onUpdateProperties':
      onUpdateProperties(args[0] as ScriptNodeLike, args[1], args[2]);
      break;
    default:
      efrWarn('efr record guard: unexpected policy ' + String(b.name));
  }
}

runRecordGuard();
