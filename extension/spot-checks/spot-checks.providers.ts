import { Provider } from '@angular/core';
import {
  EfrRole, provideFeatureRoutes, provideFeatureTranslations, provideNavItems,
} from '../shared/public-api';
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
    provideFeatureRoutes([
      { path: 'spot-checks', loadComponent: () => import('./campaigns/campaigns.smart-component')
        .then((m) => m.CampaignsSmartComponent) },
      { path: 'spot-checks/:id', loadComponent: () => import('./campaign/campaign.smart-component')
        .then((m) => m.CampaignSmartComponent) },
      { path: 'violations', loadComponent: () =>
        import('./violations/violations.smart-component').then((m) => m.ViolationsSmartComponent) },
      { path: 'quality', loadComponent: () =>
        import('./assessment/assessment.smart-component').then((m) => m.AssessmentSmartComponent) },
    ]),
    provideNavItems([
      { id: 'spot-checks', route: '/spot-checks', icon: 'fact_check',
        labelKey: 'EFR_SPOT_CHECKS.NAV.CAMPAIGNS', roles: [EfrRole.Supervisor], order: 80 },
      { id: 'violations', route: '/violations', icon: 'gavel',
        labelKey: 'EFR_SPOT_CHECKS.NAV.VIOLATIONS', roles: [EfrRole.Supervisor], order: 81 },
      { id: 'quality', route: '/quality', icon: 'insights',
        labelKey: 'EFR_SPOT_CHECKS.NAV.QUALITY', roles: [EfrRole.Supervisor, EfrRole.UnitHead],
        order: 82 },
    ]),
  ];
}
