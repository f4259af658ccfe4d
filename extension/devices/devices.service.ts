import { Injectable, inject } from '@angular/core';
import { EfrApiService } from '../shared/public-api';
import type { ListOf } from '../../contract/index';
import {
  Device,
  DeviceDetail,
  DeviceStep,
  PreUseCheckForm,
  RegisterDeviceForm,
  UnitCompliance,
} from './devices.model';

/**
 * The device register through the EFR web scripts (`/alfresco/service/efr/devices…`), the
 * same on ACS (module web scripts) and on server/. Steps are never written as plain node
 * updates: the repository checks them (R13.1, R15.1) and logs each one.
 */
@Injectable({ providedIn: 'root' })
export class DevicesService {
  private readonly efr = inject(EfrApiService);

  /** The register, by serial. */
  async list(): Promise<Device[]> {
    const body = await this.efr.call<ListOf<Device>>('GET', 'devices', undefined, {
      maxItems: '1000',
    });
    return body.list.entries.map((e) => e.entry);
  }

  /** R9.1 compliance per unit. */
  async compliance(): Promise<UnitCompliance[]> {
    const body = await this.efr.call<ListOf<UnitCompliance>>('GET', 'devices/compliance');
    return body.list.entries.map((e) => e.entry);
  }

  /** One device with its history and checks. */
  async get(id: string): Promise<DeviceDetail> {
    return (await this.efr.call<{ entry: DeviceDetail }>('GET',
      `devices/${encodeURIComponent(id)}`))
      .entry;
  }

  /** Registers a device (office only, R13.1). */
  async register(form: RegisterDeviceForm): Promise<Device> {
    const body = {
      serial: form.serial.trim(),
      kind: form.kind,
      model: form.model.trim(),
      title: form.title.trim(),
      unit: form.unit.trim(),
      unitHead: form.unitHead.trim(),
    };
    return (await this.efr.call<{ entry: Device }>('POST', 'devices', body)).entry;
  }

  /** Issues a device to an officer with the pre-use check (R15.1). */
  async issue(id: string, holder: string, check: PreUseCheckForm): Promise<DeviceDetail> {
    const body = {
      holder,
      check: {
        working: check.working,
        batteryPercent: check.batteryPercent,
        freeStorageMb: check.freeStorageMb,
        deviceTime: check.deviceTime,
      },
    };
    return (
      await this.efr.call<{ entry: DeviceDetail }>(
        'POST',
        `devices/${encodeURIComponent(id)}/issue`,
        body,
      )
    ).entry;
  }

  /** Any other step, with its reason or note. */
  async step(id: string, step: Exclude<DeviceStep, 'issue'>, text: string): Promise<DeviceDetail> {
    const body = step === 'return' || step === 'repaired' ? { note: text } : { reason: text };
    return (
      await this.efr.call<{ entry: DeviceDetail }>(
        'POST',
        `devices/${encodeURIComponent(id)}/${step}`,
        body,
      )
    ).entry;
  }
}
