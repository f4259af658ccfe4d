/**
 * POST /efr/handovers: opens a handover (R21.1, R15, R16.1, R17.1).
 * Written once in webscripts/src/handovers/handovers.ts for both hosts.
 */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { handoversPost } from '../../../../webscripts/src/handovers/handovers.js';

runPortDefinition(handoversPost);
