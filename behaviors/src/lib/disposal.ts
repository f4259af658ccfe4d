/**
 * The module's side of core's one path to a recording's bytes (issue 18, `checkDisposal`):
 * what the recording behaviour sees when content goes, a tombstone is made or rewritten, read
 * into core's DisposalChange. The batch is read as stored now (the execution writes it
 * `executed` with its `efr:destroyedIds` before any tombstone), the step mark is the one EFR's
 * web scripts set on their transaction (lib/workflow-step.ts), out of reach of REST clients.
 */
import {
  checkDisposal, TOMBSTONE_PROPERTIES, type DestroyingBatch, type Verdict,
} from '../../../core/src/index.js';
import { scriptSearch } from './acs-api.js';
import { plainString, plainStrings, samePlain } from './java-values.js';
import type { ScriptNodeLike } from './acs-api.js';
import { CM_CONTENT, fullName, nodeProp } from './model-names.js';
import type { PropReader } from './recording-state.js';
import { isWorkflowStep } from './workflow-step.js';

/** The disposition batch `id` as stored now, or null when there is none of that id. */
export function destroyingBatch(id: string | null): DestroyingBatch | null {
  if (id === null || !/^[0-9A-Za-z-]{1,64}$/.test(id)) return null;
  const b = scriptSearch().findNode('workspace://SpacesStore/' + id);
  if (b === null || b === undefined || String(b.typeShort) !== 'efr:dispositionBatch') return null;
  return {
    id,
    status: plainString(nodeProp(b, 'efr:batchStatus')) || '',
    destroyedIds: plainStrings(nodeProp(b, 'efr:destroyedIds')),
  };
}

/** Whether the properties say the recording is a tombstone (its tombstone facts are set). */
export function isTombstone(read: PropReader): boolean {
  return TOMBSTONE_PROPERTIES.some((p) => plainString(read(p)) !== null);
}

/**
 * core's verdict on a property update of a recording (`before` → `after`) that removes its
 * content (`removesContent`) or touches its tombstone: anything else is allowed here.
 */
export function disposalVerdict(recordingId: string, before: PropReader, after: PropReader,
  removesContent: boolean): Verdict {
  const changed = TOMBSTONE_PROPERTIES.filter((p) => !samePlain(before(p), after(p)));
  const was = isTombstone(before);
  return checkDisposal({
    recordingId,
    removesContent,
    changed,
    addedAspects: !was && changed.length > 0 ? ['efr:destroyed'] : [],
    wasTombstone: was,
    inStep: isWorkflowStep(),
    batch: destroyingBatch(plainString(after('efr:destroyedBatch'))),
  });
}

/**
 * Whether the node has content now. ScriptNode#getProperties hands cm:content over as a raw
 * ScriptContentData (ScriptableQNameMap#get), which `typeof` refuses: only `null ==` with null
 * first is asked of it.
 */
export function hasContentNow(node: ScriptNodeLike): boolean {
  const props = node.properties;
  const full = props[fullName(CM_CONTENT)];
  if (!(null == full)) return true;
  return !(null == props[CM_CONTENT]);
}
