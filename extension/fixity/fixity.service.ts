import { Injectable, inject } from '@angular/core';
import { EfrApiService } from '../shared/public-api';
import type { FixityRound } from '../../contract/index';
import type { FixityStatus } from '../../core/src/index';

/** How often a running round is read again (ms). */
const POLL_MS = 500;

/** Fixity audits through the EFR web scripts (`/alfresco/service/efr/fixity…`). */
@Injectable({ providedIn: 'root' })
export class FixityService {
  private readonly efr = inject(EfrApiService);

  /** Coverage, the last mismatch and throughput. */
  async status(): Promise<FixityStatus> {
    return (await this.efr.call<{ entry: FixityStatus }>('GET', 'fixity')).entry;
  }

  /**
   * Asks for a round now (its byte budget as for `minutes` of the configured rate) and follows
   * it until efr worker has finished it (the repository answers 202 with the round at once);
   * null when no recording was due.
   */
  async runRound(minutes = 10): Promise<FixityRound | null> {
    let round = (await this.efr.call<{ entry: FixityRound | null }>('POST', 'fixity/run',
      { roundMinutes: minutes })).entry;
    if (round === null) return null;
    while (round.state === 'requested' || round.state === 'building') {
      await new Promise((done) => setTimeout(done, POLL_MS));
      round = (await this.efr.call<{ entry: FixityRound }>('GET', `fixity/rounds/${round.id}`))
        .entry;
    }
    return round;
  }
}
