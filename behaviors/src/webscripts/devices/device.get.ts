/** GET /efr/devices/{id}: a device with its history and checks (R13.1, R15.1): written once in webscripts/src/devices/devices.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { deviceGet } from '../../../../webscripts/src/devices/devices.js';

runPortDefinition(deviceGet);
