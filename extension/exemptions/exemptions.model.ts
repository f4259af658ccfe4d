/** What the exemption screens show; shapes of the /alfresco/s/efr/exemptions web scripts. */

/** Status of a record (R11.2): written → acknowledged → filed. */
export type ExemptionStatusKey = 'written' | 'acknowledged' | 'filed';

/** An act not recorded and its work record (R11.1, R11.2). Dates are ISO 8601 UTC. */
export interface Exemption {
  id: string;
  name: string;
  status: ExemptionStatusKey;
  author: string;
  coOfficer: string | null;
  leader: string;
  actAt: string | null;
  activityType: string;
  location: string;
  ground: string;
  basis: string;
  writtenAt: string | null;
  acknowledgedAt: string | null;
  filedBy: string | null;
  filedAt: string | null;
  caseId: string | null;
  caseNumber: string | null;
  /** Who is awaited and whether the reminder time has passed. */
  reminder: { waitingFor: 'leader' | 'office' | null; dueAt: string | null; overdue: boolean };
}

/** The list filters offered. */
export type ExemptionView = 'all' | 'mine' | 'todo' | 'overdue';

/** The list as the URL gives it: a view, narrowed by the repository's own status/leader filters. */
export interface ExemptionFilter {
  view: ExemptionView;
  /** Only records in this status (`GET …/exemptions?status=`). */
  status?: ExemptionStatusKey;
  /** Only records reported to this leader (`GET …/exemptions?leader=`). */
  leader?: string;
}

/** The officer's form. */
export interface ExemptionForm {
  /** When the act took place (ISO 8601 with zone). */
  actAt: string;
  activityType: string;
  location: string;
  ground: string;
  basis: string;
  /** User name of the bureau leader in charge it is reported to. */
  leader: string;
  coOfficer: string;
  /** The case the act belongs to (its leader in charge receives the record), or ''. */
  caseId: string;
}

/** An open case the act may belong to. */
export interface CaseChoice {
  id: string;
  caseNumber: string;
  title: string;
  /** Its bureau leader in charge (R24.1), who receives the record. */
  leader: string;
}

/** The two steps after writing. */
export type ExemptionStep = 'acknowledge' | 'file';
