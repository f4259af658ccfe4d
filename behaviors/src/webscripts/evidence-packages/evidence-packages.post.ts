/** POST /efr/evidence-packages: ask for an evidence disc (R23.1), recorded as a job for efr worker (202): written once in webscripts/src/evidence-packages/evidence-packages.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { evidencePackagesPost } from '../../../../webscripts/src/evidence-packages/evidence-packages.js';

runPortDefinition(evidencePackagesPost);
