/**
 * The check before field use (R15.1): the device works, the battery is charged, storage has
 * room and the clock shows the current date and time. Shared by device issue and handover.
 */
import { fieldError } from './verdict.js';
import type { FieldError } from './verdict.js';
import { isFiniteNumber } from './validation.js';

/** Facts recorded by the pre-use check (R15.1). */
export interface PreUseCheck {
  /** Whether the device powers on and records image and sound. */
  working: boolean;
  /** Battery charge in percent (0–100). */
  batteryPercent: number;
  /** Free storage in megabytes (MiB). */
  freeStorageMb: number;
  /** Device clock minus true time, in seconds (positive: the device is ahead). */
  clockOffsetSeconds: number;
}

/** Configurable thresholds of the pre-use check (bureau settings). */
export interface PreUseLimits {
  /** Minimum battery charge in percent. */
  minBatteryPercent: number;
  /** Minimum free storage in megabytes. */
  minFreeStorageMb: number;
  /** Maximum absolute clock offset in seconds. */
  maxClockOffsetSeconds: number;
}

/** Default thresholds: 20 %, 1024 MB, 60 s. */
export const DEFAULT_PRE_USE_LIMITS: PreUseLimits = {
  minBatteryPercent: 20,
  minFreeStorageMb: 1024,
  maxClockOffsetSeconds: 60,
};

/**
 * Checks pre-use facts against the limits (R15.1); returns one error per failed item, with
 * paths under `prefix` (e.g. `preUseCheck`). An empty list means the device may go out.
 */
export function checkPreUse(
  check: PreUseCheck | null | undefined,
  limits: PreUseLimits = DEFAULT_PRE_USE_LIMITS,
  prefix = 'preUseCheck',
): FieldError[] {
  const errors: FieldError[] = [];
  if (!check) {
    errors.push(fieldError(prefix, 'efr.preUse.missing', 'R15.1',
      'The pre-use check is missing.', '缺少使用前检查记录。'));
    return errors;
  }
  if (check.working !== true) {
    errors.push(fieldError(prefix + '.working', 'efr.preUse.notWorking', 'R15.1',
      'The device does not work.', '设备无法正常工作。'));
  }
  if (!isFiniteNumber(check.batteryPercent) || check.batteryPercent < limits.minBatteryPercent ||
    check.batteryPercent > 100) {
    errors.push(fieldError(prefix + '.batteryPercent', 'efr.preUse.battery', 'R15.1',
      'Battery must be charged to at least ' + limits.minBatteryPercent + ' %.',
      '电量须不低于 ' + limits.minBatteryPercent + '%。'));
  }
  if (!isFiniteNumber(check.freeStorageMb) || check.freeStorageMb < limits.minFreeStorageMb) {
    errors.push(fieldError(prefix + '.freeStorageMb', 'efr.preUse.storage', 'R15.1',
      'At least ' + limits.minFreeStorageMb + ' MB of free storage is needed.',
      '存储空间须至少剩余 ' + limits.minFreeStorageMb + ' MB。'));
  }
  if (!isFiniteNumber(check.clockOffsetSeconds) ||
    Math.abs(check.clockOffsetSeconds) > limits.maxClockOffsetSeconds) {
    errors.push(fieldError(prefix + '.clockOffsetSeconds', 'efr.preUse.clock', 'R15.1',
      'The device clock is off by more than ' + limits.maxClockOffsetSeconds + ' s.',
      '设备时钟误差超过 ' + limits.maxClockOffsetSeconds + ' 秒，请校准。'));
  }
  return errors;
}
