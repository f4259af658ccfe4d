import { Provider } from '@angular/core';
import {
  EfrRole, provideFeatureRoutes, provideFeatureTranslations, provideNavItems,
} from '../shared/public-api';
import { HandoverApiService } from './handover-api.service';

/**
 * The handover feature (issue 5): the list of handovers and the guided handover at the office
 * workstation, for officers and custodians, and for supervisors and unit heads who follow late
 * handovers (their dashboard's count opens this list).
 */
export function provideHandoverExtension(): Provider[] {
  return [
    provideFeatureTranslations('efr-handover', 'assets/efr-handover'),
    // Beside the shell's API client (see provideEfrApi()).
    HandoverApiService,
    provideFeatureRoutes([
      {
        path: 'handovers',
        loadComponent: () =>
          import('./list/handovers-list.smart-component').then(
            (m) => m.HandoversListSmartComponent,
          ),
      },
      {
        path: 'handovers/new',
        loadComponent: () =>
          import('./wizard/handover-wizard.smart-component').then(
            (m) => m.HandoverWizardSmartComponent,
          ),
      },
      {
        path: 'handovers/:id',
        loadComponent: () =>
          import('./wizard/handover-wizard.smart-component').then(
            (m) => m.HandoverWizardSmartComponent,
          ),
      },
    ]),
    provideNavItems([
      {
        id: 'handovers',
        route: '/handovers',
        icon: 'move_to_inbox',
        labelKey: 'EFR_HANDOVER.NAV',
        roles: [EfrRole.Officer, EfrRole.Custodian, EfrRole.Supervisor, EfrRole.UnitHead],
        order: 15,
      },
    ]),
  ];
}
