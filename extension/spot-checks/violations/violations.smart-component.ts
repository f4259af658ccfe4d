import { Component, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { UserPreferencesService } from '@alfresco/adf-core';
import { MEASURES, Violation } from '../spot-checks.model';
import { violationFacts, violationSource } from '../spot-checks.rules';
import { SpotChecksService } from '../spot-checks.service';
import {
  PersonNamePipe, errorStatus, DayFieldComponent, RefusalTextService,
} from '../../shared/public-api';

/**
 * The violation register (R29.1): proposals from failed checks, late handovers and refused
 * tampering; a supervisor confirms or dismisses with a reason and records measures with dates
 * (R30.1). Every step is decided and logged by the repository.
 */
@Component({
  selector: 'efr-violations',
  imports: [DayFieldComponent, PersonNamePipe, DatePipe, FormsModule, MatButtonModule,
    MatButtonToggleModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe],
  template: `
<section class="efr-page">
  <h1 class="efr-page-title">{{ 'EFR_SPOT_CHECKS.VIOLATIONS.TITLE' | translate }}</h1>
  <!-- Refused the register: the sentence alone, no filters, scan or "no violations" beside it
       (issue 19: a blank list under the refusal read as an empty register). -->
  @if (!forbidden()) {
  <div class="bar">
    <mat-button-toggle-group [value]="status()" (change)="status.set($event.value); load()">
      @for (s of statuses; track s) { <mat-button-toggle [value]="s">
        {{ 'EFR_SPOT_CHECKS.VSTATUS.' + s | translate }}</mat-button-toggle> }
    </mat-button-toggle-group>
    <button mat-stroked-button type="button" (click)="scan()" data-testid="violations-scan">
      {{ 'EFR_SPOT_CHECKS.VIOLATIONS.SCAN' | translate }}</button>
  </div>
  }
  @if (message(); as m) { <div class="efr-error" role="alert">{{ m }}</div> }
  @if (!forbidden()) {
  <div class="efr-list-card">
    <table class="efr-simple-table" data-testid="violations-table">
      <tr><th>{{ 'EFR_SPOT_CHECKS.COL.OFFICER' | translate }}</th>
        <th>{{ 'EFR_SPOT_CHECKS.COL.KIND' | translate }}</th>
        <th>{{ 'EFR_SPOT_CHECKS.COL.DESCRIPTION' | translate }}</th>
        <th>{{ 'EFR_SPOT_CHECKS.COL.STATUS' | translate }}</th>
        <th>{{ 'EFR_SPOT_CHECKS.COL.MEASURES' | translate }}</th>
        <th>{{ 'EFR_SPOT_CHECKS.COL.ACTIONS' | translate }}</th></tr>
      @for (v of violations(); track v.id) {
      <tr data-testid="violation-row" [attr.data-status]="v.status" [attr.data-officer]="v.officer">
        <td>@if (v.officer) { {{ v.officer | efrPersonName }} } @else {
          {{ 'EFR_SPOT_CHECKS.VIOLATIONS.OFFICER_UNDETERMINED' | translate }} }
          <div class="sub">{{ v.unit }}</div></td>
        <td>{{ 'EFR_SPOT_CHECKS.KIND.' + v.kind | translate }}</td>
        <td class="text"><span data-testid="violation-facts">{{ facts(v) }}</span>
          <div class="sub" data-testid="violation-source">{{
            'EFR_SPOT_CHECKS.VIOLATIONS.SOURCE.' + source(v) | translate }}
          · {{ v.proposedAt | date: 'yyyy-MM-dd HH:mm' }}
          · @if (v.proposedBy === 'system') {
            {{ 'EFR_SPOT_CHECKS.VIOLATIONS.BY_SYSTEM' | translate }}
          } @else { {{ v.proposedBy | efrPersonName }} }</div></td>
        <td data-testid="violation-status">{{ 'EFR_SPOT_CHECKS.VSTATUS.' + v.status | translate }}
          @if (v.decisionReason) { <div class="sub">{{ v.decisionReason }}</div> }</td>
        <td data-testid="violation-measures">@for (m of v.measures; track m.id) {
          <div>{{ 'EFR_SPOT_CHECKS.MEASURE.' + m.measure | translate }} {{ m.startDate }}
            @if (m.endDate) { – {{ m.endDate }} }</div> }</td>
        <td class="acts"><div class="acts-box">
          @if (v.status === 'proposed') {
          <input class="reason" [(ngModel)]="reasons[v.id]"
            [placeholder]="'EFR_SPOT_CHECKS.VIOLATIONS.REASON' | translate"
            data-testid="decision-reason" />
          <button mat-flat-button type="button" (click)="decide(v, 'confirm')"
            data-testid="confirm">
            {{ 'EFR_SPOT_CHECKS.VIOLATIONS.CONFIRM' | translate }}</button>
          <button mat-stroked-button type="button" (click)="decide(v, 'dismiss')"
            data-testid="dismiss">
            {{ 'EFR_SPOT_CHECKS.VIOLATIONS.DISMISS' | translate }}</button>
          } @if (v.status === 'confirmed') {
          <select [(ngModel)]="measureOf(v.id).measure" data-testid="measure-kind">
            @for (m of measures; track m) { <option [value]="m">
              {{ 'EFR_SPOT_CHECKS.MEASURE.' + m | translate }}</option> }
          </select>
          <efr-day-field [(value)]="measureOf(v.id).startDate" testId="measure-start"
            [label]="'EFR_SPOT_CHECKS.VIOLATIONS.MEASURE_START' | translate" />
          <efr-day-field [(value)]="measureOf(v.id).endDate" testId="measure-end"
            [label]="'EFR_SPOT_CHECKS.VIOLATIONS.MEASURE_END' | translate" />
          <button mat-flat-button type="button" (click)="addMeasure(v)" data-testid="measure-add">
            {{ 'EFR_SPOT_CHECKS.VIOLATIONS.ADD_MEASURE' | translate }}</button>
          }
        </div></td>
      </tr>
      } @empty { <tr><td colspan="6" class="text" data-testid="violations-empty">{{
        'EFR_SPOT_CHECKS.VIOLATIONS.EMPTY' | translate }}</td></tr> }
    </table>
  </div>
  }
</section>`,
  styles: `.bar { display: flex; gap: 12px; margin-bottom: 12px; align-items: center; }
    /* A flex cell breaks the table's row; the box inside the cell wraps instead. */
    .acts-box { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
    .sub { font-size: 12px; opacity: .75; } .reason { min-width: 160px; }
    /* A fixity alert's facts carry two 64-digit digests: they wrap, so the table fits 1366 px. */
    .text { overflow-wrap: anywhere; }`,
})
export class ViolationsSmartComponent {
  private readonly service = inject(SpotChecksService);
  private readonly refusals = inject(RefusalTextService);
  private readonly prefs = inject(UserPreferencesService);
  private readonly translate = inject(TranslateService);

  protected readonly statuses = ['proposed', 'confirmed', 'dismissed', 'all'];
  protected readonly measures = MEASURES;
  protected readonly status = signal('all');
  protected readonly violations = signal<Violation[]>([]);
  protected readonly message = signal<string | null>(null);
  /** Whether reading the register was refused (not a supervisor). */
  protected readonly forbidden = signal(false);
  protected readonly reasons: Record<string, string> = {};
  private readonly measureForms: Record<string, { measure: string; startDate: string;
    endDate: string }> = {};

  constructor() {
    void this.load();
  }

  /** The facts of a violation in the interface language (issue 19, point 6). */
  protected facts(v: Violation): string {
    return violationFacts(v, this.prefs.locale);
  }

  /** Where the violation came from (EFR_SPOT_CHECKS.VIOLATIONS.SOURCE key). */
  protected source(v: Violation): string {
    return violationSource(v);
  }

  /** The measure form of a violation. */
  protected measureOf(id: string): { measure: string; startDate: string; endDate: string } {
    this.measureForms[id] ??= { measure: 'selfExamination', startDate: '', endDate: '' };
    return this.measureForms[id];
  }

  /** Reads the register. */
  async load(): Promise<void> {
    this.message.set(null);
    try {
      this.violations.set(await this.service.violations(this.status()));
      this.forbidden.set(false);
    } catch (error) {
      // Reading the register is refused to all but supervisors (an administrator sees the
      // entry in the navigation): say who keeps it, not the refusal of registering one
      // ("仅监督人员可以登记违规。"), which misread as a failed write (issue 19, point 9).
      this.forbidden.set(errorStatus(error) === 403);
      this.message.set(
        errorStatus(error) === 403
          ? (this.translate.instant('EFR_SPOT_CHECKS.VIOLATIONS.LIST_FORBIDDEN') as string)
          : this.refusals.text(error, this.prefs.locale),
      );
    }
  }

  /** Proposes the automatic violations not proposed yet. */
  async scan(): Promise<void> {
    await this.run(() => this.service.scan());
    await this.load();
  }

  /** Confirms or dismisses (a dismissal needs a reason: the server refuses otherwise). */
  async decide(v: Violation, action: 'confirm' | 'dismiss'): Promise<void> {
    await this.run(() => this.service.decide(v.id, action, this.reasons[v.id] ?? ''));
    await this.load();
  }

  /** Records a measure with its dates (R30.1). */
  async addMeasure(v: Violation): Promise<void> {
    const m = this.measureOf(v.id);
    await this.run(() => this.service.addMeasure(v.id, { measure: m.measure,
      startDate: m.startDate, ...(m.endDate ? { endDate: m.endDate } : {}) }));
    await this.load();
  }

  private async run(step: () => Promise<unknown>): Promise<void> {
    this.message.set(null);
    try {
      await step();
    } catch (error) {
      this.message.set(this.refusals.text(error, this.prefs.locale));
    }
  }
}
