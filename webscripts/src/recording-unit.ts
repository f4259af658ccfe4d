/**
 * The unit of a recording or a handover (R28.1 strata, R29.1 proposals, the quality report),
 * once for both hosts: the handover's unit (taken from the device at handover), else the unit of
 * the device that recorded it, else `-` (kept visible as its own stratum rather than dropped, so
 * the draw never silently ignores a recording). A recording names its handover in
 * efr:handoverId from ingest on (mandatory; the ingest guards check it names the handover it is
 * uploaded into), also once sealed and filed under 录像档案/.
 */
import { DEVICES_FOLDER } from './devices/device-json.js';
import type { RepositoryPort } from './repository-port.js';

/** What the resolver reads of a node: its properties (a port node, or server/'s row). */
export interface PropsOf {
  props: { [name: string]: unknown };
}

/** Resolves units; devices are read once, handovers once each. */
export interface UnitResolver {
  /** The unit of a handover. */
  ofHandover(h: PropsOf): string;
  /** The unit of a recording (or of a session's row). */
  ofRecording(r: PropsOf): string;
}

function text(n: PropsOf, key: string): string {
  const v = n.props[key];
  return typeof v === 'string' ? v : '';
}

/** A resolver over the port (read as the port's caller; every EFR group reads the archive). */
export function unitResolver(port: RepositoryPort): UnitResolver {
  const devices: Record<string, string> = {};
  const folder = port.archiveFolder(DEVICES_FOLDER);
  for (const d of folder === null ? [] : port.children(folder.id, 'efr:device')) {
    devices['$' + text(d, 'efr:deviceSerial')] = text(d, 'efr:unit');
  }
  const deviceUnit = (n: PropsOf): string => devices['$' + text(n, 'efr:deviceSerial')] || '-';
  const handovers: Record<string, string> = {};
  const handoverUnit = (id: string): string => {
    if (!Object.prototype.hasOwnProperty.call(handovers, '$' + id)) {
      const h = id === '' ? null : port.node(id);
      handovers['$' + id] = h !== null && h.type === 'efr:handover' ? text(h, 'efr:unit') : '';
    }
    return handovers['$' + id];
  };
  return {
    ofHandover(h) {
      const u = text(h, 'efr:unit');
      return u !== '' && u !== '-' ? u : deviceUnit(h);
    },
    ofRecording(r) {
      const u = handoverUnit(text(r, 'efr:handoverId'));
      return u !== '' && u !== '-' ? u : deviceUnit(r);
    },
  };
}
