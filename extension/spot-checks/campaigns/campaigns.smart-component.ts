import { Component, inject, signal } from '@angular/core';
import { DatePipe, PercentPipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { UserPreferencesService } from '@alfresco/adf-core';
import { CurrentUserService } from '../../shared/public-api';
import { Campaign, CampaignForm } from '../spot-checks.model';
import { campaignBody, mayRunSpotChecks, refusalText } from '../spot-checks.rules';
import { SpotChecksService } from '../spot-checks.service';

/** Spot-check campaigns: the list and the form that opens one and draws its sample (R28.1). */
@Component({
  selector: 'efr-spot-check-campaigns',
  imports: [DatePipe, PercentPipe, FormsModule, RouterLink, MatButtonModule, MatFormFieldModule,
    MatInputModule, TranslatePipe],
  template: `
<section class="efr-page">
  <h1 class="efr-page-title">{{ 'EFR_SPOT_CHECKS.CAMPAIGNS.TITLE' | translate }}</h1>
  @if (mayRun()) {
  <form class="efr-list-card form" (ngSubmit)="openCampaign()" data-testid="campaign-form">
    <mat-form-field><mat-label>{{ 'EFR_SPOT_CHECKS.FORM.TITLE' | translate }}</mat-label>
      <input matInput name="title" [(ngModel)]="form.title" data-testid="campaign-title" />
    </mat-form-field>
    <mat-form-field><mat-label>{{ 'EFR_SPOT_CHECKS.FORM.FROM' | translate }}</mat-label>
      <input matInput type="date" name="fromDay" [(ngModel)]="form.fromDay"
        data-testid="campaign-from" />
    </mat-form-field>
    <mat-form-field><mat-label>{{ 'EFR_SPOT_CHECKS.FORM.TO' | translate }}</mat-label>
      <input matInput type="date" name="toDay" [(ngModel)]="form.toDay" data-testid="campaign-to" />
    </mat-form-field>
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
  <div class="efr-list-card">
    <table class="efr-simple-table" data-testid="campaigns-table">
      <tr><th>{{ 'EFR_SPOT_CHECKS.COL.CAMPAIGN' | translate }}</th>
        <th>{{ 'EFR_SPOT_CHECKS.COL.PERIOD' | translate }}</th>
        <th>{{ 'EFR_SPOT_CHECKS.COL.PROPORTION' | translate }}</th>
        <th>{{ 'EFR_SPOT_CHECKS.COL.SAMPLE' | translate }}</th>
        <th>{{ 'EFR_SPOT_CHECKS.COL.PROGRESS' | translate }}</th>
        <th>{{ 'EFR_SPOT_CHECKS.COL.STATUS' | translate }}</th></tr>
      @for (c of campaigns(); track c.id) {
      <tr data-testid="campaign-row" [attr.data-status]="c.status">
        <td><a [routerLink]="['/spot-checks', c.id]">{{ c.title }}</a></td>
        <td>{{ c.from | date: 'yyyy-MM-dd' }} – {{ c.to | date: 'yyyy-MM-dd' }}</td>
        <td>{{ c.proportion | percent: '1.0-1' }}</td>
        <td>{{ c.sampleSize }} / {{ c.populationSize }}</td>
        <td>{{ c.progress.done + c.progress.skipped }} / {{ c.progress.total }}</td>
        <td>{{ 'EFR_SPOT_CHECKS.STATUS.' + c.status | translate }}</td>
      </tr>
      } @empty { <tr><td colspan="6">{{ 'EFR_SPOT_CHECKS.CAMPAIGNS.EMPTY' | translate }}</td></tr> }
    </table>
  </div>
</section>`,
  styles: `.form { display: flex; flex-wrap: wrap; gap: 12px; align-items: baseline; padding:
    16px; }`,
})
export class CampaignsSmartComponent {
  private readonly service = inject(SpotChecksService);
  private readonly router = inject(Router);
  private readonly user = inject(CurrentUserService);
  private readonly prefs = inject(UserPreferencesService);

  protected readonly campaigns = signal<Campaign[]>([]);
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

  /** Reads the campaigns. */
  async load(): Promise<void> {
    try {
      this.campaigns.set(await this.service.campaigns());
    } catch (error) {
      this.message.set(refusalText(error, this.prefs.locale));
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
      this.message.set(refusalText(error, this.prefs.locale));
    } finally {
      this.busy.set(false);
    }
  }
}
