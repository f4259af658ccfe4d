/**
 * Scheduled fixity audits (issue 18; R26.1 kept over the years): which sealed recordings a
 * round re-hashes, and what the screen reports. Every sealed recording is re-read within one
 * cycle (default 90 days), at a limited number of bytes per hour so playback is not slowed:
 * each round takes the recordings whose last check is oldest (never checked first), within the
 * round's byte budget, always at least one so that a file larger than the budget still moves.
 */

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
