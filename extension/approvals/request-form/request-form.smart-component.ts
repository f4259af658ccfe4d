import { Component, inject, input, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { UserPreferencesService } from '@alfresco/adf-core';
import {
  aftsType,
  DateTimeFieldComponent,
  EFR_TYPE,
  EfrApiService, RefusalTextService,
} from '../../shared/public-api';
import { Purpose, PURPOSES, RequestForm } from '../approvals.model';
import { requestFormErrors } from '../approvals.rules';
import { ApprovalsService } from '../approvals.service';

interface Choice {
  id: string;
  label: string;
  checked: boolean;
}

/**
 * The viewing-request form (R24.1, R25.1, R26.2, R14.1): from a recording
 * (`/approvals/new?recordingId=…`), from a case (`?caseId=…`: every recording of the case), or
 * by picking recordings. The repository checks who may ask for what (R27.1) and answers
 * with the request number.
 */
@Component({
  selector: 'efr-request-form',
  imports: [DateTimeFieldComponent, FormsModule, MatButtonModule, TranslatePipe],
  template: `
    <section class="efr-page">
      <h1 class="efr-page-title">{{ 'EFR_APPROVALS.FORM.TITLE' | translate }}</h1>
      <p class="hint">{{ 'EFR_APPROVALS.FORM.HINT' | translate }}</p>
      <form (ngSubmit)="submit()" class="form" data-testid="request-form">
        @if (caseId()) {
          <p data-testid="from-case">{{ 'EFR_APPROVALS.FORM.FROM_CASE' | translate }}</p>
        } @else {
          <fieldset>
            <legend>{{ 'EFR_APPROVALS.FORM.PICK' | translate }}</legend>
            @for (c of choices(); track c.id) {
              <label class="pick"
                ><input
                  type="checkbox"
                  [name]="'rec-' + c.id"
                  [(ngModel)]="c.checked"
                  [attr.data-recording]="c.label"
                />
                {{ c.label }}</label
              >
            }
          </fieldset>
        }
        <label
          >{{ 'EFR_APPROVALS.FORM.PURPOSE' | translate }}
          <select name="purpose" [(ngModel)]="purpose" data-testid="purpose">
            @for (p of purposes; track p) {
              <option [value]="p">{{ 'EFR_APPROVALS.PURPOSE.' + p | translate }}</option>
            }
          </select>
        </label>
        <label
          >{{ 'EFR_APPROVALS.FORM.REASON' | translate }}
          <textarea name="reason" rows="3" [(ngModel)]="reason" data-testid="reason"></textarea>
        </label>
        <div class="row">
          <efr-date-time-field
            [(value)]="from"
            [label]="'EFR_APPROVALS.FORM.FROM' | translate"
            testId="request-from"
          />
          <efr-date-time-field
            [(value)]="to"
            [label]="'EFR_APPROVALS.FORM.TO' | translate"
            testId="request-to"
          />
        </div>
        @for (e of errors(); track e) {
          <p class="efr-error" role="alert">{{ e | translate }}</p>
        }
        @if (refusal()) {
          <p class="efr-error" role="alert" data-testid="form-refusal">{{ refusal() }}</p>
        }
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="submit-request">
          {{ 'EFR_APPROVALS.FORM.SUBMIT' | translate }}
        </button>
      </form>
    </section>
  `,
  styles: [
    `
      .form {
        display: flex;
        flex-direction: column;
        gap: 12px;
        max-width: 640px;
      }
      .form label {
        display: flex;
        flex-direction: column;
        gap: 4px;
      }
      .form label.pick {
        flex-direction: row;
        align-items: center;
      }
      .row {
        display: flex;
        gap: 16px;
        flex-wrap: wrap;
      }
      textarea,
      input,
      select {
        font: inherit;
        padding: 4px 6px;
      }
      .hint {
        color: var(--mat-sys-on-surface-variant, #555);
      }
    `,
  ],
})
export class RequestFormSmartComponent implements OnInit {
  private readonly service = inject(ApprovalsService);
  private readonly refusals = inject(RefusalTextService);
  private readonly efrApi = inject(EfrApiService);
  private readonly router = inject(Router);
  private readonly prefs = inject(UserPreferencesService);
  private readonly translate = inject(TranslateService);

  /** Query parameter: the recording the request starts from. */
  readonly recordingId = input<string | undefined>(undefined);
  /** Query parameter: the case whose recordings are requested. */
  readonly caseId = input<string | undefined>(undefined);

  protected readonly purposes = PURPOSES;
  protected readonly choices = signal<Choice[]>([]);
  protected readonly errors = signal<string[]>([]);
  protected readonly refusal = signal('');
  protected readonly busy = signal(false);
  protected purpose: Purpose = 'work';
  protected reason = '';
  protected from = '';
  protected to = '';

  ngOnInit(): void {
    if (!this.caseId()) void this.loadChoices();
  }

  private async loadChoices(): Promise<void> {
    const result = await this.efrApi.search.search({
      query: { query: aftsType(EFR_TYPE.recording), language: 'afts' },
      include: ['properties'],
      sort: [{ type: 'FIELD', field: 'cm:created', ascending: false }],
      paging: { skipCount: 0, maxItems: 200 },
    });
    const wanted = this.recordingId();
    this.choices.set(
      (result.list?.entries ?? []).map((e) => {
        const title = (e.entry.properties as Record<string, unknown> | undefined)?.['cm:title'];
        return {
          id: e.entry.id,
          checked: e.entry.id === wanted,
          label: typeof title === 'string' && title ? `${title} (${e.entry.name})` : e.entry.name,
        };
      }),
    );
  }

  private form(): RequestForm {
    const iso = (v: string): string | null => (v ? new Date(v).toISOString() : null);
    return {
      recordingIds: this.choices()
        .filter((c) => c.checked)
        .map((c) => c.id),
      caseId: this.caseId() ?? null,
      purpose: this.purpose,
      reason: this.reason,
      requestedFrom: iso(this.from),
      requestedTo: iso(this.to),
    };
  }

  /** Checks the form, then files the request; the queue shows it afterwards. */
  protected async submit(): Promise<void> {
    const form = this.form();
    this.errors.set(requestFormErrors(form));
    this.refusal.set('');
    if (this.errors().length) return;
    this.busy.set(true);
    try {
      const r = await this.service.submit(form);
      await this.router.navigate(['/approvals'], { queryParams: { created: r.number } });
    } catch (error) {
      this.refusal.set(
        this.refusals.text(error, this.prefs.locale) ||
          (this.translate.instant('EFR_SHARED.COMMON.LOAD_FAILED', { status: '' }) as string),
      );
    } finally {
      this.busy.set(false);
    }
  }
}
