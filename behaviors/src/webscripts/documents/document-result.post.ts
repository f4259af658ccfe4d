/** POST /efr/documents/{id}/result: EFR generated documents: result. Written once in webscripts/src/documents/documents.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { documentResultPost } from '../../../../webscripts/src/documents/documents.js';

runPortDefinition(documentResultPost);
