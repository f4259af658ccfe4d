import { Component, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  ArticlePipe,
  DateTimeFieldComponent,
  LabelOrRawPipe,
  LoadFailurePipe,
  LogActionPipe,
  PeopleDirectoryService,
  RefusalPipe,
  articleText,
  logActionKey,
  refusalKey,
  PersonNamePipe,
  errorStatus,
} from '../../shared/public-api';
import { AccessLogRow, ChainVerification } from '../approvals.model';
import { accessLogCsv } from '../approvals.rules';
import { ApprovalsService } from '../approvals.service';
import {
  LogDetail, detailSeparator, logObject, logTooltip, unnamedNodeIds, visibleLogDetails,
} from './access-log.rules';
import { formatZoneTime } from '../../../core/src/index';

/**
 * The access-log search for supervisors (R14.1): the audit application `efr-access` filtered
 * by user, by action / node / value and by time, exported as CSV, with the result of the
 * hash-chain verification run on the repository.
 */
@Component({
  selector: 'efr-access-log',
  imports: [
    ArticlePipe,
    DateTimeFieldComponent,
    LabelOrRawPipe,
    LoadFailurePipe,
    LogActionPipe,
    PersonNamePipe,
    RefusalPipe,
    DatePipe,
    FormsModule,
    MatButtonModule,
    MatProgressBarModule,
    TranslatePipe,
  ],
  template: `
    <section class="efr-page">
      <h1 class="efr-page-title">{{ 'EFR_APPROVALS.LOG.TITLE' | translate }}</h1>
      <!-- Refused the log (403): the sentence alone, no verification or search to try (issue
           19: the form beside the refusal read as if another search might work). -->
      @if (failure() !== 403) {
      <div class="verify">
        <button mat-stroked-button type="button" (click)="verify()" data-testid="verify">
          {{ 'EFR_APPROVALS.LOG.VERIFY' | translate }}
        </button>
        @if (check(); as c) {
          @if (c.ok) {
            <span class="efr-ok" data-testid="chain-ok">{{
              'EFR_APPROVALS.LOG.OK'
                | translate: { count: c.count, at: (c.verifiedAt | date: 'yyyy-MM-dd HH:mm:ss') }
            }}</span>
          } @else {
            <span class="efr-error" data-testid="chain-broken">{{
              'EFR_APPROVALS.LOG.BROKEN' | translate: { id: c.id, reason: c.reason }
            }}</span>
          }
        }
      </div>
      <form class="filters" (ngSubmit)="search()">
        <label
          >{{ 'EFR_APPROVALS.LOG.USER' | translate }}
          <input name="user" [(ngModel)]="user" data-testid="log-user"
        /></label>
        <label
          >{{ 'EFR_APPROVALS.LOG.VALUE' | translate }}
          <input name="value" [(ngModel)]="value" data-testid="log-value"
        /></label>
        <efr-date-time-field
          [(value)]="from"
          [label]="'EFR_APPROVALS.LOG.FROM' | translate"
          testId="log-from"
        />
        <efr-date-time-field
          [(value)]="to"
          [label]="'EFR_APPROVALS.LOG.TO' | translate"
          testId="log-to"
        />
        <button mat-flat-button type="submit" data-testid="log-search">
          {{ 'EFR_APPROVALS.LOG.SEARCH' | translate }}
        </button>
        <button
          mat-stroked-button
          type="button"
          (click)="exportCsv()"
          [disabled]="!rows()?.length"
          data-testid="log-csv"
        >
          {{ 'EFR_APPROVALS.LOG.CSV' | translate }}
        </button>
      </form>
      }
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (failure() !== null) {
        <div class="efr-error" role="alert">
          {{ failure() | efrLoadFailure | translate: { status: failure() } }}
        </div>
      }
      @if (rows(); as list) {
        @if (list.length === 0) {
          <p class="efr-empty">{{ 'EFR_APPROVALS.LOG.EMPTY' | translate }}</p>
        } @else {
          <div class="efr-table-wrap">
            <table class="log" data-testid="log-table">
              <thead>
                <tr>
                  <th>{{ 'EFR_APPROVALS.LOG.COL_ID' | translate }}</th>
                  <th>{{ 'EFR_APPROVALS.LOG.COL_AT' | translate }}</th>
                  <th>{{ 'EFR_APPROVALS.LOG.COL_USER' | translate }}</th>
                  <th>{{ 'EFR_APPROVALS.LOG.COL_ACTION' | translate }}</th>
                  <th>{{ 'EFR_APPROVALS.LOG.COL_NODE' | translate }}</th>
                  <th>{{ 'EFR_APPROVALS.LOG.COL_DETAILS' | translate }}</th>
                </tr>
              </thead>
              <tbody>
                @for (r of list; track r.id) {
                  <tr
                    data-testid="log-row"
                    [attr.data-action]="r.action"
                    [attr.data-user]="r.user"
                    [title]="tooltip(r)"
                  >
                    <td>{{ r.id }}</td>
                    <td class="nowrap">{{ r.at | date: 'yyyy-MM-dd HH:mm:ss' }}</td>
                    <td class="nowrap">{{ r.user | efrPersonName }}</td>
                    <td data-testid="log-action">{{ r.action | efrLogAction }}</td>
                    <td class="node" [title]="r.nodeId" data-testid="log-object">
                      {{ objectOf(r) || '—' }}
                    </td>
                    <td class="details" data-testid="log-details">
                      @for (d of details(r); track d.key) {
                        <span class="detail"
                          >{{ 'EFR_APPROVALS.LOG.DETAIL.' + d.key | translate }}{{ separator()
                          }}@switch (d.kind) {
                            @case ('person') {
                              {{ d.value | efrPersonName }}
                            }
                            @case ('article') {
                              {{ d.value | efrArticle }}
                            }
                            @case ('action') {
                              {{ d.value | efrLogAction }}
                            }
                            @case ('status') {
                              {{ d.value | efrLabelOrRaw: 'EFR_APPROVALS.STATUS.' }}
                            }
                            @case ('purpose') {
                              {{ d.value | efrLabelOrRaw: 'EFR_APPROVALS.PURPOSE.' }}
                            }
                            @case ('refusal') {
                              {{ d.value | efrRefusal: d.fallback }}
                            }
                            @default {
                              {{ d.value }}
                            }
                          }</span
                        >
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      }
    </section>
  `,
  styles: [
    `
      .verify {
        display: flex;
        gap: 12px;
        align-items: center;
        margin-bottom: 12px;
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 12px;
        align-items: end;
        margin-bottom: 12px;
      }
      .filters label {
        display: flex;
        flex-direction: column;
        font-size: 0.9em;
      }
      input {
        font: inherit;
        padding: 4px 6px;
      }
      .log {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.9em;
      }
      .log th,
      .log td {
        border-bottom: 1px solid #ddd;
        padding: 4px 6px;
        text-align: left;
        vertical-align: top;
      }
      .nowrap,
      .log th {
        white-space: nowrap;
      }
      .detail {
        display: inline-block;
        margin-right: 12px;
      }
      .details {
        word-break: break-all;
        max-width: 40em;
      }
    `,
  ],
})
export class AccessLogSmartComponent {
  private readonly service = inject(ApprovalsService);
  private readonly people = inject(PeopleDirectoryService);
  private readonly translate = inject(TranslateService);

  protected readonly rows = signal<AccessLogRow[] | null>(null);
  protected readonly check = signal<ChainVerification | null>(null);
  protected readonly loading = signal(false);
  protected readonly failure = signal<number | null>(null);
  /** The current names of the rows' nodes that the log does not name (read once per id). */
  private readonly names = signal<ReadonlyMap<string, string>>(new Map());
  private readonly namesAsked = new Set<string>();
  protected user = '';
  protected value = '';
  protected from = '';
  protected to = '';

  constructor() {
    void this.search();
  }

  /** Runs the search with the current filters (newest first, at most 500 entries). */
  async search(): Promise<void> {
    this.loading.set(true);
    this.failure.set(null);
    const iso = (v: string): string | undefined => (v ? new Date(v).toISOString() : undefined);
    try {
      const rows = await this.service.accessLog({
        user: this.user,
        value: this.value,
        from: iso(this.from),
        to: iso(this.to),
      });
      this.rows.set(rows);
      await this.readNames(rows);
    } catch (error) {
      this.failure.set(errorStatus(error) ?? 0);
    } finally {
      this.loading.set(false);
    }
  }

  /** The details a reader is shown (codes, hashes and ids stay in the tooltip). */
  protected details(r: AccessLogRow): LogDetail[] {
    const known = (code: string): boolean =>
      this.translate.instant(refusalKey(code)) !== refusalKey(code);
    return visibleLogDetails(r.values, this.translate.getCurrentLang() ?? 'zh-CN', known);
  }

  /**
   * What a row is about: the logged name, else the node's current name, else a sentence that
   * the reader cannot see it (issue 19: never a bare "—" where an object is known).
   */
  protected objectOf(r: AccessLogRow): string {
    const name = logObject(r, this.names());
    return name ?? (this.translate.instant('EFR_APPROVALS.LOG.OBJECT_UNREADABLE') as string);
  }

  /** Reads the names of the rows' unnamed nodes not asked for before. */
  private async readNames(rows: readonly AccessLogRow[]): Promise<void> {
    const ids = unnamedNodeIds(rows).filter((id) => !this.namesAsked.has(id));
    if (ids.length === 0) return;
    for (const id of ids) this.namesAsked.add(id);
    const found = await this.service.nodeNames(ids);
    this.names.update((known) => new Map([...known, ...found]));
  }

  /** Between a detail's label and value, in the screen's language. */
  protected separator(): string {
    return detailSeparator(this.translate.getCurrentLang() ?? 'zh-CN');
  }

  /** Every logged value, for the row's tooltip. */
  protected tooltip(r: AccessLogRow): string {
    return logTooltip(r.values);
  }

  /** Asks the repository to verify the whole hash chain. */
  async verify(): Promise<void> {
    try {
      this.check.set(await this.service.verify());
    } catch (error) {
      this.failure.set(errorStatus(error) ?? 0);
    }
  }

  /** Downloads the rows shown as CSV (UTF-8 with BOM), in the screen's language. */
  protected exportCsv(): void {
    const t = (key: string, args?: Record<string, string>): string =>
      this.translate.instant(key, args) as string;
    const language = this.translate.getCurrentLang() ?? 'zh-CN';
    const labelOr = (key: string, raw: string): string => (t(key) === key ? raw : t(key));
    const action = (code: string): string => labelOr(logActionKey(code), code);
    const detail = (d: LogDetail): string => {
      const value =
        d.kind === 'person' ? this.people.nameOf(d.value)
        : d.kind === 'article' ? articleText(d.value, language)
        : d.kind === 'action' ? action(d.value)
        : d.kind === 'status' ? labelOr(`EFR_APPROVALS.STATUS.${d.value}`, d.value)
        : d.kind === 'purpose' ? labelOr(`EFR_APPROVALS.PURPOSE.${d.value}`, d.value)
        : d.kind === 'refusal' ? labelOr(refusalKey(d.value), d.fallback ?? '')
        : d.value;
      return `${t(`EFR_APPROVALS.LOG.DETAIL.${d.key}`)}${detailSeparator(language)}${value}`;
    };
    // The workstation's zone is the bureau's; the offset stands beside each time.
    const zone = { offsetMinutesAt: (ms: number) => -new Date(ms).getTimezoneOffset() };
    const csv = accessLogCsv(this.rows() ?? [], {
      header: ['ID', 'AT', 'USER', 'ACTION', 'NODE', 'DETAILS', 'HASH']
        .map((k) => t(`EFR_APPROVALS.LOG.COL_${k}`)),
      time: (iso) => formatZoneTime(iso, zone),
      person: (id) => this.people.nameOf(id),
      action,
      object: (r) => this.objectOf(r),
      details: (r) => this.details(r).map(detail).join(language.startsWith('zh') ? '；' : '; '),
    });
    const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `efr-access-log-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  }
}
