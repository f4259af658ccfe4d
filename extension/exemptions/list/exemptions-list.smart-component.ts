import { Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import { UserPreferencesService } from '@alfresco/adf-core';
import { CurrentUserService, errorStatus } from '../../shared/public-api';
import { Exemption, ExemptionStep, ExemptionView } from '../exemptions.model';
import {
  defaultView,
  exemptionActions,
  exemptionRefusalText,
  inView,
  mayWriteExemption,
} from '../exemptions.rules';
import { ExemptionsService } from '../exemptions.service';

/**
 * Exemption records (R11.2) with their reminder state: the leader acknowledges, the office
 * files, each from the row; overdue records are flagged (EFR_EXEMPTION_REMIND_HOURS).
 */
@Component({
  selector: 'efr-exemptions-list',
  imports: [
    RouterLink,
    DatePipe,
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
  ],
  templateUrl: './exemptions-list.smart-component.html',
  styleUrl: './exemptions-list.smart-component.css',
})
export class ExemptionsListSmartComponent {
  private readonly service = inject(ExemptionsService);
  private readonly currentUser = inject(CurrentUserService);
  private readonly prefs = inject(UserPreferencesService);

  protected readonly views: ExemptionView[] = ['todo', 'mine', 'overdue', 'all'];
  protected readonly all = signal<Exemption[] | null>(null);
  protected readonly view = signal<ExemptionView>(defaultView(this.currentUser.user()));
  protected readonly loading = signal(false);
  protected readonly failure = signal<number | null>(null);
  protected readonly busy = signal<string | null>(null);
  protected readonly message = signal<{ text: string; error: boolean } | null>(null);
  protected readonly shown = computed(() =>
    (this.all() ?? []).filter((e) => inView(e, this.view(), this.currentUser.user())),
  );

  constructor() {
    void this.load();
  }

  /** Whether the user may write a record (officers). */
  protected mayWrite(): boolean {
    return mayWriteExemption(this.currentUser.user());
  }

  /** Steps open to the user on a record. */
  protected actionsOf(e: Exemption): ExemptionStep[] {
    return exemptionActions(e, this.currentUser.user());
  }

  /** Reads every record. */
  async load(): Promise<void> {
    this.loading.set(true);
    this.failure.set(null);
    try {
      this.all.set(await this.service.list());
    } catch (error) {
      this.failure.set(errorStatus(error) ?? 0);
    } finally {
      this.loading.set(false);
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
      this.message.set({ text: exemptionRefusalText(error, this.prefs.locale), error: true });
    } finally {
      this.busy.set(null);
    }
  }
}
