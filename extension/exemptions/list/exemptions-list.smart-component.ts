import { Component, computed, inject, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { toSignal } from '@angular/core/rxjs-interop';
import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import { UserPreferencesService } from '@alfresco/adf-core';
import {
  CurrentUserService,
  PersonNamePipe,
  errorStatus,
  LoadFailurePipe, RefusalTextService,
} from '../../shared/public-api';
import { Exemption, ExemptionFilter, ExemptionStep, ExemptionView } from '../exemptions.model';
import {
  exemptionActions,
  exemptionFilterFromParams,
  exemptionFilterToParams,
  exemptionListArgs,
  exemptionsShown,
  mayWriteExemption,
} from '../exemptions.rules';
import { ExemptionsService } from '../exemptions.service';

/**
 * Exemption records (R11.2) with their reminder state: the leader acknowledges, the office
 * files, each from the row; overdue records are flagged (EFR_EXEMPTION_REMIND_HOURS). View,
 * status and leader are in the URL (`?view=&status=&leader=`), so a dashboard count opens the
 * records it counted.
 */
@Component({
  selector: 'efr-exemptions-list',
  imports: [LoadFailurePipe, 
    RouterLink,
    DatePipe,
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    PersonNamePipe,
  ],
  templateUrl: './exemptions-list.smart-component.html',
  styleUrl: './exemptions-list.smart-component.css',
})
export class ExemptionsListSmartComponent {
  private readonly service = inject(ExemptionsService);
  private readonly refusals = inject(RefusalTextService);
  private readonly currentUser = inject(CurrentUserService);
  private readonly prefs = inject(UserPreferencesService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  private seq = 0;
  /** The repository filters the loaded rows were read with (a change reloads). */
  private loadedArgs: string | null = null;

  protected readonly views: ExemptionView[] = ['todo', 'mine', 'overdue', 'all'];
  protected readonly all = signal<Exemption[] | null>(null);
  /** The filter in the URL. */
  protected readonly filter = computed<ExemptionFilter>(() => {
    const p = this.params();
    return exemptionFilterFromParams(
      { view: p.get('view'), status: p.get('status'), leader: p.get('leader') },
      this.currentUser.user(),
    );
  });
  protected readonly view = computed(() => this.filter().view);
  protected readonly loading = signal(false);
  protected readonly failure = signal<number | null>(null);
  protected readonly busy = signal<string | null>(null);
  protected readonly message = signal<{ text: string; error: boolean } | null>(null);
  protected readonly shown = computed(() =>
    exemptionsShown(this.all() ?? [], this.filter(), this.currentUser.user()),
  );

  constructor() {
    this.route.queryParamMap.subscribe(() => {
      // A view is chosen among the loaded rows; other filters are the repository's to apply.
      if (JSON.stringify(exemptionListArgs(this.filter())) !== this.loadedArgs) void this.load();
    });
  }

  /** Shows another view, keeping the status and leader filters. */
  protected chooseView(view: ExemptionView): void {
    this.navigate({ ...this.filter(), view });
  }

  /** Drops the status and leader filters. */
  protected clearFilters(): void {
    this.navigate({ view: this.filter().view });
  }

  private navigate(filter: ExemptionFilter): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: exemptionFilterToParams(filter),
    });
  }

  /** Whether the user may write a record (officers). */
  protected mayWrite(): boolean {
    return mayWriteExemption(this.currentUser.user());
  }

  /** Steps open to the user on a record. */
  protected actionsOf(e: Exemption): ExemptionStep[] {
    return exemptionActions(e, this.currentUser.user());
  }

  /** Reads the records of the URL's status and leader filters (every record without them). */
  async load(): Promise<void> {
    const seq = ++this.seq;
    const args = exemptionListArgs(this.filter());
    this.loadedArgs = JSON.stringify(args);
    this.loading.set(true);
    this.failure.set(null);
    try {
      const rows = await this.service.list(args);
      if (seq === this.seq) this.all.set(rows);
    } catch (error) {
      // Network or repository failure: shown with a retry instead of a stale list.
      if (seq === this.seq) this.failure.set(errorStatus(error) ?? 0);
    } finally {
      if (seq === this.seq) this.loading.set(false);
    }
  }

  /** Acknowledges or files a record; the server decides and logs (R11.2). */
  async runStep(e: Exemption, step: ExemptionStep): Promise<void> {
    this.busy.set(e.id);
    this.message.set(null);
    try {
      const updated = await this.service.step(e.id, step);
      this.all.set((this.all() ?? []).map((x) => (x.id === updated.id ? updated : x)));
      this.message.set({ text: step, error: false });
    } catch (error) {
      this.message.set({ text: this.refusals.text(error, this.prefs.locale), error: true });
    } finally {
      this.busy.set(null);
    }
  }
}
