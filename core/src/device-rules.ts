/**
 * Recording devices (R9.1, R12.1, R13.1, R15.1). The office registers, issues and repairs
 * devices (R13.1); a device goes out only after a passing pre-use check (R15.1).
 *
 *   available ──issue──▶ issued ──return──▶ available
 *   available ──repair─▶ inRepair ──repaired──▶ available
 *   issued ──repair──▶ inRepair   (a device that fails in the field goes straight to repair)
 *   available | issued | inRepair ──lose──▶ lost        (terminal)
 *   available | inRepair ──retire──▶ retired             (terminal)
 */
import type { DeviceEventKind, DeviceKind, DeviceStatus } from './enums.js';
import { checkPreUse, DEFAULT_PRE_USE_LIMITS } from './pre-use-check.js';
import type { PreUseCheck, PreUseLimits } from './pre-use-check.js';
import { GROUP_EFR_CUSTODIANS, GROUP_EFR_UNIT_HEADS, isMember } from './roles.js';
import type { Actor } from './roles.js';
import { allow, refuse, verdictFromErrors } from './verdict.js';
import type { Transition, Verdict } from './verdict.js';
import { isNonBlank } from './validation.js';

/** A device as the rules see it. */
export interface DeviceState {
  /** Node id. */
  id: string;
  /** Serial number. */
  serial: string;
  /** Kind (R7.1). */
  kind: DeviceKind;
  /** Enforcement unit that holds it (R12.1). */
  unit: string;
  /** Status (R13.1). */
  status: DeviceStatus;
  /** Officer it is issued to, while issued. */
  holder: string | null;
}

/** The steps of the device state machine. */
export type DeviceAction =
  | { type: 'issue'; to: string; check: PreUseCheck }
  | { type: 'return' }
  | { type: 'repair'; reason: string }
  | { type: 'repaired' }
  | { type: 'lose'; reason: string }
  | { type: 'retire'; reason: string };

const FROM: Readonly<Record<DeviceAction['type'], readonly DeviceStatus[]>> = {
  issue: ['available'],
  return: ['issued'],
  repair: ['available', 'issued'],
  repaired: ['inRepair'],
  lose: ['available', 'issued', 'inRepair'],
  retire: ['available', 'inRepair'],
};

const TO: Readonly<Record<DeviceAction['type'], DeviceStatus>> = {
  issue: 'issued',
  return: 'available',
  repair: 'inRepair',
  repaired: 'available',
  lose: 'lost',
  retire: 'retired',
};

/**
 * Moves a device one step (R13.1, R15.1, R12.1). Custodians do every step; the unit head and
 * the holder may also report a loss (whoever uses it is responsible, R12.1).
 */
export function transitionDevice(
  device: DeviceState,
  action: DeviceAction,
  actor: Actor,
  limits: PreUseLimits = DEFAULT_PRE_USE_LIMITS,
): Transition<DeviceState> {
  const allowedFrom = FROM[action.type];
  if (!allowedFrom) {
    return { verdict: refuse(422, 'efr.device.badAction', 'R13.1', 'Unknown action.', '未知操作。') };
  }
  const mayAct = isMember(actor, GROUP_EFR_CUSTODIANS) || (action.type === 'lose' &&
    (isMember(actor, GROUP_EFR_UNIT_HEADS) || actor.userName === device.holder));
  if (!mayAct) {
    return { verdict: refuse(403, 'efr.device.notOffice', 'R13.1',
      'Only the bureau office manages devices.', '仅局办公室可以管理执法记录仪。') };
  }
  if (allowedFrom.indexOf(device.status) < 0) {
    const code = action.type === 'issue' && device.status === 'issued'
      ? 'efr.device.alreadyIssued' : 'efr.device.badState';
    return { verdict: refuse(409, code, 'R13.1',
      'Not possible while the device is ' + device.status + '.',
      '设备当前状态（' + device.status + '）不允许此操作。') };
  }
  const v = checkActionData(action, limits);
  if (!v.allowed) return { verdict: v };
  const next = Object.assign({}, device) as DeviceState;
  next.status = TO[action.type];
  next.holder = action.type === 'issue' ? action.to.trim() : null;
  return { verdict: allow(), next };
}

function checkActionData(action: DeviceAction, limits: PreUseLimits): Verdict {
  if (action.type === 'issue') {
    if (!isNonBlank(action.to)) {
      return refuse(422, 'efr.device.noHolder', 'R12.1',
        'Name the officer the device is issued to.', '请填写领用人。');
    }
    return verdictFromErrors(checkPreUse(action.check, limits, 'check'));
  }
  if (action.type === 'repair' || action.type === 'lose' || action.type === 'retire') {
    if (!isNonBlank(action.reason)) {
      return refuse(422, 'efr.device.reasonMissing', 'R13.1',
        'State the reason.', '请填写原因。');
    }
  }
  return allow();
}

const EVENT_OF: Readonly<Record<DeviceAction['type'], DeviceEventKind>> = {
  issue: 'issue',
  return: 'return',
  repair: 'repair',
  // Back from repair is recorded as a return to the office's stock.
  repaired: 'return',
  lose: 'lost',
  retire: 'retire',
};

/** The history event (`efr:deviceEventKind`) an allowed step is recorded as (R13.1). */
export function deviceEventKindOf(action: DeviceAction): DeviceEventKind {
  return EVENT_OF[action.type];
}

/** Whether a device counts toward R9.1: it can record today or is out recording. */
export function isServiceable(device: { status: DeviceStatus }): boolean {
  return device.status === 'available' || device.status === 'issued';
}

/** Minimum serviceable devices per unit with field duties (R9.1). */
export const MIN_DEVICES_PER_UNIT = 2;

/** R9.1 compliance of one unit. */
export interface UnitCompliance {
  /** Unit name. */
  unit: string;
  /** Devices registered to the unit (any status). */
  total: number;
  /** Devices available or issued. */
  serviceable: number;
  /** Whether serviceable ≥ {@link MIN_DEVICES_PER_UNIT}. */
  compliant: boolean;
}

/**
 * Per-unit device compliance (R9.1), sorted by unit. Units with field duties but no device at
 * all are passed in `units` so that they show up as non-compliant instead of missing.
 */
export function unitCompliance(
  devices: readonly { unit: string; status: DeviceStatus }[],
  units: readonly string[] = [],
): UnitCompliance[] {
  const byUnit: Record<string, UnitCompliance> = {};
  const names: string[] = [];
  const entry = (unit: string): UnitCompliance => {
    let c = byUnit['$' + unit];
    if (!c) {
      c = { unit, total: 0, serviceable: 0, compliant: false };
      byUnit['$' + unit] = c;
      names.push(unit);
    }
    return c;
  };
  for (const u of units) entry(u);
  for (const d of devices) {
    const c = entry(d.unit);
    c.total++;
    if (isServiceable(d)) c.serviceable++;
  }
  names.sort();
  return names.map((n) => {
    const c = byUnit['$' + n];
    c.compliant = c.serviceable >= MIN_DEVICES_PER_UNIT;
    return c;
  });
}
