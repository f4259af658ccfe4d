/** POST /efr/disposition/batches/{id}/{step}: review (office director), approve (leader; executes: the bytes of each recording still eligible are destroyed, the tombstone and the register stay) or reject a batch, three different people (R22.1, R14.2, R26.1). Written once in webscripts/src/disposition/disposition.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { dispositionBatchStepPost } from '../../../../webscripts/src/disposition/disposition.js';

runPortDefinition(dispositionBatchStepPost);
