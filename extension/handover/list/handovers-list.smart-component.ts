import { Component, inject, input, signal, effect } from '@angular/core';
import { DatePipe } from '@angular/common';
import { Router, RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import {
  CurrentUserService,
  EfrRole,
  PersonNamePipe,
  errorStatus,
  LoadFailurePipe,
} from '../../shared/public-api';
import { HandoverApiService } from '../handover-api.service';
import { Handover, HandoverFilter } from '../handover.model';
import { HANDOVER_FILTERS, handoverFilterFromParam } from '../handover.rules';

/**
 * Handovers by state (R21.1–R21.4): unsealed (open or pending together), open (files coming
 * in), pending (one custodian received), sealed, and late (sealed after the deadline, or still
 * open past it). The filter is in the URL (`?status=`), so a dashboard count opens the
 * handovers it counted.
 */
@Component({
  selector: 'efr-handovers-list',
  imports: [LoadFailurePipe, 
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    PersonNamePipe,
  ],
  templateUrl: './handovers-list.smart-component.html',
  styleUrl: '../wizard/handover-wizard.css',
})
export class HandoversListSmartComponent {
  private readonly api = inject(HandoverApiService);
  private readonly router = inject(Router);
  private readonly users = inject(CurrentUserService);
  private seq = 0;

  /** Query parameter `status`. */
  readonly status = input<string | undefined>(undefined);

  protected readonly filters = HANDOVER_FILTERS;
  protected readonly filter = signal<HandoverFilter>('open');
  protected readonly rows = signal<Handover[] | null>(null);
  protected readonly loading = signal(false);
  protected readonly failure = signal<number | null>(null);
  /** Whether the user may start a handover (officers and custodians). */
  protected readonly mayStart = () => this.users.hasAny(EfrRole.Officer, EfrRole.Custodian);

  constructor() {
    effect(() => {
      this.filter.set(handoverFilterFromParam(this.status()));
      void this.load();
    });
  }

  /** Shows another state. */
  protected choose(filter: HandoverFilter): void {
    void this.router.navigate(['/handovers'], { queryParams: { status: filter } });
  }

  /** Loads the list (retry after a failure). */
  protected async load(): Promise<void> {
    const seq = ++this.seq;
    this.loading.set(true);
    this.failure.set(null);
    try {
      const rows = await this.api.list(this.filter());
      if (seq === this.seq) this.rows.set(rows);
    } catch (error: unknown) {
      // Network or repository failure: show it with a retry instead of a stale list.
      if (seq === this.seq) this.failure.set(errorStatus(error) ?? 0);
    } finally {
      if (seq === this.seq) this.loading.set(false);
    }
  }
}
