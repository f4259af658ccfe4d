/**
 * Disposition (销毁) after retention (R22.1, R22.2, R14.2, R26.1; issue 18).
 *
 * A recording is eligible when its retention has ended (`efr:retainUntil` passed, R22.1), no
 * legal hold keeps it (R14.2) and no open case, and no closed case still within its own
 * retention, keeps it (R22.2). Custodians propose a batch of eligible recordings; the office
 * director reviews it; a bureau leader approves it; then the batch executes: each recording is
 * checked once more, and only those still eligible lose their bytes. The node stays as a
 * tombstone (metadata, SHA-256, size, retention basis, batch, destroyed at/by).
 *
 * The regulation names no procedure for disposal: the review by the office director and the
 * approval by a leader, by three different people, follow the viewing procedure of R24.1 (a
 * record leaves the archive's reach only under the same two signatures that let it be seen).
 *
 * proposed → reviewed → approved → executed; `reject` at proposed (office director) or at
 * reviewed (leader), with a reason. A hold or a case link placed while the batch was pending
 * spares that recording at execution (it stays, named with the reason in the batch).
 */
import type { DispositionStatus } from './enums.js';
import { GROUP_EFR_CUSTODIANS, GROUP_EFR_LEADERS, GROUP_EFR_OFFICE_DIRECTORS, isMember }
  from './roles.js';
import type { Actor } from './roles.js';
import { addYearsUtc } from './retention.js';
import { allow, refuse } from './verdict.js';
import type { Refusal, Transition, Verdict } from './verdict.js';
import { isNonBlank, requireInstant } from './validation.js';

/** Most recordings in one batch (the register stays printable, one step stays short). */
export const MAX_BATCH_RECORDINGS = 500;
/** Minimum length of a proposal reason, an opinion or a rejection reason (trimmed). */
export const MIN_DISPOSITION_TEXT = 2;

/** A case a recording is linked to, as disposition sees it (R22.2). */
export interface DispositionCase {
  /** Case node id. */
  id: string;
  /** Case number (shown in the retention basis). */
  number: string;
  /** When the case was closed (ISO date-time); null while open. */
  closedAt: string | null;
  /** Years the case file is kept after closing; null when not set. */
  retentionYears: number | null;
  /** Whether the case file is kept permanently. */
  retentionPermanent: boolean;
}

/** A recording as disposition sees it (plain data; the host maps the node). */
export interface DispositionCandidate {
  /** Node id. */
  id: string;
  /** Whether the handover sealed it (R21.4): retention is fixed only from then on. */
  sealed: boolean;
  /** Whether its bytes were already destroyed (a tombstone). */
  destroyed: boolean;
  /** End of retention (ISO date-time), null when not fixed (open case) or permanent. */
  retainUntil: string | null;
  /** Whether kept permanently. */
  retentionPermanent: boolean;
  /** Whether a legal hold preserves it (R14.2). */
  legalHold: boolean;
  /** When the recording ended (ISO date-time), for the R22.1 basis. */
  recordingEnd: string | null;
  /** The cases it is linked to (R22.2). */
  cases: readonly DispositionCase[];
}

function notEligible(code: string, requirement: string, message: string, zh: string): Verdict {
  return refuse(409, 'efr.disposition.' + code, requirement, message, zh);
}

/** When a closed case's own retention ends; null while open, unset or permanent. */
function caseRetentionEnd(c: DispositionCase): string | null {
  if (c.retentionPermanent || c.closedAt === null || c.retentionYears === null) return null;
  return addYearsUtc(c.closedAt, c.retentionYears);
}

/**
 * Whether a recording may be destroyed now (R22.1, R22.2, R14.2, R26.1): allowed, or the
 * first reason that keeps it, as a 409 refusal with an `efr.disposition.*` code.
 */
export function checkEligible(c: DispositionCandidate, now: string): Verdict {
  const t = requireInstant(now, 'now');
  if (c.destroyed) {
    return notEligible('destroyed', 'R26.1', 'The recording was already destroyed.',
      '该录像已销毁。');
  }
  if (c.legalHold) {
    return notEligible('legalHold', 'R14.2',
      'A legal hold preserves the recording (complaint investigation).',
      '录像因投诉调查被保全，不得销毁。');
  }
  if (c.retentionPermanent) {
    return notEligible('permanent', 'R22.2', 'The recording is kept permanently.',
      '录像为永久保存，不得销毁。');
  }
  for (let i = 0; i < c.cases.length; i++) {
    const k = c.cases[i];
    if (k.retentionPermanent) {
      return notEligible('permanent', 'R22.2', 'Case ' + k.number + ' is kept permanently.',
        '案件 ' + k.number + ' 永久保存，其证据不得销毁。');
    }
    if (k.closedAt === null) {
      return notEligible('openCase', 'R22.2', 'Case ' + k.number + ' is still open.',
        '案件 ' + k.number + ' 尚未结案，其证据不得销毁。');
    }
    const end = caseRetentionEnd(k);
    if (end === null || t < requireInstant(end, 'caseRetention')) {
      return notEligible('caseRetained', 'R22.2',
        'Case ' + k.number + ' is kept' + (end === null ? '' : ' until ' + end) + '.',
        '案件 ' + k.number + ' 仍在保存期限内' + (end === null ? '' : '（至 ' + end + '）') +
        '，其证据不得销毁。');
    }
  }
  if (!c.sealed || c.retainUntil === null) {
    return notEligible('retentionOpen', 'R22.1',
      'The retention of this recording is not fixed (not sealed, or held by a case).',
      '录像的保存期限尚未确定（尚未封存或随案保存），不得销毁。');
  }
  if (t < requireInstant(c.retainUntil, 'retainUntil')) {
    return notEligible('retained', 'R22.1',
      'The recording is kept until ' + c.retainUntil + '.',
      '录像在保存期限内（至 ' + c.retainUntil + '），不得销毁。');
  }
  return allow();
}

/**
 * The retention basis a tombstone keeps (R22.1, R22.2): which rule set the end and the facts it
 * was computed from, in Chinese first then English, e.g.
 * `R22.1 录制结束后至少保存 1 年，保存至 2025-03-03 / kept at least 1 year after recording, until …`.
 */
export function retentionBasis(c: DispositionCandidate): string {
  // efr:retainUntil is a d:date: the day is the fact (2025-01-03), not a midnight instant.
  const until = c.retainUntil === null ? '—' : c.retainUntil.slice(0, 10);
  if (c.cases.length === 0) {
    return 'R22.1 录制结束后至少保存 1 年，保存至 ' + until +
      ' / kept at least 1 year after recording, until ' + until;
  }
  const parts: string[] = [];
  for (let i = 0; i < c.cases.length; i++) {
    const k = c.cases[i];
    parts.push(k.number + '（结案 ' + (k.closedAt === null ? '—' : k.closedAt.slice(0, 10)) + '，保存 ' +
      (k.retentionYears === null ? '—' : String(k.retentionYears)) + ' 年）');
  }
  return 'R22.2 随案卷保存：' + parts.join('；') + '，保存至 ' + until +
    ' / kept with the case file, until ' + until;
}

/** A recording spared at execution, and why. */
export interface SparedRecording {
  /** Recording node id. */
  id: string;
  /** The refusal code that spared it (`efr.disposition.*`). */
  code: string;
  /** The requirement behind it. */
  requirement: string;
}

/** A disposition batch (plain data). */
export interface DispositionBatch {
  /** Node id. */
  id: string;
  /** Status. */
  status: DispositionStatus;
  /** Custodian who proposed. */
  proposedBy: string;
  /** Proposal time (ISO date-time). */
  proposedAt: string;
  /** Why these recordings are proposed. */
  reason: string;
  /** Recordings proposed. */
  recordingIds: readonly string[];
  /** `recordingId caseId` of every case link at proposal: a link added later spares it. */
  caseLinks: readonly string[];
  /** Office director who reviewed. */
  reviewedBy: string | null;
  /** Review time. */
  reviewedAt: string | null;
  /** The office director's opinion (审核意见). */
  reviewOpinion: string | null;
  /** Leader who approved. */
  approvedBy: string | null;
  /** Approval time. */
  approvedAt: string | null;
  /** The leader's opinion (审批意见). */
  approvalOpinion: string | null;
  /** Who rejected. */
  rejectedBy: string | null;
  /** Rejection time. */
  rejectedAt: string | null;
  /** Why it was rejected. */
  rejectionReason: string | null;
  /** When the bytes were destroyed. */
  executedAt: string | null;
  /** Recordings destroyed at execution. */
  destroyedIds: readonly string[];
  /** Recordings spared at execution, with the reason. */
  spared: readonly SparedRecording[];
}

/** What a custodian proposes. */
export interface NewDispositionBatch {
  /** Recordings to destroy. */
  recordingIds: readonly string[];
  /** Why. */
  reason: string;
}

/** The steps after proposal. */
export type DispositionAction =
  | { type: 'review'; opinion: string }
  | { type: 'approve'; opinion: string }
  | { type: 'reject'; reason: string };

function batchRefusal(status: 403 | 409 | 422, code: string, message: string, zh: string):
  Verdict {
  return refuse(status, 'efr.disposition.' + code, 'R22.1', message, zh);
}

/**
 * Checks a proposal (R22.1, R22.2, R14.2): a custodian, one to {@link MAX_BATCH_RECORDINGS}
 * distinct recordings, each eligible now and in no other pending batch, and a reason.
 * `candidates` are the named recordings (a missing one is refused as unknown);
 * `pendingIds` the recordings of batches not yet executed or rejected.
 */
export function checkNewBatch(
  input: NewDispositionBatch,
  actor: Actor,
  candidates: readonly DispositionCandidate[],
  pendingIds: readonly string[],
  now: string,
): Verdict {
  if (!isMember(actor, GROUP_EFR_CUSTODIANS)) {
    return batchRefusal(403, 'notCustodian', 'Only a custodian proposes a disposition batch.',
      '仅保管人可以提出销毁批次。');
  }
  const ids = input.recordingIds;
  if (ids.length === 0 || ids.length > MAX_BATCH_RECORDINGS) {
    return batchRefusal(422, 'batchSize',
      'A batch names 1 to ' + MAX_BATCH_RECORDINGS + ' recordings.',
      '一个销毁批次须列明 1 至 ' + MAX_BATCH_RECORDINGS + ' 条录像。');
  }
  for (let i = 0; i < ids.length; i++) {
    if (ids.indexOf(ids[i]) !== i) {
      return batchRefusal(422, 'duplicate', 'A recording is named twice.', '录像重复列入。');
    }
  }
  if (!isNonBlank(input.reason) || input.reason.trim().length < MIN_DISPOSITION_TEXT) {
    return batchRefusal(422, 'reasonRequired', 'Give the reason for the disposition.',
      '请填写销毁事由。');
  }
  for (let i = 0; i < ids.length; i++) {
    let found: DispositionCandidate | null = null;
    for (let j = 0; j < candidates.length; j++) {
      if (candidates[j].id === ids[i]) found = candidates[j];
    }
    if (found === null) {
      return batchRefusal(422, 'notRecording', 'Not a recording: ' + ids[i] + '.',
        '不是录像：' + ids[i] + '。');
    }
    const v = checkEligible(found, now);
    if (!v.allowed) return v;
    if (pendingIds.indexOf(ids[i]) >= 0) {
      return batchRefusal(409, 'inOtherBatch',
        'Recording ' + ids[i] + ' is already in a pending batch.',
        '录像 ' + ids[i] + ' 已列入另一个待办的销毁批次。');
    }
  }
  return allow();
}

/** The case links of the candidates, as a batch keeps them (`recordingId caseId`). */
export function caseLinksOf(candidates: readonly DispositionCandidate[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < candidates.length; i++) {
    for (let j = 0; j < candidates[i].cases.length; j++) {
      out.push(candidates[i].id + ' ' + candidates[i].cases[j].id);
    }
  }
  return out;
}

function involved(b: DispositionBatch): string[] {
  const out: string[] = [];
  const people = [b.proposedBy, b.reviewedBy, b.approvedBy];
  for (let i = 0; i < people.length; i++) {
    const p = people[i];
    if (p !== null) out.push(p);
  }
  return out;
}

function dutyRefused(): Verdict {
  return batchRefusal(403, 'separationOfDuties',
    'Proposer, reviewer and approver must be three different people.',
    '提出人、审核人和批准人须为不同人员。');
}

function stepRefused(action: string, status: DispositionStatus): Verdict {
  return batchRefusal(409, 'badState', 'Cannot ' + action + ' a batch that is ' + status + '.',
    '销毁批次当前状态（' + status + '）不允许此操作。');
}

function deciderVerdict(b: DispositionBatch, actor: Actor): Verdict {
  if (b.status === 'proposed' && !isMember(actor, GROUP_EFR_OFFICE_DIRECTORS)) {
    return batchRefusal(403, 'notOfficeDirector',
      'Only the office director reviews a disposition batch.', '仅办公室主任可以审核销毁批次。');
  }
  if (b.status === 'reviewed' && !isMember(actor, GROUP_EFR_LEADERS)) {
    return batchRefusal(403, 'notLeader', 'Only a bureau leader approves a disposition batch.',
      '仅局分管领导可以批准销毁批次。');
  }
  if (involved(b).indexOf(actor.userName) >= 0) return dutyRefused();
  return allow();
}

function copyBatch(b: DispositionBatch): DispositionBatch {
  const out = Object.assign({}, b) as DispositionBatch;
  out.recordingIds = b.recordingIds.slice();
  out.caseLinks = b.caseLinks.slice();
  out.destroyedIds = b.destroyedIds.slice();
  out.spared = b.spared.slice();
  return out;
}

/**
 * Moves a batch one step: review (office director, at proposed), approve (leader, at
 * reviewed), reject (the one whose turn it is). Opinions and reasons are mandatory. Returns
 * the verdict and, when allowed, the next batch (a copy).
 */
export function dispositionTransition(
  batch: DispositionBatch,
  action: DispositionAction,
  actor: Actor,
  now: string,
): Transition<DispositionBatch> {
  requireInstant(now, 'now');
  const expected = action.type === 'review' ? 'proposed'
    : action.type === 'approve' ? 'reviewed' : null;
  if (expected !== null && batch.status !== expected) {
    return { verdict: stepRefused(action.type, batch.status) };
  }
  if (action.type === 'reject' && batch.status !== 'proposed' && batch.status !== 'reviewed') {
    return { verdict: stepRefused('reject', batch.status) };
  }
  const who = deciderVerdict(batch, actor);
  if (!who.allowed) return { verdict: who };
  const text = action.type === 'reject' ? action.reason : action.opinion;
  if (!isNonBlank(text) || text.trim().length < MIN_DISPOSITION_TEXT) {
    return { verdict: action.type === 'reject'
      ? batchRefusal(422, 'rejectionReason', 'A rejection needs a reason.', '驳回须说明理由。')
      : batchRefusal(422, 'opinionRequired', 'Write your opinion.', '请填写意见。') };
  }
  const next = copyBatch(batch);
  if (action.type === 'review') {
    next.status = 'reviewed';
    next.reviewedBy = actor.userName;
    next.reviewedAt = now;
    next.reviewOpinion = text.trim();
  } else if (action.type === 'approve') {
    next.status = 'approved';
    next.approvedBy = actor.userName;
    next.approvedAt = now;
    next.approvalOpinion = text.trim();
  } else {
    next.status = 'rejected';
    next.rejectedBy = actor.userName;
    next.rejectedAt = now;
    next.rejectionReason = text.trim();
  }
  return { verdict: allow(), next };
}

/** What an execution does: the recordings to destroy and those spared, with the reason. */
export interface ExecutionPlan {
  /** Recordings whose bytes go now. */
  destroy: string[];
  /** Recordings kept, each with the refusal that keeps it. */
  spared: SparedRecording[];
}

/**
 * Plans the execution of an approved batch (R14.2, R22.2): each recording is checked again
 * now; a hold placed, a case linked (even a closed one) or anything else that ends its
 * eligibility since the proposal spares it. A recording no longer found is spared too.
 */
export function planExecution(
  batch: DispositionBatch,
  candidates: readonly DispositionCandidate[],
  now: string,
): ExecutionPlan {
  const plan: ExecutionPlan = { destroy: [], spared: [] };
  for (let i = 0; i < batch.recordingIds.length; i++) {
    const id = batch.recordingIds[i];
    let c: DispositionCandidate | null = null;
    for (let j = 0; j < candidates.length; j++) if (candidates[j].id === id) c = candidates[j];
    if (c === null) {
      plan.spared.push({ id: id, code: 'efr.disposition.notRecording', requirement: 'R26.1' });
      continue;
    }
    let newLink = false;
    for (let j = 0; j < c.cases.length; j++) {
      if (batch.caseLinks.indexOf(id + ' ' + c.cases[j].id) < 0) newLink = true;
    }
    if (newLink) {
      plan.spared.push({ id: id, code: 'efr.disposition.newCaseLink', requirement: 'R22.2' });
      continue;
    }
    const v: Verdict = checkEligible(c, now);
    if (!v.allowed) {
      const r = v as Refusal;
      plan.spared.push({ id: id, code: r.code, requirement: r.requirement });
      continue;
    }
    plan.destroy.push(id);
  }
  return plan;
}

/**
 * Executes an approved batch with its plan: the batch becomes `executed`, keeping what was
 * destroyed and what was spared. Only an approved batch executes (409 otherwise).
 */
export function executeBatch(
  batch: DispositionBatch,
  plan: ExecutionPlan,
  now: string,
): Transition<DispositionBatch> {
  requireInstant(now, 'now');
  if (batch.status !== 'approved') return { verdict: stepRefused('execute', batch.status) };
  const next = copyBatch(batch);
  next.status = 'executed';
  next.executedAt = now;
  next.destroyedIds = plan.destroy.slice();
  next.spared = plan.spared.slice();
  return { verdict: allow(), next };
}

/** Whether a batch still waits for a decision or its execution (its recordings are taken). */
export function isPendingBatch(status: DispositionStatus): boolean {
  return status === 'proposed' || status === 'reviewed' || status === 'approved';
}

/**
 * A tombstone refuses every read of its content (R26.1): the bytes were destroyed under a
 * disposition batch; 410 Gone with the batch named.
 */
export function checkDestroyedContentRead(batchId: string | null): Verdict {
  const batch = batchId === null ? '—' : batchId;
  return refuse(410, 'efr.disposition.contentDestroyed', 'R22.1',
    'The recording\'s content was destroyed by disposition batch ' + batch +
    '; only its record remains.',
    '该录像的内容已依销毁批次 ' + batch + ' 销毁，仅保留其记录。');
}

/** The tombstone's properties (efr:destroyed): set only by the execution of a batch. */
export const TOMBSTONE_PROPERTIES: readonly string[] = [
  'efr:destroyedAt', 'efr:destroyedBy', 'efr:destroyedBatch', 'efr:retentionBasis',
];

/** The batch a tombstone names (efr:destroyedBatch), as the destruction rule reads it. */
export interface DestroyingBatch {
  /** Node id. */
  id: string;
  /** Its status as stored now. */
  status: string;
  /** The recordings its execution destroys (efr:destroyedIds). */
  destroyedIds: readonly string[];
}

/**
 * A change that would take a recording's bytes away or make, or change, its tombstone: what
 * each host sees at the point where it writes (server/'s rule hooks and port adapter, the
 * module's recording behaviour).
 */
export interface DisposalChange {
  /** The recording's node id. */
  recordingId: string;
  /** Whether the change removes the content (the bytes' reference, a rendition or a version). */
  removesContent: boolean;
  /** Property names (`prefix:local`) the change sets or clears. */
  changed: readonly string[];
  /** Aspects the change adds (`prefix:local`). */
  addedAspects: readonly string[];
  /** Whether the recording already was a tombstone (efr:destroyed) before the change. */
  wasTombstone: boolean;
  /** Whether the change runs inside an EFR workflow step (a web script's marked transaction). */
  inStep: boolean;
  /** The batch efr:destroyedBatch names after the change, as stored now; null when none. */
  batch: DestroyingBatch | null;
}

function stepsOnly(): Verdict {
  return refuse(403, 'efr.disposition.stepsOnly', 'R26.1',
    'A recording is destroyed only by an approved disposition batch; its tombstone never changes.',
    '录像只能经批准的销毁批次销毁，销毁记录不得修改。');
}

/**
 * The one path by which a recording loses its bytes or becomes a tombstone (issue 18; R26.1,
 * R22.1), the same in both hosts: inside an EFR workflow step, for a recording that the batch
 * its tombstone names has executed and lists among `destroyedIds` (the execution writes the
 * batch first, then its tombstones). Nobody else, the repository itself and administrators
 * included, removes a recording's content, marks it destroyed or rewrites its tombstone: a
 * step-only flag would be a bypass anybody who can write the node could set, the executed batch
 * is a workflow record only the disposition steps write (core's record guard).
 */
export function checkDisposal(c: DisposalChange): Verdict {
  let tombstoneTouched = c.addedAspects.indexOf('efr:destroyed') >= 0;
  for (let i = 0; i < c.changed.length; i++) {
    if (TOMBSTONE_PROPERTIES.indexOf(c.changed[i]) >= 0) tombstoneTouched = true;
  }
  if (!c.removesContent && !tombstoneTouched) return allow();
  // What a tombstone says is written once, by the execution that made it.
  if (c.wasTombstone && tombstoneTouched) return stepsOnly();
  if (!c.inStep || c.batch === null || c.batch.status !== 'executed' ||
    c.batch.destroyedIds.indexOf(c.recordingId) < 0) {
    return stepsOnly();
  }
  return allow();
}
