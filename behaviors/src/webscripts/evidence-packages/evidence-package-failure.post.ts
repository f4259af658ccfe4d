/** POST /efr/evidence-packages/{id}/failure: the disc job failed (a fixity mismatch is also an alert on the recording): written once in webscripts/src/evidence-packages/evidence-packages.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { evidencePackageFailurePost } from '../../../../webscripts/src/evidence-packages/evidence-packages.js';

runPortDefinition(evidencePackageFailurePost);
