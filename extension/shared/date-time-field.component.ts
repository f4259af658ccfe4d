import { Component, Provider, ViewEncapsulation, computed, input, model } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import {
  DatetimeAdapter,
  MAT_DATETIME_FORMATS,
  MatDatetimepickerModule,
  NativeDatetimeAdapter,
} from '@mat-datetimepicker/core';
import {
  EFR_DATETIME_FORMATS,
  EFR_DATETIME_SECONDS_FORMATS,
  fromLocalDateTime,
  provideEfrDates,
  toLocalDateTime,
} from './dates';

const TEMPLATE = `
    <mat-form-field subscriptSizing="dynamic" class="date-time">
      @if (label()) {
        <mat-label>{{ label() }}</mat-label>
      }
      <input
        matInput
        [matDatetimepicker]="picker"
        [value]="date()"
        (dateInput)="changed($event.value)"
        (dateChange)="changed($event.value)"
        [attr.data-testid]="testId() || null"
        [placeholder]="placeholder | translate"
        [required]="required()"
        autocomplete="off"
      />
      <mat-datetimepicker-toggle matSuffix [for]="picker" />
      <mat-datetimepicker #picker type="datetime" [timeInterval]="5" />
    </mat-form-field>
  `;

// The picker opens in an overlay outside this component: its colours (what the library's
// M2 Sass theme mixin would give) are set globally, from the app's Material 3 tokens.
const STYLES = `
    efr-date-time-field .date-time {
      width: 13.5em;
    }
    efr-date-time-seconds-field .date-time {
      width: 15em;
    }
    .mat-datetimepicker-calendar-header,
    .mat-datetimepicker-clock-center,
    .mat-datetimepicker-clock-hand,
    .mat-datetimepicker-clock-hand::before,
    .mat-datetimepicker-calendar-body-selected,
    .mat-datetimepicker-clock-cell-selected {
      background-color: var(--mat-sys-primary, #005cbb);
      color: var(--mat-sys-on-primary, #fff);
    }
    .mat-datetimepicker-calendar-body-today:not(.mat-datetimepicker-calendar-body-selected) {
      border-color: var(--mat-sys-primary, #005cbb);
    }
  `;

/** The picker on the date-fns adapter with the given display and parse formats. */
function pickerProviders(formats: typeof EFR_DATETIME_FORMATS): Provider[] {
  return [
    provideEfrDates(),
    { provide: DatetimeAdapter, useClass: NativeDatetimeAdapter },
    { provide: MAT_DATETIME_FORMATS, useValue: formats },
  ];
}

/**
 * `<efr-date-time-field [(value)]="until" label="调阅截止" testId="register-until" />`: a local
 * date and time as `yyyy-MM-ddTHH:mm` ('' when none), typed as `yyyy-MM-dd HH:mm` or picked
 * with @mat-datetimepicker (calendar, then clock) in the app's format, instead of the browser's
 * native datetime input, which follows the browser's locale and looks unlike the Material
 * fields beside it (issue 19, point 10). The picker works on the same date-fns adapter as the
 * day field (shared/dates.ts).
 */
@Component({
  selector: 'efr-date-time-field',
  imports: [MatDatetimepickerModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  providers: pickerProviders(EFR_DATETIME_FORMATS),
  template: TEMPLATE,
  encapsulation: ViewEncapsulation.None,
  styles: STYLES,
})
export class DateTimeFieldComponent {
  /** The local date and time, `yyyy-MM-ddTHH:mm` ('' when none), two-way. */
  readonly value = model('');
  /** Field label. */
  readonly label = input('');
  /** `data-testid` of the input. */
  readonly testId = input('');
  /** Whether a value must be given. */
  readonly required = input(false);

  /** Whether the value carries seconds (`yyyy-MM-ddTHH:mm:ss`). */
  protected readonly withSeconds: boolean = false;
  /**
   * What the empty input shows: an example in digits (如 2026-12-08 09:30), not the pattern
   * "yyyy-MM-dd HH:mm", English letters on a Chinese screen (issue 19).
   */
  protected readonly placeholder: string = 'EFR_SHARED.COMMON.DATE_TIME_EXAMPLE';

  /** The value as a Date for the picker. */
  protected readonly date = computed(() => fromLocalDateTime(this.value()));

  /** A typed or picked date and time. */
  protected changed(date: Date | null): void {
    this.value.set(toLocalDateTime(date, this.withSeconds));
  }
}

/**
 * `<efr-date-time-seconds-field [(value)]="deviceTime" …/>`: the same field to the second,
 * `yyyy-MM-ddTHH:mm:ss`, typed as `yyyy-MM-dd HH:mm:ss` (a device clock read for the pre-use
 * check, issue 19 point 10).
 */
@Component({
  selector: 'efr-date-time-seconds-field',
  imports: [MatDatetimepickerModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  providers: pickerProviders(EFR_DATETIME_SECONDS_FORMATS),
  template: TEMPLATE,
  encapsulation: ViewEncapsulation.None,
  styles: STYLES,
})
export class DateTimeSecondsFieldComponent extends DateTimeFieldComponent {
  protected override readonly withSeconds = true;
  protected override readonly placeholder = 'EFR_SHARED.COMMON.DATE_TIME_SECONDS_EXAMPLE';
}
