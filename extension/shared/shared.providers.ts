import { Provider } from '@angular/core';
import { provideTranslations } from '@alfresco/adf-core';

/** Translations shared by every EFR feature (enumeration labels, common messages). */
export function provideEfrSharedTranslations(): Provider[] {
  return [provideTranslations('efr-shared', 'assets/efr-shared')];
}
