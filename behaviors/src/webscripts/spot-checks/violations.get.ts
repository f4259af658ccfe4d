/** GET /efr/violations?status=&officer=: the violation register (R29.1), supervisors only. */
import {
  archiveFolder, childrenOfType, fail, listJson, queryArg, respond, runWebScript,
} from '../devices/ws-runtime.js';
import { requireSupervisor } from './supervisor.js';
import { VIOLATIONS_FOLDER, violationJson } from './violation-json.js';

runWebScript(() => {
  requireSupervisor('listViolations');
  const status = queryArg('status') || 'all';
  if (['proposed', 'confirmed', 'dismissed', 'all'].indexOf(status) < 0) {
    fail(400, 'framework.exception.InvalidArgument', 'Invalid status filter: ' + status);
  }
  const officer = queryArg('officer') || '';
  const out: Record<string, unknown>[] = [];
  for (const n of childrenOfType(archiveFolder(VIOLATIONS_FOLDER), 'efr:violation')) {
    const j = violationJson(n);
    if ((status === 'all' || j.status === status) && (officer === '' || j.officer === officer)) {
      out.push(j);
    }
  }
  respond(200, listJson(out));
});
