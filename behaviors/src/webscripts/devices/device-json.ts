/**
 * Device nodes as the web scripts answer them: the same JSON as server/'s device scripts
 * (server/src/webscripts/devices/device-records.ts), read from ScriptNodes.
 */
import type { Device, DeviceCheck, DeviceDetail, DeviceEvent } from '../../../../contract/index.js';
import {
  isServiceable,
  type DeviceKind,
  type DeviceState,
  type DeviceStatus,
} from '../../../../core/src/index.js';
import { plainBoolean, plainNumber, plainString } from '../../lib/java-values.js';
import { assocNodes, nodeProp } from '../../lib/model-names.js';
import { idOf, type WsNode } from '../../lib/ws-runtime.js';

const text = (n: WsNode, p: string): string | null => plainString(nodeProp(n, p));

/** The device as JSON. */
export function deviceJson(n: WsNode): Device {
  const status = text(n, 'efr:deviceStatus') || 'available';
  return {
    id: idOf(n),
    serial: text(n, 'efr:deviceSerial') || String(n.name),
    title: text(n, 'cm:title'),
    model: text(n, 'efr:deviceModel'),
    kind: text(n, 'efr:deviceKind') || '',
    unit: text(n, 'efr:unit') || '',
    unitHead: text(n, 'efr:unitHead') || '',
    custodian: text(n, 'efr:custodian') || '',
    status: status as DeviceStatus,
    holder: text(n, 'efr:holder'),
    issuedAt: text(n, 'efr:issuedAt'),
    lastCheckAt: text(n, 'efr:lastCheckAt'),
    serviceable: isServiceable({ status: status as DeviceStatus }),
  };
}

/** The device as core's state machine sees it. */
export function deviceState(n: WsNode): DeviceState {
  const d = deviceJson(n);
  return {
    id: String(d.id),
    serial: String(d.serial),
    kind: d.kind as DeviceKind,
    unit: String(d.unit),
    status: d.status as DeviceStatus,
    holder: d.holder as string | null,
  };
}

function newestFirst(a: Record<string, unknown>, b: Record<string, unknown>, key: string): number {
  const x = String(a[key] || '');
  const y = String(b[key] || '');
  return x === y ? 0 : x < y ? 1 : -1;
}

/** The device with its history (efr:eventDevice sources) and checks (efr:checkDevice sources). */
export function deviceDetailJson(n: WsNode): DeviceDetail {
  const events = assocNodes(n.sourceAssocs, 'efr:eventDevice')
    .map(
      (e) =>
        ({
          id: idOf(e as WsNode),
          kind: text(e as WsNode, 'efr:deviceEventKind') || '',
          at: text(e as WsNode, 'efr:eventAt'),
          by: text(e as WsNode, 'efr:eventBy') || '',
          holder: text(e as WsNode, 'efr:eventHolder'),
          note: text(e as WsNode, 'efr:eventNote'),
        }) as DeviceEvent,
    )
    .sort((a, b) => newestFirst(a, b, 'at'));
  const checks = assocNodes(n.sourceAssocs, 'efr:checkDevice')
    .map(
      (k) =>
        ({
          id: idOf(k as WsNode),
          working: plainBoolean(nodeProp(k, 'efr:deviceWorking')) === true,
          batteryPercent: plainNumber(nodeProp(k, 'efr:batteryPercent')),
          freeStorageMb: plainNumber(nodeProp(k, 'efr:freeStorageMb')),
          clockOffsetSeconds: plainNumber(nodeProp(k, 'efr:clockOffsetSeconds')),
          checkedAt: text(k as WsNode, 'efr:checkedAt'),
          checkedBy: text(k as WsNode, 'efr:checkedBy') || '',
        }) as DeviceCheck,
    )
    .sort((a, b) => newestFirst(a, b, 'checkedAt'));
  const out = deviceJson(n) as DeviceDetail;
  out.events = events;
  out.checks = checks;
  return out;
}
