/**
 * POST /efr/holds: a complaint preserves the recordings it names (R14.2): each gets
 * efr:legalHold with the reason, the complaint reference, time and placer. Supervisors and
 * the office place holds; the recording behaviour checks the change (core's recording rules).
 */
import {
  GROUP_EFR_CUSTODIANS,
  GROUP_EFR_SUPERVISORS,
  isMemberOfAny,
  refuse,
} from '../../../../core/src/index.js';
import { currentActor } from '../../lib/actor.js';
import { nowIso } from '../../lib/clock.js';
import { nodeHasAspect } from '../../lib/model-names.js';
import { enforce, idOf, jsonBody, logStep, respond, runWebScript } from '../../lib/ws-runtime.js';
import { holdRecordings } from './hold-recordings.js';

runWebScript(() => {
  const b = jsonBody();
  const nodes = holdRecordings(b);
  const actor = currentActor();
  if (!isMemberOfAny(actor, [GROUP_EFR_SUPERVISORS, GROUP_EFR_CUSTODIANS])) {
    enforce(
      refuse(
        403,
        'efr.hold.notSupervisor',
        'R14.2',
        'Only supervisors and the office place a preservation hold.',
        '仅机关党委（监督）和办公室可以采取保全措施。',
      ),
      'hold.place',
      null,
    );
  }
  const reason = typeof b.reason === 'string' ? b.reason.trim() : '';
  if (reason.length < 4) {
    enforce(
      refuse(
        422,
        'efr.hold.reason',
        'R14.2',
        'State the complaint the recordings are preserved for.',
        '请说明保全所依据的投诉事项。',
      ),
      'hold.place',
      null,
    );
  }
  const reference = typeof b.reference === 'string' ? b.reference.trim() : '';
  const held: string[] = [];
  const alreadyHeld: string[] = [];
  for (const n of nodes) {
    if (nodeHasAspect(n, 'efr:legalHold')) {
      alreadyHeld.push(idOf(n));
      continue;
    }
    const props: Record<string, unknown> = {
      'efr:holdReason': reason,
      'efr:holdSince': new Date(nowIso()),
      'efr:holdBy': actor.userName,
    };
    if (reference !== '') props['efr:holdReference'] = reference;
    if (n.addAspect) n.addAspect('efr:legalHold', props);
    logStep('hold.place', n, { reason, reference, by: actor.userName });
    held.push(idOf(n));
  }
  respond(201, { entry: { held, alreadyHeld } });
});
