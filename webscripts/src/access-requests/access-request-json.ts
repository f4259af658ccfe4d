/**
 * Viewing requests as both hosts answer them (contract/access-requests.ts), read through the
 * repository port: the request with its recordings, the approvers, whether its window is open,
 * and the queues each role works from (R24.1, R24.2).
 */
import type {
  AccessRequestJson, Queue, RequestedRecordingJson, RequestStep,
} from '../../../contract/index.js';
import {
  canReadContent, DEFAULT_CONFIDENTIAL_REQUESTER_GROUPS, leadersInChargeOfAll, mayDownload,
  parseInstant, viewingExpired, type AccessRequest,
} from '../../../core/src/index.js';
import { textProp as str, type PortNode, type RepositoryPort } from '../repository-port.js';
import { invalidArgument, WebScriptError } from '../web-script.js';
import { accessRequestOf, recordingNodes, requestedRecordingOf } from './access-request-of.js';

/** The archive folder of requests (server/src/demo/archive-folders.ts). */
export const REQUESTS_FOLDER = '调阅申请';

/** The queues of `GET /access-requests` (contract's QUEUES, without its TypeBox import). */
export const QUEUES: readonly Queue[] = ['mine', 'review', 'approve', 'register', 'registry',
  'viewing', 'all'];

/** The steps of `POST /access-requests/{id}/{step}` (contract's REQUEST_STEPS). */
export const REQUEST_STEPS: readonly RequestStep[] = ['review', 'approve', 'register', 'reject',
  'close'];

/** The requests folder (503 when the archive is not set up, as every EFR folder). */
export function requestsFolder(port: RepositoryPort): PortNode {
  const f = port.archiveFolder(REQUESTS_FOLDER);
  if (f === null) {
    throw new WebScriptError(503, 'efr.archive.notSetUp',
      'The archive folder ' + REQUESTS_FOLDER + ' is not set up');
  }
  return f;
}

/**
 * Groups allowed to request state/trade-secret recordings (R27.1): the comma-separated setting
 * (`EFR_CONFIDENTIAL_REQUESTER_GROUPS` / `efr.confidentialRequesterGroups`), else core's
 * default (custodians and leaders).
 */
export function confidentialRequesterGroups(port: RepositoryPort): readonly string[] {
  const groups = (port.setting('confidentialRequesterGroups') || '').split(',')
    .map((g) => g.replace(/^\s+|\s+$/g, ''))
    .filter((g) => /^GROUP_\w+$/.test(g));
  return groups.length > 0 ? groups : DEFAULT_CONFIDENTIAL_REQUESTER_GROUPS;
}

/** An optional ISO 8601 date-time of a body, with its zone (400 when present and not one). */
export function bodyInstant(body: Record<string, unknown>, key: string): string | null {
  const v = body[key];
  if (v === undefined || v === null || v === '') return null;
  const ms = parseInstant(v);
  if (ms === null) throw invalidArgument(key + ' must be an ISO 8601 date-time with its zone');
  return new Date(ms).toISOString();
}

function recordingJson(port: RepositoryPort, n: PortNode): RequestedRecordingJson {
  const duration = n.props['efr:durationSeconds'];
  return {
    id: n.id,
    name: n.name,
    title: str(n, 'cm:title'),
    mimeType: port.mimeType(n.id),
    secrecyLevel: str(n, 'efr:secrecyLevel') || 'none',
    durationSeconds: typeof duration === 'number' ? duration : null,
  };
}

/** The request as JSON at `now` (contract/access-requests.ts), with core's view of it. */
export function requestView(
  port: RepositoryPort, n: PortNode, now: string,
): { request: AccessRequest; json: AccessRequestJson } {
  const r = accessRequestOf(port, n);
  const recs = recordingNodes(port, r.recordingIds);
  const cases = port.targets(n.id, 'efr:requestCase');
  const json: AccessRequestJson = {
    id: r.id,
    number: n.name,
    status: r.status,
    requester: r.requester,
    purpose: r.purpose,
    reason: r.reason,
    recordingIds: r.recordingIds.slice(),
    recordings: recs.map((rec) => recordingJson(port, rec)),
    caseId: cases.length > 0 ? cases[0].id : null,
    submittedAt: r.submittedAt,
    requestedFrom: str(n, 'efr:requestedFrom'),
    requestedTo: str(n, 'efr:requestedTo'),
    reviewedBy: r.reviewedBy,
    reviewedAt: r.reviewedAt,
    reviewOpinion: r.reviewOpinion === undefined ? null : r.reviewOpinion,
    approvedBy: r.approvedBy,
    approvedAt: r.approvedAt,
    approvalOpinion: r.approvalOpinion === undefined ? null : r.approvalOpinion,
    registeredBy: r.registeredBy,
    registeredAt: r.registeredAt,
    viewer: r.viewer,
    viewingReason: r.viewingReason,
    viewingFrom: r.viewingFrom,
    viewingUntil: r.viewingUntil,
    rejectedBy: r.rejectedBy,
    rejectedAt: r.rejectedAt,
    rejectionReason: r.rejectionReason,
    closedBy: r.closedBy,
    closedAt: r.closedAt,
    approvers: leadersInChargeOfAll(recs.map((rec) => requestedRecordingOf(port, rec))),
    windowOpen: r.viewer !== null && canReadContent(r, r.viewer, now),
    expired: viewingExpired(r, now),
    downloadAllowed: mayDownload(r),
  };
  return { request: r, json };
}

/** Whether a request is in `user`'s `queue` at `now`: whose turn it is. */
export function inQueue(
  user: string, queue: Queue, view: { request: AccessRequest; json: AccessRequestJson },
  now: string,
): boolean {
  const r = view.json;
  switch (queue) {
    case 'mine':
      return r.requester === user;
    case 'review':
      return r.status === 'submitted' && r.requester !== user;
    case 'approve':
      return r.status === 'reviewed' && r.requester !== user && r.reviewedBy !== user &&
        (r.approvers === null || r.approvers.indexOf(user) >= 0);
    case 'register':
      return r.status === 'approved' || (r.status === 'registered' && r.expired);
    case 'registry':
      return r.registeredAt !== null;
    case 'viewing':
      return r.viewer === user && canReadContent(view.request, user, now);
    default:
      return true;
  }
}
