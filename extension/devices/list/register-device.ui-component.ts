import { Component, input, output } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { DEVICE_KINDS } from '../../../core/src/index';
import { RegisterDeviceForm } from '../devices.model';
import { isDeviceSerial } from '../devices.rules';
import { PersonPickerComponent } from '../../shared/public-api';

/** The register form (R13.1, R12.1): emits the entry; the page sends it. */
@Component({
  selector: 'efr-register-device',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    PersonPickerComponent,
    TranslatePipe,
  ],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" class="register" data-testid="register-form">
      <h2>{{ 'EFR_DEVICES.REGISTER.TITLE' | translate }}</h2>
      <mat-form-field>
        <mat-label>{{ 'EFR_DEVICES.REGISTER.SERIAL' | translate }}</mat-label>
        <input matInput formControlName="serial" data-field="serial" />
        @if (serialInvalid()) {
          <mat-error>{{ 'EFR_DEVICES.REGISTER.SERIAL_INVALID' | translate }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'EFR_DEVICES.REGISTER.KIND' | translate }}</mat-label>
        <mat-select formControlName="kind" data-field="kind">
          @for (k of kinds; track k) {
            <mat-option [value]="k">{{ 'EFR_SHARED.SOURCE.' + k | translate }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'EFR_DEVICES.REGISTER.TITLE_FIELD' | translate }}</mat-label>
        <input matInput formControlName="title" data-field="title" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'EFR_DEVICES.REGISTER.MODEL' | translate }}</mat-label>
        <input matInput formControlName="model" data-field="model" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'EFR_DEVICES.REGISTER.UNIT' | translate }}</mat-label>
        <input matInput formControlName="unit" data-field="unit" />
      </mat-form-field>
      <!-- The unit head by name from the directory, not a typed login (issue 19, point 2). -->
      <efr-person-picker
        class="unit-head"
        [value]="form.controls.unitHead.value"
        (valueChange)="form.controls.unitHead.setValue($event)"
        [label]="'EFR_DEVICES.REGISTER.UNIT_HEAD' | translate"
        field="unitHead"
        [required]="true"
      />
      <button
        mat-flat-button
        type="submit"
        [disabled]="busy() || form.invalid"
        data-testid="register-submit"
      >
        {{ 'EFR_DEVICES.REGISTER.SUBMIT' | translate }}
      </button>
    </form>
  `,
  styles: `
    .register {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      align-items: baseline;
      padding: 12px 16px;
      background: var(--mat-sys-surface, #fff);
      border-radius: 12px;
      margin-bottom: 16px;
    }
    .register h2 {
      width: 100%;
      font-size: 16px;
      font-weight: 500;
      margin: 4px 0 12px;
    }
    mat-form-field,
    .unit-head {
      width: 220px;
    }
  `,
})
export class RegisterDeviceUiComponent {
  /** Whether a registration is being sent. */
  readonly busy = input(false);
  /** Emits a complete entry. */
  readonly registerDevice = output<RegisterDeviceForm>();

  protected readonly kinds = DEVICE_KINDS;
  protected readonly form = new FormGroup({
    serial: new FormControl('', {
      nonNullable: true,
      validators: [
        Validators.required,
        (c) => (isDeviceSerial(String(c.value)) ? null : { serial: true }),
      ],
    }),
    kind: new FormControl('bodyCamera', { nonNullable: true, validators: Validators.required }),
    title: new FormControl('', { nonNullable: true }),
    model: new FormControl('', { nonNullable: true }),
    unit: new FormControl('', { nonNullable: true, validators: Validators.required }),
    unitHead: new FormControl('', { nonNullable: true, validators: Validators.required }),
  });

  protected serialInvalid(): boolean {
    const c = this.form.controls.serial;
    return c.touched && c.hasError('serial');
  }

  protected submit(): void {
    if (this.form.invalid) return;
    this.registerDevice.emit(this.form.getRawValue());
  }

  /** Clears the form after a successful registration. */
  reset(): void {
    this.form.reset();
  }
}
