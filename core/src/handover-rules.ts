/**
 * Handing recordings over to the office (R21.1, R21.2, R21.4, R15.1, R15.2, R16.1).
 *
 * Deadline: the end of the day of the field work, in the bureau's zone (R21.1); for continuous
 * work, work away from base or in remote areas, 24 hours after returning to the unit (R21.2).
 * Receipt: two distinct custodians each confirm the file hashes (R21.4); the second seals.
 */
import { ACTIVITY_TYPES, isOneOf } from './enums.js';
import type { ActivityType, HandoverStatus } from './enums.js';
import { checkPreUse, DEFAULT_PRE_USE_LIMITS } from './pre-use-check.js';
import type { PreUseCheck, PreUseLimits } from './pre-use-check.js';
import { allow, fieldError, refuse } from './verdict.js';
import type { FieldError, Verdict } from './verdict.js';
import {
  DAY_MS, formatInstant, isNonBlank, isSha256HexAnyCase, parseInstant, requireInstant,
} from './validation.js';
import { instantOfLocal, localDateOf } from './zone.js';
import type { Zone } from './zone.js';

export { ASIA_SHANGHAI, fixedOffsetZone } from './zone.js';
export type { Zone } from './zone.js';

/** The standard notice to the party (R16.1), verbatim. */
export const STANDARD_NOTICE_PHRASE =
  '为保护您的合法权益，监督我们的执法行为，本次执法全程录音录像。';

/** Input of {@link handoverDeadline}. */
export interface DeadlineInput {
  /** When the day's field work ended (ISO date-time). */
  fieldWorkEnd: string;
  /** When the officer returned to the unit (ISO date-time); required for away work. */
  returnedAt: string | null;
  /** Whether the work was continuous, away from base or in a remote area (R21.2). */
  awayWork: boolean;
  /** The bureau's zone. */
  zone: Zone;
}

/**
 * The handover deadline as an ISO UTC instant (inclusive: handing over at that instant is on
 * time). Same-day work: 23:59:59.999 local on the day the field work ended (R21.1). Away work:
 * 24 h after return (R21.2), but never earlier than the same-day deadline, so the away rule
 * only ever gives more time. Throws RangeError when away work has no return time: validate
 * with {@link checkHandoverOpen} first.
 */
export function handoverDeadline(input: DeadlineInput): string {
  const end = requireInstant(input.fieldWorkEnd, 'fieldWorkEnd');
  const endOfDay = instantOfLocal(localDateOf(end, input.zone), 23, 59, 59, 999, input.zone);
  if (!input.awayWork) return formatInstant(endOfDay);
  if (input.returnedAt === null) {
    throw new RangeError('away work needs returnedAt to compute the deadline (R21.2)');
  }
  const afterReturn = requireInstant(input.returnedAt, 'returnedAt') + DAY_MS;
  return formatInstant(afterReturn > endOfDay ? afterReturn : endOfDay);
}

/** Whether a handover sealed at `sealedAt` missed `deadline` (R21.1, R21.2). */
export function isLate(deadline: string, sealedAt: string): boolean {
  return requireInstant(sealedAt, 'sealedAt') > requireInstant(deadline, 'deadline');
}

/** One file of a handover with the hash the repository computed at ingest. */
export interface HandoverFile {
  /** Recording node id. */
  recordingId: string;
  /** Original file name. */
  name: string;
  /** Server-side SHA-256 (lower-case hex). */
  sha256: string;
}

/** A handover as the receipt rule sees it. */
export interface HandoverState {
  /** Node id. */
  id: string;
  /** Status (R21.4). */
  status: HandoverStatus;
  /** Officer handing over. */
  officer: string;
  /** Co-officer of the act (R15.2). */
  coOfficer: string;
  /** Custodians who confirmed so far, in order. */
  receivedBy: readonly string[];
  /** The files handed over. */
  files: readonly HandoverFile[];
}

/** One custodian's confirmation. */
export interface ReceiptInput {
  /** User name of the custodian confirming. */
  custodian: string;
  /** Whether that user is in GROUP_EFR_CUSTODIANS (the caller resolved it). */
  isCustodian: boolean;
  /** The hashes the custodian computed on the exported files (any hex case). */
  verifiedHashes: readonly string[];
}

/** Result of {@link checkReceipt}. */
export interface ReceiptResult {
  /** Whether the confirmation is accepted. */
  verdict: Verdict;
  /** Status after it: `pending` after the first custodian, `sealed` after the second. */
  next?: HandoverStatus;
  /** Custodians who confirmed, including this one. */
  receivedBy?: string[];
  /** When it was accepted (`now`); the seal time when `next` is `sealed`. */
  at?: string;
}

/** Checks one custodian's receipt of a handover (R21.4). */
export function checkReceipt(
  handover: HandoverState,
  input: ReceiptInput,
  now: string,
): ReceiptResult {
  requireInstant(now, 'now');
  if (!input.isCustodian) {
    return { verdict: refuse(403, 'efr.handover.notCustodian', 'R21.4',
      'Only custodians receive handovers.', '仅保管人可以接收移交。') };
  }
  if (input.custodian === handover.officer || input.custodian === handover.coOfficer) {
    return { verdict: refuse(403, 'efr.handover.ownHandover', 'R21.4',
      'Officers of the act cannot receive their own handover.', '执法人员不得接收本人的移交。') };
  }
  if (handover.status === 'sealed') {
    return { verdict: refuse(409, 'efr.handover.sealed', 'R21.4',
      'The handover is already sealed.', '该移交已封存。') };
  }
  if (handover.receivedBy.indexOf(input.custodian) >= 0) {
    return { verdict: refuse(409, 'efr.handover.sameCustodian', 'R21.4',
      'A second, different custodian must confirm: export is never done by one person alone.',
      '须由另一名保管人共同确认，不得一人单独导出。') };
  }
  if (handover.files.length === 0) {
    return { verdict: refuse(422, 'efr.handover.noFiles', 'R21.4',
      'The handover has no files.', '该移交没有文件。') };
  }
  const hashVerdict = checkHashes(handover.files, input.verifiedHashes);
  if (!hashVerdict.allowed) return { verdict: hashVerdict };
  const receivedBy = handover.receivedBy.slice();
  receivedBy.push(input.custodian);
  return {
    verdict: allow(),
    next: receivedBy.length >= 2 ? 'sealed' : 'pending',
    receivedBy,
    at: now,
  };
}

function checkHashes(files: readonly HandoverFile[], verified: readonly string[]): Verdict {
  const mismatch = refuse(422, 'efr.handover.hashMismatch', 'R21.4',
    'The confirmed hashes do not match the files received by the repository.',
    '确认的哈希值与仓库收到的文件不一致。');
  const seen: Record<string, boolean> = {};
  for (const h of verified) {
    if (!isSha256HexAnyCase(h)) return mismatch;
    seen[h.toLowerCase()] = false;
  }
  const expected: Record<string, boolean> = {};
  for (const f of files) expected[f.sha256.toLowerCase()] = true;
  const verifiedKeys = Object.keys(seen);
  const expectedKeys = Object.keys(expected);
  if (verifiedKeys.length !== expectedKeys.length) return mismatch;
  for (const k of verifiedKeys) {
    if (expected[k] !== true) return mismatch;
  }
  return allow();
}

/** One field session declared with a handover (R10.1, R16.1, R17.1). */
export interface SessionInput {
  /** Field activity (R10.1). */
  activityType: ActivityType | string;
  /** Where. */
  place: string;
  /** Start (ISO date-time). */
  startedAt: string;
  /** End (ISO date-time). */
  endedAt: string;
  /** Whether the party was told the act is recorded (R16.1). */
  partyNotified: boolean;
  /** The words used; must contain the standard phrase (R16.1). */
  noticeText: string;
}

/** A new handover as submitted by an officer. */
export interface HandoverOpenInput {
  /** Officer handing over. */
  officer: string;
  /** The second officer of the act (R15.2). */
  coOfficer: string;
  /** When the officer returned to the unit (ISO date-time). */
  returnedAt: string;
  /** Whether the work was continuous, away or remote (R21.2). */
  awayWork: boolean;
  /** The sessions recorded. */
  sessions: readonly SessionInput[];
  /** The device's pre-use check of that day (R15.1). */
  preUseCheck: PreUseCheck | null;
  /** Current time (ISO date-time). */
  now: string;
  /** Thresholds of the pre-use check; defaults apply when absent. */
  preUseLimits?: PreUseLimits;
}

/** Removes all white space, so line breaks typed into a form do not break the phrase match. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Validates a new handover; an empty list means it may be opened. */
export function checkHandoverOpen(input: HandoverOpenInput): FieldError[] {
  const errors: FieldError[] = [];
  const now = requireInstant(input.now, 'now');
  if (!isNonBlank(input.officer)) {
    errors.push(fieldError('officer', 'efr.handover.officerMissing', 'R15.2',
      'The officer is missing.', '缺少执法人员。'));
  }
  if (!isNonBlank(input.coOfficer)) {
    errors.push(fieldError('coOfficer', 'efr.handover.coOfficerMissing', 'R15.2',
      'Two officers carry out the act: the co-officer is missing.', '执法须两人进行：缺少协同人员。'));
  } else if (input.coOfficer.trim() === (input.officer || '').trim()) {
    errors.push(fieldError('coOfficer', 'efr.handover.sameOfficer', 'R15.2',
      'The co-officer must be a different person.', '协同人员须为另一人。'));
  }
  const returned = parseInstant(input.returnedAt);
  if (returned === null) {
    errors.push(fieldError('returnedAt', 'efr.handover.returnedAtInvalid', 'R21.2',
      'The return time is not a valid date-time.', '返回时间无效。'));
  } else if (returned > now) {
    errors.push(fieldError('returnedAt', 'efr.handover.returnedInFuture', 'R21.2',
      'The return time is in the future.', '返回时间不能晚于当前时间。'));
  }
  if (!input.sessions || input.sessions.length === 0) {
    errors.push(fieldError('sessions', 'efr.handover.noSessions', 'R10.1',
      'Declare at least one field session.', '请至少登记一次现场执法。'));
  } else {
    input.sessions.forEach((s, i) => checkSession(s, 'sessions.' + i, now, errors));
  }
  const limits = input.preUseLimits || DEFAULT_PRE_USE_LIMITS;
  const preUse = checkPreUse(input.preUseCheck, limits, 'preUseCheck');
  for (const e of preUse) errors.push(e);
  return errors;
}

function checkSession(s: SessionInput, path: string, now: number, errors: FieldError[]): void {
  if (!isOneOf(ACTIVITY_TYPES, s.activityType)) {
    errors.push(fieldError(path + '.activityType', 'efr.session.activityType', 'R10.1',
      'Choose the kind of field activity.', '请选择现场执法类型。'));
  }
  if (!isNonBlank(s.place)) {
    errors.push(fieldError(path + '.place', 'efr.session.place', 'R10.1',
      'The place is missing.', '缺少执法地点。'));
  }
  const start = parseInstant(s.startedAt);
  const end = parseInstant(s.endedAt);
  if (start === null) {
    errors.push(fieldError(path + '.startedAt', 'efr.session.startedAt', 'R17.1',
      'The start is not a valid date-time.', '开始时间无效。'));
  }
  if (end === null) {
    errors.push(fieldError(path + '.endedAt', 'efr.session.endedAt', 'R17.1',
      'The end is not a valid date-time.', '结束时间无效。'));
  }
  if (start !== null && end !== null && !(start < end)) {
    errors.push(fieldError(path + '.endedAt', 'efr.session.endBeforeStart', 'R17.1',
      'The session must end after it starts.', '结束时间须晚于开始时间。'));
  }
  if (end !== null && end > now) {
    errors.push(fieldError(path + '.endedAt', 'efr.session.endInFuture', 'R17.1',
      'The session cannot end in the future.', '结束时间不能晚于当前时间。'));
  }
  const phraseOk = typeof s.noticeText === 'string' &&
    squeeze(s.noticeText).indexOf(squeeze(STANDARD_NOTICE_PHRASE)) >= 0;
  if (s.partyNotified !== true || !phraseOk) {
    errors.push(fieldError(path + '.partyNotified', 'efr.session.notice', 'R16.1',
      'The party must be told with the standard phrase: ' + STANDARD_NOTICE_PHRASE,
      '须以标准用语告知当事人：' + STANDARD_NOTICE_PHRASE));
  }
}

/** The unit of a record whose unit is not known (kept as its own stratum, never dropped). */
export const UNKNOWN_UNIT = '-';

/** What the unit of a handover is decided from. */
export interface HandoverUnitInput {
  /** The officer's unit as the people directory holds it (the person's cm:organization). */
  officerUnit?: string | null;
  /** The unit the recording device is registered to (efr:unit of the efr:device, R12.1). */
  deviceUnit?: string | null;
}

/**
 * The unit (执法部门) of a handover and of every recording handed over with it (R6.1, R12.1):
 * the unit of the officer who recorded, as the directory knows him; else the unit of the
 * device, which the unit keeps (R12.1); else UNKNOWN_UNIT. Spot checks draw per unit and the
 * quality assessment counts per unit (R28.1), so a recording without one would fall out of
 * both (issue 19, point 4).
 */
export function handoverUnit(input: HandoverUnitInput): string {
  for (const u of [input.officerUnit, input.deviceUnit]) {
    const t = typeof u === 'string' ? u.replace(/^\s+|\s+$/g, '') : '';
    if (t !== '' && t !== UNKNOWN_UNIT) return t;
  }
  return UNKNOWN_UNIT;
}

/** A file uploaded into a handover, as the upload guard sees it (R21.4). */
export interface HandoverUploadInput {
  /** Id of the handover the file is uploaded into (the file's primary parent). */
  handoverId: string;
  /** That handover's status (`open` when unset). */
  handoverStatus: string | null;
  /** The efr:handoverId the file declares. */
  declaredHandoverId: string | null;
}

/**
 * A file joins a handover only while it is open (once a custodian has received the batch,
 * nothing joins it unseen), and names that handover in efr:handoverId, so the recording and its
 * handover always agree (R21.4). One rule for server/'s rule hook and the module's ingest
 * behaviour (behaviors/src/lib/recording-ingest.ts).
 */
export function checkHandoverUpload(input: HandoverUploadInput): Verdict {
  if ((input.handoverStatus || 'open') !== 'open') {
    return refuse(409, 'efr.handover.notOpen', 'R21.4',
      'Files are added only while the handover is open: a custodian has received it.',
      '移交已有保管人确认接收，不能再添加文件。');
  }
  if (input.declaredHandoverId !== input.handoverId) {
    return refuse(422, 'efr.handover.wrongHandoverId', 'R21.4',
      'efr:handoverId must name the handover the file is uploaded into (' + input.handoverId +
      ').', 'efr:handoverId 须为文件所在移交的编号（' + input.handoverId + '）。');
  }
  return allow();
}
