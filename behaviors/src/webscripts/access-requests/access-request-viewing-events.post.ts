/**
 * POST /efr/access-requests/{id}/viewing-events: the player's events of a viewing (R24.2),
 * written once in webscripts/src/access-requests/viewing-events.ts for both hosts.
 */
import { runPortDefinition } from '../../lib/port-web-script.js';
import { viewingEventsPost } from '../../../../webscripts/src/access-requests/viewing-events.js';

runPortDefinition(viewingEventsPost);
