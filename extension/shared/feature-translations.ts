import { inject } from '@angular/core';
import { TranslationService } from '@alfresco/adf-core';
import { EFR_FEATURE_TRANSLATIONS } from './extension-points';

/**
 * Hands every feature's translation bundle to ADF's TranslationService, which fetches each in
 * the user's language (`addTranslationFolder`: ADF 9, adf-core translation.service.ts). Called
 * by the signed-in shell when it is created, so that the login page fetches none of them
 * (issue 20); not from a route's providers: the router creates a route's injector when it
 * matches the URL, before the guards that send a signed-out user to the login page. Needs an
 * injection context.
 */
export function loadFeatureTranslations(): void {
  const translation = inject(TranslationService);
  for (const bundle of inject(EFR_FEATURE_TRANSLATIONS, { optional: true }) ?? []) {
    translation.addTranslationFolder(bundle.name, bundle.path);
  }
}
