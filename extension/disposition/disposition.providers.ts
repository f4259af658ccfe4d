import { Provider } from '@angular/core';
import {
  EfrRole, provideFeatureRoutes, provideFeatureTranslations, provideNavItems,
} from '../shared/public-api';
import { DispositionService } from './disposition.service';

/**
 * The disposition feature (issue 18; R22.1, R22.2, R14.2): the custodian's list of recordings
 * whose retention ended, the batches with review and approval, the destruction register.
 */
export function provideDispositionExtension(): Provider[] {
  return [
    provideFeatureTranslations('efr-disposition', 'assets/efr-disposition'),
    DispositionService,
    provideFeatureRoutes([{
      path: 'disposition',
      loadComponent: () => import('./disposition.smart-component')
        .then((m) => m.DispositionSmartComponent),
    }]),
    provideNavItems([{
      id: 'disposition',
      route: '/disposition',
      icon: 'delete_sweep',
      labelKey: 'EFR_DISPOSITION.NAV',
      roles: [EfrRole.Custodian, EfrRole.OfficeDirector, EfrRole.Leader, EfrRole.Supervisor],
      order: 85,
    }]),
  ];
}
