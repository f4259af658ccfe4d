/** POST /efr/evidence-packages/{id}/claim: efr worker takes a disc job (Collaborator on the package while it holds it): written once in webscripts/src/evidence-packages/evidence-packages.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { evidencePackageClaimPost } from '../../../../webscripts/src/evidence-packages/evidence-packages.js';

runPortDefinition(evidencePackageClaimPost);
