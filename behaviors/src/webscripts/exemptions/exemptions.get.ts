/** GET /efr/exemptions[?status=&author=&leader=&overdue=]: records with reminders (R11.2). */
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
import { EXEMPTIONS_FOLDER, exemptionJson, remindHours } from './exemption-json.js';

runWebScript(() => {
  const overdue = queryArg('overdue');
  if (overdue !== null && overdue !== 'true' && overdue !== 'false') {
    fail(400, 'framework.exception.InvalidArgument', 'overdue must be true or false');
  }
  const now = nowIso();
  const hours = remindHours();
  const match = (k: string, v: unknown): boolean => queryArg(k) === null || queryArg(k) === v;
  const all = childrenOfType(archiveFolder(EXEMPTIONS_FOLDER), 'efr:exemption')
    .map((n) => exemptionJson(n, now, hours))
    .filter(
      (e) =>
        match('status', e.status) &&
        match('author', e.author) &&
        match('leader', e.leader) &&
        (overdue === null || (e.reminder as { overdue: boolean }).overdue === (overdue === 'true')),
    )
    .sort((a, b) => (String(a.writtenAt) < String(b.writtenAt) ? 1 : -1));
  respond(200, listJson(all));
});
