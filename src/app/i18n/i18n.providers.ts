import {
  EnvironmentProviders, Injector, inject, makeEnvironmentProviders, provideAppInitializer,
} from '@angular/core';
import { provideTranslateLoader, provideTranslateService } from '@ngx-translate/core';
import {
  AppConfigService, provideTranslations, TranslationService, UserPreferencesService,
} from '@alfresco/adf-core';
import { firstValueFrom } from 'rxjs';
import { EfrTranslateLoader } from './efr-translate-loader';

/**
 * i18n of the app, as ADF's `provideI18N` sets it up (ngx-translate with ADF's loader, the
 * shell's and ADF core's bundles) but with EfrTranslateLoader: the login page fetches its two
 * bundles in the user's language only; the features' bundles come with the signed-in shell
 * (`loadFeatureTranslations`, issue 20).
 */
export function provideEfrI18n(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideTranslateService({ loader: provideTranslateLoader(EfrTranslateLoader) }),
    provideTranslations('efr-app', 'assets/efr-app'),
    provideTranslations('adf-core', 'assets/adf-core'),
    // ADF's TranslationService registers the bundles with the loader when created; create it
    // at start-up, or a reload that renders no ADF component loads adf-core only. Once the
    // configuration is there, load the user's language (the loader skips any asked before).
    provideAppInitializer(() => {
      const injector = inject(Injector);
      const config = inject(AppConfigService);
      inject(TranslationService);
      return firstValueFrom(config.onLoad).then(() => {
        const locale = injector.get(UserPreferencesService).locale;
        injector.get(TranslationService).loadTranslation(locale);
      });
    }),
  ]);
}
