/**
 * POST /efr/violations/{id}/decision: a supervisor, never the person concerned, confirms or
 * dismisses with a reason (R29.1); core's transitionViolation decides.
 */
import { transitionViolation, type ViolationAction } from '../../../../core/src/index.js';
import { currentActor } from '../../lib/actor.js';
import { nowIso } from '../../lib/clock.js';
import {
  enforce, fail, jsonBody, logStep, nodeOfType, respond, runWebScript, templateArg,
} from '../devices/ws-runtime.js';
import { violationJson, violationState } from './violation-json.js';

runWebScript(() => {
  const b = jsonBody();
  const type = b.action;
  if (type !== 'confirm' && type !== 'dismiss') {
    fail(400, 'framework.exception.InvalidArgument', 'action must be confirm or dismiss');
  }
  const reason = typeof b.reason === 'string' ? b.reason : '';
  const node = nodeOfType(templateArg('id'), 'efr:violation');
  const now = nowIso();
  const action = { type, reason } as ViolationAction;
  const t = transitionViolation(violationState(node), action, currentActor(), now);
  enforce(t.verdict, 'violation.' + String(type), String(node.nodeRef));
  const next = t.next;
  if (next === undefined) throw new Error('core allowed a transition without a next state');
  node.properties['efr:violationStatus'] = next.status;
  node.properties['efr:decisionReason'] = next.decisionReason;
  node.save();
  if (node.addAspect) {
    node.addAspect('efr:decided',
      { 'efr:decidedBy': next.decidedBy, 'efr:decidedAt': new Date(now) });
  }
  logStep('violation.' + String(type), node, { status: next.status, by: String(next.decidedBy) });
  respond(200, { entry: violationJson(node) });
});
