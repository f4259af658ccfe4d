/**
 * POST /efr/holds/release: supervisors or legal staff lift preservation holds, stating why
 * (R14.2), written once for both hosts in webscripts/src/access-requests/holds.ts.
 */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { holdsReleasePost } from '../../../../webscripts/src/access-requests/holds.js';

runPortDefinition(holdsReleasePost);
