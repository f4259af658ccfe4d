/** POST /efr/evidence-packages/{id}/progress: the worker's progress, renewing its lease: written once in webscripts/src/evidence-packages/evidence-packages.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { evidencePackageProgressPost } from '../../../../webscripts/src/evidence-packages/evidence-packages.js';

runPortDefinition(evidencePackageProgressPost);
