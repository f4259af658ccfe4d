import { Provider } from '@angular/core';
import { provideFeatureTranslations } from '../shared/public-api';
import { ApprovalsService } from './approvals.service';

/**
 * The approvals feature (R14.1, R24.1, R24.2, R25.1, R26.2, R27.1): request form, each role's
 * queue with one-click decisions, the custodian's printable viewing register and the
 * access-log search with CSV export and chain verification.
 */
export function provideApprovalsExtension(): Provider[] {
  return [
    provideFeatureTranslations('efr-approvals', 'assets/efr-approvals'),
    // Beside the shell's API client (see provideEfrApi()).
    ApprovalsService,
  ];
}
