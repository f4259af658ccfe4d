import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { WebscriptApi } from '@alfresco/js-api';
import {
  Assessment,
  Campaign,
  CampaignFilter,
  Evidence,
  Finding,
  Violation,
} from './spot-checks.model';
import { campaignsShown, pendingFindings } from './spot-checks.rules';

type List<T> = { list: { entries: { entry: T }[] } };

/**
 * Spot checks, the violation register and the assessment through the EFR web scripts
 * (`/alfresco/service/efr/…`, docs/api.md): the repository decides and logs every step.
 */
@Injectable({ providedIn: 'root' })
export class SpotChecksService {
  private readonly api = inject(AlfrescoApiService);

  private call<T>(method: string, path: string, body?: unknown,
    args?: Record<string, string>): Promise<T> {
    return new WebscriptApi(this.api.getInstance()).executeWebScript(
      method, `efr/${path}`, args ?? {}, 'alfresco', 'service', body ?? null,
    ) as Promise<T>;
  }

  /** Every campaign, newest first. */
  async campaigns(): Promise<Campaign[]> {
    return (await this.call<List<Campaign>>('GET', 'spot-checks')).list.entries
      .map((e) => e.entry);
  }

  /**
   * The findings still due in the campaigns a filter lists: the list's own request and
   * selection, summed as the list shows them per campaign (R28.2).
   */
  async pendingFindings(filter: CampaignFilter): Promise<number> {
    return pendingFindings(campaignsShown(await this.campaigns(), filter));
  }

  /** Opens a campaign and draws its sample (R28.1). */
  async open(body: Record<string, unknown>): Promise<Campaign> {
    return (await this.call<{ entry: Campaign }>('POST', 'spot-checks', body)).entry;
  }

  /** One campaign with its progress. */
  async campaign(id: string): Promise<Campaign> {
    return (await this.call<{ entry: Campaign }>('GET', `spot-checks/${id}`)).entry;
  }

  /** The campaign's findings, one per drawn recording. */
  async sample(id: string): Promise<Finding[]> {
    return (await this.call<List<Finding>>('GET', `spot-checks/${id}/sample`)).list.entries
      .map((e) => e.entry);
  }

  /** A finding with its automatic evidence (R28.2). */
  async evidence(id: string, findingId: string): Promise<Evidence | null> {
    const r = await this.call<{ entry: { evidence: Evidence | null } }>('GET',
      `spot-checks/${id}/findings/${findingId}`);
    return r.entry.evidence;
  }

  /** Saves a finding; answers the violation proposed for a failure, if any. */
  async saveFinding(id: string, body: Record<string, unknown>):
    Promise<Finding & { violationId: string | null }> {
    return (await this.call<{ entry: Finding & { violationId: string | null } }>('POST',
      `spot-checks/${id}/findings`, body)).entry;
  }

  /** Closes a campaign (refused while findings are pending). */
  async close(id: string): Promise<Campaign> {
    return (await this.call<{ entry: Campaign }>('POST', `spot-checks/${id}/close`)).entry;
  }

  /** Re-runs the draw from the logged seed and population. */
  async verifyDraw(id: string): Promise<{ check: { ok: boolean }; populationUnchanged: boolean }> {
    return (await this.call<{ entry: { check: { ok: boolean }; populationUnchanged: boolean } }>(
      'GET', `spot-checks/${id}/verify-draw`)).entry;
  }

  /** The violation register. */
  async violations(status = 'all'): Promise<Violation[]> {
    return (await this.call<List<Violation>>('GET', 'violations', undefined, { status })).list
      .entries.map((e) => e.entry);
  }

  /** Proposes the automatic violations not proposed yet (tampering, late handovers). */
  async scan(): Promise<Violation[]> {
    return (await this.call<List<Violation>>('POST', 'violations/scan', {})).list.entries
      .map((e) => e.entry);
  }

  /** Confirms or dismisses a violation (R29.1). */
  async decide(id: string, action: 'confirm' | 'dismiss', reason: string): Promise<Violation> {
    return (await this.call<{ entry: Violation }>('POST', `violations/${id}/decision`,
      { action, reason })).entry;
  }

  /** Records a measure (R30.1). */
  async addMeasure(id: string, body: Record<string, unknown>): Promise<void> {
    await this.call('POST', `violations/${id}/measures`, body);
  }

  /** The assessment of [from, to). */
  async assessment(from: string, to: string): Promise<Assessment> {
    return (await this.call<{ entry: Assessment }>('GET', 'quality', undefined,
      { from, to })).entry;
  }

  /**
   * A download link of the assessment (ticket as alf_ticket: a plain link sends no header),
   * in the screen's language (`lang`: a link sends the browser's Accept-Language, not the
   * language chosen in EFR; issue 19).
   */
  exportUrl(from: string, to: string, format: 'csv' | 'pdf', lang: string): string {
    const alfresco = this.api.getInstance();
    const q = new URLSearchParams({ from, to, format, lang,
      alf_ticket: alfresco.getTicketEcm() ?? '' });
    return `${alfresco.config.hostEcm ?? ''}/alfresco/service/efr/quality?${q.toString()}`;
  }
}
