import { Provider } from '@angular/core';
import {
  EfrRole, provideFeatureRoutes, provideFeatureTranslations, provideNavItems,
} from '../shared/public-api';
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
    provideFeatureRoutes([
      {
        path: 'devices',
        loadComponent: () =>
          import('./list/devices-list.smart-component').then((m) => m.DevicesListSmartComponent),
      },
      {
        path: 'devices/:id',
        loadComponent: () =>
          import('./detail/device-detail.smart-component').then(
            (m) => m.DeviceDetailSmartComponent,
          ),
      },
    ]),
    provideNavItems([
      {
        id: 'devices',
        route: '/devices',
        icon: 'photo_camera',
        labelKey: 'EFR_DEVICES.NAV',
        roles: [EfrRole.Custodian, EfrRole.UnitHead, EfrRole.Officer, EfrRole.Supervisor],
        order: 60,
      },
    ]),
  ];
}
