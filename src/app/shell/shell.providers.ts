import {
  DestroyRef, EnvironmentProviders, Injectable, Provider, inject, provideEnvironmentInitializer,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { CanMatchFn } from '@angular/router';
import {
  AlfrescoApiLoaderService, AlfrescoApiNoAuthService, AlfrescoApiService,
} from '@alfresco/adf-content-services';
import {
  CurrentUserService, provideEfrApi, provideEfrDates, provideEfrSharedTranslations,
} from '../../../extension/shared/public-api';
import { SessionEvents } from '../auth/session-events';
import { provideDashboardExtension } from '../../../extension/dashboard/public-api';
import { provideRecordingsExtension } from '../../../extension/recordings/public-api';
import { provideCasesExtension } from '../../../extension/cases/public-api';
import { provideHandoverExtension } from '../../../extension/handover/public-api';
import { provideDevicesExtension } from '../../../extension/devices/public-api';
import { provideFixityExtension } from '../../../extension/fixity/public-api';
import { provideExemptionsExtension } from '../../../extension/exemptions/public-api';
import { provideApprovalsExtension } from '../../../extension/approvals/public-api';
import { providePlaybackExtension } from '../../../extension/playback/public-api';
import { provideEvidenceDiscExtension } from '../../../extension/evidence-disc/public-api';
import { provideSpotChecksExtension } from '../../../extension/spot-checks/public-api';
import { provideDispositionExtension } from '../../../extension/disposition/public-api';

/** The repository API client of the shell, configured once (ADF's loader, as at start-up). */
@Injectable()
export class ShellApi {
  /** Settles when `AlfrescoApiService` holds a client configured from app.config.json. */
  readonly ready: Promise<void> = inject(AlfrescoApiLoaderService).init();
}

/** Lets the shell's routes match once the repository API client is configured. */
export const shellApiReady: CanMatchFn = async () => {
  await inject(ShellApi).ready;
  return true;
};

/**
 * Everything the signed-in shell needs beyond the login page, provided on its lazily loaded
 * route (issue 20): ADF content services' API client, the shared EFR services and every
 * feature. ADF content services weighs 400 kB of script with the Material components its
 * classes pull in (their `__decorate` calls keep every class), so the login page must not
 * import it. The API client is the lighter `AlfrescoApiNoAuthService` (requests through
 * Angular's HttpClient and ADF's auth interceptors, no discovery call); because it is
 * provided here, not at the root, every service that reaches it is provided here too
 * (`provideEfrApi()` and each feature's providers), or the root's unconfigured client would
 * answer it.
 */
export function provideEfrShell(): (Provider | EnvironmentProviders)[] {
  return [
    { provide: AlfrescoApiService, useClass: AlfrescoApiNoAuthService },
    AlfrescoApiLoaderService,
    ShellApi,
    provideEfrApi(),
    // An expired ticket: the next sign-in may be someone else, whose -me- is read again.
    provideEnvironmentInitializer(() => {
      const users = inject(CurrentUserService);
      inject(SessionEvents).ended.pipe(takeUntilDestroyed(inject(DestroyRef)))
        .subscribe(() => users.clear());
    }),
    provideEfrSharedTranslations(),
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
    provideDispositionExtension(),
    provideFixityExtension(),
  ];
}
