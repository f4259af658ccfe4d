/**
 * POST /efr/holds: a complaint preserves the recordings it names (R14.2), written once for both
 * hosts in webscripts/src/access-requests/holds.ts.
 */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { holdsPost } from '../../../../webscripts/src/access-requests/holds.js';

runPortDefinition(holdsPost);
