/**
 * GET /efr/access-requests (?queue, ?status, ?recordingId, paged): each role's queue (R24.1,
 * R24.2), written once for both hosts in webscripts/src/access-requests/access-requests.ts.
 */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { accessRequestsGet } from '../../../../webscripts/src/access-requests/access-requests.js';

runPortDefinition(accessRequestsGet);
