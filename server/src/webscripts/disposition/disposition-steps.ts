import {
  caseLinksOf,
  checkNewBatch,
  dispositionTransition,
  executeBatch,
  planExecution,
  retentionBasis,
  type DispositionAction,
  type DispositionBatch,
} from '../../../../core/src/index.js';
import { appendAccessLog } from '../../access-log/access-log.js';
import { AcsError, badRequest } from '../../http/errors.js';
import { formatAcsDate } from '../../model/property-values.js';
import type { NodeRow } from '../../repo/node-rows.js';
import { updateNode } from '../../repo/node-updates.js';
import type { Caller, Repository } from '../../repo/repository.js';
import {
  actorOf, elevated, entrySuffix, insertRecord, nowIso, optText, subFolder,
} from '../devices/record-writes.js';
import { destroyStoredBytes, type DestroyedBytes } from './content-destruction.js';
import { batchOf, candidatesOf, pendingRecordingIds } from './disposition-records.js';

/** The decision steps of a batch, as URL segments. */
export { DISPOSITION_BATCH_STEPS as DISPOSITION_STEPS } from '../../../../contract/index.js';
import type { DISPOSITION_BATCH_STEPS } from '../../../../contract/index.js';
/** One decision step. */
export type DispositionStep = (typeof DISPOSITION_BATCH_STEPS)[number];

const at = (iso: string | null): string | undefined =>
  iso === null ? undefined : formatAcsDate(Date.parse(iso));

/** The folder batches live in: `<archive root>/处置批次` (created with the first batch). */
function batchFolder(repo: Repository, c: Caller): NodeRow {
  const root = repo.rows.get(repo.meta('efr_archive') ?? '');
  if (!root) throw new AcsError(503, 'efr.archive.notSetUp', 'The archive is not set up');
  return subFolder(repo, root, '处置批次', c.rule.now);
}

/**
 * Proposes a batch (issue 18): core's `checkNewBatch` decides (custodian, eligible now, not in
 * another pending batch, a reason); the batch, its recordings, the case links at proposal and
 * the log entry are written in one transaction.
 */
export function proposeBatch(repo: Repository, c: Caller, b: Record<string, unknown>): NodeRow {
  const raw = b.recordingIds;
  if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string' || x.length > 64)) {
    throw badRequest('recordingIds must be an array of node ids');
  }
  if (raw.length > 10_000) throw badRequest('recordingIds holds too many ids');
  const ids = raw as string[];
  const reason = optText(b, 'reason', 2000) ?? '';
  return repo.db.transaction(() => {
    const candidates = candidatesOf(repo, ids);
    const now = nowIso(c);
    const folder = batchFolder(repo, c);
    repo.enforce(c, checkNewBatch({ recordingIds: ids, reason }, actorOf(c), candidates,
      pendingRecordingIds(repo), now), 'disposition.propose', folder);
    const node = insertRecord(repo, elevated(repo, c), folder, {
      type: 'efr:dispositionBatch',
      name: `销毁-${entrySuffix(c.rule.now)}`,
      props: {
        'efr:batchStatus': 'proposed',
        'efr:batchProposedBy': c.userId,
        'efr:proposalReason': reason,
        'efr:caseLinks': caseLinksOf(candidates),
      },
      targets: ids.map((targetId) => ({ targetId, assocType: 'efr:batchRecordings' })),
    });
    appendAccessLog(repo.db, {
      user: c.userId, action: 'disposition.propose', nodeId: node.id,
      values: { recordings: ids.join(','), reason, requirement: 'R22.1' },
    });
    return node;
  })();
}

function actionOf(step: DispositionStep, b: Record<string, unknown>): DispositionAction {
  if (step === 'reject') return { type: 'reject', reason: optText(b, 'reason', 2000) ?? '' };
  return { type: step, opinion: optText(b, 'opinion', 2000) ?? '' };
}

function stepProps(step: DispositionStep, next: DispositionBatch): Record<string, unknown> {
  if (step === 'review') {
    return { 'efr:batchStatus': next.status, 'efr:reviewer': next.reviewedBy,
      'efr:reviewedAt': at(next.reviewedAt), 'efr:batchReviewOpinion': next.reviewOpinion };
  }
  if (step === 'approve') {
    return { 'efr:batchStatus': next.status, 'efr:batchApprover': next.approvedBy,
      'efr:batchApprovedAt': at(next.approvedAt), 'efr:batchApprovalOpinion': next.approvalOpinion };
  }
  return { 'efr:batchStatus': next.status, 'efr:batchRejectedBy': next.rejectedBy,
    'efr:batchRejectedAt': at(next.rejectedAt), 'efr:batchRejectReason': next.rejectionReason };
}

/** What a step did: the batch after it and, on approval, the bytes destroyed. */
export interface StepResult {
  node: NodeRow;
  destroyed: DestroyedBytes[];
}

/**
 * One decision step (issue 18): core's `dispositionTransition` decides; an approval executes
 * the batch in the same transaction (core's `planExecution` checks every recording again, so
 * a hold or a case link placed meanwhile spares it): each destroyed recording becomes a
 * tombstone and loses its content reference. The stored files are unlinked after the commit;
 * a process killed in between leaves files no node references, which the start-up sweep
 * removes (server/src/app.ts, sweepOrphanedContent).
 */
export async function stepBatch(repo: Repository, c: Caller, node: NodeRow, step: DispositionStep,
  b: Record<string, unknown>): Promise<StepResult> {
  const action = actionOf(step, b);
  const { updated, hashes } = repo.db.transaction(() => {
    const before = batchOf(repo, node);
    const now = nowIso(c);
    const t = dispositionTransition(before, action, actorOf(c), now);
    repo.enforce(c, t.verdict, `disposition.${step}`, node);
    const next = t.next as DispositionBatch;
    let out = updateNode(repo, elevated(repo, c), node, { properties: stepProps(step, next) });
    appendAccessLog(repo.db, {
      user: c.userId, action: `disposition.${step}`, nodeId: node.id,
      values: { from: before.status, to: next.status, requirement: 'R22.1',
        ...(step === 'reject' ? { reason: String(next.rejectionReason) }
          : { opinion: String(step === 'review' ? next.reviewOpinion : next.approvalOpinion) }) },
    });
    if (step !== 'approve') return { updated: out, hashes: [] as string[] };
    const executed = executeApproved(repo, c, out, next, now);
    out = executed.node;
    return { updated: out, hashes: executed.hashes };
  })();
  const destroyed: DestroyedBytes[] = [];
  for (const h of hashes) destroyed.push(await destroyStoredBytes(repo, c, node.id, h));
  return { node: updated, destroyed };
}

/** Executes an approved batch inside the caller's transaction; returns the hashes to unlink. */
function executeApproved(repo: Repository, c: Caller, node: NodeRow, batch: DispositionBatch,
  now: string): { node: NodeRow; hashes: string[] } {
  const candidates = candidatesOf(repo, batch.recordingIds);
  const plan = planExecution(batch, candidates, now);
  const t = executeBatch(batch, plan, now);
  repo.enforce(c, t.verdict, 'disposition.execute', node);
  const done = t.next as DispositionBatch;
  const hashes: string[] = [];
  const step = elevated(repo, c);
  for (const id of plan.destroy) {
    const rec = repo.rows.get(id) as NodeRow;
    const cand = candidates.find((x) => x.id === id);
    const tomb = updateNode(repo, step, rec, {
      aspectNames: [...rec.aspects, 'efr:destroyed'],
      properties: {
        'efr:destroyedAt': at(now), 'efr:destroyedBy': batch.approvedBy,
        'efr:destroyedBatch': node.id,
        'efr:retentionBasis': cand ? retentionBasis(cand) : '',
      },
    });
    const sha = tomb.content?.sha256;
    repo.rows.update({ ...tomb, content: null });
    if (sha) hashes.push(sha);
    appendAccessLog(repo.db, {
      user: c.userId, action: 'disposition.destroy', nodeId: id,
      values: { batch: node.id, sha256: sha ?? '', sizeBytes: String(tomb.content?.size ?? ''),
        requirement: 'R22.1' },
    });
  }
  for (const s of plan.spared) {
    appendAccessLog(repo.db, {
      user: c.userId, action: 'disposition.spare', nodeId: s.id,
      values: { batch: node.id, code: s.code, requirement: s.requirement },
    });
  }
  const updated = updateNode(repo, step, node, { properties: {
    'efr:batchStatus': done.status, 'efr:executedAt': at(now),
    'efr:destroyedIds': done.destroyedIds.slice(),
    'efr:sparedRecordings': done.spared.map((s) => `${s.id} ${s.code} ${s.requirement}`),
  } });
  appendAccessLog(repo.db, {
    user: c.userId, action: 'disposition.execute', nodeId: node.id,
    values: { destroyed: String(plan.destroy.length), spared: String(plan.spared.length),
      requirement: 'R22.1' },
  });
  return { node: updated, hashes };
}
