import { Injectable, inject } from '@angular/core';
import {
  EFR_PROP,
  EFR_TYPE,
  EfrApiService,
  EfrUser,
  aftsAnd,
  aftsEquals,
  aftsType,
  textProp,
} from '../shared/public-api';
import {
  CaseChoice,
  Exemption,
  ExemptionFilter,
  ExemptionForm,
  ExemptionStep,
} from './exemptions.model';
import { exemptionListArgs, exemptionsShown } from './exemptions.rules';

/**
 * Exemption records through the EFR web scripts (`/alfresco/service/efr/exemptions…`): the
 * repository checks each step (R11.1, R11.2) and logs it.
 */
@Injectable({ providedIn: 'root' })
export class ExemptionsService {
  private readonly efrApi = inject(EfrApiService);

  /**
   * The records the user may read, newest first, with reminders; `args` are the repository's
   * own filters (`status`, `leader`; see exemptionListArgs).
   */
  async list(args: Record<string, string> = {}): Promise<Exemption[]> {
    const body = await this.efrApi.call<{ list: { entries: { entry: Exemption }[] } }>(
      'GET',
      'exemptions',
      undefined,
      { ...args, maxItems: '1000' },
    );
    return body.list.entries.map((e) => e.entry);
  }

  /**
   * How many records the list shows under `filter` for `user`: the list's own request and
   * selection (the view is the user's own, so the rows are read, not only the total).
   */
  async count(filter: ExemptionFilter, user: EfrUser | null): Promise<number> {
    return exemptionsShown(await this.list(exemptionListArgs(filter)), filter, user).length;
  }

  /** Writes a record in the user's name (R11.2). */
  async write(form: ExemptionForm): Promise<Exemption> {
    const body = {
      actAt: form.actAt,
      activityType: form.activityType,
      location: form.location.trim(),
      ground: form.ground,
      basis: form.basis.trim(),
      ...(form.caseId ? { caseId: form.caseId } : { leader: form.leader.trim() }),
      ...(form.coOfficer.trim() ? { coOfficer: form.coOfficer.trim() } : {}),
    };
    return (await this.efrApi.call<{ entry: Exemption }>('POST', 'exemptions', body)).entry;
  }

  /** Open cases the user can read (search API), by case number. */
  async openCases(): Promise<CaseChoice[]> {
    const result = await this.efrApi.search.search({
      query: {
        query: aftsAnd([aftsType(EFR_TYPE.case), aftsEquals(EFR_PROP.caseStatus, 'open')]),
        language: 'afts',
      },
      include: ['properties'],
      paging: { skipCount: 0, maxItems: 200 },
    });
    return (result.list?.entries ?? [])
      .map((e) => ({
        id: e.entry.id,
        caseNumber: textProp(e.entry, EFR_PROP.caseNumber),
        title: textProp(e.entry, 'cm:title'),
        leader: textProp(e.entry, EFR_PROP.leader),
      }))
      .sort((a, b) => a.caseNumber.localeCompare(b.caseNumber));
  }

  /** Acknowledges (leader) or files (office) a record. */
  async step(id: string, step: ExemptionStep): Promise<Exemption> {
    return (
      await this.efrApi.call<{ entry: Exemption }>(
        'POST',
        `exemptions/${encodeURIComponent(id)}/${step}`,
        {},
      )
    ).entry;
  }
}
