/** What the device screens show; shapes of the /alfresco/s/efr/devices web scripts. */
export type {
  Device, DeviceCheck, DeviceDetail, DeviceEvent, DeviceStatusKey, DeviceStep,
  UnitComplianceJson as UnitCompliance,
} from '../../contract/index';


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
