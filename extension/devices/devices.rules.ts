import {
  DEFAULT_PRE_USE_LIMITS,
  DEVICE_SERIAL_PATTERN,
  checkPreUse,
  type FieldError,
} from '../../core/src/index';
import { EfrRole, EfrUser, hasAnyRole } from '../shared/public-api';
import { Device, DeviceStep, PreUseCheckForm } from './devices.model';

/**
 * `devices.actions`: the steps a user is offered on a device, in the order of the state
 * machine of core/device-rules (the office does every step; the unit head and the holder may
 * report a loss, R12.1). The server decides again; this only hides buttons that would fail.
 */
export function deviceActions(device: Device, user: EfrUser | null): DeviceStep[] {
  const office = hasAnyRole(user, [EfrRole.Custodian]);
  const byStatus: Record<string, DeviceStep[]> = {
    available: ['issue', 'repair', 'lost', 'retire'],
    issued: ['return', 'repair', 'lost'],
    inRepair: ['repaired', 'lost', 'retire'],
  };
  const steps = byStatus[device.status] ?? [];
  if (office) return steps;
  const mayReportLoss =
    hasAnyRole(user, [EfrRole.UnitHead]) || (user !== null && device.holder === user.id);
  return mayReportLoss ? steps.filter((s) => s === 'lost') : [];
}

/** Whether a step needs a written reason (R13.1). */
export function stepNeedsReason(step: DeviceStep): boolean {
  return step === 'repair' || step === 'lost' || step === 'retire';
}

/** `devices.mayRegister`: only the bureau office registers devices (R13.1). */
export function mayRegisterDevice(user: EfrUser | null): boolean {
  return hasAnyRole(user, [EfrRole.Custodian]);
}

/** Whether a serial follows the label pattern of the model (efr:deviceSerialRegex). */
export function isDeviceSerial(serial: string): boolean {
  return DEVICE_SERIAL_PATTERN.test(serial.trim());
}

/** Device clock minus `now`, in whole seconds; null when the clock text is not a date-time. */
export function clockOffsetSeconds(deviceTime: string, now: number): number | null {
  const t = Date.parse(deviceTime);
  return Number.isFinite(t) ? Math.round((t - now) / 1000) : null;
}

/**
 * `devices.checkErrors`: the failed items of a pre-use check form (R15.1), with core's limits
 * and codes, so that the form shows what the server would refuse before it is sent.
 */
export function preUseCheckErrors(form: PreUseCheckForm, now: number): FieldError[] {
  const offset = clockOffsetSeconds(form.deviceTime, now);
  return checkPreUse(
    {
      working: form.working,
      batteryPercent: form.batteryPercent ?? Number.NaN,
      freeStorageMb: form.freeStorageMb ?? Number.NaN,
      clockOffsetSeconds: offset ?? Number.NaN,
    },
    DEFAULT_PRE_USE_LIMITS,
    'check',
  );
}

/** A refusal as the user reads it (shared/refusal.ts). */
export { refusalText } from '../shared/public-api';
