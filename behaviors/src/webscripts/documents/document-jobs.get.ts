/** GET /efr/documents/jobs: EFR generated documents: jobs for the worker. Written once in webscripts/src/documents/documents.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { documentJobsGet } from '../../../../webscripts/src/documents/documents.js';

runPortDefinition(documentJobsGet);
