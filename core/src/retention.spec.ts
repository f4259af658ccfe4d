import { addYearsUtc, computeRetention, isRetentionShortened, mergeRetention } from './index.js';

describe('retention (R22.1, R22.2)', () => {
  describe('addYearsUtc: calendar years in UTC', () => {
    it('keeps month, day and time', () => {
      expect(addYearsUtc('2026-03-01T10:20:30.400Z', 1)).toBe('2027-03-01T10:20:30.400Z');
    });
    it('reads offsets and answers in UTC', () => {
      expect(addYearsUtc('2026-01-01T02:00:00+08:00', 1)).toBe('2026-12-31T18:00:00.000Z');
    });
    it('Feb 29 into a common year lands on Mar 1, never Feb 28', () => {
      expect(addYearsUtc('2024-02-29T10:00:00Z', 1)).toBe('2025-03-01T10:00:00.000Z');
    });
    it('Feb 29 into a leap year stays Feb 29', () => {
      expect(addYearsUtc('2024-02-29T10:00:00Z', 4)).toBe('2028-02-29T10:00:00.000Z');
    });
    it('Feb 29 + 100 years (2124 is leap) and + 76 (2100 is not leap)', () => {
      expect(addYearsUtc('2024-02-29T00:00:00Z', 100)).toBe('2124-02-29T00:00:00.000Z');
      expect(addYearsUtc('2024-02-29T00:00:00Z', 76)).toBe('2100-03-01T00:00:00.000Z');
    });
    it('Feb 28 stays Feb 28', () => {
      expect(addYearsUtc('2023-02-28T23:59:59Z', 1)).toBe('2024-02-28T23:59:59.000Z');
    });
    it('refuses a date without a zone', () => {
      expect(() => addYearsUtc('2026-03-01T10:00:00', 1)).toThrowError(RangeError);
    });
  });

  describe('computeRetention', () => {
    it('R22.1: at least one year after the recording ends', () => {
      expect(computeRetention({ recordingEnd: '2026-05-10T08:00:00Z', linkedCases: [] }))
        .toEqual({ retainUntil: '2027-05-10T08:00:00.000Z', permanent: false });
    });
    it('R22.1: a longer configured minimum is honoured', () => {
      expect(computeRetention({
        recordingEnd: '2026-05-10T08:00:00Z', linkedCases: [], minimumYears: 3,
      }).retainUntil).toBe('2029-05-10T08:00:00.000Z');
    });
    it('R22.1: a minimum below one year is a programming error', () => {
      expect(() => computeRetention({
        recordingEnd: '2026-05-10T08:00:00Z', linkedCases: [], minimumYears: 0,
      })).toThrowError(RangeError);
    });
    it('R22.2: evidence follows the closed case, counted from closing', () => {
      expect(computeRetention({
        recordingEnd: '2026-05-10T08:00:00Z',
        linkedCases: [{ retentionYears: 10, retentionPermanent: false,
          closedAt: '2026-09-01T00:00:00Z' }],
      })).toEqual({ retainUntil: '2036-09-01T00:00:00.000Z', permanent: false });
    });
    it('R22.1 still wins when the case retention would end earlier', () => {
      expect(computeRetention({
        recordingEnd: '2026-05-10T08:00:00Z',
        linkedCases: [{ retentionYears: 0, retentionPermanent: false,
          closedAt: '2026-06-01T00:00:00Z' }],
      }).retainUntil).toBe('2027-05-10T08:00:00.000Z');
    });
    it('R22.2: the longest of several cases wins', () => {
      expect(computeRetention({
        recordingEnd: '2026-05-10T08:00:00Z',
        linkedCases: [
          { retentionYears: 30, retentionPermanent: false, closedAt: '2026-07-01T00:00:00Z' },
          { retentionYears: 10, retentionPermanent: false, closedAt: '2040-01-01T00:00:00Z' },
        ],
      }).retainUntil).toBe('2056-07-01T00:00:00.000Z');
    });
    it('R22.2: any permanent case makes the record permanent', () => {
      expect(computeRetention({
        recordingEnd: '2026-05-10T08:00:00Z',
        linkedCases: [
          { retentionYears: 10, retentionPermanent: false, closedAt: '2026-07-01T00:00:00Z' },
          { retentionYears: null, retentionPermanent: true, closedAt: null },
        ],
      })).toEqual({ retainUntil: null, permanent: true });
    });
    it('R22.2: an open case holds the evidence without an end date', () => {
      expect(computeRetention({
        recordingEnd: '2026-05-10T08:00:00Z',
        linkedCases: [
          { retentionYears: 10, retentionPermanent: false, closedAt: '2026-07-01T00:00:00Z' },
          { retentionYears: 10, retentionPermanent: false, closedAt: null },
        ],
      })).toEqual({ retainUntil: null, permanent: false });
    });
    it('R22.2: a closed case without a retention set also holds', () => {
      expect(computeRetention({
        recordingEnd: '2026-05-10T08:00:00Z',
        linkedCases: [{ retentionYears: null, retentionPermanent: false,
          closedAt: '2026-07-01T00:00:00Z' }],
      })).toEqual({ retainUntil: null, permanent: false });
    });
    it('R22.1: a recording ending on Feb 29 is kept until Mar 1 next year', () => {
      expect(computeRetention({ recordingEnd: '2028-02-29T23:30:00Z', linkedCases: [] })
        .retainUntil).toBe('2029-03-01T23:30:00.000Z');
    });
  });

  describe('mergeRetention never shortens', () => {
    const date = (d: string) => ({ retainUntil: d, permanent: false });
    const held = { retainUntil: null, permanent: false };
    const permanent = { retainUntil: null, permanent: true };
    it('keeps the later of two dates', () => {
      expect(mergeRetention(date('2030-01-01T00:00:00.000Z'), date('2028-01-01T00:00:00.000Z')))
        .toEqual(date('2030-01-01T00:00:00.000Z'));
      expect(mergeRetention(date('2028-01-01T00:00:00.000Z'), date('2030-01-01T00:00:00.000Z')))
        .toEqual(date('2030-01-01T00:00:00.000Z'));
    });
    it('permanent stays permanent', () => {
      expect(mergeRetention(permanent, date('2030-01-01T00:00:00.000Z'))).toEqual(permanent);
      expect(mergeRetention(date('2030-01-01T00:00:00.000Z'), permanent)).toEqual(permanent);
    });
    it('a held record gets its date when the open case closes', () => {
      expect(mergeRetention(held, date('2040-01-01T00:00:00.000Z')))
        .toEqual(date('2040-01-01T00:00:00.000Z'));
    });
    it('a newly linked open case turns a date into a hold', () => {
      expect(mergeRetention(date('2030-01-01T00:00:00.000Z'), held)).toEqual(held);
    });
    it('isRetentionShortened spots earlier dates and lost permanence', () => {
      expect(isRetentionShortened(date('2030-01-01T00:00:00Z'), date('2029-12-31T23:59:59Z')))
        .toBeTrue();
      expect(isRetentionShortened(permanent, date('2099-01-01T00:00:00Z'))).toBeTrue();
      expect(isRetentionShortened(date('2030-01-01T00:00:00Z'), permanent)).toBeFalse();
      expect(isRetentionShortened(date('2030-01-01T00:00:00Z'), held)).toBeFalse();
    });
  });
});
