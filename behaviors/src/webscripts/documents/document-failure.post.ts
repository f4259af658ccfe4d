/** POST /efr/documents/{id}/failure: EFR generated documents: failure. Written once in webscripts/src/documents/documents.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { documentFailurePost } from '../../../../webscripts/src/documents/documents.js';

runPortDefinition(documentFailurePost);
