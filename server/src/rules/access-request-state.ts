import type { AccessRequest } from '../../../core/src/index.js';
import type { Db } from '../db/database.js';
import type { NodeRow } from '../repo/node-rows.js';
import { toInstant } from './recording-state.js';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The rules' view of an efr:accessRequest node (model names → core's AccessRequest). */
export function accessRequestOf(db: Db, n: NodeRow): AccessRequest {
  const p = n.props;
  const recordingIds = (
    db
      .prepare(
        `SELECT target_id FROM peer_assocs WHERE source_id = ? AND
    type = 'efr:requestRecordings' ORDER BY target_id`,
      )
      .all(n.id) as { target_id: string }[]
  ).map((r) => r.target_id);
  const status = str(p['efr:requestStatus']) ?? 'submitted';
  return {
    id: n.id,
    status: status as AccessRequest['status'],
    requester: str(p['efr:requester']) ?? n.createdBy,
    recordingIds,
    purpose: (str(p['efr:purpose']) ?? 'work') as AccessRequest['purpose'],
    reason: str(p['efr:reason']) ?? '',
    submittedAt: new Date(n.createdAt).toISOString(),
    reviewedBy: str(p['efr:reviewer']),
    reviewedAt: toInstant(p['efr:reviewedAt']),
    reviewOpinion: str(p['efr:reviewOpinion']),
    approvedBy: str(p['efr:approver']),
    approvedAt: toInstant(p['efr:approvedAt']),
    approvalOpinion: str(p['efr:approvalOpinion']),
    registeredBy: str(p['efr:registrar']),
    registeredAt: toInstant(p['efr:registeredAt']),
    viewer: str(p['efr:viewer']),
    viewingReason: str(p['efr:viewReason']),
    viewingFrom: toInstant(p['efr:windowFrom']),
    viewingUntil: toInstant(p['efr:windowTo']),
    rejectedBy: str(p['efr:rejectedBy']),
    rejectedAt: toInstant(p['efr:rejectedAt']),
    rejectionReason: str(p['efr:rejectReason']),
    closedBy: status === 'closed' ? n.modifiedBy : null,
    closedAt: toInstant(p['efr:closedAt']),
  };
}
