import {
  GROUP_EFR_CUSTODIANS,
  GROUP_EFR_LEGAL,
  GROUP_EFR_SUPERVISORS,
  isMemberOfAny,
} from '../../../../core/src/index.js';
import { REQUEST_STEPS } from '../../../../contract/index.js';
import { verifyChain } from '../../access-log/access-log.js';
import { forbidden } from '../../http/errors.js';
import { listBody, pageOf, parsePaging } from '../../http/paging.js';
import { actorOf, bodyOf, nowIso } from '../devices/record-writes.js';
import { viewingEventsPost } from
  '../../../../webscripts/src/access-requests/viewing-events.js';
import { portWebScripts } from '../port/port-routes.js';
import type { WebScriptModule } from '../web-script-host.js';
import {
  accessRequestJson,
  inQueue,
  listFilters,
  listRequests,
  requestNode,
} from './access-request-records.js';
import { stepRequest, submitRequest } from './access-request-steps.js';
import { placeHolds, releaseHolds } from './viewing-and-holds.js';
import { closeEndedWindows } from './window-expiry.js';

/**
 * Viewing requests, the custodian's register, viewing sessions and preservation holds
 * (R14.1, R14.2, R24.1, R24.2, R25.1, R26.2, R27.1), under /alfresco/s/efr:
 *
 * - `POST /access-requests`: file a request (recordings or a case, purpose, reason, wished window);
 * - `GET  /access-requests` (?queue=mine|review|approve|register|registry|viewing|all, ?status,
 *   ?recordingId): each role's queue;
 * - `GET  /access-requests/{id}`;
 * - `POST /access-requests/{id}/review|approve|register|reject|close`: one step of core's
 *   state machine each;
 * - `POST /access-requests/{id}/viewing-events`: the player's start, seek, pause, end (written
 *   once for both hosts: webscripts/src/access-requests/viewing-events.ts);
 * - `POST /holds`: a complaint preserves the recordings it names (R14.2);
 * - `POST /holds/release`: supervisors or legal lift those holds, with the reason (R14.2);
 * - `GET  /access-log/verify`: the hash chain's verification (supervisors, office, legal).
 *
 * Reading a recording's content is gated by `viewing-gate.ts` through the rule hooks.
 */
export const accessRequestsModule: WebScriptModule = (ws, repo) => {
  ws.get('/access-requests', (req) => {
    const paging = parsePaging(req.query);
    const f = listFilters(req.query);
    // The embedded stand-in for the module's scheduled job: ended windows are closed first.
    closeEndedWindows(repo, req.caller.rule.now);
    const now = nowIso(req.caller);
    const all = listRequests(repo, req.caller).filter(
      (r) =>
        inQueue(req.caller, f.queue, r, now) &&
        (f.status === undefined || r.status === f.status) &&
        (f.recordingId === undefined || r.recordingIds.includes(f.recordingId)),
    );
    return { body: listBody(pageOf(all, paging), paging, all.length) };
  });

  ws.post('/access-requests', (req) => {
    const node = submitRequest(repo, req.caller, bodyOf(req.body));
    return { status: 201, body: { entry: accessRequestJson(repo, node, nowIso(req.caller)) } };
  });

  ws.get('/access-requests/{id}', (req) => {
    const node = requestNode(repo, req.caller, req.params.id);
    return { body: { entry: accessRequestJson(repo, node, nowIso(req.caller)) } };
  });

  for (const step of REQUEST_STEPS) {
    ws.post(`/access-requests/{id}/${step}`, (req) => {
      const node = requestNode(repo, req.caller, req.params.id);
      const updated = stepRequest(repo, req.caller, node, step, bodyOf(req.body));
      return { body: { entry: accessRequestJson(repo, updated, nowIso(req.caller)) } };
    });
  }

  portWebScripts([viewingEventsPost])(ws, repo);

  ws.post('/holds', (req) => ({
    status: 201,
    body: { entry: placeHolds(repo, req.caller, bodyOf(req.body)) },
  }));

  ws.post('/holds/release', (req) => ({
    body: { entry: releaseHolds(repo, req.caller, bodyOf(req.body)) },
  }));

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
