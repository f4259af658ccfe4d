import { Component, inject, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DatePipe } from '@angular/common';
import { MatTableModule } from '@angular/material/table';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '@ngx-translate/core';
import { UserPreferencesService } from '@alfresco/adf-core';
import {
  CurrentUserService,
  errorStatus,
  PersonNamePipe,
  LoadFailurePipe, RefusalTextService,
} from '../../shared/public-api';
import { Device, RegisterDeviceForm, UnitCompliance } from '../devices.model';
import { mayRegisterDevice } from '../devices.rules';
import { DevicesService } from '../devices.service';
import { RegisterDeviceUiComponent } from './register-device.ui-component';
import { UnitComplianceUiComponent } from './unit-compliance.ui-component';

/**
 * The device register: R9.1 compliance of each unit on top, the register form for the office
 * (R13.1), and every device with its status and holder; a row opens the device page.
 */
@Component({
  selector: 'efr-devices-list',
  imports: [LoadFailurePipe, PersonNamePipe, 
    RouterLink,
    DatePipe,
    MatTableModule,
    MatProgressBarModule,
    MatButtonModule,
    TranslatePipe,
    RegisterDeviceUiComponent,
    UnitComplianceUiComponent,
  ],
  templateUrl: './devices-list.smart-component.html',
  styleUrl: './devices-list.smart-component.css',
})
export class DevicesListSmartComponent {
  private readonly service = inject(DevicesService);
  private readonly refusals = inject(RefusalTextService);
  private readonly currentUser = inject(CurrentUserService);
  private readonly prefs = inject(UserPreferencesService);
  private readonly registerForm = viewChild(RegisterDeviceUiComponent);

  /** Columns of the register. */
  protected readonly columns = [
    'serial',
    'title',
    'kind',
    'unit',
    'status',
    'holder',
    'lastCheckAt',
  ];
  protected readonly devices = signal<Device[] | null>(null);
  protected readonly units = signal<UnitCompliance[]>([]);
  protected readonly loading = signal(false);
  protected readonly failure = signal<number | null>(null);
  protected readonly busy = signal(false);
  protected readonly message = signal<{ text: string; error: boolean } | null>(null);
  protected readonly showRegister = signal(false);

  constructor() {
    void this.load();
  }

  /** Whether the user may register devices (the office, R13.1). */
  protected mayRegister(): boolean {
    return mayRegisterDevice(this.currentUser.user());
  }

  /** Reads the register and the compliance of each unit. */
  async load(): Promise<void> {
    this.loading.set(true);
    this.failure.set(null);
    try {
      const [devices, units] = await Promise.all([this.service.list(), this.service.compliance()]);
      this.devices.set(devices);
      this.units.set(units);
    } catch (error) {
      this.failure.set(errorStatus(error) ?? 0);
    } finally {
      this.loading.set(false);
    }
  }

  /** Sends a registration; the server decides (R13.1, R12.1) and the list reloads. */
  async registerDevice(form: RegisterDeviceForm): Promise<void> {
    this.busy.set(true);
    this.message.set(null);
    try {
      const d = await this.service.register(form);
      this.registerForm()?.reset();
      this.showRegister.set(false);
      this.message.set({ text: d.serial, error: false });
      await this.load();
    } catch (error) {
      this.message.set({ text: this.refusals.text(error, this.prefs.locale), error: true });
    } finally {
      this.busy.set(false);
    }
  }
}
