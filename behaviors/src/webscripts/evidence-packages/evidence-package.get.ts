/** GET /efr/evidence-packages/{id}: one evidence disc with its build progress: written once in webscripts/src/evidence-packages/evidence-packages.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { evidencePackageGet } from '../../../../webscripts/src/evidence-packages/evidence-packages.js';

runPortDefinition(evidencePackageGet);
