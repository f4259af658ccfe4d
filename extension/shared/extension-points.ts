import { InjectionToken, Provider } from '@angular/core';

/**
 * What a feature adds beside efr.plugin.json. Routes, navigation, actions, tabs and badges are
 * declared in the plugin JSON and read through ADF's `ExtensionService` by both shells; a
 * feature's translations stay in code, because the lean shell fetches them only once signed
 * in (issue 20).
 */

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
