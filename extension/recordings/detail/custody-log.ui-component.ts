import { Component, input } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { LogActionPipe, PersonNamePipe } from '../../shared/public-api';
import { CustodyEntry } from '../recordings.model';

/** The chain of custody of one recording: who did what to it, when, why, under which request. */
@Component({
  selector: 'efr-custody-log',
  imports: [PersonNamePipe, DatePipe, MatTableModule, TranslatePipe, LogActionPipe],
  template: `
    @if (entries().length) {
      <div class="efr-table-wrap">
        <table mat-table [dataSource]="entries()" data-testid="custody-table">
          <ng-container matColumnDef="at">
            <th mat-header-cell *matHeaderCellDef>{{ 'EFR_RECORDINGS.CUSTODY.AT' | translate }}</th>
            <td mat-cell *matCellDef="let e">{{ e.at | date: 'yyyy-MM-dd HH:mm:ss' }}</td>
          </ng-container>
          <ng-container matColumnDef="user">
            <th mat-header-cell *matHeaderCellDef>
              {{ 'EFR_RECORDINGS.CUSTODY.USER' | translate }}
            </th>
            <td mat-cell *matCellDef="let e">{{ e.user | efrPersonName }}</td>
          </ng-container>
          <ng-container matColumnDef="action">
            <th mat-header-cell *matHeaderCellDef>
              {{ 'EFR_RECORDINGS.CUSTODY.ACTION' | translate }}
            </th>
            <td mat-cell *matCellDef="let e">
              {{ e.action | efrLogAction }}
            </td>
          </ng-container>
          <ng-container matColumnDef="reason">
            <th mat-header-cell *matHeaderCellDef>
              {{ 'EFR_RECORDINGS.CUSTODY.REASON' | translate }}
            </th>
            <td mat-cell *matCellDef="let e">{{ e.reason }}</td>
          </ng-container>
          <ng-container matColumnDef="request">
            <th mat-header-cell *matHeaderCellDef>
              {{ 'EFR_RECORDINGS.CUSTODY.REQUEST' | translate }}
            </th>
            <td mat-cell *matCellDef="let e">{{ e.requestId }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns" data-testid="custody-row"></tr>
        </table>
      </div>
    } @else {
      <p class="efr-empty" data-testid="custody-empty">
        {{ 'EFR_RECORDINGS.CUSTODY.EMPTY' | translate }}
      </p>
    }
  `,
  styles: `
    table {
      width: 100%;
    }
  `,
})
export class CustodyLogUiComponent {
  /** Entries, oldest first. */
  readonly entries = input<CustodyEntry[]>([]);
  /** Columns shown. */
  protected readonly columns = ['at', 'user', 'action', 'reason', 'request'];
}
