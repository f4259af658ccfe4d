import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { RefusalTextService } from '../../shared/public-api';
import { ApprovalsService } from '../approvals.service';

/** What the dialog is opened with. */
export interface PlaceHoldData {
  /** The recordings to hold. */
  recordingIds: string[];
}

/**
 * Places a preservation hold (R14.2) from the Content App's context menu or toolbar: the
 * reason (required) and the complaint or report reference, then the repository decides; a
 * refusal is shown in the user's language (refusal.ts), never swallowed.
 */
@Component({
  selector: 'efr-place-hold',
  imports: [FormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule,
    TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'EFR_APPROVALS.HOLD.TITLE' | translate }}</h2>
    <form mat-dialog-content (ngSubmit)="placeHold()" id="efr-place-hold" class="efr-hold-form">
      <p>{{ 'EFR_APPROVALS.HOLD.HINT' | translate }}</p>
      <mat-form-field>
        <mat-label>{{ 'EFR_APPROVALS.HOLD.REASON' | translate }}</mat-label>
        <textarea matInput required name="reason" [(ngModel)]="reason" data-testid="hold-reason"
          rows="3"></textarea>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'EFR_APPROVALS.HOLD.REFERENCE' | translate }}</mat-label>
        <input matInput name="reference" [(ngModel)]="reference" />
      </mat-form-field>
      @if (error()) {
        <p class="efr-error" role="alert" data-testid="hold-error">{{ error() }}</p>
      }
    </form>
    <div mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>
        {{ 'EFR_APPROVALS.HOLD.CANCEL' | translate }}
      </button>
      <button mat-flat-button type="submit" form="efr-place-hold" data-testid="hold-submit"
        [disabled]="busy() || !reason.trim()">
        {{ 'EFR_APPROVALS.HOLD.SUBMIT' | translate }}
      </button>
    </div>
  `,
  styles: `.efr-hold-form { display: flex; flex-direction: column; min-width: 360px; }`,
})
export class PlaceHoldSmartComponent {
  private readonly data = inject<PlaceHoldData>(MAT_DIALOG_DATA);
  private readonly approvals = inject(ApprovalsService);
  private readonly refusals = inject(RefusalTextService);
  private readonly dialog = inject(MatDialogRef<PlaceHoldSmartComponent>);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  /** Why the hold is placed (R14.2: a complaint or report). */
  protected reason = '';
  /** The complaint's or report's number, if any. */
  protected reference = '';
  /** Whether the request is in flight. */
  protected readonly busy = signal(false);
  /** The repository's refusal, in the interface language. */
  protected readonly error = signal('');

  /** Asks the repository to hold the recordings, then closes with its answer. */
  protected async placeHold(): Promise<void> {
    if (!this.reason.trim()) return;
    this.busy.set(true);
    this.error.set('');
    try {
      const result = await this.approvals.placeHold(this.data.recordingIds, this.reason.trim(),
        this.reference.trim());
      this.snackBar.open(this.translate.instant('EFR_APPROVALS.HOLD.DONE',
        { count: result.held.length + result.alreadyHeld.length }), undefined, { duration: 4000 });
      this.dialog.close(result);
    } catch (error: unknown) {
      // Refused (403 not a supervisor or the office, 422 no reason) or unreachable: say why.
      this.error.set(this.refusals.text(error)
        || this.translate.instant('EFR_SHARED.COMMON.LOAD_FAILED', { status: '' }));
    } finally {
      this.busy.set(false);
    }
  }
}
