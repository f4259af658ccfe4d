import { Provider } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { CaseLinksService } from './case-links.service';
import { CurrentUserService } from './current-user.service';
import { EfrApiService } from './efr-api.service';
import { provideFeatureTranslations } from './extension-points';
import { EfrPaginatorIntl } from './paginator-intl';
import { PeopleDirectoryService } from './people-directory.service';

/**
 * The shared services that reach the repository. Provided where ADF's `AlfrescoApiService`
 * is (the signed-in shell's route, src/app/shell), so that they use that client: a
 * `providedIn: 'root'` service created without these providers would get the root's, which
 * nobody configured. Each feature lists its own services in its provideXxxExtension().
 */
export function provideEfrApi(): Provider[] {
  return [EfrApiService, CurrentUserService, PeopleDirectoryService, CaseLinksService];
}

/**
 * Translations shared by every EFR feature: enumeration labels, common messages, and the
 * labels of Material's paginator. Loaded with the signed-in shell, as the features' bundles.
 */
export function provideEfrSharedTranslations(): Provider[] {
  return [
    provideFeatureTranslations('efr-shared', 'assets/efr-shared'),
    { provide: MatPaginatorIntl, useClass: EfrPaginatorIntl },
  ];
}
