/**
 * Closing a registered viewing request whose window has ended (R24.2: access ends with the
 * window), once for both hosts. The close changes the register, not access: core's
 * checkContentRead already refuses every read from the window's end, whether or not this ran.
 *
 * - server/ closes every ended window before it lists requests (`GET /access-requests`);
 * - the module does the same, and its window-expiry job (behaviors/src/scripts/window-expiry.ts,
 *   ACS's scheduled action) runs {@link closeEndedWindow} on each registered request it finds.
 *
 * The close is the repository's own act (port.asRepository: user System), the one step both
 * hosts' rules let System take (core's checkRepositoryClose); `efr:closedAt` is the end of the
 * window, not the time of the sweep; the log line is `accessRequest.expire`.
 */
import { viewingExpired } from '../../../core/src/index.js';
import type { RepositoryPort } from '../repository-port.js';
import { accessRequestOf } from './access-request-of.js';
import { requestsFolder } from './access-request-json.js';

/** What the close did with one node. */
export type ExpiryOutcome = 'closed' | 'windowOpen' | 'notRegistered' | 'notARequest';

/**
 * Closes the request `id` when it is registered and its window has ended at the port's now;
 * otherwise leaves it as it is. Running it twice closes once.
 */
export function closeEndedWindow(
  port: RepositoryPort, id: string,
): { outcome: ExpiryOutcome; viewingUntil: string | null } {
  return port.asRepository(() => {
    const n = port.node(id);
    if (n === null || n.type !== 'efr:accessRequest') {
      return { outcome: 'notARequest' as ExpiryOutcome, viewingUntil: null };
    }
    const r = accessRequestOf(port, n);
    const until = r.viewingUntil;
    if (r.status !== 'registered') return { outcome: 'notRegistered' as ExpiryOutcome, viewingUntil: until };
    const now = port.now();
    if (!viewingExpired(r, now)) return { outcome: 'windowOpen' as ExpiryOutcome, viewingUntil: until };
    // viewingExpired holds a registered request without an end as ended: it closes at `now`.
    const closedAt = until === null ? now : new Date(Date.parse(until)).toISOString();
    port.updateNode(n.id, { 'efr:requestStatus': 'closed', 'efr:closedAt': closedAt });
    port.logStep('accessRequest.expire', n.id, {
      from: 'registered',
      to: 'closed',
      viewingUntil: String(until),
      recordings: r.recordingIds.join(','),
      requirement: 'R24.2',
    });
    return { outcome: 'closed' as ExpiryOutcome, viewingUntil: until };
  });
}

/** Closes every registered request of the requests folder whose window has ended; their ids. */
export function closeEndedWindows(port: RepositoryPort): string[] {
  return port.asRepository(() => {
    const now = port.now();
    const closed: string[] = [];
    for (const n of port.children(requestsFolder(port).id, 'efr:accessRequest')) {
      if (n.props['efr:requestStatus'] !== 'registered') continue;
      if (!viewingExpired(accessRequestOf(port, n), now)) continue;
      if (closeEndedWindow(port, n.id).outcome === 'closed') closed.push(n.id);
    }
    return closed;
  });
}
