/** GET /efr/documents/{id}: EFR generated document with its progress. Written once in webscripts/src/documents/documents.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { documentGet } from '../../../../webscripts/src/documents/documents.js';

runPortDefinition(documentGet);
