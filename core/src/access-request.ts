/**
 * Viewing and pulling recordings (R24.1, R24.2, R25.1, R26.2, R27.1, R14.1).
 *
 * submitted → reviewed (office director) → approved (leader in charge of every case) →
 * registered (custodian records viewer, reason and time; opens the viewing window) → closed.
 * `reject` is possible at each deciding step (submitted, reviewed) with a mandatory reason.
 * `close` also ends an approved request that is no longer needed, before any viewing.
 * Separation of duties: requester, reviewer, approver and registrar are four different people.
 *
 * Limitation, by design: a request whose recordings belong to cases led by different leaders,
 * with no leader in charge of all of them, is refused at submission (split it per leader):
 * one approval always covers the whole request.
 */
import { isConfidential } from './enums.js';
import type { Purpose, RequestStatus, SecrecyLevel } from './enums.js';
import {
  GROUP_EFR_CUSTODIANS, GROUP_EFR_LEADERS, GROUP_EFR_OFFICE_DIRECTORS, isMember,
} from './roles.js';
import type { Actor } from './roles.js';
import { allow, refuse } from './verdict.js';
import type { Transition, Verdict } from './verdict.js';
import { distinct, HOUR_MS, isNonBlank, parseInstant, requireInstant } from './validation.js';

/** A viewing request (plain data). */
export interface AccessRequest {
  /** Node id. */
  id: string;
  /** Status (R24). */
  status: RequestStatus;
  /** Who asked. */
  requester: string;
  /** Recordings asked for. */
  recordingIds: readonly string[];
  /** Purpose (R24, R25, R26.2). */
  purpose: Purpose;
  /** Why (free text). */
  reason: string;
  /** Submission time. */
  submittedAt: string;
  /** Office director who reviewed (R24.1). */
  reviewedBy: string | null;
  /** Review time. */
  reviewedAt: string | null;
  /** The office director's opinion at review (审核意见, R24.1); null when none was given. */
  reviewOpinion?: string | null;
  /** Leader who approved (R24.1). */
  approvedBy: string | null;
  /** Approval time. */
  approvedAt: string | null;
  /** The leader's opinion at approval (批准意见, R24.1); null when none was given. */
  approvalOpinion?: string | null;
  /** Custodian who registered the viewing (R24.2). */
  registeredBy: string | null;
  /** Registration time. */
  registeredAt: string | null;
  /** The person who will view (R24.2). */
  viewer: string | null;
  /** The reason registered by the custodian (R24.2). */
  viewingReason: string | null;
  /** Start of the viewing window. */
  viewingFrom: string | null;
  /** End of the viewing window (exclusive). */
  viewingUntil: string | null;
  /** Who rejected. */
  rejectedBy: string | null;
  /** Rejection time. */
  rejectedAt: string | null;
  /** Mandatory reason of a rejection. */
  rejectionReason: string | null;
  /** Who closed. */
  closedBy: string | null;
  /** Closing time. */
  closedAt: string | null;
}

/** What one recording of a request brings to the decision. */
export interface RequestedRecording {
  /** Recording node id. */
  id: string;
  /** Secrecy level (R27.1). */
  secrecyLevel: SecrecyLevel;
  /** Leaders in charge of the cases the recording is linked to (R24.1); empty: no case. */
  caseLeaders: readonly string[];
}

/** What the caller knows when a request moves. */
export interface AccessContext {
  /** Current time (ISO date-time). */
  now: string;
  /** The requested recordings. */
  recordings: readonly RequestedRecording[];
  /** Groups allowed to request state/trade-secret recordings (R27.1). */
  confidentialRequesterGroups?: readonly string[];
  /** Longest viewing window in hours; default {@link DEFAULT_MAX_VIEWING_HOURS}. */
  maxViewingHours?: number;
}

/** The steps of the request state machine. */
export type AccessAction =
  | {
      type: 'review';
      /** The office director's opinion (审核意见), kept with the review. */
      opinion?: string | null;
    }
  | {
      type: 'approve';
      /** The leader's opinion (批准意见), kept with the approval. */
      opinion?: string | null;
    }
  | {
      type: 'register';
      /** Who will view. */
      viewer: string;
      /** Reason registered (R24.2). */
      reason: string;
      /** Window start (ISO date-time); default `now`. */
      viewingFrom?: string;
      /** Window end (ISO date-time). */
      viewingUntil: string;
    }
  | { type: 'reject'; reason: string }
  | { type: 'close' };

/** Default longest viewing window: 7 days. */
export const DEFAULT_MAX_VIEWING_HOURS = 168;
/** Minimum length of a request or rejection reason, in characters (trimmed). */
export const MIN_REASON_LENGTH = 4;

/**
 * Leaders in charge of every case of every requested recording: null when no recording is
 * linked to a case, an empty list when no single leader is in charge of all of them.
 */
export function leadersInChargeOfAll(recordings: readonly RequestedRecording[]): string[] | null {
  let common: string[] | null = null;
  for (const r of recordings) {
    if (r.caseLeaders.length === 0) continue;
    const leaders = distinct(r.caseLeaders);
    common = common === null ? leaders : common.filter((l) => leaders.indexOf(l) >= 0);
  }
  return common;
}


function stepRefused(action: string, status: RequestStatus): Verdict {
  return refuse(409, 'efr.access.badState', 'R24.1',
    'Cannot ' + action + ' a request that is ' + status + '.',
    '申请当前状态（' + status + '）不允许此操作。');
}

function dutyRefused(requirement: string): Verdict {
  return refuse(403, 'efr.access.separationOfDuties', requirement,
    'Requester, reviewer, approver and registrar must be four different people.',
    '申请人、审核人、批准人和登记人须为不同人员。');
}

function involved(r: AccessRequest): string[] {
  const people = [r.requester, r.reviewedBy, r.approvedBy, r.registeredBy];
  return people.filter((p): p is string => p !== null);
}

/**
 * Moves a request one step (R24.1, R24.2, R25.1, R27.1). Returns the verdict and, when allowed,
 * the next request (a copy; the input is not changed).
 */
export function transition(
  request: AccessRequest,
  action: AccessAction,
  actor: Actor,
  ctx: AccessContext,
): Transition<AccessRequest> {
  const now = requireInstant(ctx.now, 'now');
  const nowIso = ctx.now;
  const next: AccessRequest = copy(request);
  switch (action.type) {
    case 'review':
      if (request.status !== 'submitted') return { verdict: stepRefused('review', request.status) };
      if (!isMember(actor, GROUP_EFR_OFFICE_DIRECTORS)) {
        return { verdict: refuse(403, 'efr.access.notOfficeDirector', 'R24.1',
          'Only the office director reviews viewing requests.', '仅办公室主任可以审核调阅申请。') };
      }
      if (involved(request).indexOf(actor.userName) >= 0) return { verdict: dutyRefused('R24.1') };
      next.status = 'reviewed';
      next.reviewedBy = actor.userName;
      next.reviewedAt = nowIso;
      next.reviewOpinion = opinionOf(action.opinion);
      return { verdict: allow(), next };
    case 'approve': {
      if (request.status !== 'reviewed') {
        return { verdict: stepRefused('approve', request.status) };
      }
      const leaderVerdict = checkLeader(request, actor, ctx);
      if (!leaderVerdict.allowed) return { verdict: leaderVerdict };
      if (involved(request).indexOf(actor.userName) >= 0) return { verdict: dutyRefused('R24.1') };
      next.status = 'approved';
      next.approvedBy = actor.userName;
      next.approvedAt = nowIso;
      next.approvalOpinion = opinionOf(action.opinion);
      return { verdict: allow(), next };
    }
    case 'register':
      return register(request, action, actor, ctx, now);
    case 'reject':
      return reject(request, action.reason, actor, ctx);
    case 'close':
      // Before approval only the requester may end a request: withdrawing it (issue 19,
      // point 8). For anyone else it stays a step out of order, as it always was.
      if (request.status === 'submitted' || request.status === 'reviewed') {
        if (actor.userName !== request.requester) {
          return { verdict: stepRefused('close', request.status) };
        }
      } else if (request.status !== 'registered' && request.status !== 'approved') {
        return { verdict: stepRefused('close', request.status) };
      }
      if (!isMember(actor, GROUP_EFR_CUSTODIANS) && actor.userName !== request.requester) {
        return { verdict: refuse(403, 'efr.access.notCustodian', 'R24.2',
          'Only a custodian or the requester closes a request.', '仅保管人或申请人可以结束申请。') };
      }
      next.status = 'closed';
      next.closedBy = actor.userName;
      next.closedAt = nowIso;
      return { verdict: allow(), next };
    default:
      return { verdict: refuse(422, 'efr.access.badAction', 'R24.1',
        'Unknown action.', '未知操作。') };
  }
}

function checkLeader(request: AccessRequest, actor: Actor, ctx: AccessContext): Verdict {
  const notLeader = refuse(403, 'efr.access.notLeaderInCharge', 'R24.1',
    'Only the bureau leader in charge of the cases approves this request.',
    '仅案件的分管领导可以批准本申请。');
  if (!isMember(actor, GROUP_EFR_LEADERS)) return notLeader;
  const asked = ctx.recordings.filter((r) => request.recordingIds.indexOf(r.id) >= 0);
  const leaders = leadersInChargeOfAll(asked);
  if (leaders !== null && leaders.indexOf(actor.userName) < 0) return notLeader;
  return allow();
}

function register(
  request: AccessRequest,
  action: Extract<AccessAction, { type: 'register' }>,
  actor: Actor,
  ctx: AccessContext,
  now: number,
): Transition<AccessRequest> {
  if (request.status !== 'approved') return { verdict: stepRefused('register', request.status) };
  if (!isMember(actor, GROUP_EFR_CUSTODIANS)) {
    return { verdict: refuse(403, 'efr.access.notCustodian', 'R24.2',
      'Only a custodian registers a viewing.', '仅保管人可以登记调阅。') };
  }
  if (involved(request).indexOf(actor.userName) >= 0) return { verdict: dutyRefused('R24.2') };
  if (!isNonBlank(action.viewer) || !isNonBlank(action.reason)) {
    return { verdict: refuse(422, 'efr.access.registrationIncomplete', 'R24.2',
      'Register the viewer and the reason.', '请登记调阅人和调阅事由。') };
  }
  const confidential = ctx.recordings.some(
    (r) => request.recordingIds.indexOf(r.id) >= 0 && isConfidential(r.secrecyLevel));
  if (confidential && action.viewer !== request.requester) {
    return { verdict: refuse(422, 'efr.access.confidentialViewer', 'R27.1',
      'Only the approved requester may view state or trade secret recordings.',
      '涉密录像仅限经批准的申请人本人调阅。') };
  }
  const from = action.viewingFrom === undefined ? now : parseInstant(action.viewingFrom);
  const until = parseInstant(action.viewingUntil);
  const maxHours = ctx.maxViewingHours || DEFAULT_MAX_VIEWING_HOURS;
  if (from === null || until === null || !(from < until) || until <= now ||
    until - from > maxHours * HOUR_MS) {
    return { verdict: refuse(422, 'efr.access.badWindow', 'R24.2',
      'The viewing window must end after it starts, in the future, within ' + maxHours + ' h.',
      '调阅时段须结束晚于开始、未过期，且不超过 ' + maxHours + ' 小时。') };
  }
  const next = copy(request);
  next.status = 'registered';
  next.registeredBy = actor.userName;
  next.registeredAt = ctx.now;
  next.viewer = action.viewer.trim();
  next.viewingReason = action.reason.trim();
  next.viewingFrom = new Date(from).toISOString();
  next.viewingUntil = new Date(until).toISOString();
  return { verdict: allow(), next };
}

function reject(
  request: AccessRequest,
  reason: string,
  actor: Actor,
  ctx: AccessContext,
): Transition<AccessRequest> {
  if (request.status === 'submitted') {
    if (!isMember(actor, GROUP_EFR_OFFICE_DIRECTORS)) {
      return { verdict: refuse(403, 'efr.access.notOfficeDirector', 'R24.1',
        'Only the office director decides at review.', '仅办公室主任可以在审核环节作出决定。') };
    }
  } else if (request.status === 'reviewed') {
    const leaderVerdict = checkLeader(request, actor, ctx);
    if (!leaderVerdict.allowed) return { verdict: leaderVerdict };
  } else {
    return { verdict: stepRefused('reject', request.status) };
  }
  if (involved(request).indexOf(actor.userName) >= 0) return { verdict: dutyRefused('R24.1') };
  if (!reason || reason.trim().length < MIN_REASON_LENGTH) {
    return { verdict: refuse(422, 'efr.access.rejectionReason', 'R24.1',
      'A rejection needs a reason.', '驳回须说明理由。') };
  }
  const next = copy(request);
  next.status = 'rejected';
  next.rejectedBy = actor.userName;
  next.rejectedAt = ctx.now;
  next.rejectionReason = reason.trim();
  return { verdict: allow(), next };
}

/** Longest opinion at review or approval, in characters (the hosts answer 400 above it). */
export const MAX_OPINION_LENGTH = 2000;

/** An opinion as kept: trimmed, null when blank (issue 19, point 8). */
function opinionOf(opinion: string | null | undefined): string | null {
  const t = typeof opinion === 'string' ? opinion.replace(/^\s+|\s+$/g, '') : '';
  return t === '' ? null : t;
}

function copy(r: AccessRequest): AccessRequest {
  const out = Object.assign({}, r) as AccessRequest;
  out.recordingIds = r.recordingIds.slice();
  return out;
}

/**
 * Whether `userName` may read the content of a recording of this request at `now` (R24.2):
 * only the registered viewer, only inside the viewing window, and only for the request's
 * recordings when `recordingId` is given.
 */
export function canReadContent(
  request: AccessRequest,
  userName: string,
  now: string,
  recordingId?: string,
): boolean {
  if (request.status !== 'registered' || request.viewer !== userName) return false;
  if (recordingId !== undefined && request.recordingIds.indexOf(recordingId) < 0) return false;
  const t = requireInstant(now, 'now');
  const from = parseInstant(request.viewingFrom);
  const until = parseInstant(request.viewingUntil);
  return from !== null && until !== null && from <= t && t < until;
}

/**
 * Whether a registered request's viewing window is over at `now`, so the caller should close it
 * (R24.2: access ends with the window even if nobody closes the request).
 */
export function viewingExpired(request: AccessRequest, now: string): boolean {
  if (request.status !== 'registered') return false;
  const until = parseInstant(request.viewingUntil);
  return until === null || requireInstant(now, 'now') >= until;
}

/** Whether the request permits downloading a copy (R26.2): litigation and external release. */
export function mayDownload(request: AccessRequest): boolean {
  return request.purpose === 'litigation' || request.purpose === 'externalRelease';
}
