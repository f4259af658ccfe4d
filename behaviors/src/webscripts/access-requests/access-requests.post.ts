/**
 * POST /efr/access-requests: files a viewing request (R24.1, R25.1, R26.2, R27.1, R14.1);
 * core's checkNewRequest decides; the request node links its recordings (and case).
 */
import {
  ASIA_SHANGHAI,
  checkNewRequest,
  isOneOf,
  localStamp,
  PURPOSES,
  refuse,
  type RequestedRecording,
} from '../../../../core/src/index.js';
import { currentActor } from '../../lib/actor.js';
import { nowIso } from '../../lib/clock.js';
import { requestedRecordingOf } from '../../lib/access-request-state.js';
import { assocNodes } from '../../lib/model-names.js';
import {
  archiveFolder,
  enforce,
  fail,
  jsonBody,
  logStep,
  nodeOfType,
  respond,
  runWebScript,
  type WsNode,
} from '../../lib/ws-runtime.js';
import { REQUESTS_FOLDER, requestView } from './access-request-json.js';

runWebScript(() => {
  const b = jsonBody();
  const actor = currentActor();
  const now = nowIso();
  const folder = archiveFolder(REQUESTS_FOLDER);
  const raw = b.recordingIds;
  if (raw !== undefined && (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string'))) {
    fail(400, 'framework.exception.InvalidArgument', 'recordingIds must be an array of node ids');
  }
  const theCase =
    typeof b.caseId === 'string' && b.caseId !== '' ? nodeOfType(b.caseId, 'efr:case') : null;
  let recNodes: WsNode[] = ((raw as string[] | undefined) || []).map((id) =>
    nodeOfType(id, 'efr:recording'),
  );
  if (theCase !== null && recNodes.length === 0) {
    recNodes = assocNodes(theCase.assocs, 'efr:caseRecordings') as WsNode[];
  }
  const recordings: RequestedRecording[] = recNodes.map(requestedRecordingOf);
  const input = {
    recordingIds: recordings.map((r) => r.id),
    purpose: typeof b.purpose === 'string' ? b.purpose : '',
    reason: typeof b.reason === 'string' ? b.reason : '',
  };
  enforce(checkNewRequest(input, actor, { now, recordings }), 'accessRequest.submit', null);
  const from = typeof b.requestedFrom === 'string' ? Date.parse(b.requestedFrom) : NaN;
  const to = typeof b.requestedTo === 'string' ? Date.parse(b.requestedTo) : NaN;
  if (!isNaN(from) && !isNaN(to) && !(from < to)) {
    enforce(
      refuse(
        422,
        'efr.access.badWindow',
        'R24.2',
        'The wished viewing period must end after it starts.',
        '期望调阅时段的结束须晚于开始。',
      ),
      'accessRequest.submit',
      null,
    );
  }
  const props: Record<string, unknown> = {
    'efr:requester': actor.userName,
    'efr:purpose': isOneOf(PURPOSES, input.purpose) ? input.purpose : 'work',
    'efr:reason': input.reason.trim(),
    'efr:requestStatus': 'submitted',
    'efr:downloadAllowed': false,
  };
  if (!isNaN(from)) props['efr:requestedFrom'] = new Date(from);
  if (!isNaN(to)) props['efr:requestedTo'] = new Date(to);
  // The number reads as the bureau's time, as 提交时间 beside it (issue 19, point 11).
  const name = '调阅-' + localStamp(Date.parse(now), ASIA_SHANGHAI) + '-' +
    Math.floor(Math.random() * 1e6);
  const node = folder.createNode(name, 'efr:accessRequest', props);
  for (const r of recNodes) node.createAssociation(r, 'efr:requestRecordings');
  if (theCase !== null) node.createAssociation(theCase, 'efr:requestCase');
  logStep('accessRequest.submit', node, {
    purpose: String(props['efr:purpose']),
    by: actor.userName,
    recordings: input.recordingIds.join(','),
  });
  respond(201, { entry: requestView(node, now).json });
});
