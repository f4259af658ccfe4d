/** POST /efr/handovers/{id}/receipts: a custodian's receipt; the second seals (R21.4). */
import { nowIso } from '../../lib/clock.js';
import { jsonBody, nodeOfType, respond, runWebScript, templateArg } from '../../lib/ws-runtime.js';
import { recordReceipt } from './handover-receipt.js';
import { handoverJson } from './handover-ws.js';

runWebScript(() => {
  const h = nodeOfType(templateArg('id'), 'efr:handover');
  recordReceipt(h, jsonBody());
  respond(201, { entry: handoverJson(h, nowIso()) });
});
