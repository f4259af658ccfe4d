import { ApplicationConfig, provideZoneChangeDetection } from '@angular/core';
import { HTTP_INTERCEPTORS } from '@angular/common/http';
import { provideAnimations } from '@angular/platform-browser/animations';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideAppConfig, provideCoreAuth } from '@alfresco/adf-core';
import { appRoutes } from './app.routes';
import { provideEfrI18n } from './i18n/i18n.providers';
import { UnauthorizedInterceptor } from './auth/unauthorized.interceptor';

/** The application's providers: what the login page needs (ADF core's config, auth, i18n). */
export const appConfig: ApplicationConfig = {
  providers: [
    provideZoneChangeDetection({ eventCoalescing: true }),
    provideAnimations(),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideAppConfig(),
    provideCoreAuth(),
    provideEfrI18n(),
    { provide: HTTP_INTERCEPTORS, useClass: UnauthorizedInterceptor, multi: true },
    // The repository API client, the shared services and every feature are provided by the
    // lazily loaded signed-in shell (shell/shell.providers.ts), not here (issue 20).
  ],
};
