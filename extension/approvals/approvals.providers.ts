import { Provider } from '@angular/core';
import {
  EfrRole, provideFeatureRoutes, provideFeatureTranslations, provideNavItems,
} from '../shared/public-api';
import { ApprovalsService } from './approvals.service';

/**
 * The approvals feature (R14.1, R24.1, R24.2, R25.1, R26.2, R27.1): request form, each role's
 * queue with one-click decisions, the custodian's printable viewing register and the
 * access-log search with CSV export and chain verification.
 */
export function provideApprovalsExtension(): Provider[] {
  return [
    provideFeatureTranslations('efr-approvals', 'assets/efr-approvals'),
    // Beside the shell's API client (see provideEfrApi()).
    ApprovalsService,
    provideFeatureRoutes([
      {
        path: 'approvals',
        loadComponent: () =>
          import('./queues/approvals-queues.smart-component').then(
            (m) => m.ApprovalsQueuesSmartComponent,
          ),
      },
      {
        path: 'approvals/new',
        loadComponent: () =>
          import('./request-form/request-form.smart-component').then(
            (m) => m.RequestFormSmartComponent,
          ),
      },
      {
        path: 'approvals/register',
        loadComponent: () =>
          import('./register/viewing-register.smart-component').then(
            (m) => m.ViewingRegisterSmartComponent,
          ),
      },
      {
        path: 'approvals/access-log',
        loadComponent: () =>
          import('./access-log/access-log.smart-component').then((m) => m.AccessLogSmartComponent),
      },
    ]),
    provideNavItems([
      {
        id: 'approvals',
        route: '/approvals',
        icon: 'how_to_reg',
        labelKey: 'EFR_APPROVALS.NAV',
        roles: [
          EfrRole.Officer,
          EfrRole.Custodian,
          EfrRole.OfficeDirector,
          EfrRole.Leader,
          EfrRole.Supervisor,
          EfrRole.Legal,
          EfrRole.UnitHead,
        ],
        order: 40,
      },
      {
        id: 'approvals-register',
        route: '/approvals/register',
        icon: 'menu_book',
        labelKey: 'EFR_APPROVALS.NAV_REGISTER',
        roles: [EfrRole.Custodian, EfrRole.OfficeDirector, EfrRole.Supervisor],
        order: 41,
      },
      {
        id: 'access-log',
        route: '/approvals/access-log',
        icon: 'fact_check',
        labelKey: 'EFR_APPROVALS.NAV_LOG',
        roles: [EfrRole.Supervisor, EfrRole.Custodian, EfrRole.Legal],
        order: 90,
      },
    ]),
  ];
}
