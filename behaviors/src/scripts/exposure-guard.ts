/**
 * The ACS services that expose or derive a node outside the node API (issue 16): each is
 * refused for EFR records (recordings and workflow records, and folders holding them) with
 * core's `checkRecordExposure`, whoever asks: ACS runs several of them as System.
 *
 * Bound by context/efr-exposure-guard-context.xml, each where ACS's service goes through the
 * node service or its own policy (25.5.0.31):
 * - shared links: QuickShareServiceImpl#shareContent adds qshare:shared through
 *   NodeService#addAspect as System (l. 461-464), which fires beforeAddAspect for the aspect
 *   (AbstractNodeServiceImpl#invokeBeforeAddAspect l. 562): bound to qshare:shared. Only content
 *   is shareable (#isSharable), so a folder is never shared.
 * - renditions and thumbnails: RenditionService2Impl consumes a transform as System and makes
 *   the rendition a cm:thumbnail child of the source through NodeService#createNode
 *   (l. 633-636; the legacy ThumbnailService makes cm:thumbnail too): onCreateNode bound to
 *   cm:thumbnail refuses one whose source is a recording. One rendition serves every reader, so
 *   a per-viewer rule is not possible: no rendition of any recording is made (the Content App
 *   plays the original, whose every read `onContentRead` decides and logs).
 * - downloads: DownloadStorage#addNodeToDownload associates each requested node with the
 *   download node through NodeService#createAssociation (l. 183): onCreateAssociation bound to
 *   download:download (download:requestedNodes) refuses an EFR record or a folder holding one.
 * - versions: VersionServiceImpl#createVersion fires beforeCreateVersion for the node's type and
 *   aspects (AbstractVersionServiceImpl#invokeBeforeCreateVersion l. 159-166): a sealed recording
 *   gets no new version (an upload's first version is the ingest, before sealing).
 * - working copies: CheckOutCheckInServiceImpl#checkout fires beforeCheckOut for the node's
 *   classes (l. 264-276, 445) before it copies anything: no EFR record is checked out.
 */
import { checkRecordExposure } from '../../../core/src/index.js';
import type { ExposurePath } from '../../../core/src/index.js';
import { currentBehaviour } from '../lib/acs-api.js';
import type { ScriptNodeLike } from '../lib/acs-api.js';
import { currentUserNameOrNull } from '../lib/actor.js';
import { efrWarn } from '../lib/efr-log.js';
import { nodeId, nodeIsType } from '../lib/model-names.js';
import { isEfrRecord, isOrHoldsEfrRecord, isSealedRecording } from '../lib/record-tree.js';
import { enforce } from '../lib/refusal.js';

interface ChildAssociationArg {
  readonly parent: ScriptNodeLike | null;
  readonly child: ScriptNodeLike;
}

interface AssociationArg {
  readonly source: ScriptNodeLike;
  readonly target: ScriptNodeLike;
}

/** What each policy refuses: the path, the node it concerns (from its arguments), and which nodes. */
const CHECKS: { readonly [policy: string]: readonly [ExposurePath,
  (args: ArrayLike<unknown>) => ScriptNodeLike | null, (node: ScriptNodeLike) => boolean] } = {
  beforeAddAspect: ['sharedLink', (a) => a[0] as ScriptNodeLike, isEfrRecord],
  onCreateNode: ['rendition', (a) => (a[0] as ChildAssociationArg).parent,
    (source) => nodeIsType(source, 'efr:recording')],
  onCreateAssociation: ['download', (a) => (a[0] as AssociationArg).target, isOrHoldsEfrRecord],
  beforeCreateVersion: ['version', (a) => a[0] as ScriptNodeLike, isSealedRecording],
  beforeCheckOut: ['workingCopy', (a) => a[0] as ScriptNodeLike, isEfrRecord],
};

/** Runs the policy that fired. */
export function runExposureGuard(): void {
  const b = currentBehaviour();
  const name = String(b.name);
  const check = Object.prototype.hasOwnProperty.call(CHECKS, name) ? CHECKS[name] : null;
  if (check === null) {
    efrWarn('efr exposure guard: unexpected policy ' + name);
    return;
  }
  const node = check[1](b.args);
  if (node && check[2](node)) {
    enforce(checkRecordExposure(check[0]), check[0] + ' of ' + nodeId(node) + ' by ' +
      String(currentUserNameOrNull()));
  }
}

runExposureGuard();
