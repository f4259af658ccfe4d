import { Component, computed, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { FileItem, Handover } from '../handover.model';
import { hashesAgree } from '../handover.rules';
import { PersonNamePipe } from '../../shared/public-api';

/** A custodian's credentials typed at the workstation for their own receipt. */
export interface CustodianCredentials {
  userId: string;
  password: string;
}

/**
 * The two-person receipt (R21.4): the repository's hashes beside the ones computed here, the
 * receipts so far, the signed-in custodian's confirmation, and a sign-in for another custodian
 * who confirms with their own credentials (their own ticket) in the same flow.
 */
@Component({
  selector: 'efr-handover-receipt',
  imports: [PersonNamePipe, 
    FormsModule,
    DatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TranslatePipe,
  ],
  templateUrl: './handover-receipt.ui-component.html',
  styleUrl: './handover-wizard.css',
})
export class HandoverReceiptUiComponent {
  /** The handover as the repository holds it. */
  readonly handover = input.required<Handover>();
  /** The files hashed at this workstation. */
  readonly items = input<FileItem[]>([]);
  /** Whether the signed-in user may confirm now. */
  readonly maySelfConfirm = input(false);
  /** Whether a request is running. */
  readonly busy = input(false);
  /** The signed-in custodian confirms. */
  readonly confirmSelf = output<void>();
  /** Another custodian signs in and confirms. */
  readonly confirmOther = output<CustodianCredentials>();

  protected readonly userId = signal('');
  protected readonly password = signal('');
  /** Whether the hashes computed here are exactly the repository's. */
  protected readonly agree = computed(() => hashesAgree(this.items(), this.handover().files));
  /** Hashes computed here, for the per-file match mark. */
  protected readonly local = computed(() => new Set(this.items().map((i) => i.sha256)));

  /** Sends the other custodian's credentials and clears the password field. */
  protected submitOther(): void {
    this.confirmOther.emit({ userId: this.userId().trim(), password: this.password() });
    this.password.set('');
  }
}
