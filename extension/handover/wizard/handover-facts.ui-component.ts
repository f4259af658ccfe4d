import { Component, effect, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import type { FieldError } from '../../../core/src/index';
import { ACTIVITY_TYPES } from '../../../core/src/index';
import { PersonPickerComponent } from '../../shared/public-api';
import { DeviceOption, HandoverDraft } from '../handover.model';
import { emptySession, NOTICE_PHRASE } from '../handover.rules';

/**
 * The facts of a handover (R15.1, R15.2, R16.1, R17.1, R21.2): officers, device (picked or
 * scanned: a scanner types the serial and Enter), return, away work, pre-use check and the
 * declared sessions with the standard phrase shown. Emits the draft; validation is core's,
 * passed in as `errors`.
 */
@Component({
  selector: 'efr-handover-facts',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    PersonPickerComponent,
    TranslatePipe,
  ],
  templateUrl: './handover-facts.ui-component.html',
  styleUrl: './handover-wizard.css',
})
export class HandoverFactsUiComponent {
  /** The draft to start from. */
  readonly draft = input.required<HandoverDraft>();
  /** Registered devices. */
  readonly devices = input<DeviceOption[]>([]);
  /** User names of the officers. */
  readonly officers = input<string[]>([]);
  /** Core's field errors of the last attempt. */
  readonly errors = input<FieldError[]>([]);
  /** Whether messages show in Chinese (core's messageZh) rather than English. */
  readonly zh = input(true);
  /** Whether a request is running. */
  readonly busy = input(false);
  /** The user submits the facts. */
  readonly submitDraft = output<HandoverDraft>();

  /** The phrase of R16.1, shown verbatim. */
  protected readonly phrase = NOTICE_PHRASE;
  /** Activities of R10.1. */
  protected readonly activities = ACTIVITY_TYPES;
  /** The editable copy. */
  protected readonly model = signal<HandoverDraft | null>(null);

  constructor() {
    effect(() => this.model.set(structuredClone(this.draft())));
  }

  /** Adds a declared session. */
  protected addSession(m: HandoverDraft): void {
    m.sessions.push(emptySession(Date.now()));
  }

  /** Removes a declared session (one stays). */
  protected removeSession(m: HandoverDraft, index: number): void {
    if (m.sessions.length > 1) m.sessions.splice(index, 1);
  }

  /** Sends the draft. */
  protected submit(m: HandoverDraft): void {
    this.submitDraft.emit(structuredClone(m));
  }
}
