/** POST /efr/disposition/batches: a custodian proposes a batch of eligible recordings with a reason (R22.1, R22.2, R14.2). Written once in webscripts/src/disposition/disposition.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { dispositionBatchesPost } from '../../../../webscripts/src/disposition/disposition.js';

runPortDefinition(dispositionBatchesPost);
