import { Provider } from '@angular/core';
import {
  provideFeatureRoutes, provideFeatureTranslations, provideNavItems,
} from '../shared/public-api';
import { RecordingsService } from './recordings.service';

/**
 * The recordings feature: list and detail routes, its navigation entry (every role: each sees
 * what the repository's permissions let them see) and its translations.
 */
export function provideRecordingsExtension(): Provider[] {
  return [
    provideFeatureTranslations('efr-recordings', 'assets/efr-recordings'),
    // Beside the shell's API client (see provideEfrApi()).
    RecordingsService,
    provideFeatureRoutes([
      {
        path: 'recordings',
        loadComponent: () =>
          import('./list/recordings-list.smart-component').then(
            (m) => m.RecordingsListSmartComponent,
          ),
      },
      {
        path: 'recordings/:id',
        loadComponent: () =>
          import('./detail/recording-detail.smart-component').then(
            (m) => m.RecordingDetailSmartComponent,
          ),
      },
    ]),
    provideNavItems([
      {
        id: 'recordings',
        route: '/recordings',
        icon: 'videocam',
        labelKey: 'EFR_RECORDINGS.NAV',
        roles: [],
        order: 20,
      },
    ]),
  ];
}
