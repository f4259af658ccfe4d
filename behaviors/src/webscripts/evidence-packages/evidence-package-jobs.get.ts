/** GET /efr/evidence-packages/jobs: the disc jobs in a state, oldest first (efr worker only): written once in webscripts/src/evidence-packages/evidence-packages.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { evidencePackageJobsGet } from '../../../../webscripts/src/evidence-packages/evidence-packages.js';

runPortDefinition(evidencePackageJobsGet);
