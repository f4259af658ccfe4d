/** The device JSON is written once for both hosts (webscripts/src/devices/device-json.ts). */
export type {
  DeviceCheckJson, DeviceEventJson, DeviceJson,
} from '../../../../webscripts/src/devices/device-json.js';
