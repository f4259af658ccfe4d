/** GET /efr/devices: the register (R13.1), paged: written once in webscripts/src/devices/devices.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { devicesGet } from '../../../../webscripts/src/devices/devices.js';

runPortDefinition(devicesGet);
