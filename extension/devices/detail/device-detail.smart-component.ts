import { Component, computed, inject, input, signal, effect } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DatePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import { UserPreferencesService } from '@alfresco/adf-core';
import {
  CurrentUserService, errorStatus, PersonNamePipe, RefusalTextService,
} from '../../shared/public-api';
import { DeviceDetail, DeviceStep } from '../devices.model';
import { deviceActions, stepNeedsReason } from '../devices.rules';
import { DevicesService } from '../devices.service';
import { DeviceHistoryUiComponent } from './device-history.ui-component';
import { IssueRequest, PreUseCheckFormUiComponent } from './pre-use-check-form.ui-component';

/**
 * One device: its register facts, the steps open to the user (issue with the pre-use check,
 * return, repair, loss, retirement; R13.1, R15.1, R12.1) and its full history.
 */
@Component({
  selector: 'efr-device-detail',
  imports: [PersonNamePipe, 
    RouterLink,
    DatePipe,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    DeviceHistoryUiComponent,
    PreUseCheckFormUiComponent,
  ],
  templateUrl: './device-detail.smart-component.html',
  styleUrl: '../list/devices-list.smart-component.css',
})
export class DeviceDetailSmartComponent {
  private readonly service = inject(DevicesService);
  private readonly refusals = inject(RefusalTextService);
  private readonly currentUser = inject(CurrentUserService);
  private readonly prefs = inject(UserPreferencesService);

  /** Node id from the route. */
  readonly id = input.required<string>();

  protected readonly device = signal<DeviceDetail | null>(null);
  protected readonly failure = signal<number | null>(null);
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly chosen = signal<DeviceStep | null>(null);
  protected readonly text = signal('');
  protected readonly message = signal<{ text: string; error: boolean } | null>(null);
  protected readonly actions = computed(() => {
    const d = this.device();
    return d ? deviceActions(d, this.currentUser.user()) : [];
  });
  protected readonly zh = computed(() => this.prefs.localeSignal().toLowerCase().startsWith('zh'));
  protected readonly needsReason = stepNeedsReason;

  constructor() {
    effect(() => {
      void this.load(this.id());
    });
  }

  /** Reads the device with its history. */
  async load(id = this.id()): Promise<void> {
    this.loading.set(true);
    this.failure.set(null);
    try {
      this.device.set(await this.service.get(id));
    } catch (error) {
      this.failure.set(errorStatus(error) ?? 0);
    } finally {
      this.loading.set(false);
    }
  }

  /** Opens the form of a step. */
  protected choose(step: DeviceStep): void {
    this.chosen.set(this.chosen() === step ? null : step);
    this.text.set('');
    this.message.set(null);
  }

  /** Issues the device with its pre-use check (R15.1); a failed check is refused by the server. */
  async issueDevice(req: IssueRequest): Promise<void> {
    await this.send('issue', () => this.service.issue(this.id(), req.holder, req.check));
  }

  /** Sends the chosen step other than issue. */
  async confirmStep(): Promise<void> {
    const step = this.chosen();
    if (!step || step === 'issue') return;
    await this.send(step, () => this.service.step(this.id(), step, this.text().trim()));
  }

  private async send(step: DeviceStep, run: () => Promise<DeviceDetail>): Promise<void> {
    this.busy.set(true);
    this.message.set(null);
    try {
      this.device.set(await run());
      this.chosen.set(null);
      this.message.set({ text: step, error: false });
    } catch (error) {
      this.message.set({ text: this.refusals.text(error, this.prefs.locale), error: true });
    } finally {
      this.busy.set(false);
    }
  }
}
