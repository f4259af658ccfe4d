/** GET /efr/handovers[?status=open|pending|sealed|late|all]: the handovers for the screens. */
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
import { HANDOVERS_FOLDER, handoverJson } from './handover-ws.js';

runWebScript(() => {
  const status = queryArg('status') || 'all';
  if (['open', 'pending', 'sealed', 'late', 'all'].indexOf(status) < 0) {
    fail(400, 'framework.exception.InvalidArgument', 'Invalid status filter: ' + status);
  }
  const now = nowIso();
  const all = childrenOfType(archiveFolder(HANDOVERS_FOLDER), 'efr:handover')
    .map((h) => handoverJson(h, now))
    .filter(
      (j) =>
        status === 'all' ||
        (status === 'late' ? j.late === true || j.overdue === true : j.status === status),
    )
    .sort((a, b) => (String(a.createdAt) < String(b.createdAt) ? 1 : -1));
  respond(200, listJson(all));
});
