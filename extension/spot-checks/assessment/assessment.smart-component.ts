import { Component, DestroyRef, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { UserPreferencesService } from '@alfresco/adf-core';
import { Assessment, RATES } from '../spot-checks.model';
import { bureauDay, dayStart, nextDay, percentText } from '../spot-checks.rules';
import { SpotChecksService } from '../spot-checks.service';
import { RateBarsUiComponent } from '../ui/rate-bars.ui-component';
import {
  documentState, PersonNamePipe, DayFieldComponent, RefusalTextService,
} from '../../shared/public-api';
import type { GeneratedDocument } from '../../../contract/index';
import { qualityFileName } from '../../../core/src/index';

/**
 * The quality assessment of a period (R28.1) per unit and per officer: recording rate,
 * continuity, timely handover, findings passed, confirmed violations with measures (R29.1,
 * R30.1), as tables and bar charts, exported as CSV by the repository or as a PDF report that
 * efr worker renders (issue 15): the button asks for it, the screen shows its progress, then
 * the download link.
 */
@Component({
  selector: 'efr-quality-assessment',
  imports: [DayFieldComponent,
    PersonNamePipe, FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe,
    RateBarsUiComponent],
  template: `
<section class="efr-page">
  <h1 class="efr-page-title">{{ 'EFR_SPOT_CHECKS.ASSESSMENT.TITLE' | translate }}</h1>
  <form class="bar" (ngSubmit)="load()">
    <efr-day-field [(value)]="fromDay" [label]="'EFR_SPOT_CHECKS.FORM.FROM' | translate"
      testId="quality-from" />
    <efr-day-field [(value)]="toDay" [label]="'EFR_SPOT_CHECKS.FORM.TO' | translate"
      testId="quality-to" />
    <button mat-flat-button type="submit" data-testid="quality-show">
      {{ 'EFR_SPOT_CHECKS.ASSESSMENT.SHOW' | translate }}</button>
    @if (result()) {
    <a mat-stroked-button [href]="exportUrl('csv')" [attr.download]="fileName('csv')"
      data-testid="quality-csv">CSV</a>
    @switch (reportState()) {
      @case ('rendering') {
      <span class="hint" data-testid="quality-pdf-rendering">
        {{ 'EFR_SPOT_CHECKS.ASSESSMENT.PDF_RENDERING' | translate: { percent: report()?.job?.percent ?? 0 } }}</span>
      }
      @case ('ready') {
      <a mat-stroked-button [href]="reportUrl()" [attr.download]="report()?.name"
        data-testid="quality-pdf-download">
        {{ 'EFR_SPOT_CHECKS.ASSESSMENT.PDF_DOWNLOAD' | translate }}</a>
      }
      @default {
      <button mat-stroked-button type="button" (click)="requestPdf()" data-testid="quality-pdf">
        PDF</button>
      }
    }
    @if (reportState() === 'failed') {
      <span class="hint" data-testid="quality-pdf-failed">
        {{ 'EFR_SPOT_CHECKS.ASSESSMENT.PDF_FAILED' | translate }}</span>
    } }
  </form>
  @if (message(); as m) { <div class="efr-error" role="alert">{{ m }}</div> }
  @if (result(); as a) {
  @for (part of parts; track part) {
  <h2>{{ 'EFR_SPOT_CHECKS.ASSESSMENT.' + part | translate }}</h2>
  <div class="efr-list-card">
    <table class="efr-simple-table" [attr.data-testid]="'quality-' + part">
      <tr><th>{{ 'EFR_SPOT_CHECKS.COL.UNIT' | translate }}</th>
        @if (part === 'OFFICERS') { <th>{{ 'EFR_SPOT_CHECKS.COL.OFFICER' | translate }}</th> }
        @for (r of rates; track r) { <th>{{ 'EFR_SPOT_CHECKS.RATE.' + r | translate }}</th> }
        <th>{{ 'EFR_SPOT_CHECKS.RATE.violations' | translate }}</th></tr>
      @for (l of (part === 'UNITS' ? a.report.units : a.report.officers); track l.unit +
        l.officer) {
      <tr data-testid="quality-row" [attr.data-officer]="l.officer"><td>{{ l.unit }}</td>
        @if (part === 'OFFICERS') { <td>{{ l.officer | efrPersonName }}</td> }
        @for (r of rates; track r) { <td>{{ pct(l[r]) }}</td> }
        <td data-testid="quality-violations">{{ l.violations }}</td></tr>
      }
    </table>
  </div>
  <efr-rate-bars [lines]="part === 'UNITS' ? a.report.units : a.report.officers" />
  }
  <h2>{{ 'EFR_SPOT_CHECKS.ASSESSMENT.VIOLATIONS' | translate }}</h2>
  <div class="efr-list-card">
    <table class="efr-simple-table" data-testid="quality-measures">
      @for (v of a.violations; track v.id) { @for (m of v.measures; track m.id) {
      <tr><td>@if (v.officer) { {{ v.officer | efrPersonName }} } @else {
        {{ 'EFR_SPOT_CHECKS.VIOLATIONS.OFFICER_UNDETERMINED' | translate }} }</td>
        <td>{{ 'EFR_SPOT_CHECKS.KIND.' + v.kind | translate }}</td>
        <td>{{ 'EFR_SPOT_CHECKS.MEASURE.' + m.measure | translate }}</td>
        <td>{{ m.startDate }} – {{ m.endDate ?? '' }}</td></tr> } }
    </table>
    @if (!hasMeasures(a.violations)) {
      <p class="efr-empty" data-testid="quality-measures-empty">
        {{ 'EFR_SPOT_CHECKS.ASSESSMENT.NO_MEASURES' | translate }}
      </p>
    }
  </div>
  }
</section>`,
  styles: `.bar { display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
    h2 { margin: 20px 0 8px; font-size: 16px; } efr-rate-bars { display: block; margin: 12px 0; }`,
})
export class AssessmentSmartComponent {
  /** Whether any confirmed violation of the period has a measure (else the section says so). */
  protected hasMeasures(violations: readonly { measures: readonly unknown[] }[]): boolean {
    return violations.some((v) => v.measures.length > 0);
  }

  private readonly service = inject(SpotChecksService);

  private readonly refusals = inject(RefusalTextService);
  private readonly prefs = inject(UserPreferencesService);

  protected readonly parts = ['UNITS', 'OFFICERS'] as const;
  protected readonly rates = RATES;
  protected readonly pct = percentText;
  protected readonly result = signal<Assessment | null>(null);
  protected readonly message = signal<string | null>(null);
  /** The PDF report asked for on this screen, with its job's progress. */
  protected readonly report = signal<GeneratedDocument | null>(null);
  protected fromDay = bureauDay(-30);
  protected toDay = bureauDay(0);
  private poll: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.poll));
    void this.load();
  }

  /** Where the PDF report stands. */
  protected reportState(): ReturnType<typeof documentState> {
    return documentState(this.report()?.job);
  }

  private period(): { from: string; to: string } {
    return { from: dayStart(this.fromDay), to: dayStart(nextDay(this.toDay)) };
  }

  /** Reads the assessment of the chosen days. */
  async load(): Promise<void> {
    this.message.set(null);
    clearTimeout(this.poll);
    this.report.set(null);
    try {
      const p = this.period();
      this.result.set(await this.service.assessment(p.from, p.to));
    } catch (error) {
      this.message.set(this.refusals.text(error, this.prefs.locale));
    }
  }

  /**
   * The export's file name, as server/ names it: in ACS the CSV comes from a declarative web
   * script, which sets no Content-Disposition, so the link names the file (docs/api.md).
   */
  protected fileName(format: 'csv'): string {
    const p = this.period();
    return qualityFileName({ from: new Date(p.from).toISOString(),
      to: new Date(p.to).toISOString() }, format);
  }

  /** Download link of the CSV export. */
  protected exportUrl(format: 'csv'): string {
    const p = this.period();
    return this.service.exportUrl(p.from, p.to, format, this.prefs.locale);
  }

  /** Asks for the PDF report of the chosen days, then follows its rendering. */
  async requestPdf(): Promise<void> {
    this.message.set(null);
    try {
      const p = this.period();
      this.report.set(await this.service.requestReport(p.from, p.to, this.prefs.locale));
      this.pollWhileRendering();
    } catch (error) {
      this.message.set(this.refusals.text(error, this.prefs.locale));
    }
  }

  /** While efr worker renders the report, reads its progress again every two seconds. */
  private pollWhileRendering(): void {
    clearTimeout(this.poll);
    const r = this.report();
    if (r === null || this.reportState() !== 'rendering') return;
    this.poll = setTimeout(() => {
      void this.service.document(r.id).then((d) => {
        this.report.set(d);
        this.pollWhileRendering();
      }, (error: unknown) => this.message.set(this.refusals.text(error, this.prefs.locale)));
    }, 2000);
  }

  /** Download link of the rendered report. */
  protected reportUrl(): string {
    const r = this.report();
    return r === null ? '' : this.service.reportUrl(r.id);
  }
}
