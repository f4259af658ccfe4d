/**
 * The viewer's repository permission on the recordings of a request (R24.2): a custodian's
 * registration grants the viewer Consumer on each requested recording, and closing the request
 * (by a person, or by the window-expiry job when the window has ended) removes it again, except
 * on a recording another registered request of the same viewer still covers: access follows
 * the register, so one window's end never ends another's. The efr:recording onContentRead
 * behaviour refuses reads outside a window as a second line.
 *
 * Both run as System (AuthenticationUtil.runAsSystem): ACS's public PermissionService#setPermission
 * needs ChangePermissions on the node (public-services-security-context.xml l. 799, 25.5.0.31),
 * which no custodian holds on recordings, and permissions on recordings change only through
 * EFR's steps, which decide who acts before they get here.
 */
import { viewingExpired, type AccessRequest } from '../../../core/src/index.js';
import { EFR_ASSOCS } from '../../../content-model/src/qnames.js';
import { accessRequestOfNode } from './access-request-state.js';
import type { ScriptNodeLike } from './acs-api.js';
import { assocNodes, nodeId } from './model-names.js';
import { efrInfo } from './efr-log.js';
import { runAsSystem } from './actor.js';

/** The ACS role that lets the viewer read a recording's content. */
export const VIEWING_ROLE = 'Consumer';

/** ScriptNode#setPermission / #removePermission (org.alfresco.repo.jscript.ScriptNode). */
interface PermissionNode {
  setPermission?(permission: string, authority: string): void;
  removePermission?(permission: string, authority: string): void;
}

/** Grants the viewer {@link VIEWING_ROLE} on each recording (registration). */
export function grantViewing(recordings: readonly ScriptNodeLike[], viewer: string): void {
  runAsSystem(() => {
    for (const r of recordings) {
      const node = r as unknown as PermissionNode;
      if (typeof node.setPermission === 'function') node.setPermission(VIEWING_ROLE, viewer);
    }
  });
}

/**
 * Whether `request` still stands behind `viewer`'s {@link VIEWING_ROLE} on the recording
 * `recordingId` at `now` (ISO 8601): registered for that viewer, naming the recording, and its
 * window not over (core's viewingExpired). A window that has not begun counts too, since
 * registration grants at once; reads before it are refused by core's canReadContent.
 */
export function holdsViewing(
  request: AccessRequest,
  viewer: string,
  recordingId: string,
  now: string,
): boolean {
  return request.status === 'registered' && request.viewer === viewer &&
    request.recordingIds.indexOf(recordingId) >= 0 && !viewingExpired(request, now);
}

/**
 * The id of a request other than `closingId` that holds `viewer`'s viewing on `recording` at
 * `now` (see {@link holdsViewing}), or null. The requests come from the recording's
 * efr:requestRecordings source associations, read as they are in this transaction.
 */
function otherHoldingRequest(
  recording: ScriptNodeLike,
  closingId: string,
  viewer: string,
  now: string,
): string | null {
  const recordingId = nodeId(recording);
  for (const other of assocNodes(recording.sourceAssocs, EFR_ASSOCS.requestRecordings)) {
    const id = nodeId(other);
    if (id !== closingId && holdsViewing(accessRequestOfNode(other), viewer, recordingId, now)) {
      return id;
    }
  }
  return null;
}

/**
 * Removes the viewer's {@link VIEWING_ROLE} from each recording of the request `closing`
 * (close, expiry) at `now` (ISO 8601), except on a recording another registered request of the
 * same viewer still holds (R24.2); such a recording is logged and keeps the permission until
 * that request closes in turn.
 */
export function revokeViewing(
  closing: ScriptNodeLike,
  recordings: readonly ScriptNodeLike[],
  viewer: string,
  now: string,
): void {
  const closingId = nodeId(closing);
  for (const r of recordings) {
    const node = r as unknown as PermissionNode;
    if (typeof node.removePermission !== 'function') continue;
    const holder = otherHoldingRequest(r, closingId, viewer, now);
    if (holder === null) {
      runAsSystem(() => node.removePermission?.(VIEWING_ROLE, viewer));
    } else {
      efrInfo('efr viewing kept on ' + nodeId(r) + ' for ' + viewer + ': request ' +
        holder + ' still registered (R24.2)');
    }
  }
}
