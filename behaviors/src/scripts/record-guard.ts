/**
 * The generic acts on EFR records that no property rule sees (issue 16): the properties,
 * associations, copies, moves and deletes of a workflow record through the node API (e.g.
 * `PUT /nodes/{request}` or `POST /nodes/{request}/targets` adding a recording to an approved
 * viewing request), and locks on any EFR record (a lock would block holds, seals and receipts).
 * All are refused outside an EFR workflow step, with core's rules, the same server/ applies
 * (core/src/record-guard.ts): a step is a transaction an EFR web script marked
 * (lib/workflow-step.ts) or the repository acting as System. Some records are kept whoever
 * asks: a decided or registered request (R24.2), a case with a sealed recording linked (R22.2);
 * and a folder leaving the archive may not carry a sealed recording out (R26.1).
 *
 * Ownership too: in ACS the owner (cm:owner of cm:ownable, else the creator: OwnableServiceImpl
 * #getOwner) holds every permission, so the officer who uploaded a recording or opened a request
 * could deny custodians and supervisors. A new workflow record, and a recording when it is
 * sealed (scripts/recording.ts), get the repository as owner (cm:ownable, cm:owner = System),
 * and a change of that owner outside EFR's steps is refused. Each access request also gets its
 * own ACL (lib/request-acl.ts): who reads it is decided by ACLs on every read path of ACS.
 *
 * Bound by context/efr-record-guard-context.xml: AssociationPolicyRegistration
 * (onCreateAssociation, beforeDeleteAssociation) on the workflow record types;
 * ClassPolicyRegistration onCreateNode, onUpdateProperties, beforeCopy, beforeDeleteNode and
 * beforeMoveNode on those types (the device register's and exemptions' deletes are the workflow
 * guard's), beforeLock on those types and efr:recording, beforeDeleteNode on efr:case and
 * beforeMoveNode on cm:folder (ACS fires the move policy for the moved node only).
 */
import {
  checkCaseDelete, checkGenericAct, checkJobUpload, checkLock, checkOwnerChange,
  checkRecordingMove, checkRequestDelete, isWorkflowRecord,
} from '../../../core/src/index.js';
import type { GenericActContext } from '../../../core/src/index.js';
import { EFR_ASSOCS, EFR_PROPS, EFR_TYPES } from '../../../content-model/src/qnames.js';
import { ARCHIVE_CONTAINER_TYPES, isInArchive } from '../lib/archive-location.js';
import { isSealedRecording, nodesBelow } from '../lib/record-tree.js';
import { recordingStateOfNode } from '../lib/recording-state.js';
import { plainString, samePlain } from '../lib/java-values.js';
import { applyRequestAcl } from '../lib/request-acl.js';
import { assocNodes, nodeIsType, nodeProp } from '../lib/model-names.js';
import { currentBehaviour } from '../lib/acs-api.js';
import type { ScriptNodeLike } from '../lib/acs-api.js';
import { currentActor } from '../lib/actor.js';
import { nowIso } from '../lib/clock.js';
import { efrWarn } from '../lib/efr-log.js';
import { nodeId } from '../lib/model-names.js';
import { enforce } from '../lib/refusal.js';
import { isWorkflowStep } from '../lib/workflow-step.js';
import { qnameMapToProps, type PlainProps } from '../lib/java-values.js';
import { fullName } from '../lib/model-names.js';
import { makeRepositoryOwner, nodeAspects } from '../lib/record-owner.js';
import { jobOfNode } from '../lib/package-job-node.js';

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


function onUpdateProperties(node: ScriptNodeLike, beforeMap: unknown, afterMap: unknown): void {
  const owner = fullName('cm:owner');
  const before = qnameMapToProps(beforeMap);
  // A creation (empty before-map) sets the owner through onCreateNode, below.
  if (Object.keys(before).length === 0) return;
  const { ctx, user } = stepContext();
  const type = String(node.typeShort);
  const after = qnameMapToProps(afterMap);
  const was = before[owner] === undefined ? null : before[owner];
  const now = after[owner] === undefined ? null : after[owner];
  if (was !== now) {
    enforce(checkOwnerChange(type, nodeAspects(node), ctx),
      'owner change of ' + nodeId(node) + ' by ' + user);
  }
  // A disc's image (PUT /nodes/{id}/content sets cm:content through NodeService#setProperty,
  // which fires this policy): only the worker holding the disc's job writes it (issue 15,
  // R23.1; core's checkJobUpload, as server/'s content rule), whoever else asks, in a step too.
  if (type === EFR_TYPES.evidencePackage && onlyContentChanged(before, after)) {
    const actor = currentActor();
    enforce(checkJobUpload(jobOfNode(node), actor, nowIso()),
      'content of ' + nodeId(node) + ' by ' + user);
    return;
  }
  // PUT /nodes/{id} (or CMIS, WebDAV, Share) on a workflow record outside its steps (issue 16).
  enforce(checkGenericAct(type, 'properties', ctx), 'properties of ' + nodeId(node) + ' by ' + user);
  // A step that names a new party (registration names the viewer) updates who reads it.
  if (type === EFR_TYPES.accessRequest && [EFR_PROPS.requester, EFR_PROPS.viewer].some((p) =>
    !samePlain(before[fullName(p)], after[fullName(p)]))) {
    applyRequestAcl(node);
  }
}

/** The properties a content write changes: cm:content and the auditable stamps. */
const CONTENT_WRITE = ['cm:content', 'cm:modified', 'cm:modifier'].map(fullName);

/** Whether a property update is a content write only (cm:content changed, nothing else). */
function onlyContentChanged(before: PlainProps, after: PlainProps): boolean {
  const keys: { [k: string]: true } = {};
  for (const k of Object.keys(before)) keys[k] = true;
  for (const k of Object.keys(after)) keys[k] = true;
  let content = false;
  for (const k of Object.keys(keys)) {
    if (samePlain(before[k], after[k])) continue;
    if (CONTENT_WRITE.indexOf(k) < 0) return false;
    if (k === CONTENT_WRITE[0]) content = true;
  }
  return content;
}

/** onCreateNode: the repository owns every workflow record; a request reads by its own ACL. */
function onCreateNode(node: ScriptNodeLike): void {
  makeRepositoryOwner(node);
  if (String(node.typeShort) === EFR_TYPES.accessRequest) applyRequestAcl(node);
}

/**
 * beforeCopy (CopyServicePolicies; CopyServiceImpl#copyImpl fires it for every node it copies,
 * children included, with the copy's class, 25.5.0.31 l. 634): a workflow record is not copied
 * outside its steps. (A recording's own rule is recording.js's.)
 */
function beforeCopy(source: ScriptNodeLike): void {
  const { ctx, user } = stepContext();
  enforce(checkGenericAct(String(source.typeShort), 'copy', ctx),
    'copy of ' + nodeId(source) + ' by ' + user);
}

/**
 * beforeDeleteNode (DbNodeServiceImpl#deleteNode fires it for every node of the deleted
 * hierarchy, 25.5.0.31 l. 1308): a workflow record only through its steps; a decided or
 * registered request never (R24.2); a case with sealed recordings linked never (R22.2).
 */
function beforeDeleteNode(node: ScriptNodeLike): void {
  // Purging from the trashcan: the delete itself was checked when the node was archived.
  if (String(node.nodeRef).indexOf('archive://') === 0) return;
  const { ctx, user } = stepContext();
  const type = String(node.typeShort);
  const what = 'delete of ' + nodeId(node) + ' by ' + user;
  if (type === EFR_TYPES.case) {
    const linked = assocNodes(node.assocs, EFR_ASSOCS.caseRecordings).filter(isSealedRecording);
    enforce(checkCaseDelete(linked.length), what);
    return;
  }
  // The register is kept whoever asks, a step included (R24.2); then the steps-only rule.
  if (type === EFR_TYPES.accessRequest) {
    enforce(checkRequestDelete({
      status: plainString(nodeProp(node, EFR_PROPS.requestStatus)) || 'submitted',
      registeredAt: plainString(nodeProp(node, EFR_PROPS.registeredAt)),
    }), what);
  }
  enforce(checkGenericAct(type, 'delete', ctx), what);
}

interface ChildAssociationArg {
  readonly parent: ScriptNodeLike;
  readonly child: ScriptNodeLike;
}

/** Whether one of the folders (the recording's parent up to the moved folder) is an archive container. */
function carriedInContainer(path: ScriptNodeLike[]): boolean {
  return path.some((folder) => ARCHIVE_CONTAINER_TYPES.some((t) => nodeIsType(folder, t)));
}

/**
 * beforeMoveNode (DbNodeServiceImpl#moveNode fires it for the moved node only, 25.5.0.31
 * l. 3034): a workflow record moves only in its steps; a folder leaving the archive may not
 * carry a sealed recording out with it (R26.1), each one below it checked as if moved alone,
 * unless an archive container (case, handover, spot check) inside the moved folder holds it.
 */
function beforeMoveNode(oldAssoc: ChildAssociationArg, newParent: ScriptNodeLike): void {
  const node = oldAssoc.child;
  const { ctx, user } = stepContext();
  const type = String(node.typeShort);
  const what = 'move of ' + nodeId(node) + ' to ' + nodeId(newParent) + ' by ' + user;
  enforce(checkGenericAct(type, 'move', ctx), what);
  if (isWorkflowRecord(type) && !nodeIsType(node, 'cm:folder')) return;
  if (isInArchive(newParent)) return;
  const from = { id: nodeId(oldAssoc.parent), inArchive: true };
  for (const held of nodesBelow(node, isSealedRecording)) {
    enforce(checkRecordingMove(recordingStateOfNode(held.node), from,
      { id: nodeId(newParent), inArchive: carriedInContainer(held.path) }),
    what + ' (sealed recording ' + nodeId(held.node) + ' inside)');
  }
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
      onCreateNode((args[0] as ChildAssociationArg).child);
      break;
    case 'onUpdateProperties':
      onUpdateProperties(args[0] as ScriptNodeLike, args[1], args[2]);
      break;
    case 'beforeCopy':
      beforeCopy(args[1] as ScriptNodeLike);
      break;
    case 'beforeDeleteNode':
      beforeDeleteNode(args[0] as ScriptNodeLike);
      break;
    case 'beforeMoveNode':
      beforeMoveNode(args[0] as ChildAssociationArg, args[1] as ScriptNodeLike);
      break;
    default:
      efrWarn('efr record guard: unexpected policy ' + String(b.name));
  }
}

runRecordGuard();
