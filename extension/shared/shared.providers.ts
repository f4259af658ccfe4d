import { Provider } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { provideFeatureTranslations } from './extension-points';
import { EfrPaginatorIntl } from './paginator-intl';

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
