import {
  checkNewRequest,
  checkRepositoryClose,
  RECORD_OWNER,
  transition,
  type AccessAction,
  type AccessRequest,
  type Actor,
  type RequestedRecording,
} from '../../../core/src/index.js';
import type { Db } from '../db/database.js';
import { formatAcsDate, parseIsoDate } from '../model/property-values.js';
import type { NodeRow } from '../repo/node-rows.js';
import { NodeRows } from '../repo/node-rows.js';
import { accessRequestOf } from './access-request-state.js';
import { caseIdsOf, recordingState, toInstant } from './recording-state.js';
import type { RuleContext, Verdict } from './rule-hooks.js';

/** Properties only the workflow sets (R24.1, R24.2): never written directly. */
const DECISION_PROPS = [
  'efr:downloadAllowed',
  'efr:reviewer',
  'efr:reviewedAt',
  'efr:approver',
  'efr:approvedAt',
  'efr:registrar',
  'efr:registeredAt',
  'efr:rejectedBy',
  'efr:rejectedAt',
  'efr:closedAt',
  'efr:decidedBy',
  'efr:decidedAt',
];
/** Properties the workflow step itself carries as its input. */
const STEP_INPUT = [
  'efr:requestStatus',
  'efr:viewer',
  'efr:viewReason',
  'efr:windowFrom',
  'efr:windowTo',
  'efr:rejectReason',
  'efr:reviewOpinion',
  'efr:approvalOpinion',
];
/** The opinion each step may write (审核意见, 批准意见; issue 19, point 8); no other step. */
const STEP_OPINION: Readonly<Record<string, string>> = {
  reviewed: 'efr:reviewOpinion',
  approved: 'efr:approvalOpinion',
};

function refuse(
  status: 403 | 409 | 422,
  code: string,
  message: string,
  messageZh: string,
): Verdict {
  return { allowed: false, status, code, requirement: 'R24.1', message, messageZh };
}

/** What core needs to know about the requested recordings: secrecy and case leaders. */
export function requestedRecordings(db: Db, ids: readonly string[]): RequestedRecording[] {
  const rows = new NodeRows(db);
  return ids
    .map((id) => rows.get(id))
    .filter((n): n is NodeRow => n !== undefined)
    .map((n) => ({
      id: n.id,
      secrecyLevel: recordingState(db, n).secrecyLevel,
      caseLeaders: caseIdsOf(db, n.id)
        .map((c) => rows.get(c)?.props['efr:leaderInCharge'])
        .filter((l): l is string => typeof l === 'string'),
    }));
}

/**
 * A new request starts as `submitted`, in the caller's name, with no decision made, and passes
 * core's submission rules (purpose, reason, recordings, confidentiality: R24.1, R27.1, R14.1).
 */
export function checkRequestCreate(db: Db, node: NodeRow, ctx: RuleContext): Verdict {
  const p = node.props;
  if ((p['efr:requestStatus'] ?? 'submitted') !== 'submitted') {
    return refuse(
      409,
      'efr.access.mustStartSubmitted',
      'A viewing request starts as submitted.',
      '调阅申请只能以“已提交”状态创建。',
    );
  }
  if (p['efr:requester'] !== ctx.userId) {
    return refuse(
      403,
      'efr.access.requesterIsCaller',
      "A viewing request is filed in one's own name.",
      '调阅申请只能以本人名义提交。',
    );
  }
  for (const k of [...DECISION_PROPS, ...STEP_INPUT.slice(1)]) {
    // downloadAllowed has a model default (false); only a true value is a decision.
    if (p[k] !== undefined && !(k === 'efr:downloadAllowed' && p[k] === false)) {
      return refuse(
        409,
        'efr.access.decisionFields',
        `${k} is set by the workflow, not on submission.`,
        `${k} 由审批流程填写，提交时不得设置。`,
      );
    }
  }
  const recordingIds = (
    db
      .prepare(
        `SELECT target_id FROM peer_assocs WHERE source_id = ? AND
    type = 'efr:requestRecordings'`,
      )
      .all(node.id) as { target_id: string }[]
  ).map((r) => r.target_id);
  return checkNewRequest(
    {
      recordingIds,
      purpose: String(p['efr:purpose'] ?? ''),
      reason: String(p['efr:reason'] ?? ''),
    },
    { userName: ctx.userId, groups: ctx.groups },
    { now: new Date(ctx.now).toISOString(), recordings: requestedRecordings(db, recordingIds) },
  );
}

function actionFor(status: string, after: NodeRow): AccessAction | undefined {
  const p = after.props;
  const text = (k: string): string => (typeof p[k] === 'string' ? (p[k] as string) : '');
  switch (status) {
    case 'reviewed':
      return { type: 'review', opinion: text('efr:reviewOpinion') || null };
    case 'approved':
      return { type: 'approve', opinion: text('efr:approvalOpinion') || null };
    case 'registered':
      return {
        type: 'register',
        viewer: text('efr:viewer'),
        reason: text('efr:viewReason'),
        viewingFrom: toInstant(p['efr:windowFrom']) ?? undefined,
        viewingUntil: toInstant(p['efr:windowTo']) ?? '',
      };
    case 'rejected':
      return { type: 'reject', reason: text('efr:rejectReason') };
    case 'closed':
      return { type: 'close' };
    default:
      return undefined;
  }
}

/**
 * A status change of a request is one step of core's state machine (R24.1, R24.2, R25.1,
 * R27.1). The decision fields (who decided, when, the window's close) are core's next state:
 * a step may write them (the web scripts, written once for both hosts, write the whole step in
 * one update, as the module's efr:accessRequest behaviour requires), but only with core's values,
 * and they are filled from core here in any case; without a status step they never change. The
 * repository itself (System) takes one step: closing a request whose window has ended (core's
 * checkRepositoryClose, as the module's behaviour).
 */
export function checkRequestUpdate(
  db: Db,
  before: NodeRow,
  after: NodeRow,
  changed: string[],
  ctx: RuleContext,
): Verdict {
  const decisions = changed.filter((k) => DECISION_PROPS.includes(k));
  const from = before.props['efr:requestStatus'];
  const to = after.props['efr:requestStatus'];
  const stepFields = changed.filter((k) => STEP_INPUT.includes(k));
  const notCore = refuse(
    409,
    'efr.access.decisionFields',
    'Decision fields are set by the workflow only.',
    '审批信息只能由审批流程填写。',
  );
  if (from === to) {
    if (decisions.length > 0) return notCore;
    if (stepFields.length === 0) return { allowed: true };
    return refuse(
      409,
      'efr.access.stepFieldsWithoutStep',
      'Viewer, window and reasons change only with a workflow step.',
      '调阅人、时间窗口和理由只能随审批步骤填写。',
    );
  }
  const opinions = Object.values(STEP_OPINION);
  if (changed.some((k) => opinions.includes(k) && k !== STEP_OPINION[String(to)])) {
    return refuse(
      409,
      'efr.access.stepFieldsWithoutStep',
      'An opinion is given only with its own step (review or approval).',
      '审核意见、批准意见只能在各自的审批步骤填写。',
    );
  }
  const request: AccessRequest = accessRequestOf(db, before);
  const now = new Date(ctx.now).toISOString();
  if (ctx.userId === RECORD_OWNER && to === 'closed') {
    // The window-expiry close (webscripts/src/access-requests/window-expiry.ts).
    const ended = checkRepositoryClose(request, now);
    if (!ended.allowed) return ended;
    if (decisions.some((k) => k !== 'efr:closedAt') ||
      stepFields.some((k) => k !== 'efr:requestStatus')) return notCore;
    if (!after.aspects.includes('efr:closed')) after.aspects.push('efr:closed');
    return { allowed: true };
  }
  const action = actionFor(String(to), after);
  if (!action)
    return refuse(
      422,
      'efr.access.badStatus',
      `Unknown request status ${String(to)}.`,
      '未知的申请状态。',
    );
  const actor: Actor = { userName: ctx.userId, groups: ctx.groups };
  const step = transition(request, action, actor, {
    now,
    recordings: requestedRecordings(db, request.recordingIds),
  });
  if (!step.verdict.allowed || !step.next) return step.verdict;
  const n = step.next;
  const at = (iso: string | null): string | undefined => {
    const ms = iso ? parseIsoDate(iso) : undefined;
    return ms === undefined ? undefined : formatAcsDate(ms);
  };
  const expected: Record<string, string | null | undefined> = {
    'efr:reviewer': n.reviewedBy,
    'efr:reviewedAt': at(n.reviewedAt),
    'efr:approver': n.approvedBy,
    'efr:approvedAt': at(n.approvedAt),
    'efr:registrar': n.registeredBy,
    'efr:registeredAt': at(n.registeredAt),
    'efr:rejectedBy': n.rejectedBy,
    'efr:rejectedAt': at(n.rejectedAt),
    'efr:closedAt': at(n.closedAt),
  };
  const same = (k: string): boolean => {
    const want = expected[k];
    const got = after.props[k];
    if (want === null || want === undefined || typeof got !== 'string') return false;
    const wantMs = parseIsoDate(want);
    return wantMs !== undefined ? parseIsoDate(got) === wantMs : got === want;
  };
  if (decisions.some((k) => !same(k))) return notCore;
  const set = (k: string, v: string | null | undefined, aspect?: string): void => {
    if (v === null || v === undefined) return;
    after.props[k] = v;
    if (aspect && !after.aspects.includes(aspect)) after.aspects.push(aspect);
  };
  set('efr:reviewer', n.reviewedBy, 'efr:reviewed');
  set('efr:reviewedAt', at(n.reviewedAt), 'efr:reviewed');
  set('efr:approver', n.approvedBy);
  set('efr:approvedAt', at(n.approvedAt));
  set('efr:registrar', n.registeredBy);
  set('efr:registeredAt', at(n.registeredAt));
  set('efr:windowFrom', at(n.viewingFrom));
  set('efr:windowTo', at(n.viewingUntil));
  set('efr:rejectedBy', n.rejectedBy);
  set('efr:rejectedAt', at(n.rejectedAt));
  set('efr:closedAt', at(n.closedAt), 'efr:closed');
  return { allowed: true };
}
