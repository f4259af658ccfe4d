import { Provider } from '@angular/core';
import { provideFeatureTranslations } from '../shared/public-api';
import { ExemptionsService } from './exemptions.service';

/**
 * The exemptions feature (R11.1, R11.2): officers write the record of an act not recorded,
 * the leader in charge acknowledges it, the office files it; overdue ones are flagged.
 */
export function provideExemptionsExtension(): Provider[] {
  return [
    provideFeatureTranslations('efr-exemptions', 'assets/efr-exemptions'),
    // Beside the shell's API client (see provideEfrApi()).
    ExemptionsService,
  ];
}
