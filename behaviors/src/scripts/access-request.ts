/**
 * Script behaviour of efr:accessRequest, onUpdateProperties (R24.1, R24.2, R25.1, R26.2, R27.1):
 * a change of efr:requestStatus is one step of core's state machine (review, approve, register,
 * reject, close) and is allowed only as core allows it, by the person the step records. The one
 * step of the repository itself (System) is closing a request whose viewing window has ended
 * (R24.2, the window-expiry job).
 */
import { checkRepositoryClose, refuse, transition } from '../../../core/src/index.js';
import type { AccessAction, AccessRequest, Verdict } from '../../../core/src/index.js';
import { EFR_PROPS } from '../../../content-model/src/qnames.js';
import type { RepositoryPort } from '../../../webscripts/src/repository-port.js';
import {
  accessRequestOf, recordingNodes, requestedRecordingOf,
} from '../../../webscripts/src/access-requests/access-request-of.js';
import { currentBehaviour } from '../lib/acs-api.js';
import type { ScriptNodeLike } from '../lib/acs-api.js';
import { acsPort, portNodeOf } from '../lib/acs-port.js';
import { currentActor } from '../lib/actor.js';
import type { BehaviourActor } from '../lib/actor.js';
import { nowIso } from '../lib/clock.js';
import { plainString, qnameMapToProps, samePlain } from '../lib/java-values.js';
import { nodeId } from '../lib/model-names.js';
import { readerOf } from '../lib/recording-state.js';
import type { PropReader } from '../lib/recording-state.js';
import { enforce } from '../lib/refusal.js';
import { efrWarn } from '../lib/efr-log.js';

/**
 * Properties a step writes: once written they stay (who decided, when, on what window). A
 * change of one of them without a status step would rewrite the record of a decision.
 */
const DECISION_PROPS: readonly string[] = [
  EFR_PROPS.requester, EFR_PROPS.purpose, EFR_PROPS.reviewer, EFR_PROPS.approver,
  EFR_PROPS.registrar, EFR_PROPS.viewer, EFR_PROPS.windowFrom, EFR_PROPS.windowTo,
  EFR_PROPS.rejectedBy, EFR_PROPS.rejectReason, EFR_PROPS.reviewOpinion,
  EFR_PROPS.approvalOpinion,
];

/** The property in which each step records who took it. */
const ACTOR_PROP: Readonly<Record<string, string>> = {
  review: EFR_PROPS.reviewer,
  approve: EFR_PROPS.approver,
  register: EFR_PROPS.registrar,
  reject: EFR_PROPS.rejectedBy,
};

/** The step that leads to `status`, read from the after-values; null for no such step. */
function actionFor(status: string, after: PropReader): AccessAction | null {
  const s = (name: string): string => plainString(after(name)) || '';
  switch (status) {
    case 'reviewed': return { type: 'review', opinion: s(EFR_PROPS.reviewOpinion) || null };
    case 'approved': return { type: 'approve', opinion: s(EFR_PROPS.approvalOpinion) || null };
    case 'registered': {
      const from = plainString(after(EFR_PROPS.windowFrom));
      const register: AccessAction = { type: 'register', viewer: s(EFR_PROPS.viewer),
        reason: s(EFR_PROPS.viewReason), viewingUntil: s(EFR_PROPS.windowTo) };
      if (from !== null) register.viewingFrom = from;
      return register;
    }
    case 'rejected': return { type: 'reject', reason: s(EFR_PROPS.rejectReason) };
    case 'closed': return { type: 'close' };
    default: return null;
  }
}

function lockedFieldChanged(before: PropReader, after: PropReader): string | null {
  for (const prop of DECISION_PROPS) {
    if (plainString(before(prop)) !== null && !samePlain(before(prop), after(prop))) return prop;
  }
  return null;
}

function checkStep(
  port: RepositoryPort,
  request: AccessRequest,
  after: PropReader,
  actor: BehaviourActor,
): Verdict {
  const status = plainString(after(EFR_PROPS.requestStatus)) || '';
  const action = actionFor(status, after);
  if (action === null) {
    return refuse(409, 'efr.access.badState', 'R24.1',
      'A request cannot go from ' + request.status + ' to ' + status + '.',
      '申请不能从“' + request.status + '”变为“' + status + '”。');
  }
  // The repository's one step: closing a request whose window has ended (R24.2, the
  // window-expiry close of webscripts/src/access-requests/window-expiry.ts), as server/.
  if (actor.system && action.type === 'close') return checkRepositoryClose(request, nowIso());
  const recordings = recordingNodes(port, request.recordingIds)
    .map((n) => requestedRecordingOf(port, n));
  const step = transition(request, action, actor, { now: nowIso(), recordings });
  if (!step.verdict.allowed || actor.system) return step.verdict;
  const actorProp = ACTOR_PROP[action.type];
  if (actorProp !== undefined && plainString(after(actorProp)) !== actor.userName) {
    return refuse(403, 'efr.access.actorMismatch', 'R24.1',
      'A step records the person who takes it: ' + actorProp + ' must be ' + actor.userName + '.',
      '审批记录须为实际操作人：' + actorProp + ' 应为 ' + actor.userName + '。');
  }
  return step.verdict;
}

function onUpdateProperties(node: ScriptNodeLike, beforeMap: unknown, afterMap: unknown): void {
  const beforeProps = qnameMapToProps(beforeMap);
  // An empty before-map is the node's creation (checked where the request is submitted).
  if (Object.keys(beforeProps).length === 0) return;
  const before = readerOf(beforeProps);
  const after = readerOf(qnameMapToProps(afterMap));
  const actor = currentActor();
  const id = nodeId(node);
  const port = acsPort();
  // The request as it was, read as the web scripts read it (webscripts/src/access-requests).
  const request = accessRequestOf(port, portNodeOf(node, beforeProps));
  const what = 'update of access request ' + id + ' by ' + actor.userName;
  if (samePlain(before(EFR_PROPS.requestStatus), after(EFR_PROPS.requestStatus))) {
    const locked = lockedFieldChanged(before, after);
    if (locked !== null && !actor.system) {
      enforce(refuse(409, 'efr.access.decisionFixed', 'R24.1',
        'The recorded decision "' + locked + '" cannot be rewritten.',
        '已记录的审批信息“' + locked + '”不得改写。'), what);
    }
    return;
  }
  enforce(checkStep(port, request, after, actor), what);
}

/** Runs the policy that fired. */
export function runAccessRequestBehaviour(): void {
  const b = currentBehaviour();
  if (String(b.name) === 'onUpdateProperties') {
    onUpdateProperties(b.args[0] as ScriptNodeLike, b.args[1], b.args[2]);
  } else {
    efrWarn('efr access request behaviour: unexpected policy ' + String(b.name));
  }
}

runAccessRequestBehaviour();
