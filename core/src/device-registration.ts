/**
 * Registering a device (R13.1, R12.1): only the bureau office adds devices to the register;
 * each names its kind, the unit that keeps it and the unit head first responsible for it.
 */
import { DEVICE_KINDS, isOneOf } from './enums.js';
import { GROUP_EFR_CUSTODIANS, isMember } from './roles.js';
import type { Actor } from './roles.js';
import { allow, refuse } from './verdict.js';
import type { Verdict } from './verdict.js';
import { isNonBlank } from './validation.js';

/** Serial as printed on the device label; same pattern as the model's efr:deviceSerialRegex. */
export const DEVICE_SERIAL_PATTERN = /^[A-Z0-9][A-Z0-9-]{3,31}$/;

/** What the office enters to register a device. */
export interface DeviceRegistration {
  /** Serial number (upper-case letters, digits, hyphens; 4–32 characters). */
  serial: string;
  /** Kind (R7.1). */
  kind: string;
  /** Unit that keeps the device (R12.1). */
  unit: string;
  /** User name of the unit head, first responsible (R12.1). */
  unitHead: string;
  /** Whether `unitHead` is a member of GROUP_EFR_UNIT_HEADS (the caller looks it up). */
  unitHeadIsUnitHead: boolean;
}

/** Checks a new register entry (R13.1, R12.1, R7.1). */
export function checkDeviceRegistration(input: DeviceRegistration, actor: Actor): Verdict {
  if (!isMember(actor, GROUP_EFR_CUSTODIANS)) {
    return refuse(
      403,
      'efr.device.notOffice',
      'R13.1',
      'Only the bureau office registers devices.',
      '仅局办公室可以登记执法记录仪。',
    );
  }
  if (typeof input.serial !== 'string' || !DEVICE_SERIAL_PATTERN.test(input.serial)) {
    return refuse(
      422,
      'efr.device.serial',
      'R13.1',
      'The serial has 4–32 upper-case letters, digits or hyphens.',
      '设备编号须为 4–32 位大写字母、数字或连字符。',
    );
  }
  if (!isOneOf(DEVICE_KINDS, input.kind)) {
    return refuse(422, 'efr.device.kind', 'R7.1', 'Choose the kind of device.', '请选择设备类型。');
  }
  if (!isNonBlank(input.unit)) {
    return refuse(
      422,
      'efr.device.unit',
      'R12.1',
      'Name the unit that keeps the device.',
      '请填写保管设备的执法部门。',
    );
  }
  if (!isNonBlank(input.unitHead) || !input.unitHeadIsUnitHead) {
    return refuse(
      422,
      'efr.device.unitHead',
      'R12.1',
      'Name the unit head who is first responsible for the device.',
      '请指定对设备负第一责任的执法部门负责人。',
    );
  }
  return allow();
}
