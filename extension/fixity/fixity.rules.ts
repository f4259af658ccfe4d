import type { FixityStatus } from '../../core/src/index';
import { EfrRole, EfrUser, hasAnyRole } from '../shared/public-api';

/** Whether the user follows fixity audits: custodians keep the archive, supervisors watch it. */
export function mayFollowFixity(user: EfrUser | null): boolean {
  return hasAnyRole(user, [EfrRole.Custodian, EfrRole.Supervisor]);
}

/** Coverage of the cycle as a whole percentage (0 when nothing is sealed yet). */
export function coveragePercent(s: Pick<FixityStatus, 'checkedInCycle' | 'total'>): number {
  return s.total === 0 ? 0 : Math.floor((s.checkedInCycle * 100) / s.total);
}

/** Days the rest of the cycle needs at the configured rate (0 when all are checked). */
export function daysToCover(s: FixityStatus): number {
  if (s.total === 0 || s.checkedInCycle >= s.total) return 0;
  const left = s.totalBytes * (1 - s.checkedInCycle / s.total);
  return Math.ceil(left / s.bytesPerHour / 24);
}
