import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  provideZoneChangeDetection,
} from '@angular/core';
import { HTTP_INTERCEPTORS } from '@angular/common/http';
import { provideAnimations } from '@angular/platform-browser/animations';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideAppConfig, provideCoreAuth } from '@alfresco/adf-core';
import {
  AlfrescoApiLoaderService,
  AlfrescoApiNoAuthService,
  AlfrescoApiService,
} from '@alfresco/adf-content-services';
import { provideEfrDates, provideEfrSharedTranslations } from '../../extension/shared/public-api';
import { provideDashboardExtension } from '../../extension/dashboard/public-api';
import { provideRecordingsExtension } from '../../extension/recordings/public-api';
import { provideCasesExtension } from '../../extension/cases/public-api';
import { provideHandoverExtension } from '../../extension/handover/public-api';
import { provideDevicesExtension } from '../../extension/devices/public-api';
import { provideExemptionsExtension } from '../../extension/exemptions/public-api';
import { provideApprovalsExtension } from '../../extension/approvals/public-api';
import { providePlaybackExtension } from '../../extension/playback/public-api';
import { provideEvidenceDiscExtension } from '../../extension/evidence-disc/public-api';
import { provideSpotChecksExtension } from '../../extension/spot-checks/public-api';
import { appRoutes } from './app.routes';
import { provideEfrI18n } from './i18n/i18n.providers';
import { UnauthorizedInterceptor } from './auth/unauthorized.interceptor';

/** The application's providers: ADF core, the repository API, i18n, then each feature. */
export const appConfig: ApplicationConfig = {
  providers: [
    provideZoneChangeDetection({ eventCoalescing: true }),
    provideAnimations(),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideAppConfig(),
    provideCoreAuth(),
    // Lighter than ContentModule.forRoot(): only the API client, no discovery call at start.
    { provide: AlfrescoApiService, useClass: AlfrescoApiNoAuthService },
    provideAppInitializer(() => inject(AlfrescoApiLoaderService).init()),
    provideEfrI18n(),
    provideEfrSharedTranslations(),
    { provide: HTTP_INTERCEPTORS, useClass: UnauthorizedInterceptor, multi: true },
    provideEfrDates(),
    provideDashboardExtension(),
    provideRecordingsExtension(),
    provideCasesExtension(),
    provideHandoverExtension(),
    provideDevicesExtension(),
    provideExemptionsExtension(),
    provideApprovalsExtension(),
    providePlaybackExtension(),
    provideEvidenceDiscExtension(),
    provideSpotChecksExtension(),
  ],
};
