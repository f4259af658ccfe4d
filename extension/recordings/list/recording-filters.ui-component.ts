import { Component, effect, input, output } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { TranslatePipe } from '@ngx-translate/core';
import {
  ACTIVITY_TYPES,
  ActivityType,
  SECRECY_LEVELS,
  SecrecyLevel,
  fromIsoDay,
  toIsoDay,
} from '../../shared/public-api';
import { LinkedCase, RecordingFilter } from '../recordings.model';

/** The filter bar of the recordings list: inputs in, the chosen filter out. */
@Component({
  selector: 'efr-recording-filters',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatCheckboxModule,
    MatButtonModule,
    MatIconModule,
    MatDatepickerModule,
    TranslatePipe,
  ],
  templateUrl: './recording-filters.ui-component.html',
  styleUrl: './recording-filters.ui-component.css',
})
export class RecordingFiltersUiComponent {
  /** The filter currently applied (from the URL). */
  readonly filter = input<RecordingFilter>({});
  /** Cases offered by the case filter. */
  readonly cases = input<LinkedCase[]>([]);
  /** Emits the filter to apply. */
  readonly applyFilter = output<RecordingFilter>();

  /** Activity types of R10.1. */
  protected readonly activityTypes = ACTIVITY_TYPES;
  /** Secrecy levels of R27.1. */
  protected readonly secrecyLevels = SECRECY_LEVELS;

  /** The form; strings stay '' rather than null so the template stays simple. */
  protected readonly form = new FormGroup({
    caseId: new FormControl('', { nonNullable: true }),
    officer: new FormControl('', { nonNullable: true }),
    unit: new FormControl('', { nonNullable: true }),
    device: new FormControl('', { nonNullable: true }),
    activityType: new FormControl('', { nonNullable: true }),
    from: new FormControl<Date | null>(null),
    to: new FormControl<Date | null>(null),
    lateOnly: new FormControl(false, { nonNullable: true }),
    secrecyLevel: new FormControl('', { nonNullable: true }),
  });

  constructor() {
    effect(() => {
      const f = this.filter();
      this.form.reset({
        caseId: f.caseId ?? '',
        officer: f.officer ?? '',
        unit: f.unit ?? '',
        device: f.device ?? '',
        activityType: f.activityType ?? '',
        from: fromIsoDay(f.from),
        to: fromIsoDay(f.to),
        lateOnly: f.lateOnly ?? false,
        secrecyLevel: f.secrecyLevel ?? '',
      });
    });
  }

  /** Emits the form as a filter. */
  protected submitFilter(): void {
    const v = this.form.getRawValue();
    this.applyFilter.emit({
      caseId: v.caseId || undefined,
      officer: v.officer.trim() || undefined,
      unit: v.unit.trim() || undefined,
      device: v.device.trim() || undefined,
      activityType: (v.activityType || undefined) as ActivityType | undefined,
      from: toIsoDay(v.from) || undefined,
      to: toIsoDay(v.to) || undefined,
      lateOnly: v.lateOnly || undefined,
      secrecyLevel: (v.secrecyLevel || undefined) as SecrecyLevel | undefined,
    });
  }

  /** Clears every filter. */
  protected clearFilter(): void {
    this.applyFilter.emit({});
  }
}
