/**
 * Time zones as rules need them: only "what is the UTC offset at this instant". Node passes
 * an Intl-based zone, Rhino a java.util.TimeZone-based one; core itself needs neither.
 */

/** A time zone: the offset from UTC, in minutes east, at a given instant. */
export interface Zone {
  /** Offset from UTC in minutes (east positive, +480 for China) at `epochMs`. */
  offsetMinutesAt(epochMs: number): number;
}

/** A zone with one offset at all times. */
export function fixedOffsetZone(minutes: number): Zone {
  if (!(Math.abs(minutes) <= 18 * 60)) throw new RangeError('offset out of range: ' + minutes);
  return { offsetMinutesAt: () => minutes };
}

/**
 * China Standard Time. China observed daylight saving time only from 1986 to 1991 and has used
 * UTC+8 all year since 1992, so a fixed offset is exact for every recording this archive can
 * hold; it also keeps Node and Rhino identical without a tz database.
 */
export const ASIA_SHANGHAI: Zone = fixedOffsetZone(480);

/** Local calendar fields of an instant in a zone. */
export interface LocalDate {
  /** Full year. */
  year: number;
  /** Month 1–12. */
  month: number;
  /** Day of month 1–31. */
  day: number;
}

/** The local calendar date of an instant in a zone. */
export function localDateOf(epochMs: number, zone: Zone): LocalDate {
  const local = new Date(epochMs + zone.offsetMinutesAt(epochMs) * 60000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/**
 * The instant of a local wall-clock time in a zone. The offset is looked up twice so that a
 * zone with daylight saving gives the offset in force at the result, not at a guess.
 */
export function instantOfLocal(
  date: LocalDate,
  hour: number,
  minute: number,
  second: number,
  millis: number,
  zone: Zone,
): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute, second, millis);
  const guess = wall - zone.offsetMinutesAt(wall) * 60000;
  return wall - zone.offsetMinutesAt(guess) * 60000;
}

const pad = (n: number, width: number): string => {
  let s = String(n);
  while (s.length < width) s = '0' + s;
  return s;
};

/**
 * The local wall-clock time of an instant in a zone as `YYYYMMDDHHmmssSSS`: the time part of
 * entry names (request numbers, register entries), so that a number reads as the bureau's
 * time the screens show beside it (提交时间), not UTC (issue 19, point 11).
 */
export function localStamp(epochMs: number, zone: Zone): string {
  const d = new Date(epochMs + zone.offsetMinutesAt(epochMs) * 60000);
  return pad(d.getUTCFullYear(), 4) + pad(d.getUTCMonth() + 1, 2) + pad(d.getUTCDate(), 2) +
    pad(d.getUTCHours(), 2) + pad(d.getUTCMinutes(), 2) + pad(d.getUTCSeconds(), 2) +
    pad(d.getUTCMilliseconds(), 3);
}
