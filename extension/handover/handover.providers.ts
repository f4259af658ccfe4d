import { Provider } from '@angular/core';
import { provideFeatureTranslations } from '../shared/public-api';
import { HandoverApiService } from './handover-api.service';

/**
 * The handover feature (issue 5): the list of handovers and the guided handover at the office
 * workstation, for officers and custodians, and for supervisors and unit heads who follow late
 * handovers (their dashboard's count opens this list).
 */
export function provideHandoverExtension(): Provider[] {
  return [
    provideFeatureTranslations('efr-handover', 'assets/efr-handover'),
    // Beside the shell's API client (see provideEfrApi()).
    HandoverApiService,
  ];
}
