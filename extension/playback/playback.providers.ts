import { Provider } from '@angular/core';
import { provideFeatureTranslations } from '../shared/public-api';

/**
 * The player (R24.2): `/playback/:id` plays a registered request's recordings inside its
 * window, with a watermark, and logs each viewing session. Reached from the approvals queue
 * (no navigation entry of its own).
 */
export function providePlaybackExtension(): Provider[] {
  return [
    provideFeatureTranslations('efr-playback', 'assets/efr-playback'),
  ];
}
