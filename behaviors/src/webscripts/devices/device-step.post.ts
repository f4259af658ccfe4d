/** POST /efr/devices/{id}/{step}: issue (with the pre-use check), return, repair, … (R13.1). */
import { jsonBody, nodeOfType, respond, runWebScript, templateArg } from '../../lib/ws-runtime.js';
import { runDeviceStep } from './device-steps.js';
import { deviceDetailJson } from './device-json.js';

runWebScript(() => {
  // This transaction's writes are a workflow step: the module's guard lets them through.
  const device = nodeOfType(templateArg('id'), 'efr:device');
  respond(200, { entry: deviceDetailJson(runDeviceStep(device, templateArg('step'), jsonBody())) });
});
