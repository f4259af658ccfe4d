/** What the device screens show; shapes of the /alfresco/s/efr/devices web scripts. */

/** A device of the register (R9.1, R12.1, R13.1). Dates are ISO 8601 UTC. */
export interface Device {
  id: string;
  serial: string;
  title: string | null;
  model: string | null;
  kind: string;
  unit: string;
  unitHead: string;
  custodian: string;
  status: DeviceStatusKey;
  holder: string | null;
  issuedAt: string | null;
  lastCheckAt: string | null;
  /** Whether it counts toward the unit's two devices (R9.1). */
  serviceable: boolean;
}

/** Device statuses (`efr:deviceStatus`). */
export type DeviceStatusKey = 'available' | 'issued' | 'inRepair' | 'lost' | 'retired';

/** One history entry (R13.1). */
export interface DeviceEvent {
  id: string;
  kind: string;
  at: string | null;
  by: string;
  holder: string | null;
  note: string | null;
}

/** One recorded pre-use check (R15.1). */
export interface DeviceCheck {
  id: string;
  working: boolean;
  batteryPercent: number;
  freeStorageMb: number;
  clockOffsetSeconds: number;
  checkedAt: string | null;
  checkedBy: string;
}

/** A device with its history and checks. */
export interface DeviceDetail extends Device {
  events: DeviceEvent[];
  checks: DeviceCheck[];
}

/** R9.1 compliance of one unit. */
export interface UnitCompliance {
  unit: string;
  total: number;
  serviceable: number;
  compliant: boolean;
}

/** The steps offered on a device, as URL segments of the web scripts. */
export type DeviceStep = 'issue' | 'return' | 'repair' | 'repaired' | 'lost' | 'retire';

/** The pre-use check form (R15.1): the device clock is read off its screen. */
export interface PreUseCheckForm {
  working: boolean;
  batteryPercent: number | null;
  freeStorageMb: number | null;
  /** What the device clock shows, as an ISO 8601 date-time with zone. */
  deviceTime: string;
}

/** The register form (R13.1, R12.1). */
export interface RegisterDeviceForm {
  serial: string;
  kind: string;
  model: string;
  title: string;
  unit: string;
  unitHead: string;
}
