/** GET /efr/disposition/batches/{id}: one disposition batch with its recordings (R22.1). Written once in webscripts/src/disposition/disposition.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { dispositionBatchGet } from '../../../../webscripts/src/disposition/disposition.js';

runPortDefinition(dispositionBatchGet);
