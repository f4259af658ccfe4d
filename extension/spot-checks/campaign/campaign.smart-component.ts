import { Component, computed, inject, input, signal } from '@angular/core';
import { PercentPipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '@ngx-translate/core';
import { UserPreferencesService } from '@alfresco/adf-core';
import { Campaign, Evidence, Finding, FindingForm } from '../spot-checks.model';
import { ApprovalsService } from '../../approvals/public-api';
import { CurrentUserService, PersonNamePipe, RefusalTextService } from '../../shared/public-api';
import {
  campaignDays, findingBody, supervisionRequestFor,
} from '../spot-checks.rules';
import { SpotChecksService } from '../spot-checks.service';
import { ChecklistUiComponent } from '../ui/checklist.ui-component';
import { FindingSummaryUiComponent } from '../ui/finding-summary.ui-component';

/**
 * One campaign: its draw (seed, population, sample) with a re-check of the draw, its
 * progress, the reviewer's queue and the checklist of the selected recording (R28.1, R28.2).
 * The recording is played from the approvals player under a supervision request (R25.1).
 */
@Component({
  selector: 'efr-spot-check-campaign',
  imports: [PersonNamePipe, PercentPipe, RouterLink, MatButtonModule, TranslatePipe,
    ChecklistUiComponent, FindingSummaryUiComponent],
  template: `
<section class="efr-page">
  @if (campaign(); as c) {
  <h1 class="efr-page-title" data-testid="campaign-title">{{ c.title }}</h1>
  <div class="efr-list-card facts" data-testid="campaign-facts">
    <div data-testid="campaign-period">{{ 'EFR_SPOT_CHECKS.COL.PERIOD' | translate }}:
      {{ days(c).first }} – {{ days(c).last }}</div>
    <div>{{ 'EFR_SPOT_CHECKS.COL.PROPORTION' | translate }}: {{ c.proportion | percent: '1.0-1'
      }}</div>
    <div>{{ 'EFR_SPOT_CHECKS.FORM.SEED' | translate }}: <code data-testid="campaign-seed">{{
      c.seed }}</code></div>
    <div data-testid="campaign-sample-size">{{ 'EFR_SPOT_CHECKS.COL.SAMPLE' | translate }}:
      {{ c.sampleSize }} / {{ c.populationSize }}</div>
    <div>{{ 'EFR_SPOT_CHECKS.COL.STATUS' | translate }}:
      <span data-testid="campaign-status">{{ 'EFR_SPOT_CHECKS.STATUS.' + c.status | translate
        }}</span></div>
    <div class="meter"><span [style.width.%]="percentDone()"></span></div>
    <div data-testid="campaign-progress">{{ 'EFR_SPOT_CHECKS.PROGRESS' | translate: c.progress
      }}</div>
    <div class="actions">
      <button mat-stroked-button type="button" (click)="verify()" data-testid="verify-draw">
        {{ 'EFR_SPOT_CHECKS.VERIFY' | translate }}</button>
      @if (verified() !== null) { <span data-testid="verify-result">{{ (verified()
        ? 'EFR_SPOT_CHECKS.VERIFY_OK' : 'EFR_SPOT_CHECKS.VERIFY_BAD') | translate }}</span> }
      @if (c.status === 'open') {
      <button mat-flat-button type="button" (click)="close()" data-testid="campaign-close">
        {{ 'EFR_SPOT_CHECKS.CLOSE' | translate }}</button> }
      <a mat-button routerLink="/violations">{{ 'EFR_SPOT_CHECKS.VIOLATIONS.TITLE' | translate
        }}</a>
    </div>
  </div>
  @if (message(); as m) { <div [class.efr-error]="m.error" [class.efr-ok]="!m.error" role="status"
    data-testid="campaign-message">{{ m.text | translate }}</div> }
  <div class="split">
    <div class="efr-list-card queue">
      <table class="efr-simple-table" data-testid="sample-table">
        <tr><th>#</th><th>{{ 'EFR_SPOT_CHECKS.COL.RECORDING' | translate }}</th>
          <th>{{ 'EFR_SPOT_CHECKS.COL.OFFICER' | translate }}</th>
          <th>{{ 'EFR_SPOT_CHECKS.COL.STATUS' | translate }}</th></tr>
        @for (f of sample(); track f.id; let i = $index) {
        <tr data-testid="sample-row" [attr.data-status]="f.status" [class.selected]="f.id ===
          selectedId()"
          (click)="select(f)">
          <td>{{ i + 1 }}</td><td>{{ f.recordingName }}</td><td>{{ f.officer | efrPersonName }}</td>
          <td>{{ 'EFR_SPOT_CHECKS.FINDING.' + f.status | translate }}</td></tr>
        }
      </table>
    </div>
    @if (selected(); as f) {
    <div class="efr-list-card review">
      <h2>{{ f.recordingName }}</h2>
      <div class="play" data-testid="supervision-viewing">
        @if (playRequest(); as q) {
        <a mat-flat-button [routerLink]="['/playback', q]" data-testid="play-recording">
          {{ 'EFR_SPOT_CHECKS.REVIEW.PLAY' | translate }}</a>
        } @else {
        <span class="sub">{{ 'EFR_SPOT_CHECKS.REVIEW.NEED_REQUEST' | translate }}</span>
        <a mat-stroked-button routerLink="/approvals/new"
          [queryParams]="{ recordingId: f.recordingId }" data-testid="request-viewing">
          {{ 'EFR_SPOT_CHECKS.REVIEW.REQUEST' | translate }}</a>
        }
      </div>
      @if (c.status === 'open') {
      <efr-spot-check-checklist [finding]="f" [evidence]="evidence()" [busy]="busy()"
        (saveFinding)="save(f, $event)" />
      } @else { <efr-spot-check-finding-summary [finding]="f" /> }
    </div>
    }
  </div>
  }
</section>`,
  styles: `.facts { padding: 16px; display: grid; gap: 6px; }
    .meter { height: 6px; background: #eceff1; border-radius: 3px; overflow: hidden; }
    .meter span { display: block; height: 100%; background: #1565c0; }
    .actions { display: flex; gap: 8px; align-items: center; }
    .split { display: grid; grid-template-columns: minmax(280px, 1fr) 2fr; gap: 16px; }
    .review { padding: 16px; } .play { display: flex; gap: 8px; align-items: center; }
    tr.selected { background: var(--mat-sys-secondary-container); }
    tr[data-testid='sample-row'] { cursor: pointer; }`,
})
export class CampaignSmartComponent {
  private readonly service = inject(SpotChecksService);
  private readonly refusals = inject(RefusalTextService);
  private readonly prefs = inject(UserPreferencesService);
  private readonly approvals = inject(ApprovalsService);
  private readonly user = inject(CurrentUserService);

  /** The bureau days the campaign covers, the last included (issue 19, point 11). */
  protected readonly days = campaignDays;

  /** Route parameter: the campaign id. */
  readonly id = input.required<string>();

  protected readonly campaign = signal<Campaign | null>(null);
  protected readonly sample = signal<Finding[]>([]);
  protected readonly selectedId = signal<string | null>(null);
  protected readonly evidence = signal<Evidence | null>(null);
  /** Id of the registered supervision request to play the selected recording under. */
  protected readonly playRequest = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly verified = signal<boolean | null>(null);
  protected readonly message = signal<{ text: string; error: boolean } | null>(null);
  protected readonly selected = computed(() =>
    this.sample().find((f) => f.id === this.selectedId()) ?? null);
  protected readonly percentDone = computed(() => {
    const p = this.campaign()?.progress;
    return p && p.total > 0 ? ((p.done + p.skipped) / p.total) * 100 : 0;
  });

  constructor() {
    queueMicrotask(() => void this.load());
  }

  /** Reads the campaign and its sample; selects the first pending recording. */
  async load(): Promise<void> {
    try {
      const [c, s] = await Promise.all([this.service.campaign(this.id()),
        this.service.sample(this.id())]);
      this.campaign.set(c);
      this.sample.set(s);
      const next = s.find((f) => f.status === 'pending') ?? s[0];
      if (next && this.selectedId() === null) await this.select(next);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Shows a recording's checklist with its automatic evidence. */
  async select(f: Finding): Promise<void> {
    this.selectedId.set(f.id);
    this.evidence.set(null);
    this.playRequest.set(null);
    try {
      this.evidence.set(await this.service.evidence(this.id(), f.id));
      const viewing = await this.approvals.list('viewing');
      const q = supervisionRequestFor(viewing, f.recordingId ?? '', this.user.user()?.id ?? '',
        Date.now());
      this.playRequest.set(q?.id ?? null);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Saves a finding; the server checks it and proposes a violation for a failure. */
  async save(f: Finding, form: FindingForm): Promise<void> {
    this.busy.set(true);
    this.message.set(null);
    try {
      const saved = await this.service.saveFinding(this.id(), findingBody(f.id, form));
      this.message.set({ text: saved.violationId ? 'EFR_SPOT_CHECKS.REVIEW.SAVED_VIOLATION'
        : 'EFR_SPOT_CHECKS.REVIEW.SAVED', error: false });
      this.sample.set(this.sample().map((x) => (x.id === saved.id ? saved : x)));
      this.campaign.set(await this.service.campaign(this.id()));
      const next = this.sample().find((x) => x.status === 'pending');
      if (next) await this.select(next);
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy.set(false);
    }
  }

  /** Closes the campaign (the server refuses while findings are pending). */
  async close(): Promise<void> {
    try {
      this.campaign.set(await this.service.close(this.id()));
    } catch (error) {
      this.fail(error);
    }
  }

  /** Re-runs the draw from the logged seed and population. */
  async verify(): Promise<void> {
    try {
      const v = await this.service.verifyDraw(this.id());
      this.verified.set(v.check.ok);
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    this.message.set({ text: this.refusals.text(error, this.prefs.locale), error: true });
  }
}
