/**
 * Closing a registered viewing request whose window has ended (R24.2: access ends with the
 * window), the module's twin of server/src/webscripts/access-requests/window-expiry.ts. The
 * scheduled job (context/efr-window-expiry-context.xml) runs scripts/window-expiry.js on each
 * request its query finds; this decides with core's viewingExpired on the node as it is now
 * (the search index may lag), then closes the request as the close step of
 * webscripts/access-requests/access-request-action.post.ts does: efr:requestStatus `closed` and
 * efr:closedAt in one save (ACS adds the efr:closed aspect for its property), the viewer's
 * Consumer removed from the recordings no other registered request of theirs still holds
 * (lib/viewing-access.ts). Differences, as on server/: the repository acts (user
 * System), efr:closedAt is the end of the window, and the log line is `accessRequest.expire`.
 */
import { viewingExpired } from '../../../core/src/index.js';
import { EFR_PROPS, EFR_TYPES } from '../../../content-model/src/qnames.js';
import { accessRequestOfNode, requestedRecordingNodes } from './access-request-state.js';
import { scriptLogger } from './acs-api.js';
import type { ScriptNodeLike } from './acs-api.js';
import { runAsSystem, SYSTEM_USER } from './actor.js';
import { nodeId, nodeIsType } from './model-names.js';
import { revokeViewing } from './viewing-access.js';
import { efrDebug, efrInfo, efrWarn } from './efr-log.js';

/** A ScriptNode the job writes: properties are set on the node, then saved in one update. */
export interface SavableNode extends ScriptNodeLike {
  save(): void;
}

/** What the job did with one node. */
export type ExpiryOutcome = 'closed' | 'windowOpen' | 'notRegistered' | 'notARequest';

/**
 * Closes `node` when it is a registered request whose window has ended at `now` (ISO 8601);
 * otherwise leaves it untouched. Returns what it did. Running it twice closes once.
 */
export function closeEndedWindow(node: SavableNode, now: string): ExpiryOutcome {
  const ref = String(node.nodeRef);
  if (!nodeIsType(node, EFR_TYPES.accessRequest)) {
    efrWarn('efr accessRequest.expire skipped ' + ref + ': not an efr:accessRequest');
    return 'notARequest';
  }
  const request = accessRequestOfNode(node);
  if (request.status !== 'registered') return 'notRegistered';
  if (!viewingExpired(request, now)) {
    efrDebug('efr accessRequest.expire skipped ' + ref + ': window open until ' +
      String(request.viewingUntil));
    return 'windowOpen';
  }
  const until = request.viewingUntil;
  // viewingExpired holds a registered request without an end as ended: it closes at `now`.
  const closedAt = new Date(Date.parse(until === null ? now : until));
  const recordings = requestedRecordingNodes(node);
  runAsSystem(() => {
    const p = node.properties;
    p[EFR_PROPS.requestStatus] = 'closed';
    p[EFR_PROPS.closedAt] = closedAt;
    node.save();
    if (request.viewer !== null) revokeViewing(node, recordings, request.viewer, now);
  });
  efrInfo('efr accessRequest.expire ' + ref + ' from=registered to=closed by=' +
    SYSTEM_USER + ' viewingUntil=' + String(until) + ' recordings=' +
    recordings.map(nodeId).join(',') + ' requirement=R24.2');
  return 'closed';
}
