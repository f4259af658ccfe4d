import { ACCESS_REQUEST_WEB_SCRIPTS } from
  '../../../../webscripts/src/access-requests/access-requests.js';
import { HOLD_WEB_SCRIPTS } from '../../../../webscripts/src/access-requests/holds.js';
import { viewingEventsPost } from
  '../../../../webscripts/src/access-requests/viewing-events.js';
import { portWebScripts } from '../port/port-routes.js';
import type { WebScriptModule } from '../web-script-host.js';

/**
 * Viewing requests, the custodian's register, viewing sessions and preservation holds
 * (R14.1, R14.2, R24.1, R24.2, R25.1, R26.2, R27.1), under /alfresco/s/efr: written once for
 * both hosts in webscripts/src/access-requests/ (`GET`/`POST /access-requests`,
 * `GET /access-requests/{id}`, `POST /access-requests/{id}/{step}`, `POST
 * /access-requests/{id}/viewing-events`, `POST /holds`, `POST /holds/release`).
 *
 * Reading a recording's content is decided by core's checkContentRead at each read, through
 * the rule hooks (server/src/webscripts/port/content-read.ts).
 */
export const accessRequestsModule: WebScriptModule = (ws, repo) => {
  portWebScripts([viewingEventsPost, ...ACCESS_REQUEST_WEB_SCRIPTS, ...HOLD_WEB_SCRIPTS])(ws, repo);
};
