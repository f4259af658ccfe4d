/**
 * GET /efr/handovers/{id}: one handover with sessions, files and receipts.
 * Written once in webscripts/src/handovers/handovers.ts for both hosts.
 */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { handoverGet } from '../../../../webscripts/src/handovers/handovers.js';

runPortDefinition(handoverGet);
