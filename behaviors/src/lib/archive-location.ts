/**
 * Whether a folder lies inside the EFR archive (R13.2: the office collects and stores the
 * recordings). The archive is every folder at or below
 * - the archive root, the folder `EFR 执法记录` directly under Company Home (server/'s
 *   ARCHIVE_ROOT, server/src/demo/archive-folders.ts): its sub-folders `录像档案/<handover>/`
 *   are where sealing files the recordings;
 * - an EFR container anywhere: a case dossier (efr:case), a handover batch (efr:handover) or a
 *   spot-check campaign (efr:spotCheck).
 * A sealed recording may move between such folders, never out of them (R26.1).
 *
 * Why name and path, not a marker aspect: the model has no archive aspect, and server/ keeps
 * the root's id in its own meta table. Company Home is recognised by its QName path
 * (`/app:company_home`, ScriptNode#getQnamePath), which ACS fixes at bootstrap whatever the
 * display name or locale; the root by its cm:name, the name every client resolves it by
 * (`-root-` + relativePath `EFR 执法记录/…`, and the web scripts' ARCHIVE_ROOT_NAME).
 */
import type { RecordingLocation } from '../../../core/src/index.js';
import { EFR_TYPES } from '../../../content-model/src/qnames.js';
import type { ScriptNodeLike } from './acs-api.js';
import { nodeId, nodeIsType } from './model-names.js';

/** EFR types whose subtree is the archive. */
export const ARCHIVE_CONTAINER_TYPES: readonly string[] = [
  EFR_TYPES.case, EFR_TYPES.handover, EFR_TYPES.spotCheck,
];

/** cm:name of the archive root folder under Company Home (server/'s ARCHIVE_ROOT.name). */
export const ARCHIVE_ROOT_NAME = 'EFR 执法记录';

/** QName path of Company Home (ACS bootstrap: `app:company_home` under the store root). */
export const COMPANY_HOME_QNAME_PATH = '/app:company_home';

/** Deepest folder nesting walked before giving up (a cycle cannot happen; this bounds cost). */
const MAX_DEPTH = 64;

/** A ScriptNode that can also say its name and QName path (both ScriptNode getters). */
interface PathedNode extends ScriptNodeLike {
  readonly name?: unknown;
  readonly qnamePath?: unknown;
}

/** Whether `node` is Company Home. */
function isCompanyHome(node: ScriptNodeLike | null | undefined): boolean {
  if (!node) return false;
  const path = (node as PathedNode).qnamePath;
  return path !== undefined && path !== null && String(path) === COMPANY_HOME_QNAME_PATH;
}

/** Whether `node` is the archive root: `EFR 执法记录` directly under Company Home. */
export function isArchiveRoot(node: ScriptNodeLike): boolean {
  const name = (node as PathedNode).name;
  // The name is compared first: the path is asked only of the one candidate's parent.
  return name !== undefined && name !== null && String(name) === ARCHIVE_ROOT_NAME &&
    isCompanyHome(node.parent);
}

/** Whether `folder` is the archive root or an archive container, or lies below one. */
export function isInArchive(folder: ScriptNodeLike | null | undefined): boolean {
  let cursor: ScriptNodeLike | null | undefined = folder;
  for (let depth = 0; cursor && depth < MAX_DEPTH; depth++) {
    for (const type of ARCHIVE_CONTAINER_TYPES) {
      if (nodeIsType(cursor, type)) return true;
    }
    if (isArchiveRoot(cursor)) return true;
    cursor = cursor.parent;
  }
  return false;
}

/** core's RecordingLocation of a folder. */
export function locationOf(folder: ScriptNodeLike): RecordingLocation {
  return { id: nodeId(folder), inArchive: isInArchive(folder) };
}
