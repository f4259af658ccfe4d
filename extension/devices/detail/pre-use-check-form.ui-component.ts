import { Component, computed, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { DateTimeSecondsFieldComponent, PersonPickerComponent } from '../../shared/public-api';
import { PreUseCheckForm } from '../devices.model';
import { clockOffsetSeconds, preUseCheckErrors } from '../devices.rules';

/** Local wall time `yyyy-MM-ddTHH:mm:ss` of an instant, the device-time field's value. */
function localInputValue(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return (
    `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:` +
    `${p(d.getMinutes())}:${p(d.getSeconds())}`
  );
}

/** What the form emits: the officer and the check facts. */
export interface IssueRequest {
  holder: string;
  check: PreUseCheckForm;
}

/**
 * The pre-use check (R15.1) filled in when a device is issued: works, battery, free storage
 * and the time its clock shows (the offset is measured against the server when sent). Failed
 * items are shown as core would refuse them; the office can still send to have it logged.
 */
@Component({
  selector: 'efr-pre-use-check-form',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    DateTimeSecondsFieldComponent,
    PersonPickerComponent,
    TranslatePipe,
  ],
  template: `
    <form class="check" (ngSubmit)="submit()" data-testid="check-form">
      <h3>{{ 'EFR_DEVICES.CHECK.TITLE' | translate }}</h3>
      <efr-person-picker
        [(value)]="holder"
        [label]="'EFR_DEVICES.CHECK.HOLDER' | translate"
        field="holder"
        [required]="true"
      />
      <mat-checkbox
        name="working"
        [ngModel]="working()"
        (ngModelChange)="working.set($event)"
        data-field="working"
      >
        {{ 'EFR_DEVICES.CHECK.WORKING' | translate }}
      </mat-checkbox>
      <mat-form-field>
        <mat-label>{{ 'EFR_DEVICES.CHECK.BATTERY' | translate }}</mat-label>
        <input
          matInput
          type="number"
          name="battery"
          min="0"
          max="100"
          [ngModel]="battery()"
          (ngModelChange)="battery.set($event)"
          data-field="batteryPercent"
        />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'EFR_DEVICES.CHECK.STORAGE' | translate }}</mat-label>
        <input
          matInput
          type="number"
          name="storage"
          min="0"
          [ngModel]="storage()"
          (ngModelChange)="storage.set($event)"
          data-field="freeStorageMb"
        />
      </mat-form-field>
      <span class="device-time" data-field="deviceTime">
        <efr-date-time-seconds-field
          [(value)]="deviceTime"
          [label]="'EFR_DEVICES.CHECK.DEVICE_TIME' | translate"
          testId="check-device-time"
        />
        <span class="offset">{{
          'EFR_DEVICES.CHECK.OFFSET' | translate: { seconds: offset() ?? '—' }
        }}</span>
      </span>
      <ul class="problems" data-testid="check-problems">
        @for (e of errors(); track e.code) {
          <li [attr.data-code]="e.code">{{ zh() ? e.messageZh : e.message }}</li>
        } @empty {
          <li class="ok">{{ 'EFR_DEVICES.CHECK.PASSED' | translate }}</li>
        }
      </ul>
      <button
        mat-flat-button
        type="submit"
        [disabled]="busy() || holder().trim() === ''"
        data-testid="issue-submit"
      >
        {{ 'EFR_DEVICES.CHECK.SUBMIT' | translate }}
      </button>
    </form>
  `,
  styles: `
    .check {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      align-items: center;
    }
    .check h3 {
      width: 100%;
      margin: 8px 0;
      font-size: 15px;
      font-weight: 500;
    }
    mat-form-field {
      width: 180px;
    }
    .device-time {
      display: inline-flex;
      flex-direction: column;
    }
    .device-time .offset {
      font-size: 12px;
      color: var(--mat-sys-on-surface-variant, #49454f);
      padding: 2px 16px 0;
    }
    .problems {
      width: 100%;
      margin: 4px 0 8px;
      padding-left: 20px;
      color: var(--mat-sys-error, #ba1a1a);
    }
    .problems .ok {
      color: #1b5e20;
      list-style: none;
      margin-left: -20px;
    }
  `,
})
export class PreUseCheckFormUiComponent {
  /** Whether a step is being sent. */
  readonly busy = input(false);
  /** Whether messages are shown in Chinese. */
  readonly zh = input(true);
  /** Emits the officer and the check. */
  readonly issueDevice = output<IssueRequest>();

  protected readonly holder = signal('');
  protected readonly working = signal(true);
  protected readonly battery = signal<number | null>(null);
  protected readonly storage = signal<number | null>(null);
  protected readonly deviceTime = signal(localInputValue(Date.now()));

  private form(): PreUseCheckForm {
    const t = new Date(this.deviceTime());
    return {
      working: this.working(),
      batteryPercent: this.battery(),
      freeStorageMb: this.storage(),
      deviceTime: Number.isFinite(t.getTime()) ? t.toISOString() : '',
    };
  }

  protected readonly errors = computed(() => preUseCheckErrors(this.form(), Date.now()));
  protected readonly offset = computed(() =>
    clockOffsetSeconds(this.form().deviceTime, Date.now()),
  );

  protected submit(): void {
    if (this.holder().trim() === '') return;
    this.issueDevice.emit({ holder: this.holder().trim(), check: this.form() });
  }
}
