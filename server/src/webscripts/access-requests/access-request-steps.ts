import {
  checkNewRequest,
  isOneOf,
  MAX_OPINION_LENGTH,
  PURPOSES,
  refuse,
  transition,
  type AccessAction,
  type NewAccessRequest,
} from '../../../../core/src/index.js';
import { appendAccessLog } from '../../access-log/access-log.js';
import { badRequest } from '../../http/errors.js';
import { formatAcsDate, parseIsoDate } from '../../model/property-values.js';
import type { NodeRow } from '../../repo/node-rows.js';
import { updateNode } from '../../repo/node-updates.js';
import type { Caller, Repository } from '../../repo/repository.js';
import { accessRequestOf } from '../../rules/access-request-state.js';
import {
  actorOf,
  archiveFolder,
  elevated,
  entrySuffix,
  insertRecord,
  nowIso,
  optText,
  readableOfType,
} from '../devices/record-writes.js';
import type { RequestStep } from '../../../../contract/index.js';
import { confidentialRequesterGroups, recordingsOf } from './access-request-records.js';

/** One workflow step after submission, as its URL segment (contract's REQUEST_STEPS). */
type Step = RequestStep;

const STEP_STATUS: Record<Step, string> = {
  review: 'reviewed',
  approve: 'approved',
  register: 'registered',
  reject: 'rejected',
  close: 'closed',
};

/** An optional ISO date-time of a body (400 when present and not one). */
function optInstant(b: Record<string, unknown>, key: string): number | undefined {
  const v = optText(b, key, 64);
  if (v === undefined) return undefined;
  const ms = parseIsoDate(v);
  if (ms === undefined) throw badRequest(`${key} must be an ISO 8601 date-time`);
  return ms;
}

/** The recording ids of a body, or of the case it names (a request made from a case). */
function recordingIdsOf(
  repo: Repository,
  c: Caller,
  b: Record<string, unknown>,
): {
  ids: string[];
  caseNode?: NodeRow;
} {
  const raw = b.recordingIds;
  if (raw !== undefined && (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string'))) {
    throw badRequest('recordingIds must be an array of node ids');
  }
  const ids = (raw as string[] | undefined) ?? [];
  if (ids.length > 500) throw badRequest('recordingIds holds more than 500 ids');
  const caseId = optText(b, 'caseId', 64);
  const caseNode = caseId === undefined ? undefined : readableOfType(repo, c, caseId, 'efr:case');
  if (caseNode && ids.length === 0) {
    const linked = repo.db
      .prepare(
        `SELECT target_id FROM peer_assocs WHERE source_id = ? AND
      type = 'efr:caseRecordings' ORDER BY target_id`,
      )
      .all(caseNode.id) as { target_id: string }[];
    return { ids: linked.map((r) => r.target_id), caseNode };
  }
  return { ids, caseNode };
}

/**
 * Files a viewing request (R24.1, R25.1, R26.2, R27.1, R14.1): core's `checkNewRequest`
 * decides, with the configured confidential requester groups; the request, its recordings
 * and its log entry are written in one transaction.
 */
export function submitRequest(repo: Repository, c: Caller, b: Record<string, unknown>): NodeRow {
  const folder = archiveFolder(repo, 'requests');
  const { ids, caseNode } = recordingIdsOf(repo, c, b);
  const input: NewAccessRequest = {
    recordingIds: ids,
    purpose: typeof b.purpose === 'string' ? b.purpose : '',
    reason: typeof b.reason === 'string' ? b.reason.slice(0, 2000) : '',
  };
  const ctx = {
    now: nowIso(c),
    recordings: recordingsOf(repo, ids),
    confidentialRequesterGroups: confidentialRequesterGroups(),
  };
  repo.enforce(
    c,
    checkNewRequest(input, actorOf(c), ctx),
    'accessRequest.submit',
    caseNode ?? folder,
  );
  const from = optInstant(b, 'requestedFrom');
  const to = optInstant(b, 'requestedTo');
  if (from !== undefined && to !== undefined && !(from < to)) {
    repo.enforce(
      c,
      refuse(
        422,
        'efr.access.badWindow',
        'R24.2',
        'The wished viewing period must end after it starts.',
        '期望调阅时段的结束须晚于开始。',
      ),
      'accessRequest.submit',
      folder,
    );
  }
  const purpose = isOneOf(PURPOSES, input.purpose) ? input.purpose : 'work';
  return repo.db.transaction(() => {
    const node = insertRecord(repo, elevated(repo, c), folder, {
      type: 'efr:accessRequest',
      name: `调阅-${entrySuffix(c.rule.now)}`,
      props: {
        'efr:requester': c.userId,
        'efr:purpose': purpose,
        'efr:reason': input.reason.trim(),
        'efr:requestStatus': 'submitted',
        ...(from !== undefined ? { 'efr:requestedFrom': formatAcsDate(from) } : {}),
        ...(to !== undefined ? { 'efr:requestedTo': formatAcsDate(to) } : {}),
      },
      targets: [
        ...[...new Set(ids)].map((targetId) => ({ targetId, assocType: 'efr:requestRecordings' })),
        ...(caseNode ? [{ targetId: caseNode.id, assocType: 'efr:requestCase' }] : []),
      ],
    });
    appendAccessLog(repo.db, {
      user: c.userId,
      action: 'accessRequest.submit',
      nodeId: node.id,
      values: { purpose, recordings: [...new Set(ids)].join(','), requirement: 'R24.1' },
    });
    return node;
  })();
}

/** The core action of a step, from its body (400 on a malformed body). */
function actionOf(step: Step, c: Caller, b: Record<string, unknown>): AccessAction {
  switch (step) {
    case 'register': {
      const from = optInstant(b, 'viewingFrom');
      const until = optInstant(b, 'viewingUntil');
      return {
        type: 'register',
        viewer: optText(b, 'viewer', 100) ?? '',
        reason: optText(b, 'reason', 2000) ?? '',
        viewingFrom: from === undefined ? undefined : new Date(from).toISOString(),
        viewingUntil: until === undefined ? '' : new Date(until).toISOString(),
      };
    }
    case 'reject':
      return { type: 'reject', reason: optText(b, 'reason', 2000) ?? '' };
    case 'review':
    case 'approve':
      // 审核意见 / 批准意见 (issue 19, point 8): optional, kept with the step.
      return { type: step, opinion: optText(b, 'opinion', MAX_OPINION_LENGTH) ?? null };
    default:
      return { type: step };
  }
}

/**
 * One workflow step (R24.1, R24.2, R25.1, R27.1): core's `transition` decides (refusals are
 * logged by the error handler), then the node changes through the repository, whose rule hook
 * fills the decision fields from core again, and the step is logged in the same transaction.
 */
export function stepRequest(
  repo: Repository,
  c: Caller,
  node: NodeRow,
  step: Step,
  b: Record<string, unknown>,
): NodeRow {
  const before = accessRequestOf(repo.db, node);
  const action = actionOf(step, c, b);
  const t = transition(before, action, actorOf(c), {
    now: nowIso(c),
    recordings: recordingsOf(repo, before.recordingIds),
  });
  repo.enforce(c, t.verdict, `accessRequest.${step}`, node);
  const next = t.next;
  if (!next) throw new Error('core allowed a step without a next state');
  const at = (iso: string | null): string | undefined =>
    iso === null ? undefined : formatAcsDate(Date.parse(iso));
  const props: Record<string, unknown> = { 'efr:requestStatus': STEP_STATUS[step] };
  if (action.type === 'register') {
    Object.assign(props, {
      'efr:viewer': next.viewer,
      'efr:viewReason': next.viewingReason,
      'efr:windowFrom': at(next.viewingFrom),
      'efr:windowTo': at(next.viewingUntil),
    });
  }
  if (action.type === 'reject') props['efr:rejectReason'] = next.rejectionReason;
  if (action.type === 'review' && next.reviewOpinion) {
    props['efr:reviewOpinion'] = next.reviewOpinion;
  }
  if (action.type === 'approve' && next.approvalOpinion) {
    props['efr:approvalOpinion'] = next.approvalOpinion;
  }
  const closeReason = step === 'close' ? (optText(b, 'reason', 2000) ?? '').trim() : '';
  return repo.db.transaction(() => {
    const updated = updateNode(repo, elevated(repo, c), node, { properties: props });
    appendAccessLog(repo.db, {
      user: c.userId,
      action: `accessRequest.${step}`,
      nodeId: node.id,
      values: {
        from: before.status,
        to: next.status,
        requester: before.requester,
        requirement: step === 'register' || step === 'close' ? 'R24.2' : 'R24.1',
        ...(next.viewer && step === 'register'
          ? {
              viewer: next.viewer,
              viewingFrom: String(next.viewingFrom),
              viewingUntil: String(next.viewingUntil),
            }
          : {}),
        ...(step === 'reject' ? { reason: String(next.rejectionReason) } : {}),
        ...(step === 'review' && next.reviewOpinion ? { opinion: next.reviewOpinion } : {}),
        ...(step === 'approve' && next.approvalOpinion ? { opinion: next.approvalOpinion } : {}),
        // Ending a viewing or withdrawing a request is confirmed with a reason on the screens
        // (issue 19, point 8); the log keeps it beside the step.
        ...(step === 'close' && closeReason ? { reason: closeReason } : {}),
      },
    });
    return updated;
  })();
}
