/** GET /efr/spot-checks/{id}/verify-draw: the draw re-run from what the campaign stored (R28.1): written once in webscripts/src/spot-checks/spot-checks.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { spotCheckVerifyGet } from '../../../../webscripts/src/spot-checks/spot-checks.js';

runPortDefinition(spotCheckVerifyGet);
