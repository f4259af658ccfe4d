import { Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { formatSize } from '../evidence-disc.rules';

/**
 * The estimated image size against the chosen medium's capacity (R23.1): a bar, the two
 * figures, and a warning when it will not fit (the server then proposes a split).
 */
@Component({
  selector: 'efr-disc-capacity',
  imports: [TranslatePipe],
  template: `
    <div class="efr-capacity" [class.over]="!fits()" data-testid="disc-capacity"
      [attr.data-bytes]="bytes()">
      <!-- A plain bar: mat-progress-bar means "still loading" to the screens and their tests. -->
      <div class="efr-bar" role="meter" [attr.aria-valuenow]="percent()" aria-valuemin="0"
        aria-valuemax="100"><div class="efr-fill" [style.width.%]="percent()"></div></div>
      <span>{{
        'EFR_EVIDENCE_DISC.CAPACITY' | translate: { used: used(), capacity: total() }
      }}</span>
      @if (!fits()) {
        <strong role="alert">{{ 'EFR_EVIDENCE_DISC.TOO_BIG' | translate }}</strong>
      }
    </div>
  `,
  styles: [`.efr-capacity { display: grid; gap: 4px; margin: 8px 0; }
    .efr-capacity.over { color: #b71c1c; }
    .efr-bar { height: 8px; background: #e0e0e0; border-radius: 4px; overflow: hidden; }
    .efr-fill { height: 100%; background: #1565c0; }
    .over .efr-fill { background: #b71c1c; }`],
})
export class DiscCapacityUiComponent {
  /** Estimated image bytes. */
  readonly bytes = input.required<number>();
  /** Capacity of the medium in bytes. */
  readonly capacity = input.required<number>();
  /** Whether the estimate fits. */
  readonly fits = input.required<boolean>();

  protected readonly percent = computed(() =>
    Math.min(100, this.capacity() ? (100 * this.bytes()) / this.capacity() : 100));
  protected readonly used = computed(() => formatSize(this.bytes()));
  protected readonly total = computed(() => formatSize(this.capacity()));
}
