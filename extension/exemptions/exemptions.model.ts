/** What the exemption screens show; shapes of the /alfresco/s/efr/exemptions web scripts. */
import type { ExemptionStatusKey } from '../../contract/index';

export type { Exemption, ExemptionStatusKey, ExemptionStep } from '../../contract/index';

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
