/** GET /efr/handovers/{id}: one handover with sessions, files and receipts. */
import { nowIso } from '../../lib/clock.js';
import { nodeOfType, respond, runWebScript, templateArg } from '../../lib/ws-runtime.js';
import { handoverJson } from './handover-ws.js';

runWebScript(() => {
  respond(200, { entry: handoverJson(nodeOfType(templateArg('id'), 'efr:handover'), nowIso()) });
});
