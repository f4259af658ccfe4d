import { EfrRole } from '../shared/public-api';
import { ADMIN_USER, userWith } from '../shared/mock/users.mock';
import { queueFromParam } from '../approvals/public-api';
import { caseStatusFromParam } from '../cases/public-api';
import { exemptionFilterFromParams } from '../exemptions/public-api';
import { handoverFilterFromParam } from '../handover/public-api';
import { filterFromParams } from '../recordings/public-api';
import { campaignFilterFromParam } from '../spot-checks/public-api';
import { TileSource, WORK_TILES, tileLink, tilesFor, visibleTile } from './dashboard.rules';

describe('dashboard.rules (issue 4: per-role work counts)', () => {
  const ids = (roles: EfrRole[]) => tilesFor(userWith('u1', ...roles)).map((t) => t.id);
  /** The tile's source and link as `user` sees them. */
  const opened = (id: string, user = ADMIN_USER) => {
    const source = visibleTile(user, id)?.source(user) as TileSource;
    return { source, link: tileLink(source) };
  };

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

  it('gives supervisors the findings due and unit heads the late handovers (R28.2, R21)', () => {
    expect(ids([EfrRole.Supervisor])).toEqual(['findingsDue', 'lateHandovers']);
    expect(ids([EfrRole.UnitHead])).toEqual(['lateHandovers']);
  });

  it('shows admins every tile and signed-out users none', () => {
    expect(tilesFor(ADMIN_USER).length).toBe(WORK_TILES.length);
    expect(tilesFor(null)).toEqual([]);
  });

  it('does not hand out a tile the user may not see', () => {
    expect(visibleTile(userWith('o1', EfrRole.Officer), 'requestsToApprove')).toBeNull();
  });

  describe('each tile opens the feature screen that does the work', () => {
    it('handovers to receive: the handovers list, open and pending together (R21.4)', () => {
      const { source, link } = opened('handoversToReceive', userWith('c1', EfrRole.Custodian));
      expect(source).toEqual({ feature: 'handovers', filter: 'unsealed' });
      expect(link).toEqual({ route: '/handovers', queryParams: { status: 'unsealed' } });
    });

    it('viewing requests: the approvals queue of the role whose turn it is (R24.1, R24.2)', () => {
      expect(opened('requestsToReview').link).toEqual({
        route: '/approvals',
        queryParams: { queue: 'review' },
      });
      expect(opened('requestsToApprove').source).toEqual({
        feature: 'approvals',
        queue: 'approve',
      });
      expect(opened('requestsToRegister').link.queryParams).toEqual({ queue: 'register' });
    });

    it('findings due: the campaigns with recordings still to assess (R28.2)', () => {
      expect(opened('findingsDue').link).toEqual({
        route: '/spot-checks',
        queryParams: { findings: 'pending' },
      });
    });

    it('exemptions: every written record reported to this leader (R11.2)', () => {
      const leader = userWith('leader1', EfrRole.Leader);
      expect(opened('exemptionsToAcknowledge', leader).link).toEqual({
        route: '/exemptions',
        queryParams: { view: 'all', status: 'written', leader: 'leader1' },
      });
    });

    it("my recordings: the officer's recordings as first or second officer (R15.2)", () => {
      const officer = userWith('officer1', EfrRole.Officer);
      expect(opened('myRecordings', officer).link).toEqual({
        route: '/recordings',
        queryParams: { officer: 'officer1' },
      });
    });

    // Issue 19, point 11: no tile told an officer that a viewing window was open.
    it('viewings open now: the officer\'s open viewing windows (R24.2)', () => {
      const officer = userWith('officer1', EfrRole.Officer);
      expect(ids([EfrRole.Officer])).toEqual(['viewingOpen', 'myRecordings']);
      expect(opened('viewingOpen', officer).link).toEqual({
        route: '/approvals',
        queryParams: { queue: 'viewing' },
      });
    });

    it('late handovers: the handovers list, not the recordings it used to open (R21.1)', () => {
      expect(opened('lateHandovers').link).toEqual({
        route: '/handovers',
        queryParams: { status: 'late' },
      });
    });

    it('open cases: the cases list filtered to open ones', () => {
      expect(opened('openCases').link).toEqual({
        route: '/cases',
        queryParams: { status: 'open' },
      });
    });

    it('no tile opens the generic work list any more', () => {
      for (const tile of WORK_TILES) {
        expect(opened(tile.id).link.route).withContext(tile.id).not.toMatch(/^\/dashboard/);
      }
    });
  });

  // The count is the feature's count of `source`; the screen reads its filter back from the
  // link's URL. Both must be the same filter, or the number and the rows would disagree.
  it('every link gives its screen back the very filter the tile counted', () => {
    for (const tile of WORK_TILES) {
      const user = userWith('someone', ...tile.roles);
      const source = tile.source(user);
      const params = tileLink(source).queryParams ?? {};
      const read: TileSource = ((): TileSource => {
        switch (source.feature) {
          case 'handovers':
            return { feature: 'handovers', filter: handoverFilterFromParam(params['status']) };
          case 'approvals':
            return { feature: 'approvals', queue: queueFromParam(params['queue'], user) };
          case 'spotChecks':
            return { feature: 'spotChecks', filter: campaignFilterFromParam(params['findings']) };
          case 'exemptions':
            return { feature: 'exemptions', filter: exemptionFilterFromParams(params, user) };
          case 'recordings':
            return { feature: 'recordings', filter: filterFromParams(params) };
          case 'cases':
            return { feature: 'cases', status: caseStatusFromParam(params['status']) };
        }
      })();
      expect(read).withContext(tile.id).toEqual(source);
    }
  });
});
