import { Provider } from '@angular/core';
import { provideTranslations } from '@alfresco/adf-core';
import { provideFeatureRoutes, provideNavItems } from '../shared/public-api';

/** The dashboard feature: the per-role work counts and the lists behind them. */
export function provideDashboardExtension(): Provider[] {
  return [
    provideTranslations('efr-dashboard', 'assets/efr-dashboard'),
    provideFeatureRoutes([
      {
        path: 'dashboard',
        loadComponent: () =>
          import('./home/dashboard.smart-component').then((m) => m.DashboardSmartComponent),
      },
      {
        path: 'dashboard/work/:tileId',
        loadComponent: () =>
          import('./work-list/work-list.smart-component').then((m) => m.WorkListSmartComponent),
      },
    ]),
    provideNavItems([
      {
        id: 'dashboard',
        route: '/dashboard',
        icon: 'dashboard',
        labelKey: 'EFR_DASHBOARD.NAV',
        roles: [],
        order: 10,
      },
    ]),
  ];
}
