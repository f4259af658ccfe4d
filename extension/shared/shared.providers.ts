import { Provider } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { provideTranslations } from '@alfresco/adf-core';
import { EfrPaginatorIntl } from './paginator-intl';

/**
 * Translations shared by every EFR feature: enumeration labels, common messages, and the
 * labels of Material's paginator.
 */
export function provideEfrSharedTranslations(): Provider[] {
  return [
    provideTranslations('efr-shared', 'assets/efr-shared'),
    { provide: MatPaginatorIntl, useClass: EfrPaginatorIntl },
  ];
}
