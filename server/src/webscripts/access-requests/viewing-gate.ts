import {
  canReadContent,
  isConfidential,
  mayDownload,
  mayWorkerRead,
  type Verdict,
} from '../../../../core/src/index.js';
import { jobsCopying } from '../../rules/package-job-reads.js';
import type { Db } from '../../db/database.js';
import { NodeRows, type NodeRow } from '../../repo/node-rows.js';
import { accessRequestOf } from '../../rules/access-request-state.js';
import { recordingState } from '../../rules/recording-state.js';
import type { RuleContext } from '../../rules/rule-hooks.js';

/**
 * The content-read rule of a recording (R24.1, R24.2, R25.1, R27.1), called by the rule hooks'
 * `beforeContentRead` (server/src/rules/efr-rules.ts) for every GET/HEAD of its content:
 *
 * - the registered viewer of a request naming the recording reads it inside the viewing
 *   window (core `canReadContent`), and nobody else, before or after;
 * - custodians are not exempt: they keep the footage (receipts, seals, discs) but R24 makes no
 *   exception for them to watch it; a custodian who needs to view files a request like anyone
 *   (registered by another custodian, as requester and registrar differ);
 * - the repository administrator stays exempt, as ACS's admin bypasses permissions and the
 *   store's own maintenance (previews, transforms) runs as the system in ACS: the read is
 *   still logged by the content route;
 * - a download (`attachment=true`) needs a request whose purpose permits a copy (R26.2:
 *   litigation, external release); the player reads inline.
 */
export function viewingReadVerdict(db: Db, node: NodeRow, ctx: RuleContext): Verdict {
  if (node.type !== 'efr:recording' || ctx.isAdmin) return { allowed: true };
  const rows = new NodeRows(db);
  const now = new Date(ctx.now).toISOString();
  const requests = (
    db
      .prepare(
        `SELECT source_id FROM peer_assocs WHERE target_id = ? AND
    type = 'efr:requestRecordings'`,
      )
      .all(node.id) as { source_id: string }[]
  )
    .map((r) => rows.get(r.source_id))
    .filter((r): r is NodeRow => r !== undefined)
    .map((r) => accessRequestOf(db, r));
  // efr worker copies the recordings of the disc job it holds, and nothing else (R23.1).
  if (mayWorkerRead({ userName: ctx.userId, groups: ctx.groups }, node.id,
    jobsCopying(db, node.id), now)) return { allowed: true };
  const open = requests.filter((r) => canReadContent(r, ctx.userId, now, node.id));
  if (open.length > 0 && (ctx.readMode !== 'download' || open.some(mayDownload))) {
    return { allowed: true };
  }
  if (open.length > 0) {
    // Viewing is allowed, a copy is not: downloads only for litigation and external release.
    return {
      allowed: false,
      status: 403,
      code: 'efr.recording.noDownloadRight',
      requirement: 'R26.2',
      message: 'A copy is downloaded only for litigation or an approved external release.',
      messageZh: '仅诉讼或经批准对外提供时可下载副本。',
    };
  }
  const confidential = isConfidential(recordingState(db, node).secrecyLevel);
  return {
    allowed: false,
    status: 403,
    code: 'efr.recording.noViewingRight',
    requirement: confidential ? 'R27.1' : 'R24.2',
    message: 'A recording is viewed only by its registered viewer within the viewing window.',
    messageZh: '录像仅限登记的调阅人在调阅时间内查看。',
  };
}
