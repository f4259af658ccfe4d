import {
  checkEligible,
  GROUP_EFR_CUSTODIANS,
  GROUP_EFR_LEADERS,
  GROUP_EFR_OFFICE_DIRECTORS,
  GROUP_EFR_SUPERVISORS,
  isMemberOfAny,
  personDisplayName,
  retentionBasis,
  type DispositionBatch,
  type DispositionCandidate,
  type DispositionCase,
  type DispositionStatus,
} from '../../../../core/src/index.js';
import type {
  DispositionBatchJson, DispositionRecording as DispositionRecordingJson,
} from '../../../../contract/index.js';
import { forbidden, notFound } from '../../http/errors.js';
import type { NodeRow } from '../../repo/node-rows.js';
import type { Caller, Repository } from '../../repo/repository.js';
import { caseIdsOf, toInstant } from '../../rules/recording-state.js';
import { actorOf, instantOf, textOf } from '../devices/record-writes.js';

/**
 * Reading disposition (issue 18) out of the repository: a recording as core's candidate, a
 * batch node as core's DispositionBatch, and both as the JSON the screens read. The rules are
 * core's (core/src/disposition.ts); this file only maps model properties.
 */

/** Groups that see batches and the destruction register. */
const BATCH_READERS = [GROUP_EFR_CUSTODIANS, GROUP_EFR_OFFICE_DIRECTORS, GROUP_EFR_LEADERS,
  GROUP_EFR_SUPERVISORS];

/** 403 unless the caller is a custodian (the eligible list is theirs). */
export function requireCustodian(c: Caller): void {
  if (!c.rule.isAdmin && !isMemberOfAny(actorOf(c), [GROUP_EFR_CUSTODIANS])) {
    throw forbidden('Only custodians list the recordings eligible for disposition');
  }
}

/** 403 unless the caller takes part in or supervises disposition. */
export function requireBatchReader(c: Caller): void {
  if (!c.rule.isAdmin && !isMemberOfAny(actorOf(c), BATCH_READERS)) {
    throw forbidden('Only the office, its director, leaders and supervisors see disposition');
  }
}

/** A person's name as every screen and document writes it (issue 19); the id if unknown. */
export function nameOf(repo: Repository, id: string | null): string | null {
  if (id === null) return null;
  const p = repo.auth.person(id);
  return p ? personDisplayName(p) || id : id;
}

function caseOf(k: NodeRow): DispositionCase {
  return {
    id: k.id,
    number: textOf(k, 'efr:caseNumber') ?? k.name,
    closedAt: k.props['efr:caseStatus'] === 'closed' ? toInstant(k.props['efr:closedAt']) : null,
    retentionYears: typeof k.props['efr:retentionYears'] === 'number'
      ? k.props['efr:retentionYears'] : null,
    retentionPermanent: k.props['efr:retentionPermanent'] === true,
  };
}

/** A recording as core's disposition rules see it. */
export function candidateOf(repo: Repository, n: NodeRow): DispositionCandidate {
  const cases = repo.rows.getMany(caseIdsOf(repo.db, n.id)).filter((k) => k.type === 'efr:case');
  return {
    id: n.id,
    sealed: typeof n.props['efr:sealedAt'] === 'string',
    destroyed: n.aspects.includes('efr:destroyed'),
    retainUntil: toInstant(n.props['efr:retainUntil']),
    retentionPermanent: n.props['efr:retentionPermanent'] === true,
    legalHold: n.aspects.includes('efr:legalHold'),
    recordingEnd: toInstant(n.props['efr:recordingEnd']),
    cases: cases.map(caseOf),
  };
}

/** The candidates of the recordings `ids` that exist (others are left out). */
export function candidatesOf(repo: Repository, ids: readonly string[]): DispositionCandidate[] {
  return repo.rows.getMany([...new Set(ids)])
    .filter((n) => n.type === 'efr:recording')
    .map((n) => candidateOf(repo, n));
}

/** Ids of the recordings of a batch (targets of efr:batchRecordings), in a stable order. */
function batchRecordingIds(repo: Repository, batchId: string): string[] {
  return (repo.db.prepare(`SELECT target_id FROM peer_assocs WHERE source_id = ? AND
    type = 'efr:batchRecordings' ORDER BY target_id`).all(batchId) as { target_id: string }[])
    .map((r) => r.target_id);
}

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** A batch node as core's DispositionBatch. */
export function batchOf(repo: Repository, n: NodeRow): DispositionBatch {
  return {
    id: n.id,
    status: (textOf(n, 'efr:batchStatus') ?? 'proposed') as DispositionStatus,
    proposedBy: textOf(n, 'efr:batchProposedBy') ?? n.createdBy,
    proposedAt: new Date(n.createdAt).toISOString(),
    reason: textOf(n, 'efr:proposalReason') ?? '',
    recordingIds: batchRecordingIds(repo, n.id),
    caseLinks: list(n.props['efr:caseLinks']),
    reviewedBy: textOf(n, 'efr:reviewer'),
    reviewedAt: instantOf(n, 'efr:reviewedAt'),
    reviewOpinion: textOf(n, 'efr:batchReviewOpinion'),
    approvedBy: textOf(n, 'efr:batchApprover'),
    approvedAt: instantOf(n, 'efr:batchApprovedAt'),
    approvalOpinion: textOf(n, 'efr:batchApprovalOpinion'),
    rejectedBy: textOf(n, 'efr:batchRejectedBy'),
    rejectedAt: instantOf(n, 'efr:batchRejectedAt'),
    rejectionReason: textOf(n, 'efr:batchRejectReason'),
    executedAt: instantOf(n, 'efr:executedAt'),
    destroyedIds: list(n.props['efr:destroyedIds']),
    spared: list(n.props['efr:sparedRecordings']).map((s) => {
      const [id, code, requirement] = s.split(' ');
      return { id, code: code ?? '', requirement: requirement ?? '' };
    }),
  };
}

/** A batch node by id (404 when missing, of another type, or not for this caller). */
export function batchNode(repo: Repository, c: Caller, id: string): NodeRow {
  requireBatchReader(c);
  const n = repo.rows.get(id);
  if (!n || n.type !== 'efr:dispositionBatch') {
    throw notFound(`The entity with id: ${id} was not found`);
  }
  return n;
}

/** Every batch, newest first. */
export function listBatches(repo: Repository): NodeRow[] {
  const ids = repo.db.prepare(`SELECT id FROM nodes WHERE type = 'efr:dispositionBatch'
    ORDER BY created_at DESC, id`).pluck().all() as string[];
  return repo.rows.getMany(ids).sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
}

/** Ids of the recordings in batches still pending (their recordings are taken). */
export function pendingRecordingIds(repo: Repository): string[] {
  return repo.db.prepare(`SELECT p.target_id FROM peer_assocs p JOIN node_props s
    ON s.node_id = p.source_id AND s.qname = 'efr:batchStatus'
    WHERE p.type = 'efr:batchRecordings' AND s.v_text IN ('proposed', 'reviewed', 'approved')`)
    .pluck().all() as string[];
}

/** A recording as JSON, with people by name. */
export function recordingJson(repo: Repository, n: NodeRow, now: string):
  DispositionRecordingJson {
  const cand = candidateOf(repo, n);
  const v = checkEligible(cand, now);
  const officers = [textOf(n, 'efr:officer'), textOf(n, 'efr:coOfficer')]
    .filter((x): x is string => x !== null).map((id) => nameOf(repo, id) as string);
  return {
    id: n.id,
    name: n.name,
    title: textOf(n, 'cm:title'),
    sha256: textOf(n, 'efr:sha256'),
    sizeBytes: typeof n.props['efr:sizeBytes'] === 'number' ? n.props['efr:sizeBytes'] : null,
    recordingStart: instantOf(n, 'efr:recordingStart'),
    recordingEnd: cand.recordingEnd,
    retainUntil: cand.retainUntil,
    officers,
    caseNumbers: cand.cases.map((k) => k.number),
    retentionBasis: textOf(n, 'efr:retentionBasis') ?? retentionBasis(cand),
    legalHold: cand.legalHold,
    destroyed: cand.destroyed,
    destroyedAt: instantOf(n, 'efr:destroyedAt'),
    destroyedBy: nameOf(repo, textOf(n, 'efr:destroyedBy')),
    keptBy: v.allowed ? null : v.code,
  };
}

/** The recordings whose retention ended by `now` and that core finds eligible. */
export function eligibleRecordings(repo: Repository, now: string): NodeRow[] {
  // efr:retainUntil is a d:date stored as text: the day ended strictly before now's day + 1.
  const ids = repo.db.prepare(`SELECT p.node_id FROM node_props p
    WHERE p.qname = 'efr:retainUntil' AND p.node_type = 'efr:recording' AND p.v_text <= ?
    ORDER BY p.v_text, p.node_id`).pluck().all(now) as string[];
  return repo.rows.getMany(ids)
    .filter((n) => checkEligible(candidateOf(repo, n), now).allowed)
    .sort((a, b) => String(a.props['efr:retainUntil']).localeCompare(
      String(b.props['efr:retainUntil'])) || (a.id < b.id ? -1 : 1));
}

/** A batch as the web scripts answer it: core's batch plus names and recordings. */
export function batchJson(repo: Repository, n: NodeRow, now: string): DispositionBatchJson {
  const b = batchOf(repo, n);
  return {
    ...b,
    recordingIds: [...b.recordingIds], caseLinks: [...b.caseLinks],
    destroyedIds: [...b.destroyedIds], spared: b.spared.map((x) => ({ ...x })),
    number: n.name,
    proposedByName: nameOf(repo, b.proposedBy),
    reviewedByName: nameOf(repo, b.reviewedBy),
    approvedByName: nameOf(repo, b.approvedBy),
    rejectedByName: nameOf(repo, b.rejectedBy),
    recordings: repo.rows.getMany(b.recordingIds).map((r) => recordingJson(repo, r, now)),
  };
}
