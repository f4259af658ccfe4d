import type { FixityStatus } from '../../core/src/index';
import { EfrRole, type EfrUser } from '../shared/public-api';
import { coveragePercent, daysToCover, mayFollowFixity } from './fixity.rules';

const user = (roles: EfrRole[]): EfrUser => ({ id: 'u', displayName: 'U', roles, isAdmin: false });

describe('fixity screen rules (issue 18)', () => {
  it('shows fixity to custodians and supervisors only', () => {
    expect(mayFollowFixity(user([EfrRole.Custodian]))).toBeTrue();
    expect(mayFollowFixity(user([EfrRole.Supervisor]))).toBeTrue();
    expect(mayFollowFixity(user([EfrRole.Officer]))).toBeFalse();
    expect(mayFollowFixity(null)).toBeFalse();
  });

  it('computes coverage and the days left at the configured rate', () => {
    expect(coveragePercent({ checkedInCycle: 1, total: 3 })).toBe(33);
    expect(coveragePercent({ checkedInCycle: 0, total: 0 })).toBe(0);
    const s = { total: 4, checkedInCycle: 2, totalBytes: 48 * 2 ** 30, bytesPerHour: 2 ** 30 };
    expect(daysToCover(s as FixityStatus)).toBe(1);
    expect(daysToCover({ ...s, checkedInCycle: 4 } as FixityStatus)).toBe(0);
  });
});
