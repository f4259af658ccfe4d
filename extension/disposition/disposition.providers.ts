import { Provider } from '@angular/core';
import { provideFeatureTranslations } from '../shared/public-api';
import { DispositionService } from './disposition.service';

/**
 * The disposition feature (issue 18; R22.1, R22.2, R14.2): the custodian's list of recordings
 * whose retention ended, the batches with review and approval, the destruction register. Its
 * route and navigation entry are `efr.plugin.json`'s (`efr.route.disposition`).
 */
export function provideDispositionExtension(): Provider[] {
  return [
    provideFeatureTranslations('efr-disposition', 'assets/efr-disposition'),
    DispositionService,
  ];
}
