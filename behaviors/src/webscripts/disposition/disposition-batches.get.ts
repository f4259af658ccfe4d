/** GET /efr/disposition/batches: the disposition batches, newest first, filtered by status (R22.1). Written once in webscripts/src/disposition/disposition.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { dispositionBatchesGet } from '../../../../webscripts/src/disposition/disposition.js';

runPortDefinition(dispositionBatchesGet);
