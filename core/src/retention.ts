/**
 * How long a recording must be kept (R22.1, R22.2).
 *
 * - Every audio/video record is kept at least one year after the recording ends (R22.1).
 * - A record used as evidence is kept with its case file for the case file's retention
 *   (R22.2), counted from the day the case is closed.
 * - An OPEN linked case holds the evidence indefinitely: the case's retention cannot start
 *   before the case closes, so no end date can be fixed yet. This is expressed as
 *   `{ retainUntil: null, permanent: false }` ("held, no date yet"); callers recompute when
 *   the case closes. A linked case whose retention is not set is treated the same way: keeping
 *   too long is recoverable, deleting too early is not.
 * - Any permanent case makes the record permanent; otherwise the latest end date wins.
 *
 * Year arithmetic is calendar arithmetic in UTC: the same month, day and time N years later.
 * From Feb 29 into a year without one, the end is Mar 1 (never Feb 28), so the period is never
 * shorter than N whole years.
 */
import { formatInstant, isLeapYear, requireInstant } from './validation.js';

/** The retention facts of one case a recording is linked to. */
export interface LinkedCaseRetention {
  /** Years the case file is kept after closing; null when not set. */
  retentionYears: number | null;
  /** Whether the case file is kept permanently. */
  retentionPermanent: boolean;
  /** When the case was closed (ISO date-time), null while it is open. */
  closedAt: string | null;
}

/** Input of {@link computeRetention}. */
export interface RetentionInput {
  /** When the recording ended (ISO date-time). */
  recordingEnd: string;
  /** The cases the recording is linked to as evidence (R22.2). */
  linkedCases: readonly LinkedCaseRetention[];
  /** Minimum years after the recording ends (R22.1); default 1. */
  minimumYears?: number;
}

/**
 * A retention decision. `retainUntil` null with `permanent` false means "held without an end
 * date yet" (an open case); with `permanent` true it means "never deleted".
 */
export interface Retention {
  /** End of retention (ISO date-time, UTC), or null (see above). */
  retainUntil: string | null;
  /** Whether the record is kept permanently. */
  permanent: boolean;
}

/** Default minimum retention in years (R22.1). */
export const MINIMUM_RETENTION_YEARS = 1;

/**
 * Adds whole calendar years to an instant, in UTC. Feb 29 + N years lands on Mar 1 when the
 * target year is not a leap year (never shorter than N years).
 */
export function addYearsUtc(iso: string, years: number): string {
  const ms = requireInstant(iso, 'date');
  const d = new Date(ms);
  const year = d.getUTCFullYear() + years;
  let month = d.getUTCMonth();
  let day = d.getUTCDate();
  if (month === 1 && day === 29 && !isLeapYear(year)) {
    month = 2;
    day = 1;
  }
  const out = Date.UTC(
    year, month, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
  return formatInstant(out);
}

/** Computes the retention of a recording from its end and its linked cases (R22.1, R22.2). */
export function computeRetention(input: RetentionInput): Retention {
  const minimumYears =
    input.minimumYears === undefined ? MINIMUM_RETENTION_YEARS : input.minimumYears;
  if (!(minimumYears >= MINIMUM_RETENTION_YEARS)) {
    throw new RangeError('minimumYears must be at least ' + MINIMUM_RETENTION_YEARS + ' (R22.1)');
  }
  let held = false;
  for (const c of input.linkedCases) {
    if (c.retentionPermanent) return { retainUntil: null, permanent: true };
    if (c.closedAt === null || c.retentionYears === null) held = true;
  }
  if (held) return { retainUntil: null, permanent: false };
  let latest = addYearsUtc(input.recordingEnd, minimumYears);
  for (const c of input.linkedCases) {
    // Both non-null here: the loop above returned or set `held` otherwise.
    const end = addYearsUtc(c.closedAt as string, c.retentionYears as number);
    latest = laterOf(latest, end);
  }
  return { retainUntil: latest, permanent: false };
}

/**
 * Merges a stored retention with a newly computed one so that retention never shortens
 * (R22.1, R22.2): permanent stays permanent; "held" (null date) is replaced by a new date only
 * because it never was a date (the open case has closed); between two dates the later wins.
 */
export function mergeRetention(old: Retention, next: Retention): Retention {
  if (old.permanent || next.permanent) return { retainUntil: null, permanent: true };
  if (next.retainUntil === null) return { retainUntil: null, permanent: false };
  if (old.retainUntil === null) return { retainUntil: next.retainUntil, permanent: false };
  return { retainUntil: laterOf(old.retainUntil, next.retainUntil), permanent: false };
}

/** Whether retention `next` ends no earlier than `old` (the "never shortens" rule, R22). */
export function isRetentionShortened(old: Retention, next: Retention): boolean {
  if (old.permanent) return !next.permanent;
  if (next.permanent || old.retainUntil === null || next.retainUntil === null) return false;
  return requireInstant(next.retainUntil, 'retainUntil') <
    requireInstant(old.retainUntil, 'retainUntil');
}

function laterOf(a: string, b: string): string {
  return requireInstant(b, 'date') > requireInstant(a, 'date') ? b : a;
}
