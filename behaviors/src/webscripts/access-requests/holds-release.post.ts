/**
 * POST /efr/holds/release: supervisors or legal staff lift the preservation hold of the
 * recordings named, stating why (R14.2). Every recording is decided with core's
 * checkLegalHoldRelease before the first write (a refusal leaves every hold in place); then
 * efr:legalHold is removed from each held one, which the recording behaviour checks again
 * (beforeRemoveAspect), and each lift is logged with its reason. Same URL and JSON as server/.
 */
import { checkLegalHoldRelease } from '../../../../core/src/index.js';
import { currentActor } from '../../lib/actor.js';
import { nowIso } from '../../lib/clock.js';
import { nodeHasAspect } from '../../lib/model-names.js';
import { recordingStateOfNode } from '../../lib/recording-state.js';
import { enforce, idOf, jsonBody, logStep, respond, runWebScript } from '../../lib/ws-runtime.js';
import { holdRecordings } from './hold-recordings.js';

runWebScript(() => {
  const b = jsonBody();
  const nodes = holdRecordings(b);
  const actor = currentActor();
  const reason = typeof b.reason === 'string' ? b.reason.trim() : '';
  const now = nowIso();
  for (const n of nodes) {
    enforce(checkLegalHoldRelease(recordingStateOfNode(n), reason, { actor, now }),
      'hold.release', String(n.nodeRef));
  }
  const released: string[] = [];
  const notHeld: string[] = [];
  for (const n of nodes) {
    if (!nodeHasAspect(n, 'efr:legalHold')) {
      notHeld.push(idOf(n));
      continue;
    }
    if (n.removeAspect) n.removeAspect('efr:legalHold');
    logStep('hold.release', n, { reason, by: actor.userName });
    released.push(idOf(n));
  }
  respond(200, { entry: { released, notHeld } });
});
