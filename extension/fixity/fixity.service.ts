import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { WebscriptApi } from '@alfresco/js-api';
import type { FixityStatus } from '../../core/src/index';

/** Fixity audits through the EFR web scripts (`/alfresco/service/efr/fixity…`). */
@Injectable({ providedIn: 'root' })
export class FixityService {
  private readonly api = inject(AlfrescoApiService);

  private call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return new WebscriptApi(this.api.getInstance()).executeWebScript(method, `efr/${path}`, {},
      'alfresco', 'service', body ?? null) as Promise<T>;
  }

  /** Coverage, the last mismatch and throughput. */
  async status(): Promise<FixityStatus> {
    return (await this.call<{ entry: FixityStatus }>('GET', 'fixity')).entry;
  }

  /** Runs a round now (its byte budget as for `minutes` of the configured rate). */
  async runRound(minutes = 10): Promise<{ files: number; mismatches: unknown[] }> {
    return (await this.call<{ entry: { files: number; mismatches: unknown[] } }>('POST',
      'fixity/run', { roundMinutes: minutes })).entry;
  }
}
