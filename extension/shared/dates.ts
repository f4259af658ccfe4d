import { Provider } from '@angular/core';
import { MAT_DATE_LOCALE, MatDateFormats } from '@angular/material/core';
import { provideDateFnsAdapter } from '@angular/material-date-fns-adapter';
import { format, isValid, parse } from 'date-fns';
import { zhCN } from 'date-fns/locale';

/**
 * Dates are typed and shown as `yyyy-MM-dd` in both languages: the form the bureau's documents
 * use, and unambiguous for English readers too (a browser's native date input would follow
 * the browser's own locale instead of the app's).
 */
export const EFR_DATE_FORMATS: MatDateFormats = {
  parse: { dateInput: ['yyyy-MM-dd', 'yyyy/M/d', 'yyyyMMdd'] },
  display: {
    dateInput: 'yyyy-MM-dd',
    monthYearLabel: 'yyyy-MM',
    dateA11yLabel: 'yyyy-MM-dd',
    monthYearA11yLabel: 'yyyy-MM',
  },
};

/**
 * The formats of @mat-datetimepicker on the same date-fns adapter: `yyyy-MM-dd HH:mm` typed
 * and shown, 24-hour clock, as the bureau writes times.
 */
export const EFR_DATETIME_FORMATS = {
  parse: {
    dateInput: 'yyyy-MM-dd',
    monthInput: 'yyyy-MM',
    timeInput: 'HH:mm',
    datetimeInput: ['yyyy-MM-dd HH:mm', "yyyy-MM-dd'T'HH:mm", 'yyyy/M/d H:mm'],
  },
  display: {
    dateInput: 'yyyy-MM-dd',
    monthInput: 'yyyy-MM',
    datetimeInput: 'yyyy-MM-dd HH:mm',
    timeInput: 'HH:mm',
    monthYearLabel: 'yyyy-MM',
    dateA11yLabel: 'yyyy-MM-dd',
    monthYearA11yLabel: 'yyyy-MM',
    popupHeaderDateLabel: 'MM-dd EEE',
  },
};

/** The Material date adapter (date-fns) with the EFR formats. */
export function provideEfrDates(): Provider[] {
  return [...provideDateFnsAdapter(EFR_DATE_FORMATS), { provide: MAT_DATE_LOCALE, useValue: zhCN }];
}

/** `dates.toDay`: a Date as `yyyy-MM-dd` (local day), '' for null or invalid. */
export function toIsoDay(date: Date | null | undefined): string {
  return date && isValid(date) ? format(date, 'yyyy-MM-dd') : '';
}

/** `dates.fromDay`: `yyyy-MM-dd` as a local Date, null when empty or invalid. */
export function fromIsoDay(day: string | null | undefined): Date | null {
  if (!day) return null;
  const date = parse(day, 'yyyy-MM-dd', new Date());
  return isValid(date) ? date : null;
}

/** `dates.toLocalDateTime`: a Date as `yyyy-MM-ddTHH:mm` (local), '' for null or invalid. */
export function toLocalDateTime(date: Date | null | undefined): string {
  return date && isValid(date) ? format(date, "yyyy-MM-dd'T'HH:mm") : '';
}

/** `dates.fromLocalDateTime`: `yyyy-MM-ddTHH:mm` as a local Date, null when empty or invalid. */
export function fromLocalDateTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = parse(value.slice(0, 16), "yyyy-MM-dd'T'HH:mm", new Date());
  return isValid(date) ? date : null;
}
