import { handoverDeadline } from '../../../../core/src/index.js';
import { bureauZone } from './bureau-zone.js';

describe('bureauZone (EFR_TIME_ZONE, R21.1)', () => {
  const deadline = (zone: string, end: string): string =>
    handoverDeadline({
      fieldWorkEnd: end,
      returnedAt: null,
      awayWork: false,
      zone: bureauZone(zone),
    });

  it('defaults to Asia/Shanghai: the end of the local day across UTC midnight', () => {
    // 01:30 Beijing on the 27th is 17:30 UTC on the 26th: the day is the 27th in Beijing.
    expect(deadline('', '2026-11-26T17:30:00Z')).toBe('2026-11-27T15:59:59.999Z');
    expect(deadline('Asia/Shanghai', '2026-11-26T15:59:00Z')).toBe('2026-11-26T15:59:59.999Z');
  });

  it('takes fixed offsets and IANA names with daylight saving', () => {
    expect(deadline('+05:30', '2026-06-01T12:00:00Z')).toBe('2026-06-01T18:29:59.999Z');
    // Berlin in June is UTC+2, in December UTC+1.
    expect(deadline('Europe/Berlin', '2026-06-01T12:00:00Z')).toBe('2026-06-01T21:59:59.999Z');
    expect(deadline('Europe/Berlin', '2026-12-01T12:00:00Z')).toBe('2026-12-01T22:59:59.999Z');
  });

  it('stops the start-up on an unknown zone', () => {
    expect(() => bureauZone('Mars/Olympus')).toThrowError(/EFR_TIME_ZONE/);
  });
});
