/**
 * An efr:accessRequest read through the repository port as core's AccessRequest, its
 * recordings as core's RequestedRecording, and who may see it: the same in both hosts.
 */
import {
  GROUP_EFR_CUSTODIANS, GROUP_EFR_LEADERS, GROUP_EFR_OFFICE_DIRECTORS, GROUP_EFR_SUPERVISORS,
  isMemberOfAny, type AccessRequest, type RequestedRecording, type SecrecyLevel,
} from '../../../core/src/index.js';
import {
  textProp as str, type PortNode, type PortUser, type RepositoryPort,
} from '../repository-port.js';
import { notFound } from '../web-script.js';

/** core's AccessRequest of a request node and its requested recordings (by id order). */
export function accessRequestOf(port: RepositoryPort, n: PortNode): AccessRequest {
  const status = (str(n, 'efr:requestStatus') || 'submitted') as AccessRequest['status'];
  const recordingIds = port.targets(n.id, 'efr:requestRecordings').map((r) => r.id).sort();
  return {
    id: n.id,
    status,
    requester: str(n, 'efr:requester') || str(n, 'cm:creator') || '',
    recordingIds,
    purpose: (str(n, 'efr:purpose') || 'work') as AccessRequest['purpose'],
    reason: str(n, 'efr:reason') || '',
    submittedAt: str(n, 'cm:created') || '',
    reviewedBy: str(n, 'efr:reviewer'),
    reviewedAt: str(n, 'efr:reviewedAt'),
    reviewOpinion: str(n, 'efr:reviewOpinion'),
    approvedBy: str(n, 'efr:approver'),
    approvedAt: str(n, 'efr:approvedAt'),
    approvalOpinion: str(n, 'efr:approvalOpinion'),
    registeredBy: str(n, 'efr:registrar'),
    registeredAt: str(n, 'efr:registeredAt'),
    viewer: str(n, 'efr:viewer'),
    viewingReason: str(n, 'efr:viewReason'),
    viewingFrom: str(n, 'efr:windowFrom'),
    viewingUntil: str(n, 'efr:windowTo'),
    rejectedBy: str(n, 'efr:rejectedBy'),
    rejectedAt: str(n, 'efr:rejectedAt'),
    rejectionReason: str(n, 'efr:rejectReason'),
    closedBy: status === 'closed' ? str(n, 'cm:modifier') : null,
    closedAt: str(n, 'efr:closedAt'),
  };
}

/** Whether the user sees every request (administrators, deciders, custodians, supervisors). */
export function seesAllRequests(u: PortUser): boolean {
  return u.isAdmin || isMemberOfAny(u, [GROUP_EFR_OFFICE_DIRECTORS, GROUP_EFR_LEADERS,
    GROUP_EFR_CUSTODIANS, GROUP_EFR_SUPERVISORS]);
}

/** Whether the user may see this request: all-seeing roles, its requester, its viewer. */
export function maySeeRequest(u: PortUser, r: AccessRequest): boolean {
  return seesAllRequests(u) || r.requester === u.userName || r.viewer === u.userName;
}

/** A request by id the caller may see, with core's view of it (404 otherwise, as ACS hides). */
export function visibleRequest(
  port: RepositoryPort, id: string,
): { node: PortNode; request: AccessRequest } {
  const node = port.node(id);
  if (node === null || node.type !== 'efr:accessRequest') throw notFound(id);
  const request = accessRequestOf(port, node);
  if (!maySeeRequest(port.currentUser(), request)) throw notFound(id);
  return { node, request };
}

/**
 * core's RequestedRecording of a recording node: its secrecy (R27.1) and the leaders in charge
 * of the cases it is linked to (efr:caseRecordings, R24.1).
 */
export function requestedRecordingOf(port: RepositoryPort, rec: PortNode): RequestedRecording {
  const leaders: string[] = [];
  for (const c of port.sources(rec.id, 'efr:caseRecordings')) {
    const leader = str(c, 'efr:leaderInCharge');
    if (leader !== null && leaders.indexOf(leader) < 0) leaders.push(leader);
  }
  return {
    id: rec.id,
    secrecyLevel: (str(rec, 'efr:secrecyLevel') || 'none') as SecrecyLevel,
    caseLeaders: leaders,
  };
}

/** The readable recordings among `ids` (other ids are left out: core then refuses them). */
export function recordingNodes(port: RepositoryPort, ids: readonly string[]): PortNode[] {
  const out: PortNode[] = [];
  for (const id of ids) {
    const n = port.node(id);
    if (n !== null && n.type === 'efr:recording') out.push(n);
  }
  return out;
}
