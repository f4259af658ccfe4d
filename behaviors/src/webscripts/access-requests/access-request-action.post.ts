/**
 * POST /efr/access-requests/{id}/{step}: one step of core's state machine (review, approve,
 * register, reject, close; R24.1, R24.2, R25.1, R27.1), written once for both hosts in
 * webscripts/src/access-requests/access-requests.ts.
 */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { accessRequestStepPost } from
  '../../../../webscripts/src/access-requests/access-requests.js';

runPortDefinition(accessRequestStepPost);
