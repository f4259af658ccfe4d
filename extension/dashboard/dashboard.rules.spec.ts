import { EfrRole } from '../shared/public-api';
import { ADMIN_USER, userWith } from '../shared/mock/users.mock';
import { WORK_TILES, tilesFor, visibleTile } from './dashboard.rules';

describe('dashboard.rules (issue 4: per-role work counts)', () => {
  const ids = (roles: EfrRole[]) => tilesFor(userWith('u1', ...roles)).map((t) => t.id);

  it('gives custodians handovers to receive and viewings to register (R21.4, R24.2)', () => {
    expect(ids([EfrRole.Custodian])).toEqual(['handoversToReceive', 'requestsToRegister']);
  });

  it('gives office directors reviews and leaders approvals and exemptions (R24, R11.2)', () => {
    expect(ids([EfrRole.OfficeDirector])).toEqual(['requestsToReview']);
    expect(ids([EfrRole.Leader])).toEqual([
      'requestsToApprove',
      'exemptionsToAcknowledge',
      'openCases',
    ]);
  });

  it('gives supervisors the findings due (R28.2)', () => {
    expect(ids([EfrRole.Supervisor])).toContain('findingsDue');
  });

  it('shows admins every tile and signed-out users none', () => {
    expect(tilesFor(ADMIN_USER).length).toBe(WORK_TILES.length);
    expect(tilesFor(null)).toEqual([]);
  });

  it('counts handovers while open or pending, requests by their status', () => {
    const user = userWith('c1', EfrRole.Custodian);
    expect(visibleTile(user, 'handoversToReceive')?.query(user)).toBe(
      'TYPE:"efr:handover" AND (efr:handoverStatus:"open" OR efr:handoverStatus:"pending")',
    );
    expect(visibleTile(user, 'requestsToRegister')?.query(user)).toContain(
      'efr:requestStatus:"approved"',
    );
  });

  it("counts an officer's recordings as first or second officer and links the list", () => {
    const user = userWith('officer1', EfrRole.Officer);
    const tile = visibleTile(user, 'myRecordings');
    expect(tile?.query(user)).toContain('efr:coOfficer:"officer1"');
    expect(tile?.link(user)).toEqual({
      route: '/recordings',
      queryParams: { officer: 'officer1' },
    });
  });

  it('does not hand out a tile the user may not see', () => {
    expect(visibleTile(userWith('o1', EfrRole.Officer), 'requestsToApprove')).toBeNull();
  });
});
