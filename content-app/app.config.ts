import { ApplicationConfig, importProvidersFrom, provideZoneChangeDetection } from '@angular/core';
import { registerLocaleData } from '@angular/common';
import localeZh from '@angular/common/locales/zh';
import { provideAnimations } from '@angular/platform-browser/animations';
import { provideRouter, withHashLocation } from '@angular/router';
import {
  AuthGuard, provideAppConfig, provideCoreAuth, provideI18N,
} from '@alfresco/adf-core';
import { SHELL_APP_SERVICE, SHELL_AUTH_TOKEN, provideShellRoutes } from '@alfresco/adf-core/shell';
import { AppService } from '@alfresco/aca-shared';
import { CONTENT_LAYOUT_ROUTES, ContentServiceExtensionModule } from '@alfresco/aca-content';
import { CONTENT_APP_PLUGINS } from './plugins';
import { CONTENT_APP_ROUTES } from './app.routes';

// Angular's zh locale data (dates, numbers in lists): without it a zh-CN browser fails with
// NG0701 "Missing locale data for zh-CN". 'zh-CN' resolves to Angular's 'zh' data.
registerLocaleData(localeZh, 'zh-CN');
registerLocaleData(localeZh);

/**
 * The Alfresco Content App 8.0.0 assembled from its npm packages (`@alfresco/aca-content`,
 * `@alfresco/aca-shared`), as ACA's own `app/src/app/app.config.ts` assembles it, with one
 * addition: the EFR plugin, installed from the tarball `npm run build:plugin` packs
 * (`provideEfrExtension()`; efr.plugin.json in `assets/plugins/`, from the package's assets).
 */
export const contentAppConfig: ApplicationConfig = {
  providers: [
    provideZoneChangeDetection({ eventCoalescing: true }),
    provideAnimations(),
    provideAppConfig(),
    provideCoreAuth({ useHash: true }),
    // ACA's own texts ('app', assets/i18n) come with ContentServiceExtensionModule; the build
    // lays content-app/i18n over them (zh-CN that ADF 9.0.0 and ACA 8.0.0 ship only in English).
    provideI18N({ defaultLanguage: 'zh-CN' }),
    importProvidersFrom(ContentServiceExtensionModule),
    provideRouter(CONTENT_APP_ROUTES, withHashLocation()),
    provideShellRoutes(CONTENT_LAYOUT_ROUTES),
    { provide: SHELL_APP_SERVICE, useClass: AppService },
    { provide: SHELL_AUTH_TOKEN, useValue: AuthGuard },
    ...CONTENT_APP_PLUGINS,
  ],
};
