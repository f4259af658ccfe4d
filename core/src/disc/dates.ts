/**
 * Timestamp encodings of ISO 9660 (7-byte recording date 9.1.5, 17-byte volume date 8.4.26.1)
 * and ECMA-167 (12-byte timestamp 1/7.3). All derive from one Date and one UTC offset so the
 * image is byte-for-byte reproducible.
 */
import { u16le } from './bytes.js';

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
}

/** Local calendar fields at the given offset from UTC. */
function parts(date: Date, utcOffsetMinutes: number): Parts {
  const t = new Date(date.getTime() + utcOffsetMinutes * 60_000);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
    millis: t.getUTCMilliseconds(),
  };
}

/** Offset in ISO 9660's 15-minute units, as a signed byte. */
function quarterHours(utcOffsetMinutes: number): number {
  return Math.round(utcOffsetMinutes / 15) & 0xff;
}

/** ISO 9660 directory-record date: years since 1900, month … second, offset. */
export function recordingDate(date: Date, utcOffsetMinutes: number): Uint8Array {
  const p = parts(date, utcOffsetMinutes);
  return Uint8Array.of(
    Math.min(255, Math.max(0, p.year - 1900)),
    p.month,
    p.day,
    p.hour,
    p.minute,
    p.second,
    quarterHours(utcOffsetMinutes),
  );
}

/** ISO 9660 volume date "YYYYMMDDHHMMSScc" plus offset; `null` gives the "not set" form. */
export function volumeDate(date: Date | null, utcOffsetMinutes: number): Uint8Array {
  const out = new Uint8Array(17);
  if (!date) {
    for (let i = 0; i < 16; i++) out[i] = 0x30;
    return out;
  }
  const p = parts(date, utcOffsetMinutes);
  const text =
    String(p.year).padStart(4, '0') +
    [p.month, p.day, p.hour, p.minute, p.second, Math.floor(p.millis / 10)]
      .map((n) => String(n).padStart(2, '0'))
      .join('');
  for (let i = 0; i < 16; i++) out[i] = text.charCodeAt(i);
  out[16] = quarterHours(utcOffsetMinutes);
  return out;
}

/** ECMA-167 timestamp: type 1 (local time) with a 12-bit signed offset in minutes. */
export function udfTimestamp(
  buf: Uint8Array, off: number, date: Date, utcOffsetMinutes: number,
): void {
  const p = parts(date, utcOffsetMinutes);
  u16le(buf, off, (1 << 12) | (utcOffsetMinutes & 0x0fff));
  u16le(buf, off + 2, p.year);
  buf[off + 4] = p.month;
  buf[off + 5] = p.day;
  buf[off + 6] = p.hour;
  buf[off + 7] = p.minute;
  buf[off + 8] = p.second;
  buf[off + 9] = Math.floor(p.millis / 10);
  buf[off + 10] = (p.millis % 10) * 10;
  buf[off + 11] = 0;
}
