/**
 * Reminders for exemption records (R11.2): a record that the leader in charge has not
 * acknowledged, or the office has not filed, within the bureau's reminder time is overdue.
 * The time starts when the previous step was done (written, then acknowledged).
 */
import type { ExemptionStatus } from './enums.js';
import { HOUR_MS, formatInstant, parseInstant, requireInstant } from './validation.js';

/** Default reminder time in hours (bureau setting EFR_EXEMPTION_REMIND_HOURS). */
export const DEFAULT_EXEMPTION_REMIND_HOURS = 24;

/** The facts a reminder needs. */
export interface ExemptionClock {
  /** Status (R11.2). */
  status: ExemptionStatus;
  /** When the officer wrote it (ISO date-time). */
  writtenAt: string;
  /** When the leader acknowledged it, if done. */
  acknowledgedAt: string | null;
}

/** Who is awaited and whether they are late. */
export interface ExemptionReminder {
  /** The step awaited: the leader's acknowledgement, the office's filing, or none. */
  waitingFor: 'leader' | 'office' | null;
  /** When the awaited step falls due (ISO, UTC); null when nothing is awaited. */
  dueAt: string | null;
  /** Whether the awaited step is past due at `now`. */
  overdue: boolean;
}

/**
 * The reminder state of one record at `now` (R11.2). `remindHours` must be a positive number;
 * a record whose start time cannot be read counts as overdue so that it is looked at.
 */
export function exemptionReminder(
  record: ExemptionClock,
  now: string,
  remindHours: number = DEFAULT_EXEMPTION_REMIND_HOURS,
): ExemptionReminder {
  const at = requireInstant(now, 'now');
  if (!(typeof remindHours === 'number' && remindHours > 0 && remindHours < Infinity)) {
    throw new RangeError('remindHours must be a positive number');
  }
  if (record.status === 'filed') return { waitingFor: null, dueAt: null, overdue: false };
  const waitingFor = record.status === 'written' ? 'leader' : 'office';
  const start = parseInstant(waitingFor === 'leader' ? record.writtenAt : record.acknowledgedAt);
  if (start === null) return { waitingFor, dueAt: null, overdue: true };
  const due = start + remindHours * HOUR_MS;
  return { waitingFor, dueAt: formatInstant(due), overdue: at > due };
}
