/**
 * Disposition (issue 18) read through the repository port: a recording as core's candidate, a
 * batch node as core's DispositionBatch, both as the JSON the screens read (contract/
 * disposition.ts), and the destruction register's input. The rules are core's
 * (core/src/disposition.ts); this file only maps model properties, the same in both hosts.
 */
import type {
  DispositionBatchJson, DispositionRecording as DispositionRecordingJson,
} from '../../../contract/index.js';
import {
  checkEligible, compactName, GROUP_EFR_CUSTODIANS, GROUP_EFR_LEADERS,
  GROUP_EFR_OFFICE_DIRECTORS, GROUP_EFR_SUPERVISORS, isMemberOfAny, isPendingBatch,
  retentionBasis, type DispositionBatch, type DispositionCandidate, type DispositionCase,
  type DispositionStatus, type RegisterInput,
} from '../../../core/src/index.js';
import { textProp, type PortNode, type PortValue, type RepositoryPort } from '../repository-port.js';
import { WebScriptError } from '../web-script.js';
import { PACKAGE_JOB } from '../evidence-packages/package-json.js';
import { documentJson, orderOf } from '../documents/document-json.js';

/** The archive folder batches live in (`EFR 执法记录/处置批次`). */
export const BATCH_FOLDER = '处置批次';

/** Groups that see batches and the destruction register. */
const BATCH_READERS = [GROUP_EFR_CUSTODIANS, GROUP_EFR_OFFICE_DIRECTORS, GROUP_EFR_LEADERS,
  GROUP_EFR_SUPERVISORS];

function forbidden(summary: string): WebScriptError {
  return new WebScriptError(403, 'framework.exception.PermissionDenied', summary);
}

/** 403 unless the caller is a custodian (the eligible list is theirs) or an administrator. */
export function requireCustodian(port: RepositoryPort): void {
  const u = port.currentUser();
  if (!u.isAdmin && !isMemberOfAny(u, [GROUP_EFR_CUSTODIANS])) {
    throw forbidden('Only custodians list the recordings eligible for disposition');
  }
}

/** 403 unless the caller takes part in or supervises disposition. */
export function requireBatchReader(port: RepositoryPort): void {
  const u = port.currentUser();
  if (!u.isAdmin && !isMemberOfAny(u, BATCH_READERS)) {
    throw forbidden('Only the office, its director, leaders and supervisors see disposition');
  }
}

/** A person's name as every screen and document writes it (issue 19); the id if unknown. */
export function nameOf(port: RepositoryPort, id: string | null): string | null {
  if (id === null) return null;
  if (!port.personExists(id)) return id;
  return compactName(port.displayName(id)) || id;
}

const num = (v: PortValue | undefined): number | null => (typeof v === 'number' ? v : null);

const list = (v: PortValue | undefined): string[] => {
  const out: string[] = [];
  if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') out.push(x);
  return out;
};

function byId(a: PortNode, b: PortNode): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function caseOf(k: PortNode): DispositionCase {
  return {
    id: k.id,
    number: textProp(k, 'efr:caseNumber') || k.name,
    closedAt: k.props['efr:caseStatus'] === 'closed' ? textProp(k, 'efr:closedAt') : null,
    retentionYears: num(k.props['efr:retentionYears']),
    retentionPermanent: k.props['efr:retentionPermanent'] === true,
  };
}

/** A recording as core's disposition rules see it (its cases by efr:caseRecordings). */
export function candidateOf(port: RepositoryPort, n: PortNode): DispositionCandidate {
  const cases = port.sources(n.id, 'efr:caseRecordings')
    .filter((k) => k.type === 'efr:case').sort(byId);
  return {
    id: n.id,
    sealed: textProp(n, 'efr:sealedAt') !== null,
    destroyed: n.aspects.indexOf('efr:destroyed') >= 0,
    retainUntil: textProp(n, 'efr:retainUntil'),
    retentionPermanent: n.props['efr:retentionPermanent'] === true,
    legalHold: n.aspects.indexOf('efr:legalHold') >= 0,
    recordingEnd: textProp(n, 'efr:recordingEnd'),
    cases: cases.map(caseOf),
  };
}

/** The recordings `ids` that exist and the caller reads, as nodes (others are left out). */
export function recordingNodes(port: RepositoryPort, ids: readonly string[]): PortNode[] {
  const out: PortNode[] = [];
  const seen: string[] = [];
  for (const id of ids) {
    if (seen.indexOf(id) >= 0) continue;
    seen.push(id);
    const n = port.node(id);
    if (n !== null && n.type === 'efr:recording') out.push(n);
  }
  return out;
}

/** Ids of the recordings of a batch (targets of efr:batchRecordings), sorted. */
function batchRecordingIds(port: RepositoryPort, batchId: string): string[] {
  return port.targets(batchId, 'efr:batchRecordings').map((n) => n.id).sort();
}

/** A batch node as core's DispositionBatch. */
export function batchOf(port: RepositoryPort, n: PortNode): DispositionBatch {
  return {
    id: n.id,
    status: (textProp(n, 'efr:batchStatus') || 'proposed') as DispositionStatus,
    proposedBy: textProp(n, 'efr:batchProposedBy') || textProp(n, 'cm:creator') || '',
    proposedAt: textProp(n, 'cm:created') || '',
    reason: textProp(n, 'efr:proposalReason') || '',
    recordingIds: batchRecordingIds(port, n.id),
    caseLinks: list(n.props['efr:caseLinks']),
    reviewedBy: textProp(n, 'efr:reviewer'),
    reviewedAt: textProp(n, 'efr:reviewedAt'),
    reviewOpinion: textProp(n, 'efr:batchReviewOpinion'),
    approvedBy: textProp(n, 'efr:batchApprover'),
    approvedAt: textProp(n, 'efr:batchApprovedAt'),
    approvalOpinion: textProp(n, 'efr:batchApprovalOpinion'),
    rejectedBy: textProp(n, 'efr:batchRejectedBy'),
    rejectedAt: textProp(n, 'efr:batchRejectedAt'),
    rejectionReason: textProp(n, 'efr:batchRejectReason'),
    executedAt: textProp(n, 'efr:executedAt'),
    destroyedIds: list(n.props['efr:destroyedIds']),
    spared: list(n.props['efr:sparedRecordings']).map((s) => {
      const parts = s.split(' ');
      return { id: parts[0], code: parts[1] || '', requirement: parts[2] || '' };
    }),
  };
}

/** Every batch, newest first (cm:created, then id). */
export function listBatches(port: RepositoryPort): PortNode[] {
  const created = (n: PortNode): string => textProp(n, 'cm:created') || '';
  return port.nodesOfType('efr:dispositionBatch').sort((a, b) =>
    (created(a) !== created(b) ? (created(a) < created(b) ? 1 : -1) : byId(a, b)));
}

/** Ids of the recordings in batches still pending (their recordings are taken). */
export function pendingRecordingIds(port: RepositoryPort): string[] {
  const out: string[] = [];
  for (const b of port.nodesOfType('efr:dispositionBatch')) {
    const status = (textProp(b, 'efr:batchStatus') || 'proposed') as DispositionStatus;
    if (!isPendingBatch(status)) continue;
    for (const id of batchRecordingIds(port, b.id)) out.push(id);
  }
  return out;
}

/** A recording as JSON, with people by name, and what keeps it at `now` (null: eligible). */
export function recordingJson(port: RepositoryPort, n: PortNode, now: string):
  DispositionRecordingJson {
  const cand = candidateOf(port, n);
  const v = checkEligible(cand, now);
  const officers: string[] = [];
  for (const p of ['efr:officer', 'efr:coOfficer']) {
    const id = textProp(n, p);
    if (id !== null) officers.push(nameOf(port, id) as string);
  }
  return {
    id: n.id,
    name: n.name,
    title: textProp(n, 'cm:title'),
    sha256: textProp(n, 'efr:sha256'),
    sizeBytes: num(n.props['efr:sizeBytes']),
    recordingStart: textProp(n, 'efr:recordingStart'),
    recordingEnd: cand.recordingEnd,
    retainUntil: cand.retainUntil,
    officers,
    caseNumbers: cand.cases.map((k) => k.number),
    retentionBasis: textProp(n, 'efr:retentionBasis') || retentionBasis(cand),
    legalHold: cand.legalHold,
    destroyed: cand.destroyed,
    destroyedAt: textProp(n, 'efr:destroyedAt'),
    destroyedBy: nameOf(port, textProp(n, 'efr:destroyedBy')),
    keptBy: v.allowed ? null : v.code,
  };
}

/**
 * The recordings whose retention ended by `now` and that core finds eligible, retention end
 * first. Every recording is read (a search by type) and filtered here: the port has no range
 * query yet.
 */
export function eligibleRecordings(port: RepositoryPort, now: string): PortNode[] {
  const until = (n: PortNode): string => textProp(n, 'efr:retainUntil') || '';
  return port.nodesOfType('efr:recording')
    .filter((n) => until(n) !== '' && until(n) <= now && n.aspects.indexOf('efr:destroyed') < 0)
    .filter((n) => checkEligible(candidateOf(port, n), now).allowed)
    .sort((a, b) => (until(a) !== until(b) ? (until(a) < until(b) ? -1 : 1) : byId(a, b)));
}

/** A batch as the web scripts answer it: core's batch plus its number, names and recordings. */
export function batchJson(port: RepositoryPort, n: PortNode, now: string): DispositionBatchJson {
  const b = batchOf(port, n);
  return {
    id: b.id,
    status: b.status,
    proposedBy: b.proposedBy,
    proposedAt: b.proposedAt,
    reason: b.reason,
    recordingIds: b.recordingIds.slice(),
    caseLinks: b.caseLinks.slice(),
    reviewedBy: b.reviewedBy,
    reviewedAt: b.reviewedAt,
    reviewOpinion: b.reviewOpinion,
    approvedBy: b.approvedBy,
    approvedAt: b.approvedAt,
    approvalOpinion: b.approvalOpinion,
    rejectedBy: b.rejectedBy,
    rejectedAt: b.rejectedAt,
    rejectionReason: b.rejectionReason,
    executedAt: b.executedAt,
    destroyedIds: b.destroyedIds.slice(),
    spared: b.spared.map((x) => ({ id: x.id, code: x.code, requirement: x.requirement })),
    number: n.name,
    proposedByName: nameOf(port, b.proposedBy),
    reviewedByName: nameOf(port, b.reviewedBy),
    approvedByName: nameOf(port, b.approvedBy),
    rejectedByName: nameOf(port, b.rejectedBy),
    recordings: recordingNodes(port, b.recordingIds).sort(byId)
      .map((r) => recordingJson(port, r, now)),
    register: registerJob(port, n, b),
  };
}

/** The name of a batch's register document: `销毁清册-<batch number>.pdf`. */
export function registerDocumentName(batch: PortNode): string {
  return '\u9500\u6bc1\u6e05\u518c-' + batch.name + '.pdf';
}

/**
 * The register document the execution recorded beside the batch (a generated document,
 * ../documents/documents.ts), or null: before execution, or for a batch executed before the
 * register was kept as a document.
 */
export function registerDocument(port: RepositoryPort, batch: PortNode): PortNode | null {
  const folderId = port.parentId(batch.id);
  if (folderId === null) return null;
  const name = registerDocumentName(batch);
  const hits = port.children(folderId, 'cm:content').filter((d) => d.name === name &&
    d.aspects.indexOf(PACKAGE_JOB) >= 0 && orderOf(d) !== null);
  return hits.length > 0 ? hits[0] : null;
}

function registerJob(port: RepositoryPort, n: PortNode, b: DispositionBatch) {
  if (b.status !== 'executed') return null;
  const doc = registerDocument(port, n);
  return doc === null ? null : documentJson(doc);
}

/**
 * The destruction register's input of an executed batch as it stands (people by name as the
 * directory spells them now, each recording with its facts and whether it was destroyed or
 * why it was kept). The execution writes it once into `efr:registerRecord`: the register is
 * what was signed, whatever the directory says later.
 */
export function registerInputOf(port: RepositoryPort, n: PortNode): RegisterInput {
  const b = batchOf(port, n);
  const executedAt = b.executedAt || '';
  const name = (id: string | null): string => nameOf(port, id) || '';
  return {
    number: n.name,
    reason: b.reason,
    proposedBy: name(b.proposedBy),
    proposedAt: b.proposedAt,
    reviewedBy: name(b.reviewedBy),
    reviewedAt: b.reviewedAt || '',
    reviewOpinion: b.reviewOpinion || '',
    approvedBy: name(b.approvedBy),
    approvedAt: b.approvedAt || '',
    approvalOpinion: b.approvalOpinion || '',
    executedAt,
    recordings: recordingNodes(port, b.recordingIds).sort(byId).map((r) => {
      const j = recordingJson(port, r, executedAt);
      let sparedCode: string | null = null;
      for (const s of b.spared) if (s.id === r.id) sparedCode = s.code;
      return {
        name: j.name, sha256: j.sha256, sizeBytes: j.sizeBytes,
        recordingStart: j.recordingStart, recordingEnd: j.recordingEnd,
        officers: j.officers, caseNumbers: j.caseNumbers, retentionBasis: j.retentionBasis,
        destroyed: b.destroyedIds.indexOf(r.id) >= 0, sparedCode,
      };
    }),
  };
}

/** The register as recorded at execution (`efr:registerRecord`), or null when none is. */
export function recordedRegister(n: PortNode): RegisterInput | null {
  const text = textProp(n, 'efr:registerRecord');
  if (text === null) return null;
  try {
    return JSON.parse(text) as RegisterInput;
  } catch (e) {
    // A record that does not parse is treated as absent: the register is built again.
    return null;
  }
}
