import { Provider } from '@angular/core';
import { provideFeatureTranslations } from '../shared/public-api';
import { DevicesService } from './devices.service';

/**
 * The devices feature (R9.1, R12.1, R13.1, R15.1): register with unit compliance, and a
 * device page with issue (pre-use check), return, repair, loss, retirement and history. Seen
 * by the office that manages devices, unit heads who answer for them, and officers.
 */
export function provideDevicesExtension(): Provider[] {
  return [
    provideFeatureTranslations('efr-devices', 'assets/efr-devices'),
    // Beside the shell's API client (see provideEfrApi()).
    DevicesService,
  ];
}
