import {
  DestroyRef, EnvironmentProviders, Injectable, Provider, inject, provideEnvironmentInitializer,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { CanMatchFn } from '@angular/router';
import {
  AlfrescoApiLoaderService, AlfrescoApiNoAuthService, AlfrescoApiService,
} from '@alfresco/adf-content-services';
import { ExtensionService } from '@alfresco/adf-extensions';
import { CurrentUserService } from '../../../extension/shared/public-api';
import { provideEfrFeatures, registerEfrExtension } from '../../../extension/public-api';
import { SessionEvents } from '../auth/session-events';

/** The repository API client of the shell, configured once (ADF's loader, as at start-up). */
@Injectable()
export class ShellApi {
  /** Settles when `AlfrescoApiService` holds a client configured from app.config.json. */
  readonly ready: Promise<void> = inject(AlfrescoApiLoaderService).init();
}

/**
 * The EFR plugin in the lean shell: its components and evaluators registered with ADF's
 * extension service, and `assets/app.extensions.json` with the `efr.plugin.json` it references
 * loaded, as the Content App loads them at start-up; here only once signed in (issue 20).
 */
@Injectable()
export class ShellPlugin {
  /** Settles when the plugin's routes, navbar and rules are known. */
  readonly ready: Promise<void>;

  constructor() {
    const extensions = inject(ExtensionService);
    registerEfrExtension(extensions);
    this.ready = extensions.load().then(() => undefined);
  }
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
 * (`provideEfrFeatures()`), or the root's unconfigured client
 * would answer it.
 */
export function provideEfrShell(): (Provider | EnvironmentProviders)[] {
  return [
    { provide: AlfrescoApiService, useClass: AlfrescoApiNoAuthService },
    AlfrescoApiLoaderService,
    ShellApi,
    ShellPlugin,
    // An expired ticket: the next sign-in may be someone else, whose -me- is read again.
    provideEnvironmentInitializer(() => {
      const users = inject(CurrentUserService);
      inject(SessionEvents).ended.pipe(takeUntilDestroyed(inject(DestroyRef)))
        .subscribe(() => users.clear());
    }),
    provideEfrFeatures(),
  ];
}
