import {
  compareCodeUnits, daysInMonth, distinct, isCaseNumber, isIsoDate, isIsoDateTime, isLeapYear,
  isNonBlank, isNonNegativeInteger, isSha256Hex, isSha256HexAnyCase, parseInstant,
  requireInstant, sameSet,
  trimmedLength,
} from './index.js';

describe('validation helpers (R2.1, R21.1, R21.4, R22.1)', () => {
  it('parses ISO date-times with a zone, like Date.parse where both accept them', () => {
    const ok = ['2026-03-01T10:00Z', '2026-03-01T10:00:00Z', '2026-03-01T10:00:00.123Z',
      '2026-03-01T10:00:00.123456+08:00', '2026-03-01T23:59:59-05:30', '2024-02-29T00:00:00Z'];
    for (const text of ok) {
      expect(parseInstant(text)).withContext(text).toBe(Date.parse(text.replace(/(\.\d{3})\d+/,
        '$1')));
      expect(isIsoDateTime(text)).toBeTrue();
    }
  });
  it('reads every millisecond fraction exactly (R21.1 deadlines are to the millisecond)', () => {
    for (let ms = 0; ms < 1000; ms++) {
      const frac = String(ms).padStart(3, '0');
      const text = '2026-03-01T15:59:59.' + frac + 'Z';
      expect(parseInstant(text)).withContext(text).toBe(Date.UTC(2026, 2, 1, 15, 59, 59, ms));
      const short = ms === 0 ? '0' : frac.replace(/0+$/, '');
      expect(parseInstant('2026-03-01T15:59:59.' + short + 'Z'))
        .withContext(text).toBe(Date.UTC(2026, 2, 1, 15, 59, 59, ms));
    }
    expect(parseInstant('2026-03-01T15:59:59.9999Z')).toBe(Date.UTC(2026, 2, 1, 15, 59, 59, 999));
  });
  it('refuses missing zones, impossible dates and other shapes', () => {
    const bad = ['2026-03-01T10:00:00', '2026-03-01', '2025-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z', '2026-03-01T24:00:00Z', '2026-03-01T10:60:00Z',
      '2026-03-01T10:00:60Z', '2026-03-01T10:00:00+24:00', '2026-03-01 10:00:00Z', '', null, 5,
      'Sun Mar 01 2026'];
    for (const text of bad) {
      expect(parseInstant(text)).withContext(String(text)).toBeNull();
      expect(isIsoDateTime(text)).toBeFalse();
    }
    expect(() => requireInstant('nope', 'now')).toThrowError(RangeError, /now/);
  });
  it('checks calendar dates and leap years', () => {
    expect(isIsoDate('2024-02-29')).toBeTrue();
    expect(isIsoDate('2100-02-29')).toBeFalse();
    expect(isIsoDate('2000-02-29')).toBeTrue();
    expect(isIsoDate('2026-00-10')).toBeFalse();
    expect(isIsoDate('2026-1-10')).toBeFalse();
    expect([isLeapYear(1900), isLeapYear(2000), isLeapYear(2024), isLeapYear(2026)])
      .toEqual([false, true, true, false]);
    expect([1, 2, 4, 12].map((m) => daysInMonth(2024, m))).toEqual([31, 29, 30, 31]);
  });
  it('SHA-256 hex: lower case as stored, any case as typed', () => {
    expect(isSha256Hex('0'.repeat(64))).toBeTrue();
    expect(isSha256Hex('A'.repeat(64))).toBeFalse();
    expect(isSha256HexAnyCase('A'.repeat(64))).toBeTrue();
    expect(isSha256Hex('0'.repeat(63))).toBeFalse();
    expect(isSha256Hex('g'.repeat(64))).toBeFalse();
    expect(isSha256Hex(null)).toBeFalse();
  });
  it('R2.1: case numbers in the bureau style or the system style', () => {
    for (const ok of ['丹民罚〔2026〕12号', '民罚〔2026〕123456号', 'EFR-2026-0001', 'AB-2026-123']) {
      expect(isCaseNumber(ok)).withContext(ok).toBeTrue();
    }
    for (const bad of ['丹民罚[2026]12号', '丹民罚〔26〕12号', '〔2026〕12号', 'efr-2026-0001',
      'EFR-2026-01', 'EFR-2026-0001 ', 'ABCDEFGHI-2026-001', '丹民罚〔2026〕1234567号', 7]) {
      expect(isCaseNumber(bad)).withContext(String(bad)).toBeFalse();
    }
  });
  it('text and number helpers', () => {
    expect([isNonBlank(' a '), isNonBlank(' \n\t'), isNonBlank(null)])
      .toEqual([true, false, false]);
    expect([trimmedLength('  两个 '), trimmedLength(3)]).toEqual([2, 0]);
    expect([isNonNegativeInteger(0), isNonNegativeInteger(1.5), isNonNegativeInteger(-1),
      isNonNegativeInteger(NaN)]).toEqual([true, false, false, false]);
    expect(distinct(['b', 'a', 'b', '__proto__', '__proto__'])).toEqual(['b', 'a', '__proto__']);
    expect(sameSet(['a', 'b', 'a'], ['b', 'a'])).toBeTrue();
    expect(sameSet(['a'], ['a', 'b'])).toBeFalse();
    expect(['b', 'B', 'a', '张', 'Z'].sort(compareCodeUnits)).toEqual(['B', 'Z', 'a', 'b', '张']);
  });
});
