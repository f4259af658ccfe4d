/**
 * POST /efr/violations/{id}/measures: an accountability measure with its dates on a confirmed
 * violation (R30.1); core's checkMeasure decides. Stored beside the violation in the register.
 */
import { checkMeasure } from '../../../../core/src/index.js';
import { currentActor } from '../../lib/actor.js';
import { nowIso } from '../../lib/clock.js';
import {
  archiveFolder, enforce, jsonBody, logStep, nodeOfType, respond, runWebScript, templateArg,
} from '../devices/ws-runtime.js';
import { measureJson, violationState, VIOLATIONS_FOLDER } from './violation-json.js';

runWebScript(() => {
  const b = jsonBody();
  const str = (k: string): string => (typeof b[k] === 'string' ? (b[k] as string).trim() : '');
  const v = nodeOfType(templateArg('id'), 'efr:violation');
  const actor = currentActor();
  const input = { measure: str('measure'), startDate: str('startDate'),
    endDate: str('endDate') === '' ? null : str('endDate') };
  enforce(checkMeasure(violationState(v), input, actor), 'violation.measure', String(v.nodeRef));
  const now = nowIso();
  const m = archiveFolder(VIOLATIONS_FOLDER).createNode(
    '问责-' + now.replace(/[-:.TZ]/g, '') + '-' + String(v.id).substring(0, 6),
    'efr:accountability',
    {
      'efr:measure': input.measure,
      'efr:startDate': input.startDate,
      'efr:endDate': input.endDate,
      'efr:measureNote': str('note') === '' ? null : str('note'),
      'efr:decidedBy': actor.userName,
      'efr:decidedAt': new Date(now),
      'efr:officer': violationState(v).subject,
    },
  );
  m.createAssociation(v, 'efr:accountabilityViolation');
  logStep('violation.measure', v, { measure: input.measure, startDate: input.startDate,
    endDate: input.endDate || '', by: actor.userName });
  respond(201, { entry: measureJson(m) });
});
