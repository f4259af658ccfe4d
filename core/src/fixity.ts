/**
 * Scheduled fixity audits (issue 18; R26.1 kept over the years): which sealed recordings a
 * round re-hashes, and what the screen reports. Every sealed recording is re-read within one
 * cycle (default 90 days), at a limited number of bytes per hour so playback is not slowed:
 * each round takes the recordings whose last check is oldest (never checked first), within the
 * round's byte budget, always at least one so that a file larger than the budget still moves.
 *
 * A round is a job (./package-job.ts: requested, building under a worker's lease, built or
 * failed) that `efr worker` works through the REST API in both hosts: the rules at the end
 * decide who asks for one, what a worker may report, and what a report means.
 */
import { checkJobHolder, isWorker } from './package-job.js';
import type { PackageJob } from './package-job.js';
import { GROUP_EFR_CUSTODIANS, GROUP_EFR_SUPERVISORS, isMemberOfAny } from './roles.js';
import type { Actor } from './roles.js';
import { allow, refuse } from './verdict.js';
import type { Verdict } from './verdict.js';
import { isSha256Hex, requireInstant } from './validation.js';

/** How the audit runs. */
export interface FixityPolicy {
  /** Every sealed recording is checked within this many days. */
  readonly cycleDays: number;
  /** Bytes read per hour at most. */
  readonly bytesPerHour: number;
}

/** 90 days; 36 GiB per hour (10 MiB/s), far below a disk's and playback's needs. */
export const DEFAULT_FIXITY_POLICY: FixityPolicy = { cycleDays: 90, bytesPerHour: 36 * 1024 ** 3 };

/** A sealed recording as the planner sees it. */
export interface FixitySubject {
  readonly id: string;
  readonly size: number;
  /** When it was last re-hashed (ms), or null. */
  readonly lastCheckedAt: number | null;
}

const DAY = 86400000;

/** Whether a policy's values are usable (positive, finite). */
export function isFixityPolicy(p: FixityPolicy): boolean {
  return p.cycleDays > 0 && isFinite(p.cycleDays) && p.bytesPerHour > 0 &&
    isFinite(p.bytesPerHour);
}

/** Start of the current cycle window: checks at or after it count for coverage. */
export function cycleStart(now: number, policy: FixityPolicy): number {
  return now - policy.cycleDays * DAY;
}

/**
 * The recordings a round of `roundMs` re-hashes: those not checked in the cycle, oldest check
 * first (never checked before all, then by id for a stable order), within the byte budget of
 * the round, at least one.
 */
export function planFixityRound(subjects: readonly FixitySubject[], policy: FixityPolicy,
  now: number, roundMs: number): FixitySubject[] {
  const since = cycleStart(now, policy);
  const due = subjects.filter((s) => s.lastCheckedAt === null || s.lastCheckedAt < since ||
    s.lastCheckedAt > now);
  due.sort((a, b) => {
    const x = a.lastCheckedAt === null ? -1 : a.lastCheckedAt;
    const y = b.lastCheckedAt === null ? -1 : b.lastCheckedAt;
    return x !== y ? x - y : (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  const budget = policy.bytesPerHour * roundMs / 3600000;
  const out: FixitySubject[] = [];
  let bytes = 0;
  for (let i = 0; i < due.length; i++) {
    if (out.length > 0 && bytes + due[i].size > budget) break;
    out.push(due[i]);
    bytes += due[i].size;
  }
  return out;
}

/** Coverage of the cycle as the screen shows it. */
export interface FixityCoverage {
  readonly total: number;
  readonly checkedInCycle: number;
  readonly totalBytes: number;
  /** Bytes per hour needed to check everything within one cycle. */
  readonly requiredBytesPerHour: number;
  /** Whether the configured rate can check everything within the cycle. */
  readonly cycleFeasible: boolean;
}

/** How much of the archive was re-hashed within the current cycle. */
export function fixityCoverage(subjects: readonly FixitySubject[], policy: FixityPolicy,
  now: number): FixityCoverage {
  const since = cycleStart(now, policy);
  let checked = 0;
  let bytes = 0;
  for (let i = 0; i < subjects.length; i++) {
    const t = subjects[i].lastCheckedAt;
    if (t !== null && t >= since && t <= now) checked++;
    bytes += subjects[i].size;
  }
  const required = bytes / (policy.cycleDays * 24);
  return { total: subjects.length, checkedInCycle: checked, totalBytes: bytes,
    requiredBytesPerHour: Math.ceil(required), cycleFeasible: required <= policy.bytesPerHour };
}

/** The fixity screen's data: `GET /alfresco/s/efr/fixity` answers `{ entry: FixityStatus }`. */
export interface FixityStatus extends FixityCoverage {
  readonly cycleDays: number;
  readonly bytesPerHour: number;
  /** The newest failed check, with the violation it proposed. */
  readonly lastMismatch: { nodeId: string; name: string; checkedAt: string; expected: string;
    actual: string | null; violationId: string | null } | null;
  /** Hashing speed of the recent rounds while busy, and bytes read in the last hour. */
  readonly throughput: { bytesPerSecond: number; bytesLastHour: number;
    lastRoundAt: string | null };
}

// --- fixity rounds (issue 18; the worker's job, issue 15) ---

/** What a check found: the sealed hash, another hash, or no bytes at all. */
export const FIXITY_RESULTS = ['ok', 'mismatch', 'missing'] as const;

/** One of {@link FIXITY_RESULTS}. */
export type FixityResult = (typeof FIXITY_RESULTS)[number];

/** Groups that follow the audits and may ask for a round now (R26.1, R29.1). */
export const FIXITY_READER_GROUPS: readonly string[] = [GROUP_EFR_CUSTODIANS, GROUP_EFR_SUPERVISORS];

/** Longest round one may ask for (a day of reading at the policy rate). */
export const MAX_ROUND_MINUTES = 1440;

/** The largest file a check reports (1 TiB): a count beyond it is no recording's. */
const MAX_CHECK_BYTES = 1024 * 1024 * 1024 * 1024;

/** Whether `actor` may read the audit's status: custodians and supervisors (admins by host). */
export function checkFixityReader(actor: Actor): Verdict {
  return isMemberOfAny(actor, FIXITY_READER_GROUPS) ? allow() : refuse(403,
    'efr.fixity.notCustodian', 'R26.1', 'Only custodians and supervisors follow fixity audits.',
    '仅保管人员和监督人员可以查看完整性核查。');
}

/**
 * Whether `actor` may ask for a round: custodians and supervisors (now), and the worker (its
 * schedule, every `EFR_FIXITY_ROUND_MINUTES`).
 */
export function checkFixityRun(actor: Actor): Verdict {
  return isWorker(actor) ? allow() : checkFixityReader(actor);
}

/** Whether a round's length is usable: minutes from 1 to {@link MAX_ROUND_MINUTES}. */
export function isRoundMinutes(m: unknown): m is number {
  return typeof m === 'number' && isFinite(m) && m >= 1 && m <= MAX_ROUND_MINUTES;
}

/** A worker's report of one check. */
export interface FixityCheckReport {
  recordingId: unknown;
  /** SHA-256 of the bytes read, or null when the repository had no bytes to give. */
  sha256: unknown;
  bytes: unknown;
  busyMs: unknown;
}

function badReport(text: string): Verdict {
  return refuse(422, 'efr.fixity.badReport', 'R26.1', text, '完整性核查报告无效。');
}

/**
 * Whether a check report may be recorded: from the worker holding the round (live lease), about
 * a recording the round plans (`planned`) and has not checked yet (`checked`), with a hash (or
 * null for missing bytes), a byte count and a busy time.
 */
export function checkFixityReport(job: PackageJob, actor: Actor, now: string,
  report: FixityCheckReport, planned: readonly string[], checked: readonly string[]): Verdict {
  const holder = checkJobHolder(job, actor, requireInstant(now, 'now'));
  if (!holder.allowed) return holder;
  const id = report.recordingId;
  if (typeof id !== 'string' || planned.indexOf(id) < 0) {
    return badReport('The recording is not in this round.');
  }
  if (checked.indexOf(id) >= 0) {
    return refuse(409, 'efr.fixity.alreadyChecked', 'R26.1',
      'The recording was already checked in this round.', '本轮已核查该录像。');
  }
  if (report.sha256 !== null && !isSha256Hex(report.sha256)) {
    return badReport('sha256 must be 64 lower-case hex digits or null.');
  }
  const counts = [report.bytes, report.busyMs];
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i];
    if (typeof n !== 'number' || !isFinite(n) || n < 0 || Math.floor(n) !== n ||
      n > MAX_CHECK_BYTES) {
      return badReport('bytes and busyMs must be whole numbers from 0.');
    }
  }
  return allow();
}

/** What a check found, from the sealed hash and the one the worker computed (or null). */
export function fixityResultOf(sealedSha256: string, actual: string | null): FixityResult {
  if (actual === null) return 'missing';
  return actual === sealedSha256.toLowerCase() ? 'ok' : 'mismatch';
}
