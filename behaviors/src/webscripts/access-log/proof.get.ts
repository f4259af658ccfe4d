/** GET /efr/access-log/proof: an entry's inclusion proof: written once in webscripts/src/access-log/proofs.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { accessLogProofGet } from '../../../../webscripts/src/access-log/proofs.js';

runPortDefinition(accessLogProofGet);
