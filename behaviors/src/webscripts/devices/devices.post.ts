/** POST /efr/devices: the office registers a device (R13.1): written once in webscripts/src/devices/devices.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { devicesPost } from '../../../../webscripts/src/devices/devices.js';

runPortDefinition(devicesPost);
