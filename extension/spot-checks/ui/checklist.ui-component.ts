import { Component, computed, effect, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { VIOLATION_KINDS, type ViolationKind } from '../../../core/src/index';
import { CHECK_ITEMS, Evidence, Finding, FindingForm } from '../spot-checks.model';
import { findingFormOf, findingProblems, proposedViolationKind } from '../spot-checks.rules';

/**
 * The R28.2 checklist of one drawn recording: the three items with their automatic evidence,
 * a note per item, the R19.1/R20.1 observations, or a skip with its reason.
 */
@Component({
  selector: 'efr-spot-check-checklist',
  imports: [FormsModule, MatButtonModule, MatButtonToggleModule, MatFormFieldModule,
    MatInputModule, MatSelectModule, TranslatePipe],
  template: `
<div class="checklist" data-testid="checklist">
  <mat-button-toggle-group [(ngModel)]="form().status" name="status" data-testid="finding-status">
    <mat-button-toggle value="done">{{ 'EFR_SPOT_CHECKS.REVIEW.DONE' | translate
      }}</mat-button-toggle>
    <mat-button-toggle value="skipped" data-testid="finding-skip">
      {{ 'EFR_SPOT_CHECKS.REVIEW.SKIP' | translate }}</mat-button-toggle>
  </mat-button-toggle-group>
  @if (form().status === 'done') {
  @for (item of items; track item) {
  <fieldset class="item" [attr.data-item]="item">
    <legend>{{ 'EFR_SPOT_CHECKS.ITEM.' + item | translate }}</legend>
    <div class="evidence" data-testid="evidence">
      @switch (item) {
      @case ('Recorded') { {{ 'EFR_SPOT_CHECKS.EVIDENCE.UNRECORDED' | translate:
        { n: evidence()?.recorded?.unrecordedActs?.length ?? 0 } }}
        @for (a of evidence()?.recorded?.unrecordedActs ?? []; track a.sessionId) {
        <div class="sub">{{ a.startedAt }} · {{ a.location }}</div> } }
      @case ('Continuous') { {{ 'EFR_SPOT_CHECKS.EVIDENCE.SEGMENTS' | translate:
        { found: evidence()?.continuous?.segmentsFound ?? 0,
          declared: evidence()?.continuous?.segmentsDeclared ?? '—',
          gaps: evidence()?.continuous?.gaps?.length ?? 0,
          offset: evidence()?.continuous?.clockOffsetSeconds ?? '—' } }} }
      @case ('Handled') { {{ 'EFR_SPOT_CHECKS.EVIDENCE.HANDLED' | translate:
        { late: (evidence()?.handled?.handoverLate ? 'EFR_SPOT_CHECKS.YES' : 'EFR_SPOT_CHECKS.NO')
          | translate, reads: evidence()?.handled?.unregisteredAccess?.length ?? 0,
          refusals: evidence()?.handled?.refusals?.length ?? 0 } }} }
      }
    </div>
    <mat-button-toggle-group [(ngModel)]="form().items[item]" [name]="'item' + item"
      [attr.data-testid]="'item-' + item">
      @for (r of results; track r) {
      <mat-button-toggle [value]="r" [attr.data-result]="r">
        {{ 'EFR_SPOT_CHECKS.RESULT.' + r | translate }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
    <mat-form-field class="wide"><mat-label>{{ 'EFR_SPOT_CHECKS.REVIEW.NOTE' | translate
      }}</mat-label>
      <textarea matInput [(ngModel)]="form().notes[item]" [name]="'note' + item"
        [attr.data-testid]="'note-' + item"></textarea>
    </mat-form-field>
  </fieldset>
  }
  @if (proposedKind(); as kind) {
  <!-- Issue 19, point 6: the supervisor chooses which of R29.1's kinds the failure is. -->
  <mat-form-field class="wide" data-testid="violation-kind-field">
    <mat-label>{{ 'EFR_SPOT_CHECKS.REVIEW.VIOLATION_KIND' | translate }}</mat-label>
    <mat-select [value]="kind" (selectionChange)="chooseKind($event.value)"
      data-testid="violation-kind">
      @for (k of kinds; track k) {
      <mat-option [value]="k" [attr.data-kind]="k">{{ 'EFR_SPOT_CHECKS.KIND.' + k | translate
        }}</mat-option> }
    </mat-select>
    <mat-hint>{{ 'EFR_SPOT_CHECKS.REVIEW.VIOLATION_KIND_HINT' | translate }}</mat-hint>
  </mat-form-field>
  }
  <mat-form-field class="wide"><mat-label>{{ 'EFR_SPOT_CHECKS.REVIEW.PLACEMENT' | translate
    }}</mat-label>
    <input matInput [(ngModel)]="form().placementObservation" name="placement" /></mat-form-field>
  <mat-form-field class="wide"><mat-label>{{ 'EFR_SPOT_CHECKS.REVIEW.CONDUCT' | translate
    }}</mat-label>
    <input matInput [(ngModel)]="form().conductObservation" name="conduct" /></mat-form-field>
  } @else {
  <mat-form-field class="wide"><mat-label>{{ 'EFR_SPOT_CHECKS.REVIEW.SKIP_REASON' | translate
    }}</mat-label>
    <textarea matInput [(ngModel)]="form().skipReason" name="skipReason"
      data-testid="skip-reason"></textarea></mat-form-field>
  }
  @for (p of problems(); track p) { <div class="efr-error sub">{{ p | translate }}</div> }
  <button mat-flat-button type="button" (click)="submit()" [disabled]="busy()"
    data-testid="finding-save">{{ 'EFR_SPOT_CHECKS.REVIEW.SAVE' | translate }}</button>
</div>`,
  styles: `.checklist { display: flex; flex-direction: column; gap: 8px; }
    .item { border: 1px solid var(--mat-sys-outline-variant, #ccc); border-radius: 8px; }
    .evidence { font-size: 13px; margin: 4px 0 8px; } .sub { font-size: 12px; opacity: .8; }
    .wide { width: 100%; }`,
})
export class ChecklistUiComponent {
  /** The finding answered. */
  readonly finding = input.required<Finding>();
  /** Its automatic evidence (null while loading). */
  readonly evidence = input<Evidence | null>(null);
  /** Whether a save is running. */
  readonly busy = input(false);
  /** Emits the completed form. */
  readonly saveFinding = output<FindingForm>();

  protected readonly items = CHECK_ITEMS;
  protected readonly results = ['pass', 'fail', 'notApplicable'] as const;
  protected readonly kinds = VIOLATION_KINDS;
  protected readonly form = signal<FindingForm>(findingFormOf({ id: '', recordingId: null,
    recordingName: null, officer: null, status: 'pending', itemRecorded: null,
    itemContinuous: null, itemHandled: null, notes: { recorded: null, continuous: null,
      handled: null }, placementObservation: null, conductObservation: null, skipReason: null,
    reviewedBy: null, reviewedAt: null }));
  private readonly tried = signal(false);
  protected readonly problems = computed(() => (this.tried() ? this.currentProblems() : []));

  constructor() {
    effect(() => {
      this.form.set(findingFormOf(this.finding()));
      this.tried.set(false);
    });
  }

  /** The kind a failed item proposes (read each check: ngModel mutates the form in place). */
  protected proposedKind(): ViolationKind | null {
    return proposedViolationKind(this.form());
  }

  /** Records the supervisor's choice of kind (R29.1). */
  protected chooseKind(kind: ViolationKind): void {
    this.form.set({ ...this.form(), violationKind: kind });
  }

  private currentProblems(): string[] {
    return findingProblems(this.form());
  }

  /** Emits the form when complete; otherwise shows what is missing. */
  protected submit(): void {
    this.tried.set(true);
    // The form object is mutated by ngModel; re-set it so the problems recompute.
    this.form.set({ ...this.form() });
    if (findingProblems(this.form()).length === 0) this.saveFinding.emit(this.form());
  }
}
