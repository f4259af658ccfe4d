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

/**
 * The same with seconds, `yyyy-MM-dd HH:mm:ss`, for a clock read off a device: the pre-use
 * check allows 60 s of drift (R15.1), so a time typed to the minute would fail by itself.
 */
export const EFR_DATETIME_SECONDS_FORMATS = {
  parse: {
    ...EFR_DATETIME_FORMATS.parse,
    timeInput: 'HH:mm:ss',
    datetimeInput: ['yyyy-MM-dd HH:mm:ss', "yyyy-MM-dd'T'HH:mm:ss", 'yyyy-MM-dd HH:mm',
      'yyyy/M/d H:mm:ss'],
  },
  display: {
    ...EFR_DATETIME_FORMATS.display,
    datetimeInput: 'yyyy-MM-dd HH:mm:ss',
    timeInput: 'HH:mm:ss',
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

/**
 * `dates.toLocalDateTime`: a Date as `yyyy-MM-ddTHH:mm` (local), with `:ss` when `seconds`;
 * '' for null or invalid.
 */
export function toLocalDateTime(date: Date | null | undefined, seconds = false): string {
  if (!date || !isValid(date)) return '';
  return format(date, seconds ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm");
}

/**
 * `dates.fromLocalDateTime`: `yyyy-MM-ddTHH:mm` or `yyyy-MM-ddTHH:mm:ss` as a local Date,
 * null when empty or invalid.
 */
export function fromLocalDateTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date =
    value.length >= 19
      ? parse(value.slice(0, 19), "yyyy-MM-dd'T'HH:mm:ss", new Date())
      : parse(value.slice(0, 16), "yyyy-MM-dd'T'HH:mm", new Date());
  return isValid(date) ? date : null;
}
