/** GET /efr/evidence-packages: the evidence discs of a case, newest first, paged: written once in webscripts/src/evidence-packages/evidence-packages.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { evidencePackagesGet } from '../../../../webscripts/src/evidence-packages/evidence-packages.js';

runPortDefinition(evidencePackagesGet);
