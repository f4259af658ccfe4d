import { Injectable, inject } from '@angular/core';
import { EfrApiService } from '../shared/public-api';
import type { ListOf } from '../../contract/index';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import {
  DispositionBatchView, DispositionDecision, DispositionRecording,
} from './disposition.model';

/**
 * Disposition through the EFR web scripts (`/alfresco/service/efr/disposition/…`, issue 18):
 * the repository decides every step with core's state machine and logs it.
 */
@Injectable({ providedIn: 'root' })
export class DispositionService {
  private readonly api = inject(AlfrescoApiService);
  private readonly efr = inject(EfrApiService);

  /** Recordings whose retention ended and that nothing keeps (custodians). */
  async eligible(): Promise<DispositionRecording[]> {
    return (await this.efr.call<ListOf<DispositionRecording>>('GET', 'disposition/eligible',
      undefined, { maxItems: '500' })).list.entries.map((e) => e.entry);
  }

  /** Every batch, newest first. */
  async batches(): Promise<DispositionBatchView[]> {
    return (await this.efr.call<ListOf<DispositionBatchView>>('GET', 'disposition/batches',
      undefined, { maxItems: '200' })).list.entries.map((e) => e.entry);
  }

  /** Proposes a batch (custodian). */
  async propose(recordingIds: string[], reason: string): Promise<DispositionBatchView> {
    return (await this.efr.call<{ entry: DispositionBatchView }>('POST', 'disposition/batches',
      { recordingIds, reason })).entry;
  }

  /** Reviews, approves (which executes) or rejects a batch. */
  async decide(id: string, decision: DispositionDecision, text: string):
    Promise<DispositionBatchView> {
    const body = decision === 'reject' ? { reason: text } : { opinion: text };
    return (await this.efr.call<{ entry: DispositionBatchView }>('POST',
      `disposition/batches/${encodeURIComponent(id)}/${decision}`, body)).entry;
  }

  /**
   * A download link of the destruction register. A plain link sends no header, so the ticket
   * rides as `alf_ticket`, read as js-api's ContentApi reads it for content URLs (the client's
   * `getAlfTicket`: the configured or stored ticket; `getTicketEcm()` is empty in this shell).
   */
  registerUrl(id: string): string {
    const alfresco = this.api.getInstance();
    const ticket = alfresco.contentClient.getAlfTicket('');
    return `${alfresco.config.hostEcm ?? ''}/alfresco/service/efr/disposition/batches/` +
      `${encodeURIComponent(id)}/register?${ticket.replace(/^&/, '')}`;
  }
}
