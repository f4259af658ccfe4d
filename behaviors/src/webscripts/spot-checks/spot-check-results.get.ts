/** GET /efr/spot-checks/{id}/results: pass rates per officer and unit (R28.1): written once in webscripts/src/spot-checks/spot-checks.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { spotCheckResultsGet } from '../../../../webscripts/src/spot-checks/spot-checks.js';

runPortDefinition(spotCheckResultsGet);
