import { Provider } from '@angular/core';
import { provideFeatureTranslations } from '../shared/public-api';
import { CasesService } from './cases.service';

/**
 * The cases feature: its service and translations (its routes and navigation entry are in
 * efr.plugin.json).
 */
export function provideCasesExtension(): Provider[] {
  return [
    provideFeatureTranslations('efr-cases', 'assets/efr-cases'),
    // Beside the shell's API client (see provideEfrApi()).
    CasesService,
  ];
}
