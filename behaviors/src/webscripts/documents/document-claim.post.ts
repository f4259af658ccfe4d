/** POST /efr/documents/{id}/claim: EFR generated documents: a worker claims one. Written once in webscripts/src/documents/documents.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { documentClaimPost } from '../../../../webscripts/src/documents/documents.js';

runPortDefinition(documentClaimPost);
