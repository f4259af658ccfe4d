/** POST /efr/devices: registers a device (R13.1, R12.1). */
import { jsonBody, respond, runWebScript } from './ws-runtime.js';
import { registerDevice } from './device-steps.js';
import { deviceJson } from './device-json.js';

runWebScript(() => {
  respond(201, { entry: deviceJson(registerDevice(jsonBody())) });
});
