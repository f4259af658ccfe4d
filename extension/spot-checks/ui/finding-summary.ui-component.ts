import { Component, input } from '@angular/core';
import { DatePipe } from '@angular/common';
import { TranslatePipe } from '@ngx-translate/core';
import { PersonNamePipe } from '../../shared/public-api';
import { CHECK_ITEMS, CheckItem, Finding } from '../spot-checks.model';

/**
 * A finding as recorded, read only: the three R28.2 items with their notes, the R19.1/R20.1
 * observations or the skip reason, who reviewed it and when. A closed campaign shows its
 * findings this way (issue 19, point 6: it showed only the status).
 */
@Component({
  selector: 'efr-spot-check-finding-summary',
  imports: [DatePipe, PersonNamePipe, TranslatePipe],
  template: `
<dl class="summary" data-testid="finding-summary" [attr.data-status]="finding().status">
  <dt>{{ 'EFR_SPOT_CHECKS.COL.STATUS' | translate }}</dt>
  <dd>{{ 'EFR_SPOT_CHECKS.FINDING.' + finding().status | translate }}</dd>
  @if (finding().status === 'done') {
  @for (item of items; track item) {
  <dt>{{ 'EFR_SPOT_CHECKS.ITEM.' + item | translate }}</dt>
  <dd [attr.data-item]="item" [attr.data-result]="result(item)">
    @if (result(item); as r) { {{ 'EFR_SPOT_CHECKS.RESULT.' + r | translate }} } @else { — }
    @if (note(item); as n) { <div class="sub">{{ n }}</div> }</dd>
  }
  @if (finding().placementObservation; as p) {
  <dt>{{ 'EFR_SPOT_CHECKS.REVIEW.PLACEMENT' | translate }}</dt><dd>{{ p }}</dd> }
  @if (finding().conductObservation; as c) {
  <dt>{{ 'EFR_SPOT_CHECKS.REVIEW.CONDUCT' | translate }}</dt><dd>{{ c }}</dd> }
  } @else if (finding().skipReason; as reason) {
  <dt>{{ 'EFR_SPOT_CHECKS.REVIEW.SKIP_REASON' | translate }}</dt><dd>{{ reason }}</dd>
  }
  @if (finding().reviewedBy) {
  <dt>{{ 'EFR_SPOT_CHECKS.REVIEW.REVIEWED' | translate }}</dt>
  <dd>{{ finding().reviewedBy | efrPersonName }} · {{ finding().reviewedAt | date:
    'yyyy-MM-dd HH:mm' }}</dd>
  }
</dl>`,
  styles: `.summary { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px;
    margin: 0; } dt { font-weight: 500; } dd { margin: 0; }
    .sub { font-size: 12px; opacity: .8; }`,
})
export class FindingSummaryUiComponent {
  /** The finding shown. */
  readonly finding = input.required<Finding>();

  protected readonly items = CHECK_ITEMS;

  /** The result of one item, or null when not answered. */
  protected result(item: CheckItem): string | null {
    return this.finding()[`item${item}`];
  }

  /** The note of one item, or null. */
  protected note(item: CheckItem): string | null {
    const notes = this.finding().notes;
    return item === 'Recorded' ? notes.recorded
      : item === 'Continuous' ? notes.continuous : notes.handled;
  }
}
