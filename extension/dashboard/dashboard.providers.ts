import { Provider, inject } from '@angular/core';
import { RedirectFunction, Router } from '@angular/router';
import { CurrentUserService, provideFeatureTranslations } from '../shared/public-api';
import { DashboardService } from './dashboard.service';
import { tileLink, visibleTile } from './dashboard.rules';

/**
 * `/dashboard/work/:tileId`, the generic work list of earlier releases: a bookmark of it now
 * opens the feature screen the tile opens, filtered the same way (the dashboard otherwise).
 */
export const workListRedirect: RedirectFunction = async ({ params }) => {
  const router = inject(Router);
  const users = inject(CurrentUserService);
  // Not signed in (401) or the repository unreachable: the dashboard route deals with it.
  const user = await users.load().catch(() => null);
  const tile = visibleTile(user, String(params['tileId'] ?? ''));
  if (!user || !tile) return '/dashboard';
  const link = tileLink(tile.source(user));
  return router.createUrlTree([link.route], { queryParams: link.queryParams ?? {} });
};

/** The dashboard feature: the per-role work counts, each opening its feature screen. */
export function provideDashboardExtension(): Provider[] {
  return [
    provideFeatureTranslations('efr-dashboard', 'assets/efr-dashboard'),
    // Beside the shell's API client (see provideEfrApi()).
    DashboardService,
  ];
}
