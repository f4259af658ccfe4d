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
