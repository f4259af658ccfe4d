import { Provider } from '@angular/core';
import {
  EfrRole, provideFeatureRoutes, provideFeatureTranslations, provideNavItems,
} from '../shared/public-api';
import { FixityService } from './fixity.service';

/**
 * The fixity feature (issue 18, R26.1): coverage of the audit cycle, the last mismatch and
 * throughput, for custodians who keep the archive and supervisors who watch it.
 */
export function provideFixityExtension(): Provider[] {
  return [
    provideFeatureTranslations('efr-fixity', 'assets/efr-fixity'),
    FixityService,
    provideFeatureRoutes([
      {
        path: 'fixity',
        loadComponent: () =>
          import('./status/fixity-status.smart-component').then(
            (m) => m.FixityStatusSmartComponent,
          ),
      },
    ]),
    provideNavItems([
      {
        id: 'fixity',
        route: '/fixity',
        icon: 'verified',
        labelKey: 'EFR_FIXITY.NAV',
        roles: [EfrRole.Custodian, EfrRole.Supervisor],
        order: 95,
      },
    ]),
  ];
}
