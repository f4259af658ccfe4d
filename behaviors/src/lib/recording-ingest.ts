/**
 * The first content write of a recording in ACS (onContentUpdate with newContent=true), as
 * server/ checks an upload:
 * - a file joins a handover only while it is open, and names it in efr:handoverId (R21.4;
 *   core's checkHandoverUpload, server/'s rule hook too), so nothing enters a batch a
 *   custodian has already received and the recording and its handover always agree;
 * - the stored bytes hash to the efr:sha256 (and count to the efr:sizeBytes) the workstation
 *   declared (R26.1, R21.4; server/src/repo/node-writes.ts `fixity`): what was cut or
 *   corrupted on the way is refused before anyone can seal it.
 */
import { allow, checkHandoverUpload, refuse } from '../../../core/src/index.js';
import type { Verdict } from '../../../core/src/index.js';
import { EFR_PROPS, EFR_TYPES } from '../../../content-model/src/qnames.js';
import type { ScriptNodeLike } from './acs-api.js';
import { runAsSystem } from './actor.js';
import { digestContent } from './content-digest.js';
import { plainNumber, plainString } from './java-values.js';
import { nodeId, nodeIsType, nodeProp } from './model-names.js';

/** R21.4: core's upload guard, for a recording whose primary parent is a handover. */
export function handoverUploadVerdict(node: ScriptNodeLike): Verdict {
  const parent = node.parent;
  if (!parent || !nodeIsType(parent, EFR_TYPES.handover)) return allow();
  return checkHandoverUpload({
    handoverId: nodeId(parent),
    handoverStatus: plainString(nodeProp(parent, EFR_PROPS.handoverStatus)),
    declaredHandoverId: plainString(nodeProp(node, EFR_PROPS.handoverId)),
  });
}

/** R26.1: the stored bytes match the declared SHA-256 and size. */
export function declaredFixityVerdict(node: ScriptNodeLike): Verdict {
  const declared = plainString(nodeProp(node, EFR_PROPS.sha256));
  // The repository hashes what it stored, as its own read (System): ACS fires onContentRead
  // for this reader too, and core's checkContentRead lets the repository read, while the
  // uploading officer, who holds no viewing window, may not.
  const read: { digest: ReturnType<typeof digestContent> } = { digest: null };
  runAsSystem(() => {
    read.digest = digestContent(node);
  });
  const digest = read.digest;
  if (digest === null) {
    return refuse(422, 'efr.recording.hashUnverified', 'R26.1',
      'The repository could not read the uploaded bytes to verify their SHA-256.',
      '系统无法读取上传文件以核验其哈希值。');
  }
  if (declared === null || declared.toLowerCase() !== digest.sha256) {
    return refuse(422, 'efr.recording.hashMismatch', 'R26.1',
      'efr:sha256 ' + String(declared) + ' does not match the uploaded bytes (' +
      digest.sha256 + ').', '上传文件的哈希值与声明不符（' + digest.sha256 + '）。');
  }
  const size = plainNumber(nodeProp(node, EFR_PROPS.sizeBytes));
  if (size !== null && size !== digest.size) {
    return refuse(422, 'efr.recording.sizeMismatch', 'R26.1',
      'efr:sizeBytes ' + size + ' does not match the uploaded bytes (' + digest.size + ').',
      '上传文件的大小与声明不符（' + digest.size + ' 字节）。');
  }
  return allow();
}

/** Both ingest checks, the handover first (it needs no read of the bytes). */
export function ingestVerdict(node: ScriptNodeLike): Verdict {
  const upload = handoverUploadVerdict(node);
  return upload.allowed ? declaredFixityVerdict(node) : upload;
}
