import { Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { PersonNamePipe } from '../../shared/public-api';
import { QualityLine, RATES } from '../spot-checks.model';
import { barWidth, percentText } from '../spot-checks.rules';

/** A horizontal bar chart of the four rates of each line (no chart library needed for bars). */
@Component({
  selector: 'efr-rate-bars',
  imports: [PersonNamePipe, TranslatePipe],
  template: `
<div class="chart" data-testid="quality-chart">
  @for (l of lines(); track l.unit + (l.officer ?? '')) {
  <div class="line" [attr.data-officer]="l.officer">
    <div class="who">
      @if (l.officer) {
        {{ l.officer | efrPersonName }} · {{ l.unit }}
      } @else {
        {{ l.unit }}
      }
    </div>
    @for (r of rates; track r) {
    <div class="row"><span class="label">{{ 'EFR_SPOT_CHECKS.RATE.' + r | translate }}</span>
      <span class="track"><span class="bar" [class]="'bar ' + r"
        [style.width.%]="width(l[r])"></span></span>
      <span class="value">{{ text(l[r]) }}</span></div>
    }
    <div class="row"><span class="label">{{ 'EFR_SPOT_CHECKS.RATE.violations' | translate }}</span>
      <span class="value" data-testid="chart-violations">{{ l.violations }}</span></div>
  </div>
  }
</div>`,
  styles: `.chart { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr));
      gap: 16px; } .who { font-weight: 600; margin-bottom: 4px; }
    .row { display: grid; grid-template-columns: 110px 1fr 64px; gap: 6px; align-items: center;
      font-size: 12px; }
    .track { background: #eceff1; height: 10px; border-radius: 5px; overflow: hidden; }
    .bar { display: block; height: 100%; background: #1565c0; }
    .bar.continuity { background: #2e7d32; } .bar.timelyHandoverRate { background: #ef6c00; }
    .bar.findingsPassRate { background: #6a1b9a; }`,
})
export class RateBarsUiComponent {
  /** Lines to draw (per unit or per officer). */
  readonly lines = input.required<QualityLine[]>();
  protected readonly rates = RATES;
  protected readonly width = barWidth;
  protected readonly text = percentText;
}
