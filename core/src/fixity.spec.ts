// Fixity audit planning (issue 18, R26.1): every sealed recording within the cycle, oldest
// check first, within the round's byte budget; coverage as the screen shows it.
import {
  DEFAULT_FIXITY_POLICY, fixityCoverage, planFixityRound, type FixitySubject,
} from './index.js';

const DAY = 86400000;
const NOW = Date.UTC(2026, 11, 7);
const GIB = 1024 ** 3;

describe('fixity audit planning (issue 18, R26.1)', () => {
  const subjects: FixitySubject[] = [
    { id: 'a', size: 2 * GIB, lastCheckedAt: NOW - 10 * DAY },
    { id: 'b', size: 1 * GIB, lastCheckedAt: null },
    { id: 'c', size: 3 * GIB, lastCheckedAt: NOW - 100 * DAY },
    { id: 'd', size: 1 * GIB, lastCheckedAt: NOW - 91 * DAY },
  ];

  it('defaults to every recording within 90 days', () => {
    expect(DEFAULT_FIXITY_POLICY.cycleDays).toBe(90);
  });

  it('takes never-checked first, then the oldest check, within the byte budget', () => {
    const policy = { cycleDays: 90, bytesPerHour: 4 * GIB };
    expect(planFixityRound(subjects, policy, NOW, 3600000).map((s) => s.id)).toEqual(['b', 'c']);
    expect(planFixityRound(subjects, policy, NOW, 30 * 60000).map((s) => s.id)).toEqual(['b']);
  });

  it('always moves at least one file, even one larger than the budget', () => {
    const policy = { cycleDays: 90, bytesPerHour: 1024 };
    expect(planFixityRound(subjects, policy, NOW, 60000).map((s) => s.id)).toEqual(['b']);
  });

  it('leaves out what was checked within the cycle', () => {
    const policy = { cycleDays: 90, bytesPerHour: 100 * GIB };
    expect(planFixityRound(subjects, policy, NOW, 3600000).map((s) => s.id))
      .toEqual(['b', 'c', 'd']);
  });

  it('reports coverage and whether the rate can meet the cycle', () => {
    const c = fixityCoverage(subjects, { cycleDays: 90, bytesPerHour: 1024 }, NOW);
    expect(c).toEqual(jasmine.objectContaining({ total: 4, checkedInCycle: 1,
      totalBytes: 7 * GIB, cycleFeasible: false }));
    expect(c.requiredBytesPerHour).toBe(Math.ceil(7 * GIB / (90 * 24)));
    expect(fixityCoverage(subjects, DEFAULT_FIXITY_POLICY, NOW).cycleFeasible).toBeTrue();
  });
});
