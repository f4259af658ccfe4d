/**
 * The viewer's repository permission on the recordings of a request (R24.2): a custodian's
 * registration grants the viewer Consumer on each requested recording, and closing the request
 * (by a person, or by the window-expiry job when the window has ended) removes it again. The
 * efr:recording onContentRead behaviour refuses reads outside a window as a second line.
 */
import type { ScriptNodeLike } from './acs-api.js';

/** The ACS role that lets the viewer read a recording's content. */
export const VIEWING_ROLE = 'Consumer';

/** ScriptNode#setPermission / #removePermission (org.alfresco.repo.jscript.ScriptNode). */
interface PermissionNode {
  setPermission?(permission: string, authority: string): void;
  removePermission?(permission: string, authority: string): void;
}

/** Grants the viewer {@link VIEWING_ROLE} on each recording (registration). */
export function grantViewing(recordings: readonly ScriptNodeLike[], viewer: string): void {
  for (const r of recordings) {
    const node = r as unknown as PermissionNode;
    if (typeof node.setPermission === 'function') node.setPermission(VIEWING_ROLE, viewer);
  }
}

/** Removes the viewer's {@link VIEWING_ROLE} from each recording (close, expiry). */
export function revokeViewing(recordings: readonly ScriptNodeLike[], viewer: string): void {
  for (const r of recordings) {
    const node = r as unknown as PermissionNode;
    if (typeof node.removePermission === 'function') node.removePermission(VIEWING_ROLE, viewer);
  }
}
