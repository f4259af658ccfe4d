/**
 * The module's view of viewing requests (R24.1, R24.2): the same JSON as server/ answers
 * (server/src/webscripts/access-requests/access-request-records.ts), read from ScriptNodes.
 */
import type { AccessRequestJson } from '../../../../contract/index.js';
import {
  canReadContent,
  GROUP_EFR_CUSTODIANS,
  GROUP_EFR_LEADERS,
  GROUP_EFR_OFFICE_DIRECTORS,
  GROUP_EFR_SUPERVISORS,
  isMemberOfAny,
  leadersInChargeOfAll,
  mayDownload,
  viewingExpired,
  type AccessRequest,
  type Actor,
  type RequestedRecording,
} from '../../../../core/src/index.js';
import {
  accessRequestOfNode,
  requestedRecordingNodes,
  requestedRecordingOf,
} from '../../lib/access-request-state.js';
import type { ScriptNodeLike } from '../../lib/acs-api.js';
import { plainNumber, plainString } from '../../lib/java-values.js';
import { assocNodes, nodeId, nodeProp } from '../../lib/model-names.js';
import type { WsNode } from '../../lib/ws-runtime.js';

/** The archive folder of requests (server/src/demo/archive-folders.ts). */
export const REQUESTS_FOLDER = '调阅申请';

/** The queues of GET /efr/access-requests (as server/). */
export const QUEUES = ['mine', 'review', 'approve', 'register', 'registry', 'viewing', 'all'];

/** The request as JSON plus core's view of it. */
export interface RequestView {
  request: AccessRequest;
  recordings: RequestedRecording[];
  json: AccessRequestJson;
}

/** core's AccessRequest of a request node. */
export function requestOf(node: WsNode): AccessRequest {
  return accessRequestOfNode(node);
}

/** The request as the web scripts answer it, at `now`. */
export function requestView(node: WsNode, now: string): RequestView {
  const request = requestOf(node);
  const recNodes = requestedRecordingNodes(node);
  const recordings = recNodes.map(requestedRecordingOf);
  const cases = assocNodes(node.assocs, 'efr:requestCase');
  const viewer = request.viewer;
  const json: Record<string, unknown> = {};
  const r = request as unknown as Record<string, unknown>;
  for (const k of Object.keys(r)) json[k] = r[k];
  json.number = String(node.name);
  json.recordings = recNodes.map((n: ScriptNodeLike) => ({
    id: nodeId(n),
    name: plainString(nodeProp(n, 'cm:name')) || nodeId(n),
    title: plainString(nodeProp(n, 'cm:title')),
    mimeType: null,
    secrecyLevel: plainString(nodeProp(n, 'efr:secrecyLevel')) || 'none',
    durationSeconds: plainNumber(nodeProp(n, 'efr:durationSeconds')),
  }));
  json.caseId = cases.length > 0 ? nodeId(cases[0]) : null;
  json.requestedFrom = plainString(nodeProp(node, 'efr:requestedFrom'));
  json.requestedTo = plainString(nodeProp(node, 'efr:requestedTo'));
  json.approvers = leadersInChargeOfAll(recordings);
  json.windowOpen = viewer !== null && canReadContent(request, viewer, now);
  json.expired = viewingExpired(request, now);
  json.downloadAllowed = mayDownload(request);
  // Every field of contract/access-requests.ts: core's request plus the fields set above.
  return { request, recordings, json: json as AccessRequestJson };
}

/** Whether the actor sees every request (deciders, custodians, supervisors). */
export function seesAll(actor: Actor): boolean {
  return isMemberOfAny(actor, [
    GROUP_EFR_OFFICE_DIRECTORS,
    GROUP_EFR_LEADERS,
    GROUP_EFR_CUSTODIANS,
    GROUP_EFR_SUPERVISORS,
  ]);
}

/** Whether the actor may see this request. */
export function maySee(actor: Actor, r: AccessRequest): boolean {
  return seesAll(actor) || r.requester === actor.userName || r.viewer === actor.userName;
}

/** Whether a request is in the actor's queue (same rules as server/). */
export function inQueue(actor: Actor, queue: string, v: RequestView, now: string): boolean {
  const r = v.request;
  const me = actor.userName;
  const approvers = v.json.approvers;
  switch (queue) {
    case 'mine':
      return r.requester === me;
    case 'review':
      return r.status === 'submitted' && r.requester !== me;
    case 'approve':
      return (
        r.status === 'reviewed' &&
        r.requester !== me &&
        r.reviewedBy !== me &&
        (approvers === null || approvers.indexOf(me) >= 0)
      );
    case 'register':
      return r.status === 'approved' || (r.status === 'registered' && v.json.expired === true);
    case 'registry':
      return r.registeredAt !== null;
    case 'viewing':
      return r.viewer === me && canReadContent(r, me, now);
    default:
      return true;
  }
}
