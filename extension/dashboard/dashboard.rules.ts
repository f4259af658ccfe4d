import { EfrRole, EfrUser, hasAnyRole } from '../shared/public-api';
import { Queue } from '../approvals/public-api';
import { CaseStatusFilter, caseStatusToParams } from '../cases/public-api';
import { ExemptionFilter, exemptionFilterToParams } from '../exemptions/public-api';
import { HandoverFilter } from '../handover/public-api';
import { RecordingFilter, filterToParams } from '../recordings/public-api';
import { CampaignFilter, campaignFilterToParams } from '../spot-checks/public-api';

/** Where a tile's count leads: a feature screen, filtered through its URL query parameters. */
export interface TileLink {
  route: string;
  queryParams?: Record<string, string>;
}

/**
 * The feature list a tile stands for, as that feature's own filter. The tile's link is the
 * filter written into the screen's URL, and the count is the feature's count of the same
 * filter (the request its list sends), so the number and the rows it opens agree.
 */
export type TileSource =
  | { feature: 'handovers'; filter: HandoverFilter }
  | { feature: 'approvals'; queue: Queue }
  | { feature: 'spotChecks'; filter: CampaignFilter }
  | { feature: 'exemptions'; filter: ExemptionFilter }
  | { feature: 'recordings'; filter: RecordingFilter }
  | { feature: 'cases'; status: CaseStatusFilter };

/** One work count on the dashboard. */
export interface WorkTile {
  /** Stable id (i18n key part, e2e hook). */
  id: string;
  /** Material icon. */
  icon: string;
  /** Roles that see the tile (admins see every tile). */
  roles: readonly EfrRole[];
  /** The feature list the tile counts and opens. */
  source: (user: EfrUser) => TileSource;
}

/**
 * Every tile, each opening the screen where that work is done (docs/enumerations.md for the
 * statuses): a handover waits for the two custodians until sealed (R21.4); a request goes
 * submitted → reviewed (office director) → approved (leader) → registered (custodian), each
 * step in that role's approvals queue (R24); findings are due while pending (R28.2);
 * exemptions wait for the leader they are reported to while written (R11.2).
 */
export const WORK_TILES: readonly WorkTile[] = [
  {
    id: 'handoversToReceive',
    icon: 'move_to_inbox',
    roles: [EfrRole.Custodian],
    // Open (no receipt yet) and pending (one custodian received) alike.
    source: () => ({ feature: 'handovers', filter: 'unsealed' }),
  },
  {
    id: 'requestsToReview',
    icon: 'rate_review',
    roles: [EfrRole.OfficeDirector],
    source: () => ({ feature: 'approvals', queue: 'review' }),
  },
  {
    id: 'requestsToApprove',
    icon: 'approval',
    roles: [EfrRole.Leader],
    // Only the requests this leader may approve: never their own, never one they reviewed.
    source: () => ({ feature: 'approvals', queue: 'approve' }),
  },
  {
    id: 'requestsToRegister',
    icon: 'how_to_reg',
    roles: [EfrRole.Custodian],
    source: () => ({ feature: 'approvals', queue: 'register' }),
  },
  {
    id: 'findingsDue',
    icon: 'fact_check',
    roles: [EfrRole.Supervisor],
    source: () => ({ feature: 'spotChecks', filter: 'pending' }),
  },
  {
    id: 'exemptionsToAcknowledge',
    icon: 'assignment_late',
    roles: [EfrRole.Leader],
    // Every record reported to this leader and not yet acknowledged (the repository filters).
    source: (user) => ({
      feature: 'exemptions',
      filter: { view: 'all', status: 'written', leader: user.id },
    }),
  },
  {
    id: 'viewingOpen',
    icon: 'smart_display',
    roles: [EfrRole.Officer],
    // Viewings registered for this officer whose window is open now (R24.2; issue 19).
    source: () => ({ feature: 'approvals', queue: 'viewing' }),
  },
  {
    id: 'myRecordings',
    icon: 'videocam',
    roles: [EfrRole.Officer],
    // First or second officer (R15.2).
    source: (user) => ({ feature: 'recordings', filter: { officer: user.id } }),
  },
  {
    id: 'lateHandovers',
    icon: 'schedule',
    roles: [EfrRole.UnitHead, EfrRole.Supervisor],
    // Sealed after the deadline, or still unsealed past it (R21.1, R21.2).
    source: () => ({ feature: 'handovers', filter: 'late' }),
  },
  {
    id: 'openCases',
    icon: 'folder_open',
    roles: [EfrRole.Legal, EfrRole.Leader],
    source: () => ({ feature: 'cases', status: 'open' }),
  },
];

/** `dashboard.tilesFor`: the tiles a user sees, in the order above; admins see all. */
export function tilesFor(user: EfrUser | null): WorkTile[] {
  if (!user) return [];
  return WORK_TILES.filter((tile) => hasAnyRole(user, tile.roles));
}

/** `dashboard.tileById`: a tile by id, only if the user may see it. */
export function visibleTile(user: EfrUser | null, id: string): WorkTile | null {
  return tilesFor(user).find((tile) => tile.id === id) ?? null;
}

/**
 * `dashboard.tileLink`: the screen a source opens, its filter written the way that screen
 * reads its URL (each feature's own `…ToParams`).
 */
export function tileLink(source: TileSource): TileLink {
  switch (source.feature) {
    case 'handovers':
      return { route: '/handovers', queryParams: { status: source.filter } };
    case 'approvals':
      return { route: '/approvals', queryParams: { queue: source.queue } };
    case 'spotChecks':
      return { route: '/spot-checks', queryParams: campaignFilterToParams(source.filter) };
    case 'exemptions':
      return { route: '/exemptions', queryParams: exemptionFilterToParams(source.filter) };
    case 'recordings':
      return { route: '/recordings', queryParams: filterToParams(source.filter) };
    case 'cases':
      return { route: '/cases', queryParams: caseStatusToParams(source.status) };
  }
}
