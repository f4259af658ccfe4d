/** GET /efr/spot-checks/{id}: one campaign with its progress (R28.1): written once in webscripts/src/spot-checks/spot-checks.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { spotCheckGet } from '../../../../webscripts/src/spot-checks/spot-checks.js';

runPortDefinition(spotCheckGet);
