/** GET /efr/spot-checks/{id}/findings/{key}: a finding with its evidence (R28.2): written once in webscripts/src/spot-checks/spot-checks.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { spotCheckFindingGet } from '../../../../webscripts/src/spot-checks/spot-checks.js';

runPortDefinition(spotCheckFindingGet);
