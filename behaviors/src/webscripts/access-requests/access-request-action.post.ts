/**
 * POST /efr/access-requests/{id}/{action}: one step of core's state machine (`review`,
 * `approve`, `register`, `reject`, `close`; R24.1, R24.2, R25.1, R27.1). The player's viewing
 * events have their own web script (access-request-viewing-events.post). The step's fields are written
 * in one save, so that the efr:accessRequest behaviour sees the whole step at once.
 * Registration grants the viewer Consumer on the requested recordings and closing revokes it,
 * except where another registered request of the viewer still holds a recording
 * (lib/viewing-access.ts; the module's onContentRead refuses reads outside a window as a second
 * line).
 */
import {
  MAX_OPINION_LENGTH,
  transition,
  type AccessAction,
} from '../../../../core/src/index.js';
import { currentActor } from '../../lib/actor.js';
import { nowIso } from '../../lib/clock.js';
import { requestedRecordingNodes } from '../../lib/access-request-state.js';
import { nodeId } from '../../lib/model-names.js';
import { grantViewing, revokeViewing } from '../../lib/viewing-access.js';
import {
  enforce,
  fail,
  jsonBody,
  logStep,
  nodeOfType,
  respond,
  runWebScript,
  templateArg,
  type WsNode,
} from '../../lib/ws-runtime.js';
import { maySee, requestView } from './access-request-json.js';

const STEPS = ['review', 'approve', 'register', 'reject', 'close'];

function text(b: Record<string, unknown>, k: string): string {
  return typeof b[k] === 'string' ? (b[k] as string).trim() : '';
}

function actionOf(step: string, b: Record<string, unknown>): AccessAction {
  if (step === 'register') {
    const a: AccessAction = {
      type: 'register',
      viewer: text(b, 'viewer'),
      reason: text(b, 'reason'),
      viewingUntil: text(b, 'viewingUntil'),
    };
    if (text(b, 'viewingFrom') !== '') a.viewingFrom = text(b, 'viewingFrom');
    return a;
  }
  if (step === 'reject') return { type: 'reject', reason: text(b, 'reason') };
  if (step === 'review' || step === 'approve') {
    // 审核意见 / 批准意见 (issue 19, point 8): optional, kept with the step; as server/.
    const opinion = b.opinion;
    if (opinion !== undefined && opinion !== null && (typeof opinion !== 'string' ||
      opinion.length > MAX_OPINION_LENGTH)) {
      fail(400, 'framework.exception.InvalidArgument',
        'opinion must be a text of at most ' + MAX_OPINION_LENGTH + ' characters');
    }
    return { type: step, opinion: text(b, 'opinion') || null };
  }
  return { type: step } as AccessAction;
}

runWebScript(() => {
  const id = templateArg('id');
  const what = templateArg('action');
  const node = nodeOfType(id, 'efr:accessRequest');
  const actor = currentActor();
  const now = nowIso();
  const view = requestView(node, now);
  if (!maySee(actor, view.request) || STEPS.indexOf(what) < 0) {
    fail(404, 'framework.exception.EntityNotFound', 'The entity with id: ' + id + ' was not found');
  }
  const b = jsonBody();
  const action = actionOf(what, b);
  const recNodes = requestedRecordingNodes(node) as WsNode[];
  const t = transition(view.request, action, actor, { now, recordings: view.recordings });
  enforce(t.verdict, 'accessRequest.' + what, String(node.nodeRef));
  const next = t.next;
  if (!next) throw new Error('core allowed a step without a next state');
  const p = node.properties;
  const at = new Date(now);
  p['efr:requestStatus'] = next.status;
  if (what === 'review') {
    p['efr:reviewer'] = actor.userName;
    p['efr:reviewedAt'] = at;
    if (next.reviewOpinion) p['efr:reviewOpinion'] = next.reviewOpinion;
  } else if (what === 'approve') {
    p['efr:approver'] = actor.userName;
    p['efr:approvedAt'] = at;
    if (next.approvalOpinion) p['efr:approvalOpinion'] = next.approvalOpinion;
  } else if (what === 'register') {
    p['efr:registrar'] = actor.userName;
    p['efr:registeredAt'] = at;
    p['efr:viewer'] = next.viewer;
    p['efr:viewReason'] = next.viewingReason;
    p['efr:windowFrom'] = new Date(Date.parse(String(next.viewingFrom)));
    p['efr:windowTo'] = new Date(Date.parse(String(next.viewingUntil)));
  } else if (what === 'reject') {
    p['efr:rejectedBy'] = actor.userName;
    p['efr:rejectedAt'] = at;
    p['efr:rejectReason'] = next.rejectionReason;
  } else {
    p['efr:closedAt'] = at;
  }
  node.save();
  // Access follows the register: Consumer for the viewer while registered, removed at close
  // unless another registered request of the viewer still holds it.
  const viewer = what === 'register' ? next.viewer : view.request.viewer;
  if (viewer !== null && what === 'register') grantViewing(recNodes, viewer);
  if (viewer !== null && what === 'close') revokeViewing(node, recNodes, viewer, now);
  logStep('accessRequest.' + what, node, {
    from: view.request.status,
    to: next.status,
    by: actor.userName,
    recordings: recNodes.map(nodeId).join(','),
  });
  respond(200, { entry: requestView(node, now).json });
});
