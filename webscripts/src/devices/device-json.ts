/**
 * Devices (R9.1, R13.1, R15.1) as both hosts answer them, read through the repository port.
 */
import type { Device, DeviceCheck, DeviceEvent } from '../../../contract/index.js';
import {
  isServiceable, type DeviceKind, type DeviceState, type DeviceStatus,
} from '../../../core/src/index.js';
import { textProp as str, type PortNode, type RepositoryPort } from '../repository-port.js';

/** The register folder and its history sub-folder in the archive. */
export const DEVICES_FOLDER = '执法记录仪';
export const HISTORY_FOLDER = '履历';

/** A device as the web scripts answer it (contract/devices.ts). */
export type DeviceJson = Device;

/** One entry of a device's history (R13.1; contract/devices.ts). */
export type DeviceEventJson = DeviceEvent;

/** One pre-use check (R15.1; contract/devices.ts). */
export type DeviceCheckJson = DeviceCheck;

/** The device as JSON. */
export function deviceJson(n: PortNode): DeviceJson {
  // A LIST-constrained property (efr:deviceStatusList): one of the contract's values.
  const status = (str(n, 'efr:deviceStatus') || 'available') as Device['status'];
  return {
    id: n.id,
    serial: str(n, 'efr:deviceSerial') || n.name,
    title: str(n, 'cm:title'),
    model: str(n, 'efr:deviceModel'),
    kind: str(n, 'efr:deviceKind') || '',
    unit: str(n, 'efr:unit') || '',
    unitHead: str(n, 'efr:unitHead') || '',
    custodian: str(n, 'efr:custodian') || '',
    status,
    holder: str(n, 'efr:holder'),
    issuedAt: str(n, 'efr:issuedAt'),
    lastCheckAt: str(n, 'efr:lastCheckAt'),
    serviceable: isServiceable({ status: status as DeviceStatus }),
  };
}

/** The device as core's state machine sees it. */
export function deviceState(n: PortNode): DeviceState {
  const d = deviceJson(n);
  return { id: d.id, serial: d.serial, kind: d.kind as DeviceKind, unit: d.unit,
    status: d.status as DeviceStatus, holder: d.holder };
}

function newestFirst(a: { at: string | null; id: string }, b: { at: string | null; id: string },
): number {
  const x = a.at || '';
  const y = b.at || '';
  return x === y ? (a.id < b.id ? 1 : -1) : x < y ? 1 : -1;
}

/** The device with its history and pre-use checks, newest first. */
export function deviceWithHistory(port: RepositoryPort, n: PortNode) {
  const events: DeviceEventJson[] = port.sources(n.id, 'efr:eventDevice').map((e) => ({
    id: e.id,
    kind: str(e, 'efr:deviceEventKind') || '',
    at: str(e, 'efr:eventAt'),
    by: str(e, 'efr:eventBy') || '',
    holder: str(e, 'efr:eventHolder'),
    note: str(e, 'efr:eventNote'),
  })).sort(newestFirst);
  const checks: DeviceCheckJson[] = port.sources(n.id, 'efr:checkDevice').map((k) => ({
    id: k.id,
    working: k.props['efr:deviceWorking'] === true,
    batteryPercent: Number(k.props['efr:batteryPercent']),
    freeStorageMb: Number(k.props['efr:freeStorageMb']),
    clockOffsetSeconds: Number(k.props['efr:clockOffsetSeconds']),
    checkedAt: str(k, 'efr:checkedAt'),
    checkedBy: str(k, 'efr:checkedBy') || '',
  })).sort((a, b) => newestFirst({ at: a.checkedAt, id: a.id }, { at: b.checkedAt, id: b.id }));
  // No object spread: its ES5 lowering needs Object.getOwnPropertyDescriptors, absent in Rhino.
  const out: DeviceJson & { events: DeviceEventJson[]; checks: DeviceCheckJson[] } =
    deviceJson(n) as DeviceJson & { events: DeviceEventJson[]; checks: DeviceCheckJson[] };
  out.events = events;
  out.checks = checks;
  return out;
}
