import { Component, input } from '@angular/core';
import { DatePipe } from '@angular/common';
import { TranslatePipe } from '@ngx-translate/core';
import { DeviceCheck, DeviceEvent } from '../devices.model';
import { PersonNamePipe } from '../../shared/public-api';

/** A device's history (R13.1) and its pre-use checks (R15.1), newest first (inputs only). */
@Component({
  selector: 'efr-device-history',
  imports: [PersonNamePipe, DatePipe, TranslatePipe],
  template: `
    <h2>{{ 'EFR_DEVICES.DETAIL.HISTORY' | translate }}</h2>
    @if (events().length === 0) {
      <p>{{ 'EFR_DEVICES.DETAIL.NO_HISTORY' | translate }}</p>
    } @else {
      <table class="efr-simple-table" data-testid="device-history">
        <tr>
          <th>{{ 'EFR_DEVICES.DETAIL.AT' | translate }}</th>
          <th>{{ 'EFR_DEVICES.DETAIL.WHAT' | translate }}</th>
          <th>{{ 'EFR_DEVICES.COL.HOLDER' | translate }}</th>
          <th>{{ 'EFR_DEVICES.DETAIL.BY' | translate }}</th>
          <th>{{ 'EFR_DEVICES.DETAIL.NOTE' | translate }}</th>
        </tr>
        @for (e of events(); track e.id) {
          <tr data-testid="history-row" [attr.data-kind]="e.kind">
            <td>{{ e.at | date: 'yyyy-MM-dd HH:mm:ss' }}</td>
            <td>{{ 'EFR_DEVICES.EVENT.' + e.kind | translate }}</td>
            <td>{{ (e.holder | efrPersonName) || '' }}</td>
            <td>{{ e.by | efrPersonName }}</td>
            <td>{{ e.note ?? '' }}</td>
          </tr>
        }
      </table>
    }
    <h2>{{ 'EFR_DEVICES.CHECK.HISTORY' | translate }}</h2>
    @if (checks().length === 0) {
      <p>{{ 'EFR_DEVICES.DETAIL.NO_HISTORY' | translate }}</p>
    } @else {
      <table class="efr-simple-table" data-testid="device-checks">
        <tr>
          <th>{{ 'EFR_DEVICES.CHECK.CHECKED_AT' | translate }}</th>
          <th>{{ 'EFR_DEVICES.CHECK.WORKING' | translate }}</th>
          <th>{{ 'EFR_DEVICES.CHECK.BATTERY' | translate }}</th>
          <th>{{ 'EFR_DEVICES.CHECK.STORAGE' | translate }}</th>
          <th>{{ 'EFR_DEVICES.CHECK.OFFSET' | translate: { seconds: '±' } }}</th>
          <th>{{ 'EFR_DEVICES.CHECK.CHECKED_BY' | translate }}</th>
        </tr>
        @for (k of checks(); track k.id) {
          <tr data-testid="check-row">
            <td>{{ k.checkedAt | date: 'yyyy-MM-dd HH:mm:ss' }}</td>
            <td>
              {{
                (k.working ? 'EFR_DEVICES.CHECK.WORKS_YES' : 'EFR_DEVICES.CHECK.WORKS_NO')
                  | translate
              }}
            </td>
            <td>{{ k.batteryPercent }}</td>
            <td>{{ k.freeStorageMb }}</td>
            <td>{{ k.clockOffsetSeconds }}</td>
            <td>{{ k.checkedBy | efrPersonName }}</td>
          </tr>
        }
      </table>
    }
  `,
  styles: `
    h2 {
      font-size: 16px;
      font-weight: 500;
      margin: 16px 0 8px;
    }
    .efr-simple-table {
      border-collapse: collapse;
      width: 100%;
      background: var(--mat-sys-surface, #fff);
    }
    .efr-simple-table th,
    .efr-simple-table td {
      text-align: left;
      padding: 6px 10px;
      border-bottom: 1px solid #e0e0e0;
      white-space: nowrap;
    }
    /* The check's headings are sentences ("The device powers on and records image and
       sound"): they wrap, so the table fits 1366 px in English too (issue 19, point 10). */
    .efr-simple-table th {
      white-space: normal;
      vertical-align: bottom;
    }
  `,
})
export class DeviceHistoryUiComponent {
  /** History entries, newest first. */
  readonly events = input.required<DeviceEvent[]>();
  /** Pre-use checks, newest first. */
  readonly checks = input.required<DeviceCheck[]>();
}
