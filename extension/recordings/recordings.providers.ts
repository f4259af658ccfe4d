import { Provider } from '@angular/core';
import { provideFeatureTranslations } from '../shared/public-api';
import { RecordingsService } from './recordings.service';

/**
 * The recordings feature: its service and translations (its routes, navigation entry and
 * info-drawer tabs are in efr.plugin.json).
 */
export function provideRecordingsExtension(): Provider[] {
  return [
    provideFeatureTranslations('efr-recordings', 'assets/efr-recordings'),
    // Beside the shell's API client (see provideEfrApi()).
    RecordingsService,
  ];
}
