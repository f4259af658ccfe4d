/**
 * Script action of the window-expiry job (R24.2), not a behaviour: ACS's scheduled action
 * `efr-repo.windowExpiryJob` (context/efr-window-expiry-context.xml) queries the registered
 * efr:accessRequest nodes every few minutes and runs this script once per node, in its own
 * transaction, with the node as `document`. An ended window is closed as the repository with
 * the close both hosts run (webscripts/src/access-requests/window-expiry.ts: server/ and the
 * module's GET /access-requests close ended windows the same way before they list); anything
 * else is left as it is. The close ends the register's entry; reading already ended with the
 * window, at its exact end (core's checkContentRead in onContentRead), whenever this runs.
 */
import { closeEndedWindow } from '../../../webscripts/src/access-requests/window-expiry.js';
import { actionDocument } from '../lib/acs-api.js';
import { acsPort } from '../lib/acs-port.js';
import { efrDebug, efrWarn } from '../lib/efr-log.js';
import { nodeId } from '../lib/model-names.js';

/** Runs the action on its document. */
export function runWindowExpiry(): void {
  const doc = actionDocument();
  if (doc === null) throw new Error('efr: window-expiry.js runs as a script action (no document)');
  const ref = String(doc.nodeRef);
  const done = closeEndedWindow(acsPort(), nodeId(doc));
  if (done.outcome === 'notARequest') {
    efrWarn('efr accessRequest.expire skipped ' + ref + ': not an efr:accessRequest');
  } else if (done.outcome === 'windowOpen') {
    efrDebug('efr accessRequest.expire skipped ' + ref + ': window open until ' +
      String(done.viewingUntil));
  }
}

runWindowExpiry();
