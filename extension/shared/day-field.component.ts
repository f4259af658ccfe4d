import { Component, computed, input, model } from '@angular/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { fromIsoDay, provideEfrDates, toIsoDay } from './dates';

/**
 * `<efr-day-field [(value)]="fromDay" label="起始日" testId="quality-from" />`: a day as
 * `yyyy-MM-dd`, typed or picked with Material's date picker in the app's format and locale
 * (shared/dates.ts), instead of the browser's native date input, which shows mm/dd/yyyy in
 * an English browser and looks unlike the Material fields beside it (issue 19, point 10).
 */
@Component({
  selector: 'efr-day-field',
  imports: [MatDatepickerModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  // Its own adapter and formats: the same in our shell and in the Content App, whatever
  // adapter the host provides.
  providers: [provideEfrDates()],
  template: `
    <mat-form-field subscriptSizing="dynamic" class="day">
      @if (label()) {
        <mat-label>{{ label() }}</mat-label>
      }
      <input
        matInput
        [matDatepicker]="picker"
        [value]="date()"
        (dateInput)="changed($event.value)"
        [attr.data-testid]="testId() || null"
        [placeholder]="'EFR_SHARED.COMMON.DAY_EXAMPLE' | translate"
        [required]="required()"
      />
      <mat-datepicker-toggle matIconSuffix [for]="picker" />
      <mat-datepicker #picker />
    </mat-form-field>
  `,
  styles: `
    .day {
      width: 11.5em;
    }
  `,
})
export class DayFieldComponent {
  /** The day, `yyyy-MM-dd` ('' when none), two-way. */
  readonly value = model('');
  /** Field label. */
  readonly label = input('');
  /** `data-testid` of the input. */
  readonly testId = input('');
  /** Whether a day must be given. */
  readonly required = input(false);

  /** The day as a Date for the picker. */
  protected readonly date = computed(() => fromIsoDay(this.value()));

  /** A typed or picked day. */
  protected changed(date: Date | null): void {
    this.value.set(toIsoDay(date));
  }
}
