import { Provider } from '@angular/core';
import {
  provideFeatureRoutes, provideFeatureTranslations, provideNavItems,
} from '../shared/public-api';
import { CasesService } from './cases.service';

/** The cases feature: list and dossier routes, navigation entry and translations. */
export function provideCasesExtension(): Provider[] {
  return [
    provideFeatureTranslations('efr-cases', 'assets/efr-cases'),
    // Beside the shell's API client (see provideEfrApi()).
    CasesService,
    provideFeatureRoutes([
      {
        path: 'cases',
        loadComponent: () =>
          import('./list/cases-list.smart-component').then((m) => m.CasesListSmartComponent),
      },
      {
        path: 'cases/:id',
        loadComponent: () =>
          import('./dossier/case-dossier.smart-component').then((m) => m.CaseDossierSmartComponent),
      },
    ]),
    provideNavItems([
      {
        id: 'cases',
        route: '/cases',
        icon: 'folder_open',
        labelKey: 'EFR_CASES.NAV',
        roles: [],
        order: 30,
      },
    ]),
  ];
}
