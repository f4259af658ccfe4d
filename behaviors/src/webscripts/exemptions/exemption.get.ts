/** GET /efr/exemptions/{id}. */
import { nowIso } from '../../lib/clock.js';
import { nodeOfType, respond, runWebScript, templateArg } from '../../lib/ws-runtime.js';
import { exemptionJson, remindHours } from './exemption-json.js';

runWebScript(() => {
  respond(200, {
    entry: exemptionJson(nodeOfType(templateArg('id'), 'efr:exemption'), nowIso(), remindHours()),
  });
});
