import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { WebscriptApi } from '@alfresco/js-api';
import {
  Device,
  DeviceDetail,
  DeviceStep,
  PreUseCheckForm,
  RegisterDeviceForm,
  UnitCompliance,
} from './devices.model';

interface ListBody<T> {
  list: { entries: { entry: T }[] };
}

/**
 * The device register through the EFR web scripts (`/alfresco/service/efr/devices…`), the
 * same on ACS (module web scripts) and on server/. Steps are never written as plain node
 * updates: the repository checks them (R13.1, R15.1) and logs each one.
 */
@Injectable({ providedIn: 'root' })
export class DevicesService {
  private readonly api = inject(AlfrescoApiService);

  private call<T>(
    method: string,
    path: string,
    body?: unknown,
    args?: Record<string, string>,
  ): Promise<T> {
    const ws = new WebscriptApi(this.api.getInstance());
    return ws.executeWebScript(
      method,
      `efr/${path}`,
      args ?? {},
      'alfresco',
      'service',
      body ?? null,
    ) as Promise<T>;
  }

  /** The register, by serial. */
  async list(): Promise<Device[]> {
    const body = await this.call<ListBody<Device>>('GET', 'devices', undefined, {
      maxItems: '1000',
    });
    return body.list.entries.map((e) => e.entry);
  }

  /** R9.1 compliance per unit. */
  async compliance(): Promise<UnitCompliance[]> {
    const body = await this.call<ListBody<UnitCompliance>>('GET', 'devices/compliance');
    return body.list.entries.map((e) => e.entry);
  }

  /** One device with its history and checks. */
  async get(id: string): Promise<DeviceDetail> {
    return (await this.call<{ entry: DeviceDetail }>('GET', `devices/${encodeURIComponent(id)}`))
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
    return (await this.call<{ entry: Device }>('POST', 'devices', body)).entry;
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
      await this.call<{ entry: DeviceDetail }>(
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
      await this.call<{ entry: DeviceDetail }>(
        'POST',
        `devices/${encodeURIComponent(id)}/${step}`,
        body,
      )
    ).entry;
  }
}
