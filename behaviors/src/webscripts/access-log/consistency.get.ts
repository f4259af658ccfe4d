/** GET /efr/access-log/consistency: the consistency proof of two tree sizes: written once in webscripts/src/access-log/proofs.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { accessLogConsistencyGet } from '../../../../webscripts/src/access-log/proofs.js';

runPortDefinition(accessLogConsistencyGet);
