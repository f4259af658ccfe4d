import type { Device, DeviceCheck, DeviceEvent } from '../../../../contract/index.js';
import {
  isServiceable,
  unitCompliance,
  type DeviceKind,
  type DeviceState,
  type DeviceStatus,
  type UnitCompliance,
} from '../../../../core/src/index.js';
import type { NodeRow } from '../../repo/node-rows.js';
import type { Caller, Repository } from '../../repo/repository.js';
import { archiveFolder, instantOf, sourcesOf, textOf } from './record-writes.js';

/** The device row as JSON. */
export function deviceJson(n: NodeRow): Device {
  const status = textOf(n, 'efr:deviceStatus') ?? 'available';
  return {
    id: n.id,
    serial: textOf(n, 'efr:deviceSerial') ?? n.name,
    title: textOf(n, 'cm:title'),
    model: textOf(n, 'efr:deviceModel'),
    kind: textOf(n, 'efr:deviceKind') ?? '',
    unit: textOf(n, 'efr:unit') ?? '',
    unitHead: textOf(n, 'efr:unitHead') ?? '',
    custodian: textOf(n, 'efr:custodian') ?? '',
    status: status as DeviceStatus,
    holder: textOf(n, 'efr:holder'),
    issuedAt: instantOf(n, 'efr:issuedAt'),
    lastCheckAt: instantOf(n, 'efr:lastCheckAt'),
    serviceable: isServiceable({ status: status as DeviceStatus }),
  };
}

/** The device as core's state machine sees it. */
export function deviceState(n: NodeRow): DeviceState {
  const d = deviceJson(n);
  return {
    id: d.id,
    serial: d.serial,
    kind: d.kind as DeviceKind,
    unit: d.unit,
    status: d.status as DeviceStatus,
    holder: d.holder,
  };
}

/** Every device of the register the caller may read, by serial. */
export function listDevices(repo: Repository, c: Caller): NodeRow[] {
  const folder = archiveFolder(repo, 'devices');
  const raw = repo.db
    .prepare(
      `SELECT * FROM nodes WHERE parent_id = ? AND type = 'efr:device'
    ORDER BY name`,
    )
    .all(folder.id);
  return repo.rows
    .fromRawRows(raw as Parameters<typeof repo.rows.fromRawRows>[0])
    .filter((n) => c.perms.has(n, 'Read'));
}

/** The device's history, newest first. */
export function deviceEvents(repo: Repository, deviceId: string): DeviceEvent[] {
  return sourcesOf(repo, deviceId, 'efr:eventDevice')
    .map((e) => ({
      id: e.id,
      kind: textOf(e, 'efr:deviceEventKind') ?? '',
      at: instantOf(e, 'efr:eventAt'),
      by: textOf(e, 'efr:eventBy') ?? '',
      holder: textOf(e, 'efr:eventHolder'),
      note: textOf(e, 'efr:eventNote'),
    }))
    .sort(newestFirst);
}

/** The device's pre-use checks, newest first. */
export function deviceChecks(repo: Repository, deviceId: string): DeviceCheck[] {
  return sourcesOf(repo, deviceId, 'efr:checkDevice')
    .map((k) => ({
      id: k.id,
      working: k.props['efr:deviceWorking'] === true,
      batteryPercent: Number(k.props['efr:batteryPercent']),
      freeStorageMb: Number(k.props['efr:freeStorageMb']),
      clockOffsetSeconds: Number(k.props['efr:clockOffsetSeconds']),
      checkedAt: instantOf(k, 'efr:checkedAt'),
      checkedBy: textOf(k, 'efr:checkedBy') ?? '',
    }))
    .sort((a, b) => newestFirst({ at: a.checkedAt, id: a.id }, { at: b.checkedAt, id: b.id }));
}

function newestFirst(
  a: { at: string | null; id: string },
  b: { at: string | null; id: string },
): number {
  const x = a.at ?? '';
  const y = b.at ?? '';
  return x === y ? (a.id < b.id ? 1 : -1) : x < y ? 1 : -1;
}

/**
 * Units with field enforcement duties (R9.1): those named in EFR_FIELD_UNITS (comma or 、
 * separated), those that hold a case and those that hold a device, so that a unit with no
 * device left still shows as non-compliant.
 */
export function fieldUnits(
  repo: Repository,
  env: string | undefined = process.env.EFR_FIELD_UNITS,
): string[] {
  const configured = (env ?? '')
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const fromCases = (
    repo.db
      .prepare(
        `SELECT DISTINCT p.v_text AS unit FROM node_props p
    JOIN nodes n ON n.id = p.node_id WHERE p.qname = 'efr:unit' AND n.type = 'efr:case'`,
      )
      .all() as { unit: string }[]
  ).map((r) => r.unit);
  return [...new Set([...configured, ...fromCases])];
}

/** R9.1 compliance of every field unit over the whole register (not only what the caller reads). */
export function complianceOf(repo: Repository): UnitCompliance[] {
  const folder = archiveFolder(repo, 'devices');
  const devices = (
    repo.db
      .prepare(
        `SELECT n.id FROM nodes n WHERE n.parent_id = ?
    AND n.type = 'efr:device'`,
      )
      .all(folder.id) as { id: string }[]
  )
    .map((r) => repo.rows.get(r.id) as NodeRow)
    .map(deviceJson)
    .map((d) => ({ unit: d.unit, status: d.status as DeviceStatus }));
  return unitCompliance(devices, fieldUnits(repo));
}
