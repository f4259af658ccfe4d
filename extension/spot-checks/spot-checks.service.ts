import { Injectable, inject } from '@angular/core';
import { EfrApiService } from '../shared/public-api';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import {
  Assessment,
  Campaign,
  CampaignFilter,
  Evidence,
  Finding,
  Violation,
} from './spot-checks.model';
import type { GeneratedDocument } from '../../contract/index';
import { campaignsShown, pendingFindings } from './spot-checks.rules';

type List<T> = { list: { entries: { entry: T }[] } };

/**
 * Spot checks, the violation register and the assessment through the EFR web scripts
 * (`/alfresco/service/efr/…`, docs/api.md): the repository decides and logs every step.
 */
/** What `verify-draw` answers: the draw re-run from its seed, and whether the population held. */
interface DrawCheck { check: { ok: boolean }; populationUnchanged: boolean }

@Injectable({ providedIn: 'root' })
export class SpotChecksService {
  private readonly api = inject(AlfrescoApiService);
  private readonly efr = inject(EfrApiService);

  /** Every campaign, newest first. */
  async campaigns(): Promise<Campaign[]> {
    return (await this.efr.call<List<Campaign>>('GET', 'spot-checks')).list.entries
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
    return (await this.efr.call<{ entry: Campaign }>('POST', 'spot-checks', body)).entry;
  }

  /** One campaign with its progress. */
  async campaign(id: string): Promise<Campaign> {
    return (await this.efr.call<{ entry: Campaign }>('GET', `spot-checks/${id}`)).entry;
  }

  /** The campaign's findings, one per drawn recording. */
  async sample(id: string): Promise<Finding[]> {
    return (await this.efr.call<List<Finding>>('GET', `spot-checks/${id}/sample`)).list.entries
      .map((e) => e.entry);
  }

  /** A finding with its automatic evidence (R28.2). */
  async evidence(id: string, findingId: string): Promise<Evidence | null> {
    const r = await this.efr.call<{ entry: { evidence: Evidence | null } }>('GET',
      `spot-checks/${id}/findings/${findingId}`);
    return r.entry.evidence;
  }

  /** Saves a finding; answers the violation proposed for a failure, if any. */
  async saveFinding(id: string, body: Record<string, unknown>):
    Promise<Finding & { violationId: string | null }> {
    return (await this.efr.call<{ entry: Finding & { violationId: string | null } }>('POST',
      `spot-checks/${id}/findings`, body)).entry;
  }

  /** Closes a campaign (refused while findings are pending). */
  async close(id: string): Promise<Campaign> {
    return (await this.efr.call<{ entry: Campaign }>('POST', `spot-checks/${id}/close`)).entry;
  }

  /** Re-runs the draw from the logged seed and population. */
  async verifyDraw(id: string): Promise<DrawCheck> {
    return (await this.efr.call<{ entry: DrawCheck }>('GET', `spot-checks/${id}/verify-draw`))
      .entry;
  }

  /** The violation register. */
  async violations(status = 'all'): Promise<Violation[]> {
    return (await this.efr.call<List<Violation>>('GET', 'violations', undefined, { status })).list
      .entries.map((e) => e.entry);
  }

  /** Proposes the automatic violations not proposed yet (tampering, late handovers). */
  async scan(): Promise<Violation[]> {
    return (await this.efr.call<List<Violation>>('POST', 'violations/scan', {})).list.entries
      .map((e) => e.entry);
  }

  /** Confirms or dismisses a violation (R29.1). */
  async decide(id: string, action: 'confirm' | 'dismiss', reason: string): Promise<Violation> {
    return (await this.efr.call<{ entry: Violation }>('POST', `violations/${id}/decision`,
      { action, reason })).entry;
  }

  /** Records a measure (R30.1). */
  async addMeasure(id: string, body: Record<string, unknown>): Promise<void> {
    await this.efr.call('POST', `violations/${id}/measures`, body);
  }

  /** The assessment of [from, to). */
  async assessment(from: string, to: string): Promise<Assessment> {
    return (await this.efr.call<{ entry: Assessment }>('GET', 'quality', undefined,
      { from, to })).entry;
  }

  /**
   * A download link of the assessment's CSV (ticket as alf_ticket: a plain link sends no
   * header), in the screen's language (`lang`: a link sends the browser's Accept-Language, not
   * the language chosen in EFR; issue 19).
   */
  exportUrl(from: string, to: string, format: 'csv', lang: string): string {
    const alfresco = this.api.getInstance();
    const q = new URLSearchParams({ from, to, format, lang,
      alf_ticket: alfresco.getTicketEcm() ?? '' });
    return `${alfresco.config.hostEcm ?? ''}/alfresco/service/efr/quality?${q.toString()}`;
  }

  /**
   * Asks for the assessment of [from, to) as PDF (issue 15): the repository keeps the figures
   * as this user reads them now, efr worker renders them; answers the document and its job.
   */
  async requestReport(from: string, to: string, lang: string): Promise<GeneratedDocument> {
    return (await this.efr.call<{ entry: GeneratedDocument }>('POST', 'quality/reports',
      { from, to, lang })).entry;
  }

  /** A generated document with its job's progress. */
  async document(id: string): Promise<GeneratedDocument> {
    return (await this.efr.call<{ entry: GeneratedDocument }>('GET',
      `documents/${encodeURIComponent(id)}`)).entry;
  }

  /** A download link of a rendered quality report (the ticket as the register's link has it). */
  reportUrl(id: string): string {
    const alfresco = this.api.getInstance();
    const ticket = alfresco.contentClient.getAlfTicket('');
    return `${alfresco.config.hostEcm ?? ''}/alfresco/service/efr/quality/reports/` +
      `${encodeURIComponent(id)}?${ticket.replace(/^&/, '')}`;
  }
}
