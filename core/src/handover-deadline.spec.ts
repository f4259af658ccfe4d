import {
  ASIA_SHANGHAI, fixedOffsetZone, handoverDeadline, instantOfLocal, isLate, localDateOf,
  localStamp,
} from './index.js';
import type { Zone } from './index.js';

/** A zone backed by Intl, as server/ builds it (spec only: core itself never touches Intl). */
function intlZone(timeZone: string): Zone {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
  return {
    offsetMinutesAt(epochMs: number): number {
      const parts: Record<string, number> = {};
      for (const p of fmt.formatToParts(new Date(epochMs))) parts[p.type] = Number(p.value);
      const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute,
        parts.second);
      return Math.round((wall - Math.floor(epochMs / 1000) * 1000) / 60000);
    },
  };
}

const sameDay = (fieldWorkEnd: string, zone: Zone = ASIA_SHANGHAI) =>
  handoverDeadline({ fieldWorkEnd, returnedAt: null, awayWork: false, zone });

describe('handover deadline (R21.1, R21.2)', () => {
  it('ASIA_SHANGHAI is UTC+8 all year (no DST since 1992)', () => {
    expect(ASIA_SHANGHAI.offsetMinutesAt(Date.UTC(2026, 0, 15))).toBe(480);
    expect(ASIA_SHANGHAI.offsetMinutesAt(Date.UTC(2026, 6, 15))).toBe(480);
    const intl = intlZone('Asia/Shanghai');
    for (const month of [0, 3, 6, 9]) {
      expect(intl.offsetMinutesAt(Date.UTC(2026, month, 1))).toBe(480);
    }
  });

  it('fixedOffsetZone refuses impossible offsets', () => {
    expect(() => fixedOffsetZone(19 * 60)).toThrowError(RangeError);
    expect(fixedOffsetZone(-300).offsetMinutesAt(0)).toBe(-300);
  });

  it('R21.1: the end of the local day of the field work', () => {
    expect(sameDay('2026-03-01T10:00:00+08:00')).toBe('2026-03-01T15:59:59.999Z');
  });

  it('R21.1: 23:30 in Beijing is 15:30 UTC on the same day', () => {
    expect(sameDay('2026-03-01T15:30:00Z')).toBe('2026-03-01T15:59:59.999Z');
  });

  it('R21.1: 00:30 in Beijing is still the previous day in UTC: the Beijing day counts', () => {
    // 2026-03-01T16:30Z is 2026-03-02 00:30 in Beijing.
    expect(sameDay('2026-03-01T16:30:00Z')).toBe('2026-03-02T15:59:59.999Z');
  });

  it('R21.1: exactly at local midnight belongs to the new day', () => {
    expect(sameDay('2026-03-01T16:00:00Z')).toBe('2026-03-02T15:59:59.999Z');
    expect(sameDay('2026-03-01T15:59:59.999Z')).toBe('2026-03-01T15:59:59.999Z');
  });

  it('R21.1: does not depend on the server time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai']) {
        process.env.TZ = tz;
        expect(sameDay('2026-03-01T16:30:00Z')).withContext(tz).toBe('2026-03-02T15:59:59.999Z');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('R21.1: leap day and year end', () => {
    expect(sameDay('2024-02-29T20:00:00+08:00')).toBe('2024-02-29T15:59:59.999Z');
    expect(sameDay('2024-02-28T17:00:00Z')).toBe('2024-02-29T15:59:59.999Z');
    expect(sameDay('2026-12-31T23:00:00+08:00')).toBe('2026-12-31T15:59:59.999Z');
    expect(sameDay('2026-12-31T16:00:00Z')).toBe('2027-01-01T15:59:59.999Z');
  });

  it('R21.2: away work: 24 hours after return', () => {
    expect(handoverDeadline({
      fieldWorkEnd: '2026-03-01T18:00:00+08:00', returnedAt: '2026-03-03T09:00:00+08:00',
      awayWork: true, zone: ASIA_SHANGHAI,
    })).toBe('2026-03-04T01:00:00.000Z');
  });

  it('R21.2: away work across a year end and a leap day', () => {
    expect(handoverDeadline({
      fieldWorkEnd: '2026-12-31T20:00:00+08:00', returnedAt: '2027-01-01T09:00:00+08:00',
      awayWork: true, zone: ASIA_SHANGHAI,
    })).toBe('2027-01-02T01:00:00.000Z');
    expect(handoverDeadline({
      fieldWorkEnd: '2028-02-28T20:00:00+08:00', returnedAt: '2028-02-28T23:00:00+08:00',
      awayWork: true, zone: ASIA_SHANGHAI,
    })).toBe('2028-02-29T15:00:00.000Z');
  });

  it('R21.2: never earlier than the same-day deadline', () => {
    // A return recorded before the work ended (a wrong clock): the end of day still applies.
    expect(handoverDeadline({
      fieldWorkEnd: '2026-03-01T10:00:00+08:00', returnedAt: '2026-02-28T08:00:00+08:00',
      awayWork: true, zone: ASIA_SHANGHAI,
    })).toBe('2026-03-01T15:59:59.999Z');
  });

  it('R21.2: away work without a return time is a programming error', () => {
    expect(() => handoverDeadline({
      fieldWorkEnd: '2026-03-01T10:00:00+08:00', returnedAt: null, awayWork: true,
      zone: ASIA_SHANGHAI,
    })).toThrowError(RangeError);
  });

  it('works with a zone that has daylight saving (Intl-backed, New York)', () => {
    const ny = intlZone('America/New_York');
    // 2026-03-08 is the spring-forward day: 23:59:59.999 EDT = 03:59:59.999Z next day.
    expect(sameDay('2026-03-08T12:00:00-04:00', ny)).toBe('2026-03-09T03:59:59.999Z');
    // 2026-11-01 falls back: the end of that day is in EST (UTC-5).
    expect(sameDay('2026-11-01T12:00:00-05:00', ny)).toBe('2026-11-02T04:59:59.999Z');
    expect(localDateOf(Date.UTC(2026, 2, 9, 3, 0), ny)).toEqual({ year: 2026, month: 3, day: 8 });
    expect(instantOfLocal({ year: 2026, month: 1, day: 1 }, 0, 0, 0, 0, ny))
      .toBe(Date.UTC(2026, 0, 1, 5));
  });

  describe('isLate', () => {
    const deadline = '2026-03-01T15:59:59.999Z';
    it('on time up to and including the deadline instant', () => {
      expect(isLate(deadline, '2026-03-01T23:59:59+08:00')).toBeFalse();
      expect(isLate(deadline, '2026-03-01T15:59:59.999Z')).toBeFalse();
    });
    it('late one millisecond after', () => {
      expect(isLate(deadline, '2026-03-01T16:00:00.000Z')).toBeTrue();
      expect(isLate(deadline, '2026-03-02T00:00:00+08:00')).toBeTrue();
    });
  });
});

describe('local stamps of entry names (issue 19, point 11)', () => {
  it("reads the bureau's wall-clock time, not UTC", () => {
    // 2026-12-07 17:30:05.042 UTC is 2026-12-08 01:30:05.042 in the bureau.
    expect(localStamp(Date.UTC(2026, 11, 7, 17, 30, 5, 42), ASIA_SHANGHAI))
      .toBe('20261208013005042');
    expect(localStamp(Date.UTC(2026, 0, 1, 0, 0, 0, 0), fixedOffsetZone(-300)))
      .toBe('20251231190000000');
  });
});
