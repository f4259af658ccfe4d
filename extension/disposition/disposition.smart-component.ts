import { Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '@ngx-translate/core';
import { UserPreferencesService } from '@alfresco/adf-core';
import { CurrentUserService, EfrRole, RefusalTextService } from '../shared/public-api';
import {
  DispositionBatchView, DispositionDecision, DispositionRecording,
} from './disposition.model';
import {
  basisText, batchStatusKey, dispositionTextValid, offeredDecisions, registerState, sizeText,
  sparedKey,
} from './disposition.rules';
import { DispositionService } from './disposition.service';

/**
 * Disposition (issue 18): custodians pick recordings whose retention ended and propose a batch
 * with a reason; the office director reviews and a leader approves, each with an opinion (the
 * approval destroys the bytes); anyone taking part downloads the destruction register.
 */
@Component({
  selector: 'efr-disposition',
  imports: [DatePipe, FormsModule, MatButtonModule, TranslatePipe],
  template: `
<section class="efr-page">
  <h1 class="efr-page-title">{{ 'EFR_DISPOSITION.TITLE' | translate }}</h1>
  @if (message(); as m) {
    <div class="efr-error" role="alert" data-testid="disposition-error">{{ m }}</div>
  }
  @if (isCustodian()) {
  <h2>{{ 'EFR_DISPOSITION.ELIGIBLE' | translate }}</h2>
  <p class="hint">{{ 'EFR_DISPOSITION.ELIGIBLE_HINT' | translate }}</p>
  <div class="efr-list-card">
    <table class="efr-simple-table" data-testid="eligible-table">
      <tr><th></th><th>{{ 'EFR_DISPOSITION.COL.NAME' | translate }}</th>
        <th>{{ 'EFR_DISPOSITION.COL.OFFICERS' | translate }}</th>
        <th>{{ 'EFR_DISPOSITION.COL.RETAIN_UNTIL' | translate }}</th>
        <th>{{ 'EFR_DISPOSITION.COL.SIZE' | translate }}</th>
        <th>{{ 'EFR_DISPOSITION.COL.BASIS' | translate }}</th></tr>
      @for (r of eligible(); track r.id) {
      <tr data-testid="eligible-row" [attr.data-id]="r.id" [attr.data-name]="r.name">
        <td><input type="checkbox" [checked]="selected().has(r.id)" (change)="toggle(r.id)"
          [attr.aria-label]="r.name" data-testid="eligible-pick" /></td>
        <td>{{ r.title || r.name }}</td><td>{{ r.officers.join('、') }}</td>
        <td>{{ r.retainUntil | date: 'yyyy-MM-dd' }}</td><td>{{ size(r.sizeBytes) }}</td>
        <td class="basis">{{ basis(r.retentionBasis) }}</td></tr>
      }
    </table>
    @if (eligible().length === 0) {
      <p class="efr-empty" data-testid="eligible-empty">
        {{ 'EFR_DISPOSITION.NONE_ELIGIBLE' | translate }}</p>
    }
  </div>
  <div class="bar">
    <label>{{ 'EFR_DISPOSITION.REASON' | translate }}
      <input type="text" [(ngModel)]="reason" data-testid="proposal-reason" size="40" /></label>
    <button mat-flat-button color="primary" data-testid="propose"
      [disabled]="selected().size === 0 || !textValid(reason) || busy()" (click)="propose()">
      {{ 'EFR_DISPOSITION.PROPOSE' | translate: { count: selected().size } }}</button>
  </div>
  }
  <h2>{{ 'EFR_DISPOSITION.BATCHES' | translate }}</h2>
  @for (b of batches(); track b.id) {
  <article class="card" data-testid="batch-card" [attr.data-id]="b.id"
    [attr.data-status]="b.status">
    <header><strong class="efr-mono">{{ b.number }}</strong>
      <span class="status" data-testid="batch-status">{{ statusKey(b.status) | translate }}</span>
    </header>
    <dl>
      <dt>{{ 'EFR_DISPOSITION.REASON' | translate }}</dt><dd>{{ b.reason }}</dd>
      <dt>{{ 'EFR_DISPOSITION.PROPOSED_BY' | translate }}</dt>
      <dd data-testid="batch-proposer">{{ b.proposedByName }} ·
        {{ b.proposedAt | date: 'yyyy-MM-dd HH:mm' }}</dd>
      @if (b.reviewedByName) { <dt>{{ 'EFR_DISPOSITION.REVIEWED_BY' | translate }}</dt>
        <dd data-testid="batch-reviewer">{{ b.reviewedByName }} ·
          {{ b.reviewedAt | date: 'yyyy-MM-dd HH:mm' }} · {{ b.reviewOpinion }}</dd> }
      @if (b.approvedByName) { <dt>{{ 'EFR_DISPOSITION.APPROVED_BY' | translate }}</dt>
        <dd data-testid="batch-approver">{{ b.approvedByName }} ·
          {{ b.approvedAt | date: 'yyyy-MM-dd HH:mm' }} · {{ b.approvalOpinion }}</dd> }
      @if (b.rejectedByName) { <dt>{{ 'EFR_DISPOSITION.REJECTED_BY' | translate }}</dt>
        <dd>{{ b.rejectedByName }} · {{ b.rejectionReason }}</dd> }
    </dl>
    <ul class="recs">
      @for (r of b.recordings; track r.id) {
      <li data-testid="batch-recording" [attr.data-id]="r.id" [attr.data-destroyed]="r.destroyed">
        {{ r.title || r.name }} — <span class="efr-mono">{{ r.sha256?.slice(0, 16) }}…</span>
        @if (r.destroyed) {
          <span class="tag gone">{{ 'EFR_DISPOSITION.DESTROYED' | translate }}</span>
        }
        @if (spared(b, r); as code) {
          <span class="tag kept" data-testid="spared">{{ sparedKey(code) | translate }}</span>
        }
      </li>
      }
    </ul>
    @if (offered(b).length > 0) {
    <div class="bar">
      <label>{{ 'EFR_DISPOSITION.OPINION' | translate }}
        <input type="text" [(ngModel)]="opinions[b.id]" data-testid="batch-opinion" size="40" />
      </label>
      @for (d of offered(b); track d) {
      <button mat-stroked-button [color]="d === 'reject' ? 'warn' : 'primary'"
        [attr.data-testid]="'batch-' + d" [disabled]="!textValid(opinions[b.id] ?? '') || busy()"
        (click)="decide(b, d)">{{ 'EFR_DISPOSITION.DECIDE.' + d | translate }}</button>
      }
    </div>
    }
    @switch (register(b)) {
      @case ('ready') {
      <a mat-stroked-button [href]="registerUrl(b.id)" [attr.download]="b.register?.name"
        data-testid="batch-register">
        {{ 'EFR_DISPOSITION.REGISTER' | translate }}</a>
      }
      @case ('rendering') {
      <span class="hint" data-testid="batch-register-rendering">
        {{ 'EFR_DISPOSITION.REGISTER_RENDERING' | translate: { percent: b.register?.job?.percent ?? 0 } }}</span>
      }
      @case ('failed') {
      <span class="tag kept" data-testid="batch-register-failed">
        {{ 'EFR_DISPOSITION.REGISTER_FAILED' | translate }}</span>
      }
    }
  </article>
  } @empty {
    <p class="efr-empty" data-testid="batches-empty">
      {{ 'EFR_DISPOSITION.NO_BATCHES' | translate }}</p>
  }
</section>`,
  styles: `.bar { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin: 12px 0; }
    h2 { margin: 20px 0 8px; font-size: 16px; } .hint { color: #555; margin: 0 0 8px; }
    .card { border: 1px solid #ddd; border-radius: 6px; padding: 12px 16px; margin: 8px 0;
      background: #fff; }
    .card header { display: flex; justify-content: space-between; }
    .status { font-weight: 600; } dl { display: grid; grid-template-columns: 8em 1fr;
      gap: 4px 12px; margin: 8px 0; } dt { color: #555; } dd { margin: 0; }
    .recs { margin: 4px 0; padding-left: 20px; } .tag { margin-left: 8px; padding: 0 6px;
      border-radius: 3px; font-size: 12px; } .gone { background: #eceff1; color: #37474f; }
    .kept { background: #fff3e0; color: #e65100; } .basis { font-size: 12px; color: #444; }`,
})
export class DispositionSmartComponent {
  private readonly service = inject(DispositionService);
  private readonly refusals = inject(RefusalTextService);
  private readonly users = inject(CurrentUserService);
  private readonly prefs = inject(UserPreferencesService);

  protected readonly eligible = signal<DispositionRecording[]>([]);
  protected readonly batches = signal<DispositionBatchView[]>([]);
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly message = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly isCustodian = computed(() => this.users.roles().includes(EfrRole.Custodian));
  protected reason = '';
  protected opinions: Record<string, string> = {};
  protected readonly textValid = dispositionTextValid;
  protected readonly statusKey = batchStatusKey;
  protected readonly sparedKey = sparedKey;
  protected readonly size = sizeText;
  protected readonly register = registerState;
  private poll: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.poll));
    void this.load();
  }

  /** Reads the eligible list (custodians) and the batches. */
  async load(): Promise<void> {
    try {
      await this.users.load();
      if (this.isCustodian()) this.eligible.set(await this.service.eligible());
      this.batches.set(await this.service.batches());
      this.pollWhileRendering();
    } catch (error) {
      this.message.set(this.refusals.text(error, this.prefs.locale));
    }
  }

  /** While efr worker renders a register, reads the batches again every two seconds. */
  private pollWhileRendering(): void {
    clearTimeout(this.poll);
    if (!this.batches().some((b) => registerState(b) === 'rendering')) return;
    this.poll = setTimeout(() => {
      void this.service.batches().then((list) => {
        this.batches.set(list);
        this.pollWhileRendering();
      }, (error: unknown) => this.message.set(this.refusals.text(error, this.prefs.locale)));
    }, 2000);
  }

  protected toggle(id: string): void {
    const next = new Set(this.selected());
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.selected.set(next);
  }

  protected offered(b: DispositionBatchView): DispositionDecision[] {
    return offeredDecisions(b, this.users.user()?.id ?? '', this.users.roles());
  }

  protected spared(b: DispositionBatchView, r: DispositionRecording): string | null {
    return b.spared.find((s) => s.id === r.id)?.code ?? null;
  }

  protected basis(text: string): string {
    return basisText(text, this.prefs.locale);
  }

  protected registerUrl(id: string): string {
    return this.service.registerUrl(id);
  }

  /** Proposes the selected recordings as one batch. */
  async propose(): Promise<void> {
    await this.run(() => this.service.propose([...this.selected()], this.reason.trim()));
    if (!this.message()) {
      this.selected.set(new Set());
      this.reason = '';
    }
  }

  /** Reviews, approves or rejects a batch with the opinion typed beside it. */
  async decide(b: DispositionBatchView, d: DispositionDecision): Promise<void> {
    await this.run(() => this.service.decide(b.id, d, (this.opinions[b.id] ?? '').trim()));
  }

  private async run(step: () => Promise<unknown>): Promise<void> {
    this.busy.set(true);
    this.message.set(null);
    try {
      await step();
      await this.load();
    } catch (error) {
      this.message.set(this.refusals.text(error, this.prefs.locale));
    } finally {
      this.busy.set(false);
    }
  }
}
