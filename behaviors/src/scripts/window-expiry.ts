/**
 * Script action of the window-expiry job (R24.2), not a behaviour: ACS's scheduled action
 * `efr-repo.windowExpiryJob` (context/efr-window-expiry-context.xml) queries the registered
 * efr:accessRequest nodes every few minutes and runs this script once per node, in its own
 * transaction, with the node as `document`. An ended window is closed as the repository
 * (lib/window-expiry.ts); anything else is left as it is.
 */
import { actionDocument } from '../lib/acs-api.js';
import { nowIso } from '../lib/clock.js';
import { closeEndedWindow, type SavableNode } from '../lib/window-expiry.js';

/** Runs the action on its document. */
export function runWindowExpiry(): void {
  const doc = actionDocument();
  if (doc === null) throw new Error('efr: window-expiry.js runs as a script action (no document)');
  closeEndedWindow(doc as SavableNode, nowIso());
}

runWindowExpiry();
