/** GET /efr/access-log/verify: verify the access log: written once in webscripts/src/access-log/proofs.ts for both hosts. */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { accessLogVerifyGet } from '../../../../webscripts/src/access-log/proofs.js';

runPortDefinition(accessLogVerifyGet);
