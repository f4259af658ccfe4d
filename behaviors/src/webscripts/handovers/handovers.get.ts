/**
 * GET /efr/handovers: the handovers by status, paged.
 * Written once in webscripts/src/handovers/handovers.ts for both hosts.
 */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { handoversGet } from '../../../../webscripts/src/handovers/handovers.js';

runPortDefinition(handoversGet);
