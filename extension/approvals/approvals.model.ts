/** Viewing requests as the EFR web scripts answer them (docs/api.md, issue 6). */

/** Status of a request (efr:requestStatus, R24). */
export type RequestStatus =
  | 'submitted'
  | 'reviewed'
  | 'approved'
  | 'registered'
  | 'closed'
  | 'rejected';

/** Purpose of a request (efr:purpose, R24, R25, R26.2). */
export type Purpose = 'work' | 'litigation' | 'supervision' | 'caseAnalysis' | 'externalRelease';

/** Every purpose, in the order of docs/enumerations.md. */
export const PURPOSES: readonly Purpose[] = [
  'work',
  'litigation',
  'supervision',
  'caseAnalysis',
  'externalRelease',
];

/** One requested recording. */
export interface RequestedRecording {
  id: string;
  name: string;
  title: string | null;
  mimeType: string | null;
  secrecyLevel: string;
  durationSeconds: number | null;
}

/** A viewing request (GET /alfresco/s/efr/access-requests/{id}). */
export interface AccessRequestView {
  id: string;
  /** Request number (shown on the register and in the watermark). */
  number: string;
  status: RequestStatus;
  requester: string;
  purpose: Purpose;
  reason: string;
  recordingIds: string[];
  recordings: RequestedRecording[];
  caseId: string | null;
  submittedAt: string;
  requestedFrom: string | null;
  requestedTo: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  /** 审核意见: the office director's opinion at review, if one was given (R24.1). */
  reviewOpinion?: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  /** 批准意见: the leader's opinion at approval, if one was given (R24.1). */
  approvalOpinion?: string | null;
  registeredBy: string | null;
  registeredAt: string | null;
  viewer: string | null;
  viewingReason: string | null;
  viewingFrom: string | null;
  viewingUntil: string | null;
  rejectedBy: string | null;
  rejectedAt: string | null;
  rejectionReason: string | null;
  closedBy: string | null;
  closedAt: string | null;
  approvers: string[] | null;
  windowOpen: boolean;
  expired: boolean;
  downloadAllowed: boolean;
}

/** The queues of GET /access-requests?queue=… */
export type Queue = 'mine' | 'review' | 'approve' | 'register' | 'registry' | 'viewing' | 'all';

/** A decision offered on a request. */
export type Decision = 'review' | 'approve' | 'register' | 'reject' | 'close' | 'withdraw';

/** The web-script step of a decision: withdrawing is the requester's close before approval. */
export function decisionStep(d: Decision): Exclude<Decision, 'withdraw'> {
  return d === 'withdraw' ? 'close' : d;
}

/** Decisions that cannot be undone and are confirmed with a reason first (issue 19, point 8). */
export const CONFIRMED_DECISIONS: readonly Decision[] = ['reject', 'close', 'withdraw'];

/** What the request form sends. */
export interface RequestForm {
  recordingIds: string[];
  caseId: string | null;
  purpose: Purpose;
  reason: string;
  requestedFrom: string | null;
  requestedTo: string | null;
}

/** What a custodian registers (R24.2). */
export interface RegistrationForm {
  viewer: string;
  reason: string;
  viewingUntil: string;
}

/** One access-log entry as the audit API gives it (values flattened). */
export interface AccessLogRow {
  id: string;
  at: string;
  user: string;
  action: string;
  nodeId: string;
  details: string;
  hash: string;
  /** Every logged value, keyed without the `/efr-access/` prefix. */
  values: Record<string, string>;
}

/** The chain verification (GET /alfresco/s/efr/access-log/verify). */
export type ChainVerification =
  | { ok: true; count: number; verifiedAt: string }
  | { ok: false; index: number; id: number; reason: string; verifiedAt: string };
