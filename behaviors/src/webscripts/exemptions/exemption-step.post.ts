/**
 * POST /efr/exemptions/{id}/{acknowledge|file}: the leader in charge acknowledges (never the
 * author), the office files (R11.2); core's transitionExemption decides.
 */
import { transitionExemption } from '../../../../core/src/index.js';
import { currentActor } from '../../lib/actor.js';
import { nowIso } from '../../lib/clock.js';
import {
  enforce,
  fail,
  logStep,
  nodeOfType,
  respond,
  runWebScript,
  templateArg,
} from '../../lib/ws-runtime.js';
import { exemptionJson, exemptionState, remindHours } from './exemption-json.js';

runWebScript(() => {
  // This transaction's writes are a workflow step: the module's guard lets them through.
  const step = templateArg('step');
  if (step !== 'acknowledge' && step !== 'file') {
    fail(404, 'framework.exception.EntityNotFound', 'Unknown step ' + step);
  }
  const node = nodeOfType(templateArg('id'), 'efr:exemption');
  const actor = currentActor();
  const now = nowIso();
  const before = exemptionState(node);
  const t = transitionExemption(before, { type: step as 'acknowledge' | 'file' }, actor, now);
  enforce(t.verdict, 'exemption.' + step, String(node.nodeRef));
  if (step === 'acknowledge') {
    node.properties['efr:exemptionStatus'] = 'acknowledged';
    node.properties['efr:acknowledgedAt'] = new Date(now);
  } else {
    node.properties['efr:exemptionStatus'] = 'filed';
    node.properties['efr:filedBy'] = actor.userName;
    node.properties['efr:filedAt'] = new Date(now);
  }
  node.save();
  logStep('exemption.' + step, node, {
    from: before.status,
    author: before.author,
    by: actor.userName,
  });
  respond(200, { entry: exemptionJson(node, now, remindHours()) });
});
