/** GET /efr/spot-checks/{id}/sample: the findings, one per drawn recording (R28.2): written once in webscripts/src/spot-checks/spot-checks.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { spotCheckSampleGet } from '../../../../webscripts/src/spot-checks/spot-checks.js';

runPortDefinition(spotCheckSampleGet);
