/**
 * Maps an efr:accessRequest (properties + requested recordings) to core's AccessRequest and
 * the recordings' facts to core's RequestedRecording (secrecy, leaders of linked cases).
 */
import type {
  AccessRequest, Purpose, RequestStatus, RequestedRecording, SecrecyLevel,
} from '../../../core/src/index.js';
import { EFR_ASSOCS, EFR_PROPS } from '../../../content-model/src/qnames.js';
import type { ScriptNodeLike } from './acs-api.js';
import { plainString } from './java-values.js';
import { assocNodes, nodeId, nodeProp } from './model-names.js';
import type { PropReader } from './recording-state.js';

/** `cm:created`: when the request node was made (the submission time). */
const CM_CREATED = 'cm:created';

/** core's AccessRequest of a request node's properties and its requested recording ids. */
export function accessRequestOf(
  id: string,
  read: PropReader,
  recordingIds: readonly string[],
): AccessRequest {
  const s = (name: string): string | null => plainString(read(name));
  return {
    id,
    status: (s(EFR_PROPS.requestStatus) || 'submitted') as RequestStatus,
    requester: s(EFR_PROPS.requester) || '',
    recordingIds: recordingIds.slice(),
    purpose: (s(EFR_PROPS.purpose) || '') as Purpose,
    reason: s(EFR_PROPS.reason) || '',
    submittedAt: s(CM_CREATED) || '',
    reviewedBy: s(EFR_PROPS.reviewer),
    reviewedAt: s(EFR_PROPS.reviewedAt),
    reviewOpinion: s(EFR_PROPS.reviewOpinion),
    approvedBy: s(EFR_PROPS.approver),
    approvedAt: s(EFR_PROPS.approvedAt),
    approvalOpinion: s(EFR_PROPS.approvalOpinion),
    registeredBy: s(EFR_PROPS.registrar),
    registeredAt: s(EFR_PROPS.registeredAt),
    viewer: s(EFR_PROPS.viewer),
    viewingReason: s(EFR_PROPS.viewReason),
    viewingFrom: s(EFR_PROPS.windowFrom),
    viewingUntil: s(EFR_PROPS.windowTo),
    rejectedBy: s(EFR_PROPS.rejectedBy),
    rejectedAt: s(EFR_PROPS.rejectedAt),
    rejectionReason: s(EFR_PROPS.rejectReason),
    // The model has no "closed by" property (efr:closed holds closedAt only).
    closedBy: null,
    closedAt: s(EFR_PROPS.closedAt),
  };
}

/** The recordings a request node asks for (efr:requestRecordings). */
export function requestedRecordingNodes(request: ScriptNodeLike): ScriptNodeLike[] {
  return assocNodes(request.assocs, EFR_ASSOCS.requestRecordings);
}

/** core's AccessRequest of a request node as it is now (its properties and recordings). */
export function accessRequestOfNode(request: ScriptNodeLike): AccessRequest {
  const ids = requestedRecordingNodes(request).map(nodeId);
  return accessRequestOf(nodeId(request), (name) => nodeProp(request, name), ids);
}

/** core's RequestedRecording of a recording node: secrecy and leaders of its cases (R24.1). */
export function requestedRecordingOf(recording: ScriptNodeLike): RequestedRecording {
  const leaders: string[] = [];
  for (const c of assocNodes(recording.sourceAssocs, EFR_ASSOCS.caseRecordings)) {
    const leader = plainString(nodeProp(c, EFR_PROPS.leaderInCharge));
    if (leader !== null && leaders.indexOf(leader) < 0) leaders.push(leader);
  }
  const secrecy = plainString(nodeProp(recording, EFR_PROPS.secrecyLevel));
  return {
    id: nodeId(recording),
    secrecyLevel: (secrecy === null ? 'none' : secrecy) as SecrecyLevel,
    caseLeaders: leaders,
  };
}
