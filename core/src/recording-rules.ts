/**
 * What may happen to a recording (R26.1, R22.1, R22.2, R14.2).
 *
 * Before sealing (the two-custodian receipt of its handover, R21.4) a recording is still being
 * described: custodians and the officers on it may edit anything. From sealing on, the original
 * is fixed for good (R26.1): content, fixity (hash, size) and capture facts never change; only
 * what the archive adds around it may grow: case links, evidence marks, a higher secrecy level,
 * a longer retention, a legal hold.
 */
import { isConfidential, secrecyRank } from './enums.js';
import type { ActivityType, SecrecyLevel, Source } from './enums.js';
import { isRetentionShortened } from './retention.js';
import {
  GROUP_EFR_CUSTODIANS, GROUP_EFR_LEADERS, GROUP_EFR_LEGAL, GROUP_EFR_SUPERVISORS,
  isMember, isMemberOfAny,
} from './roles.js';
import type { Actor } from './roles.js';
import { allow, refuse } from './verdict.js';
import type { Verdict } from './verdict.js';
import { parseInstant, requireInstant } from './validation.js';

/** A recording as the rules see it (plain data; the caller maps model properties to it). */
export interface RecordingState {
  /** Node id. */
  id: string;
  /** Whether its handover was received by two custodians (R21.4): fixed from then on. */
  sealed: boolean;
  /** SHA-256 of the content computed by the repository at ingest (lower-case hex). */
  sha256: string | null;
  /** Content size in bytes at ingest. */
  sizeBytes: number | null;
  /** Device that recorded it. */
  deviceId: string | null;
  /** The two officers on the act (R15.2). */
  officers: readonly string[];
  /** The officer who held the device. */
  recorder: string | null;
  /** Field activity recorded (R10.1). */
  activityType: ActivityType | null;
  /** Where it was recorded. */
  location: string | null;
  /** Recording start (ISO date-time). */
  startedAt: string | null;
  /** Recording end (ISO date-time). */
  endedAt: string | null;
  /** Recording source (R7.1). */
  source: Source | null;
  /** Whether the party was told with the standard phrase (R16.1). */
  partyNotified: boolean | null;
  /** Handover that brought it into the archive. */
  handoverId: string | null;
  /** End of retention (ISO date-time) or null: not fixed yet / permanent (R22). */
  retainUntil: string | null;
  /** Whether kept permanently (R22.2). */
  retentionPermanent: boolean;
  /** Whether preserved for a complaint investigation (R14.2). */
  legalHold: boolean;
  /** Whether used as evidence in a case (R22.2, R23.1). */
  evidence: boolean;
  /** Ids of the cases it is linked to. */
  caseIds: readonly string[];
  /** Secrecy level (R27.1). */
  secrecyLevel: SecrecyLevel;
}

/** Proposed property changes: plain names of {@link RecordingState} (or others) to new values. */
export type RecordingChanges = Readonly<Record<string, unknown>>;

/** Who asks and when. */
export interface RecordingContext {
  /** The person acting. */
  actor: Actor;
  /** Current time (ISO date-time). */
  now: string;
  /**
   * Whether the repository itself makes the change (sealing at handover receipt, retention
   * recomputed when a case closes): the rules on content still apply, the role checks do not.
   */
  system?: boolean;
}

/**
 * Names that never change once sealed (R26.1): content, fixity and capture facts, plus the seal
 * and the handover link themselves. Names of the content itself (`content`, `contentUrl`,
 * `mimeType`, `name` of the original file) are included so that any mapping of them is caught.
 */
export const SEALED_PROTECTED_FIELDS: readonly string[] = [
  'sealed', 'sha256', 'sizeBytes', 'deviceId', 'officers', 'recorder', 'activityType',
  'location', 'startedAt', 'endedAt', 'source', 'partyNotified', 'handoverId', 'content',
  'contentUrl', 'mimeType', 'encoding', 'originalName', 'durationSeconds', 'id',
  // Capture facts of the media and of its place in a session (R17.1 continuity evidence).
  'notificationPhrase', 'width', 'height', 'codec', 'sessionId', 'segmentIndex',
];

/**
 * The last fixity audit check (issue 18, efr:fixityAudited): written only by the repository
 * when the worker reports a check, so nobody can mark a corrupted file as checked.
 */
export const FIXITY_AUDIT_FIELDS: readonly string[] = [
  'fixityCheckedAt', 'fixityResult', 'fixityActual', 'fixityViolation', 'fixityRoundId',
];

/** Groups that may annotate a sealed recording (link cases, mark evidence, raise secrecy…). */
export const SEALED_EDITOR_GROUPS: readonly string[] = [
  GROUP_EFR_CUSTODIANS, GROUP_EFR_LEGAL, GROUP_EFR_LEADERS, GROUP_EFR_SUPERVISORS,
];

/** Groups that may lift a legal hold (R14.2): the supervisors who investigate, and legal. */
export const LEGAL_HOLD_RELEASE_GROUPS: readonly string[] = [
  GROUP_EFR_SUPERVISORS, GROUP_EFR_LEGAL,
];

function sealedChanged(field: string): Verdict {
  return refuse(
    409, 'efr.recording.sealedContent', 'R26.1',
    'The recording is sealed: "' + field + '" of the original can never change.',
    '录像已封存，原始记录的“' + field + '”不得修改。',
  );
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  return a === b;
}

function has(changes: RecordingChanges, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(changes, key);
}

function mayEditUnsealed(before: RecordingState, ctx: RecordingContext): boolean {
  return ctx.system === true || isMember(ctx.actor, GROUP_EFR_CUSTODIANS) ||
    before.officers.indexOf(ctx.actor.userName) >= 0 || before.recorder === ctx.actor.userName;
}

/**
 * Checks a property update of a recording (R26.1, R22.1, R22.2, R14.2, R27.1).
 * Changes that repeat the current value are ignored, so a form that sends everything back is
 * not refused for fields it did not touch.
 */
export function checkRecordingUpdate(
  before: RecordingState,
  changes: RecordingChanges,
  ctx: RecordingContext,
): Verdict {
  const current = before as unknown as Record<string, unknown>;
  const keys = Object.keys(changes).filter((k) => !sameValue(current[k], changes[k]));
  if (keys.length === 0) return allow();
  for (const key of keys) {
    if (FIXITY_AUDIT_FIELDS.indexOf(key) >= 0 && ctx.system !== true) {
      return refuse(403, 'efr.fixity.repositoryOnly', 'R26.1',
        'Fixity audit results are written only by the repository.',
        '完整性核查结果只能由系统写入。');
    }
  }
  if (!before.sealed) {
    if (!mayEditUnsealed(before, ctx)) {
      return refuse(403, 'efr.recording.notEditor', 'R26.1',
        'Only custodians and the officers of this recording may edit it before sealing.',
        '封存前仅保管人和本录像的执法人员可以编辑。');
    }
    if (has(changes, 'sealed') && changes.sealed === true && ctx.system !== true) {
      return refuse(403, 'efr.recording.sealBySystem', 'R21.4',
        'A recording is sealed only by the two-custodian handover receipt.',
        '录像只能在两名保管人共同接收移交后封存。');
    }
    // A hold and a retention protect the record whether or not it is sealed yet.
    const holdVerdict = checkHoldRelease(before, changes, keys, ctx);
    if (!holdVerdict.allowed) return holdVerdict;
    return checkRetentionChange(before, changes);
  }
  for (const key of keys) {
    if (SEALED_PROTECTED_FIELDS.indexOf(key) >= 0) return sealedChanged(key);
  }
  if (ctx.system !== true && !isMemberOfAny(ctx.actor, SEALED_EDITOR_GROUPS)) {
    return refuse(403, 'efr.recording.notArchivist', 'R26.1',
      'Only custodians, legal staff, leaders and supervisors may annotate a sealed recording.',
      '仅保管人、法制人员、领导和监督人员可以补充已封存录像的信息。');
  }
  return checkSealedAnnotations(before, changes, keys, ctx);
}

function checkSealedAnnotations(
  before: RecordingState,
  changes: RecordingChanges,
  keys: readonly string[],
  ctx: RecordingContext,
): Verdict {
  if (keys.indexOf('secrecyLevel') >= 0) {
    const next = changes.secrecyLevel as SecrecyLevel;
    if (secrecyRank(next) < 0) {
      return refuse(422, 'efr.recording.badSecrecy', 'R27.1',
        'Unknown secrecy level.', '未知的密级。');
    }
    if (secrecyRank(next) < secrecyRank(before.secrecyLevel)) {
      return refuse(409, 'efr.recording.secrecyLowered', 'R27.1',
        'The secrecy level of a sealed recording can only be raised.',
        '已封存录像的密级只能提高，不能降低。');
    }
  }
  const holdVerdict = checkHoldRelease(before, changes, keys, ctx);
  if (!holdVerdict.allowed) return holdVerdict;
  const retentionVerdict = checkRetentionChange(before, changes);
  if (!retentionVerdict.allowed) return retentionVerdict;
  if (keys.indexOf('evidence') >= 0 && changes.evidence !== true && before.evidence) {
    // Removing an evidence mark could free a record a case still relies on (R22.2).
    if (ctx.system !== true && !isMember(ctx.actor, GROUP_EFR_LEGAL)) {
      return refuse(403, 'efr.recording.evidenceUnmark', 'R22.2',
        'Only legal staff may remove an evidence mark.', '仅法制人员可以取消证据标记。');
    }
  }
  if (keys.indexOf('caseIds') >= 0) {
    const next = (changes.caseIds as readonly string[] | null) || [];
    const removed = before.caseIds.filter((id) => next.indexOf(id) < 0);
    if (removed.length > 0 && ctx.system !== true && !isMember(ctx.actor, GROUP_EFR_LEGAL)) {
      return refuse(403, 'efr.recording.caseUnlink', 'R22.2',
        'Only legal staff may unlink a sealed recording from a case.',
        '仅法制人员可以解除已封存录像与案件的关联。');
    }
  }
  return allow();
}

/** What an aspect of a recording stands for when someone removes it. */
export type RecordingAspectKind =
  /** efr:legalHold: a preservation hold (R14.2). */
  | 'legalHold'
  /** efr:evidence: the mark of evidence in a case (R22.2). */
  | 'evidence'
  /** Any other aspect of EFR's model: a part of the record (seal, capture facts, retention…). */
  | 'recordFact'
  /** An aspect of another model (locks, versions, titles): not EFR's record. */
  | 'other';

/**
 * Checks the removal of an aspect of a recording (R14.2, R22.2, R26.1). ACS fires no property
 * update for it on every version (23.1 removes the aspect's properties silently), so the rule
 * stands on its own: a hold and an evidence mark are lifted only by those who may lift them,
 * and every other aspect of EFR's model on a sealed recording is part of the sealed record and
 * never goes. Aspects of other models are not this rule's to judge.
 */
export function checkRecordingAspectRemoval(
  before: RecordingState,
  kind: RecordingAspectKind,
  ctx: RecordingContext,
  /** The aspect's name for the message, e.g. `efr:sealed`. */
  name = 'aspect',
): Verdict {
  if (kind === 'legalHold') {
    return before.legalHold ? checkRecordingUpdate(before, { legalHold: false }, ctx) : allow();
  }
  if (kind === 'evidence') {
    return before.evidence ? checkRecordingUpdate(before, { evidence: false }, ctx) : allow();
  }
  if (kind === 'other' || !before.sealed || ctx.system === true) return allow();
  return sealedChanged(name);
}

function checkHoldRelease(
  before: RecordingState,
  changes: RecordingChanges,
  keys: readonly string[],
  ctx: RecordingContext,
): Verdict {
  if (keys.indexOf('legalHold') >= 0 && changes.legalHold !== true && before.legalHold) {
    if (ctx.system !== true && !isMemberOfAny(ctx.actor, LEGAL_HOLD_RELEASE_GROUPS)) {
      return refuse(403, 'efr.recording.holdRelease', 'R14.2',
        'Only supervisors or legal staff may lift a legal hold.',
        '仅监督或法制人员可以解除保全。');
    }
  }
  return allow();
}

function checkRetentionChange(before: RecordingState, changes: RecordingChanges): Verdict {
  if (!has(changes, 'retainUntil') && !has(changes, 'retentionPermanent')) return allow();
  const next = {
    retainUntil: has(changes, 'retainUntil')
      ? (changes.retainUntil as string | null) : before.retainUntil,
    permanent: has(changes, 'retentionPermanent')
      ? changes.retentionPermanent === true : before.retentionPermanent,
  };
  if (next.retainUntil !== null && parseInstant(next.retainUntil) === null) {
    return refuse(422, 'efr.recording.badRetainUntil', 'R22.1',
      'The retention end is not an ISO date-time.', '保存期限不是有效的日期时间。');
  }
  const old = { retainUntil: before.retainUntil, permanent: before.retentionPermanent };
  if (isRetentionShortened(old, next)) {
    return refuse(409, 'efr.recording.retentionShortened', 'R22.2',
      'Retention can be extended but never shortened.', '保存期限只能延长，不能缩短。');
  }
  // Before sealing the end may change in the same update: the new one counts.
  const endedAt = parseInstant(has(changes, 'endedAt') ? changes.endedAt : before.endedAt);
  if (next.retainUntil !== null && !next.permanent && endedAt !== null) {
    // At least one year after the recording ends (R22.1), whatever was stored before.
    const end = new Date(endedAt);
    const min = Date.UTC(end.getUTCFullYear() + 1, end.getUTCMonth(), end.getUTCDate(),
      end.getUTCHours(), end.getUTCMinutes(), end.getUTCSeconds(), end.getUTCMilliseconds());
    if (requireInstant(next.retainUntil, 'retainUntil') < min) {
      return refuse(422, 'efr.recording.retentionTooShort', 'R22.1',
        'Recordings are kept at least one year after they end.', '录像至少保存一年。');
    }
  }
  return allow();
}

/**
 * Lifting a preservation hold through EFR's release step (R14.2): by supervisors or legal staff
 * only (the rule {@link checkRecordingUpdate} applies to any removal of efr:legalHold), with the
 * reason written down. A recording that is not held has nothing to lift: allowed (the step
 * reports it).
 */
export function checkLegalHoldRelease(state: RecordingState, reason: string,
  ctx: RecordingContext): Verdict {
  if (!state.legalHold) return allow();
  const byRole = checkRecordingUpdate(state, { legalHold: false }, ctx);
  if (!byRole.allowed) return byRole;
  if (reason.trim().length < 4) {
    return refuse(422, 'efr.hold.releaseReason', 'R14.2',
      'State why the preservation hold is lifted.', '请说明解除保全的理由。');
  }
  return allow();
}

/** Checks a content (binary) update (R26.1): never once sealed. */
export function checkContentUpdate(state: RecordingState): Verdict {
  if (state.sealed) {
    return refuse(409, 'efr.recording.sealedContent', 'R26.1',
      'The recording is sealed: its content can never be replaced or edited.',
      '录像已封存，原始内容不得替换或剪辑。');
  }
  return allow();
}

/** An approved disposal (destruction) decision that names the recordings it covers. */
export interface DisposalApproval {
  /** Disposal decision id. */
  id: string;
  /** Only `approved` permits deletion. */
  status: 'proposed' | 'approved' | 'rejected' | 'done';
  /** Recordings the decision covers. */
  recordingIds: readonly string[];
  /** Who approved it. */
  approvedBy: string | null;
}

/** Context of a delete. */
export interface RecordingDeleteContext {
  /** Current time (ISO date-time). */
  now: string;
  /** The disposal decision the delete is executed under, if any. */
  disposal?: DisposalApproval | null;
}

/**
 * Checks a delete (R22.1, R22.2, R26.1, R14.2). A recording goes only through the disposal
 * procedure, after its retention ended, never when permanent or under legal hold. A recording
 * whose retention is not fixed yet (null, not permanent) is held: it cannot be deleted either,
 * which also protects unsealed uploads (deleting valid evidence is violation R29.1 (1)).
 */
export function checkRecordingDelete(state: RecordingState, ctx: RecordingDeleteContext): Verdict {
  if (state.legalHold) {
    return refuse(409, 'efr.recording.legalHold', 'R14.2',
      'The recording is preserved for a complaint investigation.', '录像因投诉调查被保全，不得删除。');
  }
  if (state.retentionPermanent) {
    return refuse(409, 'efr.recording.permanent', 'R22.2',
      'The recording is kept permanently.', '录像为永久保存，不得删除。');
  }
  if (state.retainUntil === null) {
    return refuse(409, 'efr.recording.retentionOpen', 'R22.2',
      'The retention of this recording is not fixed yet (open case or not archived).',
      '录像的保存期限尚未确定（案件未结或尚未归档），不得删除。');
  }
  if (requireInstant(ctx.now, 'now') < requireInstant(state.retainUntil, 'retainUntil')) {
    return refuse(409, 'efr.recording.retained', 'R22.1',
      'The recording is within its retention period until ' + state.retainUntil + '.',
      '录像在保存期限内（至 ' + state.retainUntil + '），不得删除。');
  }
  const d = ctx.disposal;
  if (!d || d.status !== 'approved' || d.recordingIds.indexOf(state.id) < 0) {
    return refuse(403, 'efr.recording.disposalRequired', 'R26.1',
      'A recording is deleted only under an approved disposal decision that names it.',
      '录像只能依据已批准且列明该录像的销毁决定删除。');
  }
  return allow();
}

/** Where a recording is, or would go. */
export interface RecordingLocation {
  /** Folder node id. */
  id: string;
  /** Whether the folder is inside the EFR archive. */
  inArchive: boolean;
}

/** Checks a move (R26.1, R13.2): a sealed recording never leaves the archive. */
export function checkRecordingMove(
  state: RecordingState,
  from: RecordingLocation,
  to: RecordingLocation,
): Verdict {
  if (state.sealed && from.id !== to.id && !to.inArchive) {
    return refuse(409, 'efr.recording.leavesArchive', 'R26.1',
      'A sealed recording cannot be moved out of the archive.', '已封存录像不得移出档案库。');
  }
  return allow();
}

/**
 * Checks a copy of a recording inside the repository (R26.1, R26.2, R23.1): always refused. A
 * copy would be a second "original" outside its handover, seal and viewing approvals; a copy
 * for evidence leaves the archive only as an evidence disc with its written description.
 */
export function checkRecordingCopy(): Verdict {
  // 403, not 409: the Content App retries a copy refused with 409 under a new name, again and
  // again (issue 16; alfresco-content-app node-actions.service.ts, copyContentAction).
  return refuse(403, 'efr.recording.noCopy', 'R23.1',
    'A recording is an original record and is not copied in the repository: a copy for ' +
    'evidence is made as an evidence disc with its written description.',
    '录像为原始记录，不得在系统内复制；作为证据的复制件应刻录光盘并附文字说明。');
}

/** Whether the recording falls under the confidentiality rules (R27.1). */
export function isConfidentialRecording(state: RecordingState): boolean {
  return isConfidential(state.secrecyLevel);
}
