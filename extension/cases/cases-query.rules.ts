import { EFR_PROP, EFR_TYPE, aftsAnd, aftsEquals, aftsType } from '../shared/public-api';

/** The cases list's status filter: open, closed, or '' for every case. */
export type CaseStatusFilter = 'open' | 'closed' | '';

/**
 * `cases.statusFromParam`: the status filter of the list's `?status=` parameter (a dashboard
 * tile, a shared link); every case when it is absent or unknown.
 */
export function caseStatusFromParam(raw: string | null | undefined): CaseStatusFilter {
  return raw === 'open' || raw === 'closed' ? raw : '';
}

/** `cases.statusToParams`: the query parameters that reproduce a status filter. */
export function caseStatusToParams(status: CaseStatusFilter): Record<string, string> {
  return status ? { status } : {};
}

/**
 * `cases.query`: the AFTS query of the cases list under a status filter, the same for the list
 * and for the dashboard's count of it.
 */
export function caseListQuery(status: CaseStatusFilter): string {
  return aftsAnd([
    aftsType(EFR_TYPE.case),
    status ? aftsEquals(EFR_PROP.caseStatus, status) : null,
  ]);
}
