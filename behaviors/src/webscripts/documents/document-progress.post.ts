/** POST /efr/documents/{id}/progress: EFR generated documents: progress. Written once in webscripts/src/documents/documents.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { documentProgressPost } from '../../../../webscripts/src/documents/documents.js';

runPortDefinition(documentProgressPost);
