import { Provider } from '@angular/core';
import {
  EfrRole, provideFeatureRoutes, provideFeatureTranslations, provideNavItems,
} from '../shared/public-api';
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
    provideFeatureRoutes([
      {
        path: 'exemptions',
        loadComponent: () =>
          import('./list/exemptions-list.smart-component').then(
            (m) => m.ExemptionsListSmartComponent,
          ),
      },
      {
        path: 'exemptions/new',
        loadComponent: () =>
          import('./write/exemption-write.smart-component').then(
            (m) => m.ExemptionWriteSmartComponent,
          ),
      },
    ]),
    provideNavItems([
      {
        id: 'exemptions',
        route: '/exemptions',
        icon: 'videocam_off',
        labelKey: 'EFR_EXEMPTIONS.NAV',
        roles: [EfrRole.Officer, EfrRole.Leader, EfrRole.Custodian, EfrRole.Supervisor],
        order: 65,
      },
    ]),
  ];
}
