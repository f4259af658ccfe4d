/** Viewing requests as the EFR web scripts answer them (docs/api.md, issue 6). */
import type { AccessRequestStep, NewAccessRequest, PurposeKey } from '../../contract/index';

export type {
  AccessRequestJson as AccessRequestView, ChainVerification, PurposeKey as Purpose, Queue,
  RequestedRecordingJson as RequestedRecording, RequestStatusKey as RequestStatus,
} from '../../contract/index';

/** Every purpose, in the order of docs/enumerations.md. */
export const PURPOSES: readonly PurposeKey[] = [
  'work',
  'litigation',
  'supervision',
  'caseAnalysis',
  'externalRelease',
];

/** A decision offered on a request. */
export type Decision = 'review' | 'approve' | 'register' | 'reject' | 'close' | 'withdraw';

/** The web-script step of a decision: withdrawing is the requester's close before approval. */
export function decisionStep(d: Decision): Exclude<Decision, 'withdraw'> {
  return d === 'withdraw' ? 'close' : d;
}

/** Decisions that cannot be undone and are confirmed with a reason first (issue 19, point 8). */
export const CONFIRMED_DECISIONS: readonly Decision[] = ['reject', 'close', 'withdraw'];

/** What the request form sends: the body of `POST /access-requests`, every field given. */
export type RequestForm = Required<NewAccessRequest>;

/** What a custodian registers (R24.2): the body of the `register` step. */
export type RegistrationForm = Required<Pick<AccessRequestStep, 'viewer' | 'reason' | 'viewingUntil'>>;

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
