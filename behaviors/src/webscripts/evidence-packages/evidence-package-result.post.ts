/** POST /efr/evidence-packages/{id}/result: the image is stored; checked against the repository's own SHA-256 of it: written once in webscripts/src/evidence-packages/evidence-packages.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { evidencePackageResultPost } from '../../../../webscripts/src/evidence-packages/evidence-packages.js';

runPortDefinition(evidencePackageResultPost);
