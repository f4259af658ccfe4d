/** POST /efr/devices/{id}/{step}: one step of a device (R12.1, R13.1, R15.1): written once in webscripts/src/devices/devices.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { deviceStepPost } from '../../../../webscripts/src/devices/devices.js';

runPortDefinition(deviceStepPost);
