import { AcsError } from '../http/errors.js';
import { evalDateMath } from './afts-dates.js';

const NOW = Date.parse('2026-12-07T15:30:45.123Z');
const iso = (t: string): string => new Date(evalDateMath(t, NOW) as number).toISOString();

describe('AFTS date maths (issue 17: Recent Files sends NOW/DAY-30DAYS)', () => {
  it('rounds and shifts as Solr DateMathParser, in UTC', () => {
    expect(iso('NOW')).toBe('2026-12-07T15:30:45.123Z');
    expect(iso('NOW/DAY')).toBe('2026-12-07T00:00:00.000Z');
    expect(iso('NOW/DAY-30DAYS')).toBe('2026-11-07T00:00:00.000Z');
    expect(iso('NOW/DAY+1DAY')).toBe('2026-12-08T00:00:00.000Z');
    expect(iso('NOW-7DAYS')).toBe('2026-11-30T15:30:45.123Z');
    expect(iso('NOW/MONTH+1MONTH-1HOUR')).toBe('2026-12-31T23:00:00.000Z');
    expect(iso('2026-01-31+1MONTH')).toBe('2026-02-28T00:00:00.000Z'); // Calendar.add clamps
  });

  it('leaves what is no date expression to the caller', () => {
    expect(evalDateMath('banana', NOW)).toBeUndefined();
  });

  it('answers malformed maths with a 400', () => {
    for (const bad of ['NOW/DAYS2', 'NOW+DAY', 'NOW-3FORTNIGHTS', 'NOW/3DAY']) {
      let err: unknown;
      try {
        evalDateMath(bad, NOW);
      } catch (e) {
        err = e;
      }
      expect(err instanceof AcsError && err.statusCode === 400).withContext(bad).toBeTrue();
    }
  });
});
