import {
  GROUP_EFR_CUSTODIANS,
  GROUP_EFR_LEGAL,
  GROUP_EFR_SUPERVISORS,
  isMemberOfAny,
} from '../../../../core/src/index.js';
import { verifyChain } from '../../access-log/access-log.js';
import { forbidden } from '../../http/errors.js';
import { ACCESS_REQUEST_WEB_SCRIPTS } from
  '../../../../webscripts/src/access-requests/access-requests.js';
import { HOLD_WEB_SCRIPTS } from '../../../../webscripts/src/access-requests/holds.js';
import { viewingEventsPost } from
  '../../../../webscripts/src/access-requests/viewing-events.js';
import { actorOf, nowIso } from '../devices/record-writes.js';
import { portWebScripts } from '../port/port-routes.js';
import type { WebScriptModule } from '../web-script-host.js';

/**
 * Viewing requests, the custodian's register, viewing sessions and preservation holds
 * (R14.1, R14.2, R24.1, R24.2, R25.1, R26.2, R27.1), under /alfresco/s/efr: written once for
 * both hosts in webscripts/src/access-requests/ (`GET`/`POST /access-requests`,
 * `GET /access-requests/{id}`, `POST /access-requests/{id}/{step}`, `POST
 * /access-requests/{id}/viewing-events`, `POST /holds`, `POST /holds/release`), plus server/'s
 * own `GET /access-log/verify` (the hash chain's verification: supervisors, office, legal).
 *
 * Reading a recording's content is decided by core's checkContentRead at each read, through
 * the rule hooks (server/src/webscripts/port/content-read.ts).
 */
export const accessRequestsModule: WebScriptModule = (ws, repo) => {
  portWebScripts([viewingEventsPost, ...ACCESS_REQUEST_WEB_SCRIPTS, ...HOLD_WEB_SCRIPTS])(ws, repo);

  ws.get('/access-log/verify', (req) => {
    const c = req.caller;
    if (
      !c.rule.isAdmin &&
      !isMemberOfAny(actorOf(c), [GROUP_EFR_SUPERVISORS, GROUP_EFR_CUSTODIANS, GROUP_EFR_LEGAL])
    ) {
      throw forbidden('Only supervisors, the office and legal staff verify the access log');
    }
    return { body: { entry: { ...verifyChain(repo.db), verifiedAt: nowIso(c) } } };
  });
};
