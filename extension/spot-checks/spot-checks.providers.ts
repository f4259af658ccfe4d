import { Provider } from '@angular/core';
import { provideFeatureTranslations } from '../shared/public-api';
import { SpotChecksService } from './spot-checks.service';

/**
 * The spot-check feature (issue 8; R28.1, R28.2, R29.1, R30.1): campaigns and their draw, the
 * reviewer's checklist, the violation register and the quality assessment.
 */
export function provideSpotChecksExtension(): Provider[] {
  return [
    provideFeatureTranslations('efr-spot-checks', 'assets/efr-spot-checks'),
    // Beside the shell's API client (see provideEfrApi()).
    SpotChecksService,
  ];
}
