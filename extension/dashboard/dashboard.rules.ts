import {
  EFR_PROP,
  EFR_TYPE,
  EfrRole,
  EfrUser,
  aftsAnd,
  aftsAnyOf,
  aftsEquals,
  aftsType,
  hasAnyRole,
} from '../shared/public-api';

/** Where a tile's count leads: a filtered list. */
export interface TileLink {
  route: string;
  queryParams?: Record<string, string>;
}

/** One work count on the dashboard. */
export interface WorkTile {
  /** Stable id (route parameter of the work list, e2e hook). */
  id: string;
  /** Material icon. */
  icon: string;
  /** Roles that see the tile (admins see every tile). */
  roles: readonly EfrRole[];
  /** The AFTS query whose total is the count. */
  query: (user: EfrUser) => string;
  /** The filtered list the count opens. */
  link: (user: EfrUser) => TileLink;
}

const work = (id: string): TileLink => ({ route: `/dashboard/work/${id}` });

/**
 * Every tile. Queries name the statuses of docs/enumerations.md: a handover waits for the
 * two custodians while open or pending (R21.4); a request goes submitted → reviewed (office
 * director) → approved (leader) → registered (custodian) (R24); findings are due while pending
 * (R28.2); exemptions wait for the leader while written (R11.2).
 */
export const WORK_TILES: readonly WorkTile[] = [
  {
    id: 'handoversToReceive',
    icon: 'move_to_inbox',
    roles: [EfrRole.Custodian],
    query: () =>
      aftsAnd([
        aftsType(EFR_TYPE.handover),
        aftsAnyOf(EFR_PROP.handoverStatus, ['open', 'pending']),
      ]),
    link: () => work('handoversToReceive'),
  },
  {
    id: 'requestsToReview',
    icon: 'rate_review',
    roles: [EfrRole.OfficeDirector],
    query: () => requestsIn('submitted'),
    link: () => work('requestsToReview'),
  },
  {
    id: 'requestsToApprove',
    icon: 'approval',
    roles: [EfrRole.Leader],
    query: () => requestsIn('reviewed'),
    link: () => work('requestsToApprove'),
  },
  {
    id: 'requestsToRegister',
    icon: 'how_to_reg',
    roles: [EfrRole.Custodian],
    query: () => requestsIn('approved'),
    link: () => work('requestsToRegister'),
  },
  {
    id: 'findingsDue',
    icon: 'fact_check',
    roles: [EfrRole.Supervisor],
    query: () =>
      aftsAnd([aftsType(EFR_TYPE.finding), aftsEquals(EFR_PROP.findingStatus, 'pending')]),
    link: () => work('findingsDue'),
  },
  {
    id: 'exemptionsToAcknowledge',
    icon: 'assignment_late',
    roles: [EfrRole.Leader],
    query: () =>
      aftsAnd([aftsType(EFR_TYPE.exemption), aftsEquals(EFR_PROP.exemptionStatus, 'written')]),
    link: () => work('exemptionsToAcknowledge'),
  },
  {
    id: 'myRecordings',
    icon: 'videocam',
    roles: [EfrRole.Officer],
    query: (user) =>
      aftsAnd([
        aftsType(EFR_TYPE.recording),
        `(${aftsEquals(EFR_PROP.officer, user.id)} OR ${aftsEquals(EFR_PROP.coOfficer, user.id)})`,
      ]),
    link: (user) => ({ route: '/recordings', queryParams: { officer: user.id } }),
  },
  {
    id: 'lateHandovers',
    icon: 'schedule',
    roles: [EfrRole.UnitHead, EfrRole.Supervisor],
    query: () => aftsAnd([aftsType(EFR_TYPE.handover), aftsEquals(EFR_PROP.late, 'true')]),
    link: () => ({ route: '/recordings', queryParams: { lateOnly: 'true' } }),
  },
  {
    id: 'openCases',
    icon: 'folder_open',
    roles: [EfrRole.Legal, EfrRole.Leader],
    query: () => aftsAnd([aftsType(EFR_TYPE.case), aftsEquals(EFR_PROP.caseStatus, 'open')]),
    link: () => ({ route: '/cases' }),
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

function requestsIn(status: string): string {
  return aftsAnd([aftsType(EFR_TYPE.accessRequest), aftsEquals(EFR_PROP.requestStatus, status)]);
}
