/**
 * What a folder holds, for the acts ACS applies to a whole subtree while firing its policy for
 * the top node only: a move (DbNodeServiceImpl#moveNode fires beforeMoveNode for the moved node,
 * 25.5.0.31 l. 3034; its children move with it unseen) and a download (DownloadStorage#addNodeToDownload
 * associates the folder only, l. 183; the archiver zips everything below it).
 *
 * The walk reads ScriptNode#getChildren level by level, to the folder depth limit of core's
 * request limits (deeper folders are refused at creation, so nothing lies deeper).
 */
import { isWorkflowRecord, REQUEST_LIMITS } from '../../../core/src/index.js';
import { EFR_TYPES } from '../../../content-model/src/qnames.js';
import type { ScriptNodeLike } from './acs-api.js';
import { nodeIsType } from './model-names.js';
import { recordingStateOfNode } from './recording-state.js';

interface WithChildren {
  readonly children?: ArrayLike<ScriptNodeLike> | null;
}

/** A node below the walked folder, with the folders between them (nearest first). */
export interface HeldNode {
  node: ScriptNodeLike;
  /** The folders from the node's parent up to the walked folder, inclusive. */
  path: ScriptNodeLike[];
}

/** Every node below `folder` that `wanted` accepts, with its path up to `folder`. */
export function nodesBelow(folder: ScriptNodeLike,
  wanted: (node: ScriptNodeLike) => boolean): HeldNode[] {
  const out: HeldNode[] = [];
  let level: HeldNode[] = [{ node: folder, path: [] }];
  for (let depth = 0; level.length > 0 && depth <= REQUEST_LIMITS.folderDepth; depth++) {
    const next: HeldNode[] = [];
    for (const item of level) {
      const kids = (item.node as unknown as WithChildren).children;
      if (kids === null || kids === undefined) continue;
      const path = [item.node].concat(item.path);
      for (let i = 0; i < kids.length; i++) {
        const kid = kids[i];
        if (wanted(kid)) out.push({ node: kid, path });
        next.push({ node: kid, path });
      }
    }
    level = next;
  }
  return out;
}

/** Whether the node is an EFR record no generic path may expose: a recording or a workflow record. */
export function isEfrRecord(node: ScriptNodeLike): boolean {
  const type = String(node.typeShort);
  return type === EFR_TYPES.recording || isWorkflowRecord(type);
}

/** Whether the node is a sealed recording (efr:sealedAt set, as the recording rules read it). */
export function isSealedRecording(node: ScriptNodeLike): boolean {
  return nodeIsType(node, EFR_TYPES.recording) && recordingStateOfNode(node).sealed;
}

/** Whether the node is an EFR record or a folder holding one at any depth. */
export function isOrHoldsEfrRecord(node: ScriptNodeLike): boolean {
  if (isEfrRecord(node)) return true;
  return nodesBelow(node, isEfrRecord).length > 0;
}
