import { Component, computed, inject, signal } from '@angular/core';
import { PercentPipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { UserPreferencesService } from '@alfresco/adf-core';
import { CurrentUserService, DayFieldComponent, RefusalTextService } from '../../shared/public-api';
import { Campaign, CampaignFilter, CampaignForm } from '../spot-checks.model';
import {
  campaignBody,
  campaignDays,
  campaignFilterFromParam,
  campaignFilterToParams,
  campaignsShown,
  mayRunSpotChecks,
  pendingFindings,
  } from '../spot-checks.rules';
import { SpotChecksService } from '../spot-checks.service';

/**
 * Spot-check campaigns: the list and the form that opens one and draws its sample (R28.1).
 * The list filter is in the URL (`?findings=pending`: campaigns with findings still due), so
 * the dashboard's count of due findings opens the campaigns that hold them (R28.2).
 */
@Component({
  selector: 'efr-spot-check-campaigns',
  imports: [DayFieldComponent,
    PercentPipe, FormsModule, RouterLink, MatButtonModule, MatButtonToggleModule,
    MatFormFieldModule, MatInputModule, TranslatePipe],
  template: `
<section class="efr-page">
  <h1 class="efr-page-title">{{ 'EFR_SPOT_CHECKS.CAMPAIGNS.TITLE' | translate }}</h1>
  @if (mayRun()) {
  <form class="efr-list-card form" (ngSubmit)="openCampaign()" data-testid="campaign-form">
    <mat-form-field><mat-label>{{ 'EFR_SPOT_CHECKS.FORM.TITLE' | translate }}</mat-label>
      <input matInput name="title" [(ngModel)]="form.title" data-testid="campaign-title" />
    </mat-form-field>
    <efr-day-field [(value)]="form.fromDay" [label]="'EFR_SPOT_CHECKS.FORM.FROM' | translate"
      testId="campaign-from" />
    <efr-day-field [(value)]="form.toDay" [label]="'EFR_SPOT_CHECKS.FORM.TO' | translate"
      testId="campaign-to" />
    <mat-form-field><mat-label>{{ 'EFR_SPOT_CHECKS.FORM.PERCENT' | translate }}</mat-label>
      <input matInput type="number" min="1" max="100" name="percent" [(ngModel)]="form.percent"
        data-testid="campaign-percent" />
    </mat-form-field>
    <mat-form-field><mat-label>{{ 'EFR_SPOT_CHECKS.FORM.SEED' | translate }}</mat-label>
      <input matInput name="seed" [(ngModel)]="form.seed" data-testid="campaign-seed" />
      <mat-hint>{{ 'EFR_SPOT_CHECKS.FORM.SEED_HINT' | translate }}</mat-hint>
    </mat-form-field>
    <button mat-flat-button type="submit" [disabled]="busy()" data-testid="campaign-draw">
      {{ 'EFR_SPOT_CHECKS.FORM.DRAW' | translate }}</button>
  </form>
  }
  @if (message(); as m) { <div class="efr-error" role="alert" data-testid="campaign-message">
    {{ m | translate }}</div> }
  <div class="list-head">
    <mat-button-toggle-group [value]="filter()" (change)="chooseFilter($event.value)"
      data-testid="campaign-filter">
      <mat-button-toggle value="all" data-filter="all">{{ 'EFR_SPOT_CHECKS.CAMPAIGNS.ALL'
        | translate }}</mat-button-toggle>
      <mat-button-toggle value="pending" data-filter="pending">{{
        'EFR_SPOT_CHECKS.CAMPAIGNS.WITH_PENDING' | translate }}</mat-button-toggle>
    </mat-button-toggle-group>
    @if (loaded() && filter() === 'pending') {
    <span class="sub" data-testid="pending-total" [attr.data-count]="pendingTotal()">{{
      'EFR_SPOT_CHECKS.CAMPAIGNS.PENDING_TOTAL' | translate: { count: pendingTotal() } }}</span>
    }
  </div>
  <div class="efr-list-card">
    <table class="efr-simple-table" data-testid="campaigns-table">
      <tr><th>{{ 'EFR_SPOT_CHECKS.COL.CAMPAIGN' | translate }}</th>
        <th>{{ 'EFR_SPOT_CHECKS.COL.PERIOD' | translate }}</th>
        <th>{{ 'EFR_SPOT_CHECKS.COL.PROPORTION' | translate }}</th>
        <th>{{ 'EFR_SPOT_CHECKS.COL.SAMPLE' | translate }}</th>
        <th>{{ 'EFR_SPOT_CHECKS.COL.PROGRESS' | translate }}</th>
        <th>{{ 'EFR_SPOT_CHECKS.COL.PENDING' | translate }}</th>
        <th>{{ 'EFR_SPOT_CHECKS.COL.STATUS' | translate }}</th></tr>
      @for (c of shown(); track c.id) {
      <tr data-testid="campaign-row" [attr.data-status]="c.status"
        [attr.data-pending]="c.progress.pending">
        <td><a [routerLink]="['/spot-checks', c.id]">{{ c.title }}</a></td>
        <td data-testid="campaign-period">{{ days(c).first }} – {{ days(c).last }}</td>
        <td>{{ c.proportion | percent: '1.0-1' }}</td>
        <td>{{ c.sampleSize }} / {{ c.populationSize }}</td>
        <td>{{ c.progress.done + c.progress.skipped }} / {{ c.progress.total }}</td>
        <td [class.due]="c.progress.pending > 0">{{ c.progress.pending }}</td>
        <td>{{ 'EFR_SPOT_CHECKS.STATUS.' + c.status | translate }}</td>
      </tr>
      } @empty { <tr><td colspan="7" data-testid="campaigns-empty">{{ (filter() === 'pending'
        ? 'EFR_SPOT_CHECKS.CAMPAIGNS.NONE_PENDING' : 'EFR_SPOT_CHECKS.CAMPAIGNS.EMPTY')
        | translate }}</td></tr> }
    </table>
  </div>
</section>`,
  styles: `.form { display: flex; flex-wrap: wrap; gap: 12px; align-items: baseline; padding:
    16px; }
    .list-head { display: flex; flex-wrap: wrap; align-items: center; gap: 12px;
      margin: 16px 0 12px; }
    .sub { color: #5f6368; }
    .efr-list-card { background: var(--mat-sys-surface, #fff); border-radius: 12px;
      overflow: hidden; }
    .efr-simple-table { border-collapse: collapse; width: 100%; }
    .efr-simple-table th, .efr-simple-table td { text-align: left; padding: 8px 12px;
      border-bottom: 1px solid #e0e0e0; white-space: nowrap; }
    td.due { font-weight: 600; color: var(--mat-sys-primary, #1565c0); }`,
})
export class CampaignsSmartComponent {
  private readonly service = inject(SpotChecksService);
  private readonly refusals = inject(RefusalTextService);
  private readonly router = inject(Router);
  private readonly user = inject(CurrentUserService);
  private readonly prefs = inject(UserPreferencesService);
  private readonly route = inject(ActivatedRoute);
  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });

  /** The bureau days a campaign covers, the last included (issue 19, point 11). */
  protected readonly days = campaignDays;
  protected readonly campaigns = signal<Campaign[]>([]);
  /** Whether the campaigns were read (the due total is not shown before). */
  protected readonly loaded = signal(false);
  /** The list filter in the URL. */
  protected readonly filter = computed(() =>
    campaignFilterFromParam(this.params().get('findings')));
  protected readonly shown = computed(() => campaignsShown(this.campaigns(), this.filter()));
  protected readonly pendingTotal = computed(() => pendingFindings(this.shown()));
  protected readonly busy = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly form: CampaignForm = { title: '', fromDay: '', toDay: '', percent: 10,
    seed: '' };

  constructor() {
    void this.load();
  }

  /** Whether the user runs spot checks (supervisors). */
  protected mayRun(): boolean {
    return mayRunSpotChecks(this.user.user());
  }

  /** Shows all campaigns or those with findings due: the choice goes into the URL. */
  protected chooseFilter(filter: CampaignFilter): void {
    void this.router.navigate([], { relativeTo: this.route,
      queryParams: campaignFilterToParams(filter) });
  }

  /** Reads the campaigns. */
  async load(): Promise<void> {
    try {
      this.campaigns.set(await this.service.campaigns());
      this.loaded.set(true);
    } catch (error) {
      this.message.set(this.refusals.text(error, this.prefs.locale));
    }
  }

  /** Opens a campaign; the server draws and stores the sample, then its page opens. */
  async openCampaign(): Promise<void> {
    const b = campaignBody(this.form);
    if (!b.ok) {
      this.message.set(b.key);
      return;
    }
    this.busy.set(true);
    this.message.set(null);
    try {
      const c = await this.service.open(b.body);
      await this.router.navigate(['/spot-checks', c.id]);
    } catch (error) {
      this.message.set(this.refusals.text(error, this.prefs.locale));
    } finally {
      this.busy.set(false);
    }
  }
}
