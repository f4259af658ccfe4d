/** Devices (issue 9: R9.1, R12.1, R13.1, R15.1): `/alfresco/s/efr/devices`. */
import { Type, type Static } from '@sinclair/typebox';
import { DEVICE_KINDS, DEVICE_STATUSES } from '../core/src/enums.js';
import { Entry, Instant, List, NodeId, Nullable, OneOf, Strict, UserId } from './common.js';

/** Device statuses (`efr:deviceStatus`). */
export const DeviceStatusSchema = OneOf(DEVICE_STATUSES);
/** A device status. */
export type DeviceStatusKey = Static<typeof DeviceStatusSchema>;

/** The steps of `POST /devices/{id}/{step}` (core's `transitionDevice`). */
export const DEVICE_STEPS = ['issue', 'return', 'repair', 'repaired', 'lost', 'retire'] as const;
/** One step, as the URL segment. */
export type DeviceStep = (typeof DEVICE_STEPS)[number];

/** A device of the register (R9.1, R12.1, R13.1). Dates are ISO 8601 UTC. */
export const DeviceSchema = Strict({
  id: NodeId,
  serial: Type.String(),
  title: Nullable(Type.String()),
  model: Nullable(Type.String()),
  kind: Type.String(),
  unit: Type.String(),
  unitHead: UserId,
  custodian: UserId,
  status: DeviceStatusSchema,
  holder: Nullable(UserId),
  issuedAt: Nullable(Instant),
  lastCheckAt: Nullable(Instant),
  /** Whether it counts toward the unit's two devices (R9.1). */
  serviceable: Type.Boolean(),
});
/** A device of the register. */
export type Device = Static<typeof DeviceSchema>;

/** One entry of a device's history (R13.1). */
export const DeviceEventSchema = Strict({
  id: NodeId,
  kind: Type.String(),
  at: Nullable(Instant),
  by: UserId,
  holder: Nullable(UserId),
  note: Nullable(Type.String()),
});
/** One entry of a device's history. */
export type DeviceEvent = Static<typeof DeviceEventSchema>;

/** One recorded pre-use check (R15.1). */
export const DeviceCheckSchema = Strict({
  id: NodeId,
  working: Type.Boolean(),
  /** Null only when the stored check lacks the value. */
  batteryPercent: Nullable(Type.Number()),
  freeStorageMb: Nullable(Type.Number()),
  clockOffsetSeconds: Nullable(Type.Number()),
  checkedAt: Nullable(Instant),
  checkedBy: UserId,
});
/** One recorded pre-use check. */
export type DeviceCheck = Static<typeof DeviceCheckSchema>;

/** A device with its history (newest first) and checks. */
export const DeviceDetailSchema = Type.Composite([
  DeviceSchema,
  Strict({ events: Type.Array(DeviceEventSchema), checks: Type.Array(DeviceCheckSchema) }),
], { additionalProperties: false });
/** A device with its history and checks. */
export type DeviceDetail = Static<typeof DeviceDetailSchema>;

/** R9.1 compliance of one unit: at least two serviceable devices. */
export const UnitComplianceSchema = Strict({
  unit: Type.String(),
  total: Type.Integer({ minimum: 0 }),
  serviceable: Type.Integer({ minimum: 0 }),
  compliant: Type.Boolean(),
});
/** R9.1 compliance of one unit. */
export type UnitComplianceJson = Static<typeof UnitComplianceSchema>;

/** Body of `POST /devices` (custodians). */
export const RegisterDeviceRequestSchema = Strict({
  serial: Type.String(),
  kind: OneOf(DEVICE_KINDS),
  unit: Type.String(),
  unitHead: UserId,
  model: Type.Optional(Type.String()),
  title: Type.Optional(Type.String()),
});
/** Body of `POST /devices`. */
export type RegisterDeviceRequest = Static<typeof RegisterDeviceRequestSchema>;

/**
 * Body of `POST /devices/{id}/{step}`: `issue` names the holder with the pre-use check (R15.1:
 * `deviceTime` read off the device, or `clockOffsetSeconds`); `repair`, `lost`, `retire` need a
 * `reason`; `return` and `repaired` take an optional `note`.
 */
export const DeviceStepRequestSchema = Strict({
  holder: Type.Optional(UserId),
  check: Type.Optional(Strict({
    working: Type.Boolean(),
    batteryPercent: Type.Number(),
    freeStorageMb: Type.Number(),
    deviceTime: Type.Optional(Instant),
    clockOffsetSeconds: Type.Optional(Type.Number()),
  })),
  reason: Type.Optional(Type.String()),
  note: Type.Optional(Type.String()),
});
/** Body of `POST /devices/{id}/{step}`. */
export type DeviceStepRequest = Static<typeof DeviceStepRequestSchema>;

/** One device. */
export const DeviceEntrySchema = Entry(DeviceSchema);
/** One device with its history. */
export const DeviceDetailEntrySchema = Entry(DeviceDetailSchema);
/** The register. */
export const DeviceListSchema = List(DeviceSchema);
/** Compliance per unit. */
export const UnitComplianceListSchema = List(UnitComplianceSchema);
