import { Provider } from '@angular/core';
import { provideFeatureTranslations } from '../shared/public-api';
import { FixityService } from './fixity.service';

/**
 * The fixity feature (issue 18, R26.1): coverage of the audit cycle, the last mismatch and
 * throughput, for custodians who keep the archive and supervisors who watch it. Its route and
 * navigation entry are `efr.plugin.json`'s (`efr.route.fixity`).
 */
export function provideFixityExtension(): Provider[] {
  return [
    provideFeatureTranslations('efr-fixity', 'assets/efr-fixity'),
    FixityService,
  ];
}
