/**
 * Submitting a viewing request (R24.1, R25.1, R26.2, R27.1, R14.1): who may ask for what, and
 * the initial state of a stored request. The steps after submission are in access-request.ts.
 */
import { isConfidential, isOneOf, PURPOSES } from './enums.js';
import type { Purpose } from './enums.js';
import { leadersInChargeOfAll, MIN_REASON_LENGTH } from './access-request.js';
import type { AccessContext, AccessRequest } from './access-request.js';
import {
  EFR_GROUPS, GROUP_EFR_CUSTODIANS, GROUP_EFR_LEADERS, GROUP_EFR_SUPERVISORS, isMemberOfAny,
} from './roles.js';
import type { Actor } from './roles.js';
import { allow, refuse } from './verdict.js';
import type { Verdict } from './verdict.js';
import { distinct, requireInstant } from './validation.js';

/** Submission of a new request. */
export interface NewAccessRequest {
  /** Recordings asked for. */
  recordingIds: readonly string[];
  /** Purpose. */
  purpose: Purpose | string;
  /** Why. */
  reason: string;
}

/** Default groups allowed to request confidential recordings (R27.1). */
export const DEFAULT_CONFIDENTIAL_REQUESTER_GROUPS: readonly string[] = [
  GROUP_EFR_CUSTODIANS, GROUP_EFR_LEADERS,
];

const PURPOSE_REQUIREMENT: Readonly<Record<string, string>> = {
  work: 'R24.1', litigation: 'R25.1', supervision: 'R14.1', caseAnalysis: 'R25.1',
  externalRelease: 'R26.2',
};


/** Validates a new request before it is stored (R24.1, R26.2, R27.1, R14.1). */
export function checkNewRequest(
  input: NewAccessRequest,
  actor: Actor,
  ctx: AccessContext,
): Verdict {
  if (!isMemberOfAny(actor, EFR_GROUPS)) {
    return refuse(403, 'efr.access.notEfrUser', 'R24.1',
      'Only EFR staff may request recordings.', '仅本系统工作人员可以申请调阅。');
  }
  if (!isOneOf(PURPOSES, input.purpose)) {
    return refuse(422, 'efr.access.badPurpose', 'R24.1', 'Choose a purpose.', '请选择调阅用途。');
  }
  if (!input.reason || input.reason.trim().length < MIN_REASON_LENGTH) {
    return refuse(422, 'efr.access.reasonMissing', PURPOSE_REQUIREMENT[input.purpose],
      'State the reason for viewing.', '请填写调阅事由。');
  }
  const ids = distinct(input.recordingIds || []);
  if (ids.length === 0) {
    return refuse(422, 'efr.access.noRecordings', 'R24.1',
      'Choose at least one recording.', '请至少选择一段录像。');
  }
  for (const id of ids) {
    if (!ctx.recordings.some((r) => r.id === id)) {
      return refuse(422, 'efr.access.unknownRecording', 'R24.1',
        'Unknown recording: ' + id, '录像不存在：' + id);
    }
  }
  if (input.purpose === 'supervision' &&
    !isMemberOfAny(actor, [GROUP_EFR_SUPERVISORS, GROUP_EFR_CUSTODIANS])) {
    return refuse(403, 'efr.access.supervisionOnly', 'R14.1',
      'Only supervisors and the office pull recordings for supervision.',
      '仅机关党委（监督）和办公室可以为监督调取录像。');
  }
  const asked = ctx.recordings.filter((r) => ids.indexOf(r.id) >= 0);
  const confidential = asked.some((r) => isConfidential(r.secrecyLevel));
  if (confidential) {
    if (input.purpose === 'externalRelease') {
      return refuse(422, 'efr.access.confidentialRelease', 'R27.1',
        'State or trade secret recordings are never released outside.',
        '涉及国家秘密或商业秘密的录像不得对外提供。');
    }
    const groups = ctx.confidentialRequesterGroups || DEFAULT_CONFIDENTIAL_REQUESTER_GROUPS;
    if (!isMemberOfAny(actor, groups)) {
      return refuse(403, 'efr.access.confidential', 'R27.1',
        'You may not request state or trade secret recordings.',
        '您无权申请调阅涉及国家秘密或商业秘密的录像。');
    }
  }
  const leaders = leadersInChargeOfAll(asked);
  if (leaders !== null && leaders.length === 0) {
    return refuse(422, 'efr.access.mixedLeaders', 'R24.1',
      'No single leader is in charge of all these cases: make one request per leader.',
      '所选录像涉及不同分管领导的案件，请按分管领导分别申请。');
  }
  if (leaders !== null && leaders.length === 1 && leaders[0] === actor.userName) {
    return refuse(409, 'efr.access.selfApproval', 'R24.1',
      'You lead these cases: another leader cannot approve, so nobody could; ask the office.',
      '您是这些案件的分管领导，无法由他人审批本申请，请联系办公室。');
  }
  return allow();
}

/** A new request's initial state, from a submission already checked by {@link checkNewRequest}. */
export function newAccessRequest(
  id: string,
  input: NewAccessRequest,
  requester: string,
  now: string,
): AccessRequest {
  requireInstant(now, 'now');
  return {
    id, status: 'submitted', requester, recordingIds: distinct(input.recordingIds),
    purpose: input.purpose as Purpose, reason: input.reason.trim(), submittedAt: now,
    reviewedBy: null, reviewedAt: null, reviewOpinion: null, approvedBy: null, approvedAt: null,
    approvalOpinion: null, registeredBy: null,
    registeredAt: null, viewer: null, viewingReason: null, viewingFrom: null, viewingUntil: null,
    rejectedBy: null, rejectedAt: null, rejectionReason: null, closedBy: null, closedAt: null,
  };
}
