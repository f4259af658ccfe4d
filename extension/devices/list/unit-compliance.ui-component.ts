import { Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { UnitCompliance } from '../devices.model';

/** R9.1 per unit: serviceable of total devices, compliant or not (inputs only). */
@Component({
  selector: 'efr-unit-compliance',
  imports: [MatIconModule, TranslatePipe],
  template: `
    <h2 class="efr-section-title">{{ 'EFR_DEVICES.COMPLIANCE.TITLE' | translate }}</h2>
    <div class="units">
      @for (u of units(); track u.unit) {
        <div
          class="unit"
          [class.bad]="!u.compliant"
          data-testid="unit-compliance"
          [attr.data-unit]="u.unit"
          [attr.data-compliant]="u.compliant"
        >
          <mat-icon>{{ u.compliant ? 'check_circle' : 'error' }}</mat-icon>
          <div>
            <div class="name">{{ u.unit }}</div>
            <div class="count">
              {{
                'EFR_DEVICES.COMPLIANCE.COUNT'
                  | translate: { serviceable: u.serviceable, total: u.total }
              }}
              ·
              {{
                (u.compliant
                  ? 'EFR_DEVICES.COMPLIANCE.COMPLIANT'
                  : 'EFR_DEVICES.COMPLIANCE.NON_COMPLIANT'
                ) | translate
              }}
            </div>
          </div>
        </div>
      }
    </div>
  `,
  styles: `
    .units {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin-bottom: 16px;
    }
    .unit {
      display: flex;
      gap: 8px;
      align-items: center;
      padding: 10px 14px;
      border-radius: 10px;
      background: var(--mat-sys-surface, #fff);
      color: #1b5e20;
      min-width: 220px;
    }
    .unit.bad {
      color: var(--mat-sys-error, #ba1a1a);
    }
    .name {
      font-weight: 500;
      color: var(--mat-sys-on-surface, #1b1b1f);
    }
    .count {
      font-size: 13px;
    }
    .efr-section-title {
      font-size: 16px;
      font-weight: 500;
      margin: 8px 0 12px;
    }
  `,
})
export class UnitComplianceUiComponent {
  /** Units to show. */
  readonly units = input.required<UnitCompliance[]>();
}
