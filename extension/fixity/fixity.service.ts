import { Injectable, inject } from '@angular/core';
import { EfrApiService } from '../shared/public-api';
import type { FixityStatus } from '../../core/src/index';

/** Fixity audits through the EFR web scripts (`/alfresco/service/efr/fixity…`). */
@Injectable({ providedIn: 'root' })
export class FixityService {
  private readonly efr = inject(EfrApiService);

  /** Coverage, the last mismatch and throughput. */
  async status(): Promise<FixityStatus> {
    return (await this.efr.call<{ entry: FixityStatus }>('GET', 'fixity')).entry;
  }

  /** Runs a round now (its byte budget as for `minutes` of the configured rate). */
  async runRound(minutes = 10): Promise<{ files: number; mismatches: unknown[] }> {
    return (await this.efr.call<{ entry: { files: number; mismatches: unknown[] } }>('POST',
      'fixity/run', { roundMinutes: minutes })).entry;
  }
}
