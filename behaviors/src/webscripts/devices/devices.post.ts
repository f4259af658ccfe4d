/** POST /efr/devices: registers a device (R13.1, R12.1). */
import { jsonBody, respond, runWebScript } from '../../lib/ws-runtime.js';
import { registerDevice } from './device-steps.js';
import { deviceJson } from './device-json.js';

runWebScript(() => {
  // This transaction's writes are a workflow step: the module's guard lets them through.
  respond(201, { entry: deviceJson(registerDevice(jsonBody())) });
});
