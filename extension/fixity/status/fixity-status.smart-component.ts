import { Component, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import { UserPreferencesService } from '@alfresco/adf-core';
import type { FixityStatus } from '../../../core/src/index';
import {
  CurrentUserService, errorStatus, humanBytes, LoadFailurePipe, RefusalTextService,
} from '../../shared/public-api';
import { coveragePercent, daysToCover, mayFollowFixity } from '../fixity.rules';
import { FixityService } from '../fixity.service';

/**
 * Fixity audits (issue 18, R26.1): how much of the archive was re-hashed in this cycle, the
 * last mismatch with the violation it proposed, and the audit's throughput; custodians and
 * supervisors may run a round now.
 */
@Component({
  selector: 'efr-fixity-status',
  imports: [DatePipe, RouterLink, MatButtonModule, MatProgressBarModule,
    TranslatePipe, LoadFailurePipe],
  templateUrl: './fixity-status.smart-component.html',
  styleUrl: './fixity-status.smart-component.css',
})
export class FixityStatusSmartComponent {
  private readonly service = inject(FixityService);
  private readonly refusals = inject(RefusalTextService);
  private readonly currentUser = inject(CurrentUserService);
  private readonly prefs = inject(UserPreferencesService);

  protected readonly status = signal<FixityStatus | null>(null);
  protected readonly loading = signal(false);
  protected readonly failure = signal<number | null>(null);
  protected readonly busy = signal(false);
  protected readonly message = signal<{ text: string; kind: 'done' | 'idle' | 'mismatch' | 'error' } | null>(
    null);
  protected readonly bytes = humanBytes;
  protected readonly percent = coveragePercent;
  protected readonly daysLeft = daysToCover;

  constructor() {
    void this.load();
  }

  /** Whether the user may run a round (custodians, supervisors). */
  protected mayRun(): boolean {
    return mayFollowFixity(this.currentUser.user());
  }

  /** Reads the status. */
  async load(): Promise<void> {
    this.loading.set(true);
    this.failure.set(null);
    try {
      this.status.set(await this.service.status());
    } catch (error) {
      this.failure.set(errorStatus(error) ?? 0);
    } finally {
      this.loading.set(false);
    }
  }

  /** Runs one round now: efr worker paces it, the repository logs every check. */
  async runRound(): Promise<void> {
    this.busy.set(true);
    this.message.set(null);
    try {
      const r = await this.service.runRound();
      this.message.set(r === null ? { text: '0', kind: 'idle' } : { text: String(r.checked),
        kind: r.mismatches > 0 ? 'mismatch' : r.checked === 0 ? 'idle' : 'done' });
      await this.load();
    } catch (error) {
      this.message.set({ text: this.refusals.text(error, this.prefs.locale), kind: 'error' });
    } finally {
      this.busy.set(false);
    }
  }
}
