/** GET /efr/access-requests (?queue, ?status, ?recordingId): each role's queue (R24.1, R24.2). */
import { currentActor } from '../../lib/actor.js';
import { nowIso } from '../../lib/clock.js';
import {
  archiveFolder,
  childrenOfType,
  fail,
  listJson,
  queryArg,
  respond,
  runWebScript,
} from '../../lib/ws-runtime.js';
import { inQueue, maySee, QUEUES, REQUESTS_FOLDER, requestView } from './access-request-json.js';

runWebScript(() => {
  const actor = currentActor();
  const now = nowIso();
  const queue = queryArg('queue') || 'all';
  if (QUEUES.indexOf(queue) < 0) {
    fail(400, 'framework.exception.InvalidArgument', 'queue must be one of ' + QUEUES.join(', '));
  }
  const status = queryArg('status');
  const recordingId = queryArg('recordingId');
  const views = childrenOfType(archiveFolder(REQUESTS_FOLDER), 'efr:accessRequest')
    .map((n) => requestView(n, now))
    .filter(
      (v) =>
        maySee(actor, v.request) &&
        inQueue(actor, queue, v, now) &&
        (status === null || v.request.status === status) &&
        (recordingId === null || v.request.recordingIds.indexOf(recordingId) >= 0),
    );
  // Newest first, as server/ lists them.
  views.sort((a, b) => (a.request.submittedAt < b.request.submittedAt ? 1 : -1));
  respond(200, listJson(views.map((v) => v.json)));
});
