/** GET /efr/devices/compliance: R9.1 per unit: written once in webscripts/src/devices/devices.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { deviceComplianceGet } from '../../../../webscripts/src/devices/devices.js';

runPortDefinition(deviceComplianceGet);
