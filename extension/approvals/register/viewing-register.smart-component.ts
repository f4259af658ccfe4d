import { Component, inject, signal, ViewEncapsulation } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '@ngx-translate/core';
import {
  CurrentUserService,
  errorStatus,
  PersonNamePipe,
  LoadFailurePipe,
} from '../../shared/public-api';
import { AccessRequestView } from '../approvals.model';
import { requestStatusKey } from '../approvals.rules';
import { ApprovalsService } from '../approvals.service';

/**
 * The custodian's viewing register (R24.2) as a printable list: every registered viewing
 * with viewer, reason, window, the reviewer, approver and registrar, newest first. The print
 * style sheet drops the app's navigation and keeps the table, one row never split over pages.
 */
@Component({
  selector: 'efr-viewing-register',
  // The print sheet must reach the shell's toolbar and menu: see print.css.
  encapsulation: ViewEncapsulation.None,
  styleUrls: ['./print.css'],
  imports: [LoadFailurePipe, DatePipe, MatButtonModule, TranslatePipe, PersonNamePipe],
  template: `
    <section class="efr-page register">
      <div class="head">
        <h1 class="efr-page-title">{{ 'EFR_APPROVALS.BOOK.TITLE' | translate }}</h1>
        <button
          mat-stroked-button
          type="button"
          class="no-print"
          (click)="print()"
          data-testid="print"
        >
          {{ 'EFR_APPROVALS.BOOK.PRINT' | translate }}
        </button>
      </div>
      <p class="printed">
        {{
          'EFR_APPROVALS.BOOK.PRINTED'
            | translate: { at: (now | date: 'yyyy-MM-dd HH:mm'), user: user() }
        }}
      </p>
      @if (failure() !== null) {
        <div class="efr-error" role="alert">
          {{ failure() | efrLoadFailure | translate: { status: failure() } }}
        </div>
      }
      @if (rows(); as list) {
        @if (list.length === 0) {
          <p class="efr-empty">{{ 'EFR_APPROVALS.BOOK.EMPTY' | translate }}</p>
        } @else {
          <table class="book" data-testid="register-table">
            <thead>
              <tr>
                <th>{{ 'EFR_APPROVALS.FIELD.NUMBER' | translate }}</th>
                <th>{{ 'EFR_APPROVALS.FIELD.VIEWER' | translate }}</th>
                <th>{{ 'EFR_APPROVALS.FIELD.VIEW_REASON' | translate }}</th>
                <th>{{ 'EFR_APPROVALS.FIELD.RECORDINGS' | translate }}</th>
                <th>{{ 'EFR_APPROVALS.FIELD.WINDOW' | translate }}</th>
                <th>{{ 'EFR_APPROVALS.FIELD.REVIEWED' | translate }}</th>
                <th>{{ 'EFR_APPROVALS.FIELD.APPROVED' | translate }}</th>
                <th>{{ 'EFR_APPROVALS.FIELD.REGISTERED' | translate }}</th>
                <th>{{ 'EFR_APPROVALS.FIELD.STATUS' | translate }}</th>
              </tr>
            </thead>
            <tbody>
              @for (r of list; track r.id) {
                <tr data-testid="register-row" [attr.data-number]="r.number">
                  <td class="efr-mono">{{ r.number }}</td>
                  <td class="person">{{ r.viewer | efrPersonName }}</td>
                  <td>
                    {{ r.viewingReason }}<br /><small>{{
                      'EFR_APPROVALS.PURPOSE.' + r.purpose | translate
                    }}</small>
                  </td>
                  <td>
                    @for (x of r.recordings; track x.id) {
                      <div>{{ x.title || x.name }}</div>
                    }
                  </td>
                  <td>
                    {{ r.viewingFrom | date: 'yyyy-MM-dd HH:mm' }} –<br />{{
                      r.viewingUntil | date: 'yyyy-MM-dd HH:mm'
                    }}
                  </td>
                  <td class="person">
                    {{ r.reviewedBy | efrPersonName }}
                    @if (r.reviewOpinion) {
                      <br /><small data-testid="register-review-opinion">{{
                        r.reviewOpinion
                      }}</small>
                    }
                  </td>
                  <td class="person">
                    {{ r.approvedBy | efrPersonName }}
                    @if (r.approvalOpinion) {
                      <br /><small data-testid="register-approval-opinion">{{
                        r.approvalOpinion
                      }}</small>
                    }
                  </td>
                  <td class="person">
                    {{ r.registeredBy | efrPersonName }}<br /><small>{{
                      r.registeredAt | date: 'yyyy-MM-dd HH:mm'
                    }}</small>
                  </td>
                  <td>{{ statusKey(r) | translate }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
      }
    </section>
  `,
  styles: [
    `
      efr-viewing-register .head {
        display: flex;
        justify-content: space-between;
        align-items: center;
      }
      efr-viewing-register .printed {
        display: none;
      }
      efr-viewing-register .book {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.92em;
      }
      efr-viewing-register .book th,
      efr-viewing-register .book td {
        border: 1px solid #999;
        padding: 4px 6px;
        text-align: left;
        vertical-align: top;
      }
      efr-viewing-register .book th {
        background: #f2f2f2;
      }
      @media print {
        efr-viewing-register .no-print {
          display: none !important;
        }
        efr-viewing-register .printed {
          display: block;
          font-size: 0.85em;
        }
        efr-viewing-register .book tr {
          break-inside: avoid;
        }
        efr-viewing-register .book th {
          background: none;
        }
        efr-viewing-register {
          color: #000;
        }
      }
    `,
  ],
})
export class ViewingRegisterSmartComponent {
  /** The i18n key of a request's state (approvals.statusKey). */
  protected readonly statusKey = requestStatusKey;

  private readonly service = inject(ApprovalsService);
  private readonly currentUser = inject(CurrentUserService);

  protected readonly rows = signal<AccessRequestView[] | null>(null);
  protected readonly failure = signal<number | null>(null);
  protected readonly now = Date.now();

  constructor() {
    void this.load();
  }

  protected user(): string {
    return this.currentUser.user()?.displayName ?? '';
  }

  /** Reads the register (every registered viewing). */
  async load(): Promise<void> {
    try {
      this.rows.set(await this.service.list('registry'));
    } catch (error) {
      this.failure.set(errorStatus(error) ?? 0);
    }
  }

  /** Prints the register with the print style sheet. */
  protected print(): void {
    window.print();
  }
}
