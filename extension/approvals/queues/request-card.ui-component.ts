import { Component, input, output, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '@ngx-translate/core';
import {
  AccessRequestView,
  CONFIRMED_DECISIONS,
  Decision,
  RegistrationForm,
} from '../approvals.model';
import { reasonValid, registrationErrors, requestStatusKey } from '../approvals.rules';
import {
  DateTimeFieldComponent,
  PersonNamePipe,
  PersonPickerComponent,
} from '../../shared/public-api';

/** A decision with what it carries (a rejection's reason, a registration). */
export interface DecisionEvent {
  decision: Decision;
  payload: { reason?: string; opinion?: string } | RegistrationForm;
}

const HOUR = 3_600_000;

/** `YYYY-MM-DDTHH:mm` in local time, for a datetime-local input. */
function localInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/**
 * One viewing request with its facts and the decisions offered to the user: review and
 * approval with an opinion (审核意见, 批准意见); what cannot be undone (reject, close,
 * withdraw) is confirmed with a reason first (R24.1, issue 19 point 8); a registration asks
 * for viewer, reason and the end of the window (R24.2).
 */
@Component({
  selector: 'efr-request-card',
  imports: [
    DateTimeFieldComponent,
    PersonNamePipe,
    PersonPickerComponent,
    DatePipe,
    FormsModule,
    RouterLink,
    MatButtonModule,
    TranslatePipe,
  ],
  template: `
    @let r = request();
    <article
      class="card"
      [attr.data-status]="r.status"
      data-testid="request-card"
      [attr.data-number]="r.number"
    >
      <header>
        <strong class="efr-mono">{{ r.number }}</strong>
        <span class="status" data-testid="request-status">{{
          statusKey(r) | translate
        }}</span>
      </header>
      <dl class="efr-facts">
        <dt>{{ 'EFR_APPROVALS.FIELD.REQUESTER' | translate }}</dt>
        <dd>{{ r.requester | efrPersonName }}</dd>
        <dt>{{ 'EFR_APPROVALS.FIELD.PURPOSE' | translate }}</dt>
        <dd>{{ 'EFR_APPROVALS.PURPOSE.' + r.purpose | translate }}</dd>
        <dt>{{ 'EFR_APPROVALS.FIELD.REASON' | translate }}</dt>
        <dd>{{ r.reason }}</dd>
        <dt>{{ 'EFR_APPROVALS.FIELD.RECORDINGS' | translate }}</dt>
        <dd>
          @for (x of r.recordings; track x.id) {
            <div>{{ x.title || x.name }}</div>
          }
        </dd>
        <dt>{{ 'EFR_APPROVALS.FIELD.SUBMITTED' | translate }}</dt>
        <dd data-testid="request-submitted">{{ r.submittedAt | date: 'yyyy-MM-dd HH:mm' }}</dd>
        @if (r.reviewedBy) {
          <dt>{{ 'EFR_APPROVALS.FIELD.REVIEWED' | translate }}</dt>
          <dd>
            {{ r.reviewedBy | efrPersonName }} · {{ r.reviewedAt | date: 'yyyy-MM-dd HH:mm' }}
          </dd>
          @if (r.reviewOpinion) {
            <dt>{{ 'EFR_APPROVALS.FIELD.REVIEW_OPINION' | translate }}</dt>
            <dd data-testid="review-opinion">{{ r.reviewOpinion }}</dd>
          }
        }
        @if (r.approvedBy) {
          <dt>{{ 'EFR_APPROVALS.FIELD.APPROVED' | translate }}</dt>
          <dd>
            {{ r.approvedBy | efrPersonName }} · {{ r.approvedAt | date: 'yyyy-MM-dd HH:mm' }}
          </dd>
          @if (r.approvalOpinion) {
            <dt>{{ 'EFR_APPROVALS.FIELD.APPROVAL_OPINION' | translate }}</dt>
            <dd data-testid="approval-opinion">{{ r.approvalOpinion }}</dd>
          }
        } @else if (r.approvers) {
          <dt>{{ 'EFR_APPROVALS.FIELD.APPROVERS' | translate }}</dt>
          <dd>{{ r.approvers | efrPersonName }}</dd>
        }
        @if (r.registeredBy) {
          <dt>{{ 'EFR_APPROVALS.FIELD.REGISTERED' | translate }}</dt>
          <dd>
            {{ r.registeredBy | efrPersonName }} · {{ r.registeredAt | date: 'yyyy-MM-dd HH:mm' }}
          </dd>
          <dt>{{ 'EFR_APPROVALS.FIELD.VIEWER' | translate }}</dt>
          <dd>{{ r.viewer | efrPersonName }}</dd>
          <dt>{{ 'EFR_APPROVALS.FIELD.WINDOW' | translate }}</dt>
          <dd>
            {{ r.viewingFrom | date: 'yyyy-MM-dd HH:mm' }} –
            {{ r.viewingUntil | date: 'yyyy-MM-dd HH:mm' }}
          </dd>
        }
        @if (r.rejectedBy) {
          <dt>{{ 'EFR_APPROVALS.FIELD.REJECTED' | translate }}</dt>
          <dd>{{ r.rejectedBy | efrPersonName }} · {{ r.rejectionReason }}</dd>
        }
      </dl>
      <div class="actions">
        @if (playable()) {
          <a mat-flat-button [routerLink]="['/playback', r.id]" data-testid="play">
            {{ 'EFR_APPROVALS.DECISION.PLAY' | translate }}</a
          >
        }
        @for (d of decisions(); track d) {
          <button
            mat-stroked-button
            type="button"
            [disabled]="busy()"
            [attr.data-decision]="d"
            (click)="choose(d)"
          >
            {{ 'EFR_APPROVALS.DECISION.' + d | translate }}
          </button>
        }
      </div>
      @if (pending(); as d) {
        @if (d !== 'register') {
          <!-- A reason confirms what cannot be undone; review and approval take an opinion
               (审核意见 / 批准意见, R24.1; issue 19, point 8), kept with the step. -->
          @let asOpinion = d === 'review' || d === 'approve';
          <div
            class="inline-form"
            [attr.data-testid]="asOpinion ? 'opinion-form' : 'confirm-form'"
            [attr.data-decision]="d"
          >
            @if (d === 'close' || d === 'withdraw') {
              <p class="warning" role="note">
                {{ 'EFR_APPROVALS.CONFIRM.' + d + '_WARNING' | translate }}
              </p>
            }
            <label
              >{{
                (asOpinion
                  ? 'EFR_APPROVALS.OPINION.' + d
                  : 'EFR_APPROVALS.CONFIRM.' + d + '_REASON'
                ) | translate
              }}
              <textarea
                [(ngModel)]="reason"
                rows="2"
                maxlength="2000"
                [placeholder]="asOpinion ? ('EFR_APPROVALS.OPINION.PLACEHOLDER' | translate) : ''"
                [attr.data-testid]="asOpinion ? 'opinion' : 'reject-reason'"
              ></textarea>
            </label>
            @if (!asOpinion && tried() && !reasonOk()) {
              <p class="efr-error" role="alert">
                {{ 'EFR_APPROVALS.DECISION.REASON_REQUIRED' | translate }}
              </p>
            }
            <button
              mat-flat-button
              type="button"
              [disabled]="busy()"
              (click)="confirmText()"
              [attr.data-testid]="asOpinion ? 'confirm-opinion' : 'confirm-reject'"
            >
              {{
                (asOpinion ? 'EFR_APPROVALS.DECISION.' + d : 'EFR_APPROVALS.CONFIRM.' + d)
                  | translate
              }}
            </button>
            <button mat-button type="button" (click)="pending.set(null)">
              {{ 'EFR_APPROVALS.DECISION.CANCEL' | translate }}
            </button>
          </div>
        }
      }
      @if (pending() === 'register') {
        <div class="inline-form">
          <efr-person-picker
            class="viewer"
            [(value)]="viewer"
            [label]="'EFR_APPROVALS.REGISTER.VIEWER' | translate"
            testId="register-viewer"
            [required]="true"
          />
          <label
            >{{ 'EFR_APPROVALS.REGISTER.REASON' | translate }}
            <input [(ngModel)]="reason" data-testid="register-reason"
          /></label>
          <efr-date-time-field
            [(value)]="until"
            [label]="'EFR_APPROVALS.REGISTER.UNTIL' | translate"
            testId="register-until"
            [required]="true"
          />
          @for (e of registerErrors(); track e) {
            <p class="efr-error register-error" role="alert">{{ e | translate }}</p>
          }
          <button
            mat-flat-button
            type="button"
            [disabled]="busy()"
            (click)="confirmRegister()"
            data-testid="confirm-register"
          >
            {{ 'EFR_APPROVALS.REGISTER.CONFIRM' | translate }}
          </button>
          <button mat-button type="button" (click)="pending.set(null)">
            {{ 'EFR_APPROVALS.DECISION.CANCEL' | translate }}
          </button>
        </div>
      }
    </article>
  `,
  styles: [
    `
      .card {
        border: 1px solid var(--mat-sys-outline-variant, #ccc);
        border-radius: 8px;
        padding: 12px 16px;
        margin-bottom: 12px;
        background: var(--mat-sys-surface, #fff);
      }
      header {
        display: flex;
        gap: 12px;
        align-items: baseline;
        justify-content: space-between;
      }
      .status {
        font-size: 0.9em;
        padding: 2px 8px;
        border-radius: 10px;
        background: var(--mat-sys-secondary-container, #eee);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        margin-top: 8px;
      }
      .inline-form {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: end;
        margin-top: 8px;
      }
      .register-error {
        flex-basis: 100%;
        margin: 0;
      }
      .warning {
        flex-basis: 100%;
        margin: 0;
        color: var(--mat-sys-error, #b3261e);
      }
      .inline-form label {
        display: flex;
        flex-direction: column;
        font-size: 0.9em;
      }
      textarea,
      input {
        font: inherit;
        padding: 4px 6px;
        min-width: 16em;
      }
    `,
  ],
})
export class RequestCardUiComponent {
  /** The i18n key of a request's state (approvals.statusKey). */
  protected readonly statusKey = requestStatusKey;

  /** The request. */
  readonly request = input.required<AccessRequestView>();
  /** Decisions offered to the user. */
  readonly decisions = input<Decision[]>([]);
  /** Whether the user may play it now. */
  readonly playable = input(false);
  /** Whether a decision is being sent. */
  readonly busy = input(false);
  /** A decision taken. */
  readonly decide = output<DecisionEvent>();

  protected readonly pending = signal<Decision | null>(null);
  protected readonly tried = signal(false);
  /** What a registration still lacks (i18n keys). */
  protected readonly registerErrors = signal<string[]>([]);
  protected reason = '';
  protected viewer = '';
  protected until = '';

  protected reasonOk(): boolean {
    return reasonValid(this.reason);
  }

  /**
   * Review and approval ask for an opinion (optional); reject, close and withdraw for a
   * reason; registration for viewer, reason and window.
   */
  protected choose(d: Decision): void {
    this.tried.set(false);
    this.registerErrors.set([]);
    if (d === 'review' || d === 'approve') {
      this.reason = '';
      this.pending.set(d);
      return;
    }
    if (CONFIRMED_DECISIONS.includes(d) || d === 'register') {
      this.reason = d === 'register' ? this.request().reason : '';
      this.viewer = this.request().requester;
      this.until = localInput(Date.now() + 4 * HOUR);
      this.pending.set(d);
      return;
    }
    this.decide.emit({ decision: d, payload: {} });
  }

  /**
   * Sends a review or an approval with its opinion (none when left blank), or a rejection,
   * close or withdrawal once its reason is given.
   */
  protected confirmText(): void {
    const d = this.pending();
    if (!d || d === 'register') return;
    const text = this.reason.trim();
    if (d === 'review' || d === 'approve') {
      this.decide.emit({ decision: d, payload: text ? { opinion: text } : {} });
      this.pending.set(null);
      return;
    }
    this.tried.set(true);
    if (!this.reasonOk()) return;
    this.decide.emit({ decision: d, payload: { reason: text } });
    this.pending.set(null);
  }

  /** Sends the registration once viewer, reason and window end are given; else says what lacks. */
  protected confirmRegister(): void {
    const until = new Date(this.until);
    const form: RegistrationForm = {
      viewer: this.viewer.trim(),
      reason: this.reason.trim(),
      viewingUntil: Number.isNaN(until.getTime()) ? '' : until.toISOString(),
    };
    this.registerErrors.set(registrationErrors(form, Date.now()));
    if (this.registerErrors().length) return;
    this.decide.emit({ decision: 'register', payload: form });
    this.pending.set(null);
  }
}
