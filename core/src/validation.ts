/**
 * Small validation helpers shared by the rules. Date-times are parsed here rather than with
 * `Date.parse`, because engines disagree on what `Date.parse` accepts (Rhino, V8): core must give
 * the same answer in both.
 */

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
// The model's case-number pattern (docs/enumerations.md), valid in Java and ES5 alike.
const CASE_NUMBER = /^([\u4e00-\u9fa5]{1,12}〔\d{4}〕\d{1,6}号|[A-Z]{2,8}-\d{4}-\d{3,6})$/;
const SHA256_HEX_ANY_CASE = /^[0-9a-fA-F]{64}$/;

/** Milliseconds in one hour. */
export const HOUR_MS = 3600000;
/** Milliseconds in one day of 24 hours. */
export const DAY_MS = 24 * HOUR_MS;

/** Whether `year` is a leap year of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days of a month (`month` 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function validCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Parses an ISO 8601 date-time with an explicit zone (`Z` or `±HH:MM`), seconds and fraction
 * optional, into epoch milliseconds; `null` when the text is not one or names an impossible
 * date (Feb 30, hour 24…). A zone is mandatory: a local time without one is ambiguous.
 */
export function parseInstant(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] ? Number(m[6]) : 0;
  // Digits, not floating point: '.29' must be 290 ms exactly; beyond milliseconds truncates.
  const millis = m[7] ? Number((m[7] + '00').substring(0, 3)) : 0;
  if (!validCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (m[8] !== 'Z') {
    const sign = m[8].charAt(0) === '-' ? -1 : 1;
    const oh = Number(m[8].substring(1, 3));
    const om = Number(m[8].substring(4, 6));
    if (oh > 23 || om > 59) return null;
    offsetMinutes = sign * (oh * 60 + om);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60000;
}

/** Whether `text` is an ISO 8601 date-time with an explicit zone. */
export function isIsoDateTime(text: unknown): text is string {
  return parseInstant(text) !== null;
}

/** Whether `text` is a calendar date `YYYY-MM-DD` that exists. */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const m = ISO_DATE.exec(text);
  return m !== null && validCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Formats epoch milliseconds as an ISO 8601 UTC date-time (`…Z`, millisecond precision). */
export function formatInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/**
 * Parses an ISO date-time that a caller vouched for (e.g. `now`); throws a RangeError naming the
 * field when it is not one, because that is a programming error, not a user error.
 */
export function requireInstant(text: string, field: string): number {
  const ms = parseInstant(text);
  if (ms === null) throw new RangeError(field + ' is not an ISO 8601 date-time: ' + text);
  return ms;
}

/** Whether `text` is a SHA-256 digest as stored: 64 lower-case hex digits. */
export function isSha256Hex(text: unknown): text is string {
  return typeof text === 'string' && SHA256_HEX.test(text);
}

/** Whether `text` is 64 hex digits in any case (as typed or pasted by people). */
export function isSha256HexAnyCase(text: unknown): text is string {
  return typeof text === 'string' && SHA256_HEX_ANY_CASE.test(text);
}

/**
 * Whether `text` is a case number in the bureau's style (`丹民罚〔2026〕12号`) or the system
 * style (`EFR-2026-0001`), as the model's constraint on `efr:caseNumber` requires (R2.1).
 */
export function isCaseNumber(text: unknown): text is string {
  return typeof text === 'string' && CASE_NUMBER.test(text);
}

/** Whether `text` is a string with something other than white space in it. */
export function isNonBlank(text: unknown): text is string {
  return typeof text === 'string' && text.trim().length > 0;
}

/** Trimmed length of a string, 0 for anything else. */
export function trimmedLength(text: unknown): number {
  return typeof text === 'string' ? text.trim().length : 0;
}

/** Whether `value` is a finite number (not NaN, not ±Infinity). */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && isFinite(value);
}

/** Whether `value` is an integer ≥ 0. */
export function isNonNegativeInteger(value: unknown): value is number {
  return isFiniteNumber(value) && Math.floor(value) === value && value >= 0;
}

/** The distinct values of `values`, in first-seen order (no Set: Rhino has none). */
export function distinct<T extends string>(values: readonly T[]): T[] {
  const seen: Record<string, true> = {};
  const out: T[] = [];
  for (const v of values) {
    // Prefixed keys: an id such as `__proto__` must not reach the object's prototype slot.
    if (seen['$' + v] !== true) {
      seen['$' + v] = true;
      out.push(v);
    }
  }
  return out;
}

/** Whether two string lists hold the same values, as sets. */
export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const da = distinct(a);
  const db = distinct(b);
  if (da.length !== db.length) return false;
  for (const v of da) {
    if (db.indexOf(v) < 0) return false;
  }
  return true;
}

/** Compares strings by UTF-16 code units (never locale-dependent, so Rhino and V8 agree). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
