import { AccessRequestView } from '../approvals.model';

/** A viewing request for specs: submitted by officer1 for recording v1, overridable. */
export function accessRequest(o: Partial<AccessRequestView> = {}): AccessRequestView {
  return {
    id: 'r1',
    number: '调阅-1',
    status: 'submitted',
    requester: 'officer1',
    purpose: 'work',
    reason: '复核现场',
    recordingIds: ['v1'],
    recordings: [],
    caseId: null,
    submittedAt: '',
    requestedFrom: null,
    requestedTo: null,
    reviewedBy: null,
    reviewedAt: null,
    approvedBy: null,
    approvedAt: null,
    registeredBy: null,
    registeredAt: null,
    viewer: null,
    viewingReason: null,
    viewingFrom: null,
    viewingUntil: null,
    rejectedBy: null,
    rejectedAt: null,
    rejectionReason: null,
    closedBy: null,
    closedAt: null,
    approvers: ['leader1'],
    windowOpen: false,
    expired: false,
    downloadAllowed: false,
    ...o,
  };
}
