/**
 * POST /efr/handovers/{id}/receipts: a custodian's receipt; the second seals (R21.4).
 * Written once in webscripts/src/handovers/handovers.ts for both hosts.
 */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { handoverReceiptsPost } from '../../../../webscripts/src/handovers/handovers.js';

runPortDefinition(handoverReceiptsPost);
