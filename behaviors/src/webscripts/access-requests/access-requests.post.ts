/**
 * POST /efr/access-requests: files a viewing request (R24.1, R25.1, R26.2, R27.1, R14.1),
 * written once for both hosts in webscripts/src/access-requests/access-requests.ts.
 */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { accessRequestsPost } from '../../../../webscripts/src/access-requests/access-requests.js';

runPortDefinition(accessRequestsPost);
