/**
 * GET /efr/access-requests/{id}: one request (404 when the caller may not see it), written once
 * for both hosts in webscripts/src/access-requests/access-requests.ts.
 */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { accessRequestGet } from '../../../../webscripts/src/access-requests/access-requests.js';

runPortDefinition(accessRequestGet);
