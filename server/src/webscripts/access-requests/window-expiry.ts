import { viewingExpired } from '../../../../core/src/index.js';
import { appendAccessLog } from '../../access-log/access-log.js';
import { formatAcsDate } from '../../model/property-values.js';
import type { NodeRow } from '../../repo/node-rows.js';
import { SYSTEM_USER, type Repository } from '../../repo/repository.js';
import { accessRequestOf } from '../../rules/access-request-state.js';
import { archiveFolder } from '../devices/record-writes.js';

/**
 * Closes every registered request whose viewing window has ended (R24.2: access ends with
 * the window). In ACS the module's window-expiry job does this
 * (behaviors/config/alfresco/module/efr-repo/context/efr-window-expiry-context.xml: every
 * `efr.windowExpiry.cronExpression`, default every five minutes, the script action
 * behaviors/src/scripts/window-expiry.ts), and also removes the viewer's Consumer from the
 * recordings that registration granted; test/rhino/window-expiry.spec.ts checks both close
 * the same requests the same way. server/ runs this before each list of requests, so the
 * queues never show an open request whose window is over. Reads are refused after the window
 * whether or not this ran (core `canReadContent`). The close is the repository's own act (user
 * `System`, like sealing), logged as `accessRequest.expire`; `efr:closedAt` is the end of the
 * window, not the time of the sweep.
 */
export function closeEndedWindows(repo: Repository, nowMs: number): string[] {
  const folder = archiveFolder(repo, 'requests');
  const now = new Date(nowMs).toISOString();
  const raw = repo.db
    .prepare(
      `SELECT n.* FROM nodes n JOIN node_props p ON p.node_id = n.id
       WHERE n.parent_id = ? AND n.type = 'efr:accessRequest'
       AND p.qname = 'efr:requestStatus' AND p.v_text = 'registered'`,
    )
    .all(folder.id);
  const ended = repo.rows
    .fromRawRows(raw as Parameters<typeof repo.rows.fromRawRows>[0])
    .filter((n) => viewingExpired(accessRequestOf(repo.db, n), now));
  return repo.db.transaction(() =>
    ended.map((n: NodeRow) => {
      const until = accessRequestOf(repo.db, n).viewingUntil;
      const closedAt = until === null ? nowMs : Date.parse(until);
      repo.rows.update({
        ...n,
        props: {
          ...n.props,
          'efr:requestStatus': 'closed',
          'efr:closedAt': formatAcsDate(closedAt),
        },
        aspects: n.aspects.includes('efr:closed') ? n.aspects : [...n.aspects, 'efr:closed'],
        modifiedAt: nowMs,
        modifiedBy: SYSTEM_USER,
      });
      appendAccessLog(repo.db, {
        user: SYSTEM_USER,
        action: 'accessRequest.expire',
        nodeId: n.id,
        values: {
          from: 'registered',
          to: 'closed',
          viewingUntil: String(until),
          requirement: 'R24.2',
        },
      });
      return n.id;
    }),
  )();
}
