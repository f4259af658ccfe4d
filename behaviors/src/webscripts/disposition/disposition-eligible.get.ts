/** GET /efr/disposition/eligible: the sealed recordings whose retention ended and that no hold or case keeps (R22.1, R22.2, R14.2), custodians only. Written once in webscripts/src/disposition/disposition.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { dispositionEligibleGet } from '../../../../webscripts/src/disposition/disposition.js';

runPortDefinition(dispositionEligibleGet);
