/** POST /efr/handovers: opens a handover with its declared sessions (R21.1, R15, R16.1, R17.1). */
import { nowIso } from '../../lib/clock.js';
import { jsonBody, respond, runWebScript } from '../../lib/ws-runtime.js';
import { openHandover } from './handover-open.js';
import { handoverJson } from './handover-ws.js';

runWebScript(() => {
  respond(201, { entry: handoverJson(openHandover(jsonBody()), nowIso()) });
});
