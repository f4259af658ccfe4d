import {
  ACTIVITY_TYPES,
  ActivityType,
  EFR_PROP,
  SECRECY_LEVELS,
  SecrecyLevel,
  EFR_TYPE,
  aftsAnd,
  aftsAnyOf,
  aftsDateRange,
  aftsEquals,
  aftsType,
  nodeRef,
} from '../shared/public-api';
import { RecordingFilter, RecordingSort, RecordingSortKey } from './recordings.model';

/** The field each sortable column sorts on. */
const SORT_FIELDS: Record<RecordingSortKey, string> = {
  name: 'cm:name',
  startedAt: EFR_PROP.startedAt,
  officers: EFR_PROP.officer,
  unit: EFR_PROP.unit,
  activityType: EFR_PROP.activityType,
};

/** One field of the search API's `sort` list. */
export interface SearchSortField {
  type: 'FIELD';
  field: string;
  ascending: boolean;
}

/** Default order: newest capture first, the order custodians and legal staff work in. */
export const DEFAULT_RECORDING_SORT: RecordingSort = { key: 'startedAt', ascending: false };

/** Node ids the query needs that AFTS cannot express as a property clause. */
export interface QueryLookups {
  /** Targets of the chosen case's efr:caseRecordings (case filter). */
  caseRecordingIds?: readonly string[];
  /** Ids of handovers flagged efr:late (late-handover filter). */
  lateHandoverIds?: readonly string[];
}

/** Matches no node: a filter whose lookup came back empty must give an empty list. */
const MATCH_NOTHING = aftsEquals('ID', nodeRef('none'));

/**
 * `recordings.query`: the AFTS query for a filter. AFTS has no clause for peer associations,
 * so the case filter becomes `ID:` clauses over the case's linked recordings; lateness is a
 * property of the handover (efr:late), so the late filter matches efr:handoverId against the
 * late handovers' ids. An empty lookup yields a query that matches nothing.
 */
export function recordingQuery(filter: RecordingFilter, lookups: QueryLookups = {}): string {
  const officer = filter.officer?.trim();
  return aftsAnd([
    aftsType(EFR_TYPE.recording),
    filter.caseId ? anyIdClause('ID', (lookups.caseRecordingIds ?? []).map(nodeRef)) : null,
    officer
      ? `(${aftsEquals(EFR_PROP.officer, officer)} OR ${aftsEquals(EFR_PROP.coOfficer, officer)})`
      : null,
    filter.unit?.trim() ? aftsEquals(EFR_PROP.unit, filter.unit.trim()) : null,
    filter.device?.trim() ? aftsEquals(EFR_PROP.deviceSerial, filter.device.trim()) : null,
    filter.activityType ? aftsEquals(EFR_PROP.activityType, filter.activityType) : null,
    aftsDateRange(EFR_PROP.startedAt, dayStart(filter.from), dayEnd(filter.to)),
    filter.lateOnly ? anyIdClause(EFR_PROP.handoverId, lookups.lateHandoverIds ?? []) : null,
    filter.secrecyLevel ? aftsEquals(EFR_PROP.secrecyLevel, filter.secrecyLevel) : null,
  ]);
}

function anyIdClause(field: string, values: readonly string[]): string {
  return aftsAnyOf(field, values) ?? MATCH_NOTHING;
}

/** `recordings.sortField`: the search API sort definition for a list order. */
export function recordingSort(sort: RecordingSort): SearchSortField {
  return { type: 'FIELD', field: SORT_FIELDS[sort.key], ascending: sort.ascending };
}

/** `recordings.filterFromParams`: reads a filter from URL query parameters, dropping junk. */
export function filterFromParams(params: Record<string, string | undefined>): RecordingFilter {
  const filter: RecordingFilter = {};
  const text = (key: keyof RecordingFilter) => {
    const v = params[key]?.trim();
    return v ? v.slice(0, 200) : undefined;
  };
  filter.caseId = text('caseId');
  filter.officer = text('officer');
  filter.unit = text('unit');
  filter.device = text('device');
  const activity = text('activityType');
  if (activity && ACTIVITY_SET.has(activity)) filter.activityType = activity as ActivityType;
  const secrecy = text('secrecyLevel');
  if (secrecy && SECRECY_SET.has(secrecy)) filter.secrecyLevel = secrecy as SecrecyLevel;
  const from = text('from');
  if (from && ISO_DAY.test(from)) filter.from = from;
  const to = text('to');
  if (to && ISO_DAY.test(to)) filter.to = to;
  if (params['lateOnly'] === 'true') filter.lateOnly = true;
  return stripEmpty(filter);
}

/** `recordings.filterToParams`: the query parameters that reproduce a filter (shareable URL). */
export function filterToParams(filter: RecordingFilter): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(stripEmpty(filter))) {
    params[key] = String(value);
  }
  return params;
}

/** Whether any filter is set (the empty state explains differently then). */
export function hasFilter(filter: RecordingFilter): boolean {
  return Object.keys(stripEmpty(filter)).length > 0;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ACTIVITY_SET = new Set<string>(ACTIVITY_TYPES);
const SECRECY_SET = new Set<string>(SECRECY_LEVELS);

function stripEmpty(filter: RecordingFilter): RecordingFilter {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) out[key] = value;
  }
  return out as RecordingFilter;
}

/** A day as the start instant of that day, local time, in ISO form. */
function dayStart(day?: string): string | undefined {
  return day && ISO_DAY.test(day) ? new Date(`${day}T00:00:00`).toISOString() : undefined;
}

/** A day as the last millisecond of that day, local time, in ISO form. */
function dayEnd(day?: string): string | undefined {
  return day && ISO_DAY.test(day) ? new Date(`${day}T23:59:59.999`).toISOString() : undefined;
}
