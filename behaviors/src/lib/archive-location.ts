/**
 * Whether a folder lies inside the EFR archive (R13.2: the office collects and stores the
 * recordings). The archive is every folder at or below an EFR container: a case dossier
 * (efr:case), a handover batch (efr:handover) or a spot-check campaign (efr:spotCheck). A
 * sealed recording may move between such folders, never out of them (R26.1).
 */
import type { RecordingLocation } from '../../../core/src/index.js';
import { EFR_TYPES } from '../../../content-model/src/qnames.js';
import type { ScriptNodeLike } from './acs-api.js';
import { nodeId, nodeIsType } from './model-names.js';

/** EFR types whose subtree is the archive. */
export const ARCHIVE_CONTAINER_TYPES: readonly string[] = [
  EFR_TYPES.case, EFR_TYPES.handover, EFR_TYPES.spotCheck,
];

/** Deepest folder nesting walked before giving up (a cycle cannot happen; this bounds cost). */
const MAX_DEPTH = 64;

/** Whether `folder` is an archive container or lies below one. */
export function isInArchive(folder: ScriptNodeLike | null | undefined): boolean {
  let cursor: ScriptNodeLike | null | undefined = folder;
  for (let depth = 0; cursor && depth < MAX_DEPTH; depth++) {
    for (const type of ARCHIVE_CONTAINER_TYPES) {
      if (nodeIsType(cursor, type)) return true;
    }
    cursor = cursor.parent;
  }
  return false;
}

/** core's RecordingLocation of a folder. */
export function locationOf(folder: ScriptNodeLike): RecordingLocation {
  return { id: nodeId(folder), inArchive: isInArchive(folder) };
}
