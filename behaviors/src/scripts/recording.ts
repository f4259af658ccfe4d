/**
 * Script behaviour of efr:recording (R23.1, R26.1, R22.1, R22.2, R14.2, R13.2, R24.2, R27.1).
 * Registered for onUpdateProperties, beforeDeleteNode, onContentUpdate, beforeMoveNode,
 * onContentRead, beforeCopy and beforeRemoveAspect, and for beforeAddAspect of efr:destroyed
 * (behaviors/config/.../context/efr-behaviours-context.xml); `behaviour.name` says which one
 * fired. Thin: convert, ask core, act on the verdict.
 */
import {
  checkContentUpdate, checkDisposal, checkRecordingAspectRemoval, checkRecordingCopy,
  checkRecordingDelete, checkRecordingMove, checkRecordingUpdate,
} from '../../../core/src/index.js';
import type {
  DisposalApproval, RecordingAspectKind, RecordingState,
} from '../../../core/src/index.js';
import {
  EFR_ASPECTS, EFR_NAMESPACE_URI, EFR_PREFIX, EFR_PROPS,
} from '../../../content-model/src/qnames.js';
import { contentReadVerdict } from '../../../webscripts/src/access-requests/content-read.js';
import {
  currentBehaviour, scriptSearch,
} from '../lib/acs-api.js';
import type { ScriptNodeLike } from '../lib/acs-api.js';
import { currentActor, currentUserNameOrNull } from '../lib/actor.js';
import {
  destroyingBatch, disposalVerdict, hasContentNow, isTombstone,
} from '../lib/disposal.js';
import { isWorkflowStep } from '../lib/workflow-step.js';
import type { BehaviourActor } from '../lib/actor.js';
import { acsPort } from '../lib/acs-port.js';
import { locationOf } from '../lib/archive-location.js';
import { nowIso } from '../lib/clock.js';
import { ingestVerdict } from '../lib/recording-ingest.js';
import { plainString, qnameMapToProps } from '../lib/java-values.js';
import { CM_CONTENT, fullName, nodeId, nodeProp } from '../lib/model-names.js';
import {
  aspectChanges, factsBefore, isSealed, readerOf, recordingChanges, recordingNodeFacts,
  recordingState, recordingStateOfNode,
} from '../lib/recording-state.js';
import type { PropReader } from '../lib/recording-state.js';
import { enforce } from '../lib/refusal.js';
import { makeRepositoryOwner } from '../lib/record-owner.js';
import { efrInfo, efrWarn } from '../lib/efr-log.js';

const stateOfNode = recordingStateOfNode;

/**
 * Whether an update only seals the recording as its handover says: the handover named by
 * efr:handoverId is sealed and names the same two custodians (R21.4). Sealing is the
 * repository's own act, so core is asked with `system: true` for exactly that change.
 */
function isSealingByHandover(after: PropReader, changes: Record<string, unknown>): boolean {
  const keys = Object.keys(changes);
  if (keys.length !== 1 || changes.sealed !== true) return false;
  const handoverId = plainString(after(EFR_PROPS.handoverId));
  if (handoverId === null) return false;
  const handover = scriptSearch().findNode('workspace://SpacesStore/' + handoverId);
  if (!handover) return false;
  const s = (name: string): string | null => plainString(nodeProp(handover, name));
  return s(EFR_PROPS.handoverStatus) === 'sealed' &&
    s(EFR_PROPS.receipt1By) === plainString(after(EFR_PROPS.sealedBy1)) &&
    s(EFR_PROPS.receipt2By) === plainString(after(EFR_PROPS.sealedBy2));
}

function onUpdateProperties(node: ScriptNodeLike, beforeMap: unknown, afterMap: unknown): void {
  const beforeProps = qnameMapToProps(beforeMap);
  // An empty before-map is the node's creation: ingest rules run where the node is made.
  if (Object.keys(beforeProps).length === 0) return;
  const before = readerOf(beforeProps);
  const after = readerOf(qnameMapToProps(afterMap));
  // Its bytes go and its tombstone is written only by an executed disposition batch (issue 18,
  // core's checkDisposal): whoever writes, System and administrators included.
  const removesContent = plainString(before(CM_CONTENT)) !== null &&
    plainString(after(CM_CONTENT)) === null;
  enforce(disposalVerdict(nodeId(node), before, after, removesContent),
    'disposal of recording ' + nodeId(node) + ' by ' + currentActor().userName);
  const facts = recordingNodeFacts(node);
  const previous = factsBefore(before, facts);
  const changes = recordingChanges(before, after);
  // The content's removal was the disposal's, decided above; nothing else of it is a change.
  if (removesContent) delete changes.content;
  const revealed = aspectChanges(previous, facts);
  for (const key of Object.keys(revealed)) changes[key] = revealed[key];
  if (Object.keys(changes).length === 0) return;
  const actor = currentActor();
  const system = actor.system || isSealingByHandover(after, changes);
  const state = recordingState(before, previous);
  const verdict = checkRecordingUpdate(state, changes, { actor, now: nowIso(), system });
  enforce(verdict, 'update of recording ' + nodeId(node) + ' by ' + actor.userName);
  // Sealed: from now on nobody owns it (issue 16, R26.1), the uploading officer included.
  if (!isSealed(before) && isSealed(after)) makeRepositoryOwner(node);
}

/**
 * The disposal decision a delete runs under. The model keeps no disposal record yet: the
 * disposal procedure deletes as the System user after checking its approved decision, so a
 * delete by System is taken as approved for this node; any other delete has none.
 */
function disposalOf(actor: BehaviourActor, id: string): DisposalApproval | null {
  if (!actor.system) return null;
  return {
    id: 'system-disposal', status: 'approved', recordingIds: [id], approvedBy: actor.userName,
  };
}

function beforeDeleteNode(node: ScriptNodeLike): void {
  // Purging from the trashcan: the delete itself was allowed when the node was archived.
  if (String(node.nodeRef).indexOf('archive://') === 0) return;
  const actor = currentActor();
  const id = nodeId(node);
  const verdict = checkRecordingDelete(stateOfNode(node),
    { now: nowIso(), disposal: disposalOf(actor, id) });
  enforce(verdict, 'delete of recording ' + id + ' by ' + actor.userName);
}

/**
 * No new content once sealed (R26.1). The first write at ingest (`newContent`) also joins only
 * an open handover that the recording names, and its bytes must hash to the declared
 * efr:sha256 (R21.4, R26.1; lib/recording-ingest.ts).
 */
function onContentUpdate(node: ScriptNodeLike, newContent: unknown): void {
  const first = String(newContent) === 'true';
  // ACS fires this too when the content property is cleared (ContentServiceImpl
  // #onUpdateProperties l. 213-322 at 25.5.0.31): that is the disposal's, or nobody's.
  if (!first && !hasContentNow(node)) {
    const read = (p: string) => nodeProp(node, p);
    enforce(checkDisposal({ recordingId: nodeId(node), removesContent: true, changed: [],
      addedAspects: [], wasTombstone: isTombstone(read), inStep: isWorkflowStep(),
      batch: destroyingBatch(plainString(read('efr:destroyedBatch'))) }),
    'content removal of recording ' + nodeId(node));
    return;
  }
  const what = 'content ' + (first ? 'write' : 'update') + ' of recording ' + nodeId(node);
  enforce(checkContentUpdate(stateOfNode(node)), what);
  if (first) enforce(ingestVerdict(node), what);
}

interface ChildAssociationLike {
  readonly parent: ScriptNodeLike;
  readonly child: ScriptNodeLike;
}

function beforeMoveNode(oldAssoc: ChildAssociationLike, newParent: ScriptNodeLike): void {
  const node = oldAssoc.child;
  const verdict = checkRecordingMove(stateOfNode(node), locationOf(oldAssoc.parent),
    locationOf(newParent));
  enforce(verdict, 'move of recording ' + nodeId(node) + ' to ' + nodeId(newParent));
}

/**
 * beforeCopy (CopyServicePolicies): a recording is never copied in the repository (R23.1,
 * R26.1); copies for evidence are evidence discs. The source arrives as a ScriptNode (or, in
 * a host that passes the raw NodeRef, as that), so only its reference is read.
 */
function beforeCopy(source: unknown): void {
  const ref = (source as { nodeRef?: unknown } | null)?.nodeRef ?? source;
  enforce(checkRecordingCopy(), 'copy of recording ' + String(ref));
}

/**
 * Logs the read (the audit application records it too, see audit/efr-audit.xml) and decides
 * it with core's checkContentRead, the rule server/ applies to every read of a recording's
 * content (webscripts/src/access-requests/content-read.ts): the registered viewer inside the
 * viewing window, at the moment of the read, whatever the secrecy level; custodians are not
 * exempt; the repository (System) and administrators are. So a viewer's right begins and ends
 * exactly at the window's edges, whatever ACLs say and whenever the window-expiry job runs.
 * ACS calls this for every reader it hands out (ContentServiceImpl#getReader, 25.5.0.31
 * l. 390-392 and 420-428, EVERY_EVENT), after its own ReadContent check
 * (public-services-security-context.xml l. 519). ACS does not tell a behaviour whether the
 * client asked for an attachment, so the module cannot refuse a download as such (R26.2): it
 * decides the read as the player's (inline).
 *
 * A read with no authenticated user is the search index's content fetch (Solr's NodeContentGet
 * runs with authentication "none"): it hands the bytes to the index's text transform, never to a
 * person, and refusing it would fail every index fetch with a 500; it is logged as such.
 * Previews and transforms read as the person who asked for them (LocalTransformClient,
 * RenditionService2Impl), so the rule applies.
 */
function onContentRead(node: ScriptNodeLike): void {
  const id = nodeId(node);
  const now = nowIso();
  if (currentUserNameOrNull() === null) {
    efrInfo('efr read of recording ' + id + ' by the search index (no authenticated user) at ' +
      now);
    return;
  }
  const actor = currentActor();
  efrInfo('efr read of recording ' + id + ' by ' + actor.userName + ' at ' + now);
  enforce(contentReadVerdict(acsPort(), id, 'inline'),
    'read of recording ' + id + ' by ' + actor.userName);
}

/** What the removed aspect (`{uri}local`, as ValueConverter hands a QName over) stands for. */
function aspectKind(aspect: string): RecordingAspectKind {
  if (aspect === fullName(EFR_ASPECTS.legalHold)) return 'legalHold';
  if (aspect === fullName(EFR_ASPECTS.evidence)) return 'evidence';
  return aspect.indexOf('{' + EFR_NAMESPACE_URI + '}') === 0 ? 'recordFact' : 'other';
}

/**
 * beforeRemoveAspect: a hold or an evidence mark is lifted only by those who may lift it, and
 * no other aspect of the record leaves a sealed recording (R14.2, R22.2, R26.1). ACS 23.1
 * removes an aspect's properties without a property update (DbNodeServiceImpl l. 853-864 at
 * 23.1.1.12), so onUpdateProperties alone would not see it.
 */
function beforeRemoveAspect(node: ScriptNodeLike, aspect: unknown): void {
  const actor = currentActor();
  const name = String(aspect);
  const local = name.substring(name.indexOf('}') + 1);
  const verdict = checkRecordingAspectRemoval(stateOfNode(node), aspectKind(name),
    { actor, now: nowIso(), system: actor.system }, EFR_PREFIX + ':' + local);
  enforce(verdict, 'removal of ' + name + ' from recording ' + nodeId(node) + ' by ' +
    actor.userName);
}

/**
 * beforeAddAspect of efr:destroyed (bound to that aspect's class): the tombstone mark comes
 * only inside an EFR step; the property update that carries its facts follows in the same call
 * and is decided then with the batch it names (core's checkDisposal; an aspect is added before
 * its properties are set, DbNodeServiceImpl#addAspect).
 */
function beforeAddAspect(node: ScriptNodeLike, aspect: unknown): void {
  if (String(aspect) !== fullName(EFR_ASPECTS.destroyed) || isWorkflowStep()) return;
  enforce(checkDisposal({ recordingId: nodeId(node), removesContent: false, changed: [],
    addedAspects: [EFR_ASPECTS.destroyed], wasTombstone: false, inStep: false, batch: null }),
  'tombstone mark on recording ' + nodeId(node) + ' by ' + currentActor().userName);
}

/** Runs the policy that fired. */
export function runRecordingBehaviour(): void {
  const b = currentBehaviour();
  const args = b.args;
  switch (String(b.name)) {
    case 'onUpdateProperties':
      onUpdateProperties(args[0] as ScriptNodeLike, args[1], args[2]);
      break;
    case 'beforeDeleteNode':
      beforeDeleteNode(args[0] as ScriptNodeLike);
      break;
    case 'onContentUpdate':
      onContentUpdate(args[0] as ScriptNodeLike, args[1]);
      break;
    case 'beforeMoveNode':
      beforeMoveNode(args[0] as ChildAssociationLike, args[1] as ScriptNodeLike);
      break;
    case 'onContentRead':
      onContentRead(args[0] as ScriptNodeLike);
      break;
    case 'beforeCopy':
      beforeCopy(args[1]);
      break;
    case 'beforeRemoveAspect':
      beforeRemoveAspect(args[0] as ScriptNodeLike, args[1]);
      break;
    case 'beforeAddAspect':
      beforeAddAspect(args[0] as ScriptNodeLike, args[1]);
      break;
    default:
      efrWarn('efr recording behaviour: unexpected policy ' + String(b.name));
  }
}

runRecordingBehaviour();
