/**
 * Viewing requests and the custodian's register (R24.1, R24.2, R25.1, R26.2, R27.1, R14.1),
 * once for both hosts:
 * - `GET  /access-requests` (?queue=mine|review|approve|register|registry|viewing|all, ?status,
 *   ?recordingId, paged): each role's queue, newest first; ended windows are closed first;
 * - `POST /access-requests`: file a request (recordings or a case, purpose, reason, wished window);
 * - `GET  /access-requests/{id}`;
 * - `POST /access-requests/{id}/{step}`: `review`, `approve`, `register`, `reject`, `close`
 *   (ending a viewing, or the requester withdrawing a request): one step of core's `transition`.
 *
 * A step writes core's next state in one update (status, who, when, the window, the opinion),
 * which both hosts' rules check again (server/'s update rule, the module's efr:accessRequest
 * behaviour). No permission changes with a step: reading a recording is decided at each read by
 * core's checkContentRead (./content-read.ts), exactly from the window's start to its end.
 */
import {
  checkNewRequest, isOneOf, localStamp, MAX_OPINION_LENGTH, PURPOSES, refuse, transition,
  type AccessAction, type AccessRequest, type NewAccessRequest,
} from '../../../core/src/index.js';
import type { Queue, RequestStep } from '../../../contract/index.js';
import { pagedList } from '../paging.js';
import type { PortValue, RepositoryPort } from '../repository-port.js';
import {
  bodyText, invalidArgument, notFound, readableOfType, type WebScriptDefinition,
} from '../web-script.js';
import {
  maySeeRequest, recordingNodes, requestedRecordingOf, visibleRequest,
} from './access-request-of.js';
import {
  bodyInstant, confidentialRequesterGroups, inQueue, QUEUES, REQUEST_STEPS, requestsFolder,
  requestView,
} from './access-request-json.js';
import { closeEndedWindows } from './window-expiry.js';

const AREA = 'access-requests';

/** The most recordings one request names. */
const MAX_RECORDINGS = 500;

/** A query argument given at most once (400 for an unknown queue). */
function queueOf(q: Record<string, string | undefined>): Queue {
  const queue = q.queue === undefined || q.queue === '' ? 'all' : q.queue;
  if ((QUEUES as readonly string[]).indexOf(queue) < 0) {
    throw invalidArgument('queue must be one of ' + QUEUES.join(', '));
  }
  return queue as Queue;
}

export const accessRequestsGet: WebScriptDefinition = {
  id: 'access-requests', method: 'GET', path: '/access-requests', area: AREA,
  title: 'EFR viewing requests: queues',
  handle(port, call) {
    const q = call.query;
    const queue = queueOf(q);
    const status = q.status === '' ? undefined : q.status;
    const recordingId = q.recordingId === '' ? undefined : q.recordingId;
    // Ended windows are closed first (the repository's act), so no queue shows one open.
    closeEndedWindows(port);
    const user = port.currentUser();
    const now = port.now();
    const created = (n: { id: string; props: Record<string, PortValue> }): string =>
      String(n.props['cm:created'] || '');
    const all = port.children(requestsFolder(port).id, 'efr:accessRequest')
      // Newest first; the id orders two of one millisecond.
      .sort((a, b) => (created(a) !== created(b) ? (created(a) < created(b) ? 1 : -1)
        : (a.id < b.id ? -1 : 1)))
      .map((n) => requestView(port, n, now))
      .filter((v) => maySeeRequest(user, v.request) && inQueue(user.userName, queue, v, now) &&
        (status === undefined || v.json.status === status) &&
        (recordingId === undefined || v.json.recordingIds.indexOf(recordingId) >= 0))
      .map((v) => v.json);
    return { status: 200, body: pagedList(all, q) };
  },
};

export const accessRequestGet: WebScriptDefinition = {
  id: 'access-request', method: 'GET', path: '/access-requests/{id}', area: AREA,
  title: 'EFR viewing requests: one request',
  handle(port, call) {
    const { node } = visibleRequest(port, call.params.id);
    return { status: 200, body: { entry: requestView(port, node, port.now()).json } };
  },
};

/** The recording ids of a body, or of the case it names (a request made from a case). */
function recordingIdsOf(
  port: RepositoryPort, b: Record<string, unknown>,
): { ids: string[]; caseId: string | null } {
  const raw = b.recordingIds;
  if (raw !== undefined && raw !== null && (!(raw instanceof Array) ||
    raw.some((x) => typeof x !== 'string'))) {
    throw invalidArgument('recordingIds must be an array of node ids');
  }
  const given = (raw as string[] | undefined | null) || [];
  if (given.length > MAX_RECORDINGS) {
    throw invalidArgument('recordingIds holds more than ' + MAX_RECORDINGS + ' ids');
  }
  const ids: string[] = [];
  for (const id of given) if (ids.indexOf(id) < 0) ids.push(id);
  const caseId = bodyText(b, 'caseId', 64);
  if (caseId === '') return { ids, caseId: null };
  const theCase = readableOfType(port, caseId, 'efr:case');
  if (ids.length > 0) return { ids, caseId: theCase.id };
  return { ids: port.targets(theCase.id, 'efr:caseRecordings').map((r) => r.id).sort(),
    caseId: theCase.id };
}

/** Six digits for request numbers (two requests in one millisecond keep distinct names). */
function suffix(): string {
  // Digits only: the number is read on Chinese screens and documents, where "bf2164" reads as
  // an English fragment (issue 19; as tree heads and device entries).
  return String(1000000 + Math.floor(Math.random() * 1000000)).substring(1);
}

export const accessRequestsPost: WebScriptDefinition = {
  id: 'access-requests', method: 'POST', path: '/access-requests', area: AREA,
  title: 'EFR viewing requests: file a request',
  handle(port, call) {
    const b = call.body;
    const folder = requestsFolder(port);
    const { ids, caseId } = recordingIdsOf(port, b);
    const user = port.currentUser();
    const now = port.now();
    const reason = typeof b.reason === 'string' ? b.reason.substring(0, 2000) : '';
    const input: NewAccessRequest = {
      recordingIds: ids,
      purpose: typeof b.purpose === 'string' ? b.purpose : '',
      reason,
    };
    const recordings = recordingNodes(port, ids).map((n) => requestedRecordingOf(port, n));
    port.enforce(checkNewRequest(input, user, { now, recordings,
      confidentialRequesterGroups: confidentialRequesterGroups(port) }),
    'accessRequest.submit', caseId === null ? folder.id : caseId);
    const from = bodyInstant(b, 'requestedFrom');
    const to = bodyInstant(b, 'requestedTo');
    if (from !== null && to !== null && !(from < to)) {
      port.enforce(refuse(422, 'efr.access.badWindow', 'R24.2',
        'The wished viewing period must end after it starts.',
        '期望调阅时段的结束须晚于开始。'), 'accessRequest.submit', folder.id);
    }
    const purpose = isOneOf(PURPOSES, input.purpose) ? input.purpose : 'work';
    const props: Record<string, PortValue> = {
      'efr:requester': user.userName,
      'efr:purpose': purpose,
      'efr:reason': reason.replace(/^\s+|\s+$/g, ''),
      'efr:requestStatus': 'submitted',
    };
    if (from !== null) props['efr:requestedFrom'] = from;
    if (to !== null) props['efr:requestedTo'] = to;
    // The number reads as the bureau's time, as 提交时间 beside it (issue 19, point 11).
    const targets = ids.map((id) => ({ targetId: id, assocType: 'efr:requestRecordings' }));
    if (caseId !== null) targets.push({ targetId: caseId, assocType: 'efr:requestCase' });
    const node = port.createNode(folder.id, {
      name: '调阅-' + localStamp(Date.parse(now), port.zone()) + '-' + suffix(),
      type: 'efr:accessRequest',
      props,
      targets,
    });
    port.logStep('accessRequest.submit', node.id, {
      purpose, recordings: ids.join(','), requirement: 'R24.1',
    });
    const made = port.node(node.id) || node;
    return { status: 201, body: { entry: requestView(port, made, now).json } };
  },
};

/** An optional opinion (审核意见 / 批准意见, issue 19 point 8): 400 when not a short text. */
function opinionOf(b: Record<string, unknown>): string | null {
  const v = b.opinion;
  if (v !== undefined && v !== null && (typeof v !== 'string' || v.length > MAX_OPINION_LENGTH)) {
    throw invalidArgument('opinion must be a text of at most ' + MAX_OPINION_LENGTH +
      ' characters');
  }
  return bodyText(b, 'opinion', MAX_OPINION_LENGTH) || null;
}

/** core's action of a step, from its body (400 on a malformed body). */
function actionOf(step: RequestStep, b: Record<string, unknown>): AccessAction {
  switch (step) {
    case 'register': {
      const from = bodyInstant(b, 'viewingFrom');
      const action: AccessAction = {
        type: 'register',
        viewer: bodyText(b, 'viewer', 100),
        reason: bodyText(b, 'reason', 2000),
        viewingUntil: bodyInstant(b, 'viewingUntil') || '',
      };
      if (from !== null) action.viewingFrom = from;
      return action;
    }
    case 'reject':
      return { type: 'reject', reason: bodyText(b, 'reason', 2000) };
    case 'review':
    case 'approve':
      return { type: step, opinion: opinionOf(b) };
    default:
      return { type: 'close' };
  }
}

/** The properties a step writes: core's next state, in one update. */
function stepProps(step: RequestStep, next: AccessRequest): Record<string, PortValue> {
  const props: Record<string, PortValue> = { 'efr:requestStatus': next.status };
  const set = (k: string, v: string | null | undefined): void => {
    if (v !== null && v !== undefined) props[k] = v;
  };
  if (step === 'review') {
    set('efr:reviewer', next.reviewedBy);
    set('efr:reviewedAt', next.reviewedAt);
    set('efr:reviewOpinion', next.reviewOpinion);
  } else if (step === 'approve') {
    set('efr:approver', next.approvedBy);
    set('efr:approvedAt', next.approvedAt);
    set('efr:approvalOpinion', next.approvalOpinion);
  } else if (step === 'register') {
    set('efr:registrar', next.registeredBy);
    set('efr:registeredAt', next.registeredAt);
    set('efr:viewer', next.viewer);
    set('efr:viewReason', next.viewingReason);
    set('efr:windowFrom', next.viewingFrom);
    set('efr:windowTo', next.viewingUntil);
  } else if (step === 'reject') {
    set('efr:rejectedBy', next.rejectedBy);
    set('efr:rejectedAt', next.rejectedAt);
    set('efr:rejectReason', next.rejectionReason);
  } else {
    set('efr:closedAt', next.closedAt);
  }
  return props;
}

export const accessRequestStepPost: WebScriptDefinition = {
  id: 'access-request-action', method: 'POST', path: '/access-requests/{id}/{step}', area: AREA,
  title: 'EFR viewing requests: one step',
  handle(port, call) {
    const step = call.params.step as RequestStep;
    if ((REQUEST_STEPS as readonly string[]).indexOf(step) < 0) throw notFound(call.params.step);
    const { node, request } = visibleRequest(port, call.params.id);
    const user = port.currentUser();
    const now = port.now();
    const action = actionOf(step, call.body);
    const recordings = recordingNodes(port, request.recordingIds)
      .map((n) => requestedRecordingOf(port, n));
    const t = transition(request, action, user, { now, recordings });
    port.enforce(t.verdict, 'accessRequest.' + step, node.id);
    const next = t.next;
    if (!next) throw new Error('core allowed a step without a next state');
    // Ending a viewing or withdrawing a request is confirmed with a reason on the screens
    // (issue 19, point 8); the log keeps it beside the step.
    const closeReason = step === 'close' ? bodyText(call.body, 'reason', 2000) : '';
    const updated = port.updateNode(node.id, stepProps(step, next));
    const values: Record<string, string> = {
      from: request.status,
      to: next.status,
      requester: request.requester,
      requirement: step === 'register' || step === 'close' ? 'R24.2' : 'R24.1',
    };
    if (step === 'register' && next.viewer !== null) {
      values.viewer = next.viewer;
      values.viewingFrom = String(next.viewingFrom);
      values.viewingUntil = String(next.viewingUntil);
    }
    if (step === 'reject') values.reason = String(next.rejectionReason);
    if (step === 'review' && next.reviewOpinion) values.opinion = next.reviewOpinion;
    if (step === 'approve' && next.approvalOpinion) values.opinion = next.approvalOpinion;
    if (closeReason !== '') values.reason = closeReason;
    port.logStep('accessRequest.' + step, node.id, values);
    return { status: 200, body: { entry: requestView(port, updated, now).json } };
  },
};

/** The viewing requests' web scripts written once (the viewing events: ./viewing-events.ts). */
export const ACCESS_REQUEST_WEB_SCRIPTS: readonly WebScriptDefinition[] = [
  accessRequestsGet, accessRequestsPost, accessRequestGet, accessRequestStepPost,
];
