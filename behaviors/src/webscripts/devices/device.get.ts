/** GET /efr/devices/{id}: one device with its history and pre-use checks (R13.1, R15.1). */
import { nodeOfType, respond, runWebScript, templateArg } from '../../lib/ws-runtime.js';
import { deviceDetailJson } from './device-json.js';

runWebScript(() => {
  respond(200, { entry: deviceDetailJson(nodeOfType(templateArg('id'), 'efr:device')) });
});
