import { InjectionToken, Provider } from '@angular/core';
import { Routes } from '@angular/router';
import { EfrRole } from './roles.rules';

/**
 * How a feature plugs into the shell, the way the Alfresco Content App's extensions do: its
 * routes are mounted inside the signed-in layout and its entries join the side navigation.
 */

/** One entry of the side navigation. */
export interface EfrNavItem {
  /** Stable id (also the e2e test hook `data-nav`). */
  id: string;
  /** Router link, absolute. */
  route: string;
  /** Material icon ligature. */
  icon: string;
  /** i18n key of the label. */
  labelKey: string;
  /** Roles that see the entry; an empty list means every signed-in user. */
  roles: readonly EfrRole[];
  /** Position in the navigation, ascending. */
  order: number;
}

/** Routes of every feature, mounted as children of the signed-in layout. */
export const EFR_FEATURE_ROUTES = new InjectionToken<Routes[]>('EFR_FEATURE_ROUTES');

/** Navigation entries of every feature. */
export const EFR_NAV_ITEMS = new InjectionToken<EfrNavItem[][]>('EFR_NAV_ITEMS');

/** Registers a feature's routes inside the layout. */
export function provideFeatureRoutes(routes: Routes): Provider {
  return { provide: EFR_FEATURE_ROUTES, multi: true, useValue: routes };
}

/** Registers a feature's navigation entries. */
export function provideNavItems(items: EfrNavItem[]): Provider {
  return { provide: EFR_NAV_ITEMS, multi: true, useValue: items };
}

/** A feature's translation bundle: `<path>/i18n/<lang>.json`. */
export interface EfrFeatureTranslation {
  /** Bundle name, e.g. `efr-approvals`. */
  name: string;
  /** Folder of its `i18n/` files, e.g. `assets/efr-approvals`. */
  path: string;
}

/** Translation bundles of every feature, loaded once the signed-in shell opens. */
export const EFR_FEATURE_TRANSLATIONS = new InjectionToken<EfrFeatureTranslation[]>(
  'EFR_FEATURE_TRANSLATIONS',
);

/**
 * Registers a feature's translation bundle. Unlike ADF's `provideTranslations`, whose bundles
 * ADF's TranslationService fetches at start-up, for the login page too, these are fetched
 * (in the current language only) when the signed-in shell opens: see
 * `loadFeatureTranslations()` (issue 20).
 */
export function provideFeatureTranslations(name: string, path: string): Provider {
  return { provide: EFR_FEATURE_TRANSLATIONS, multi: true, useValue: { name, path } };
}
