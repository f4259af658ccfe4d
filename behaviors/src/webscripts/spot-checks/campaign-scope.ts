/**
 * The population of a spot check in ACS (R28.1): the recordings of the archive whose capture
 * started in the period, with unit and officer, as server/ computes it
 * (server/src/webscripts/spot-checks/spot-check-population.ts): unit of the handover, else of
 * the recording device, else `-`. The archive tree is walked (recordings sit in their
 * handover or case folders); a search-based population is the better path for large archives.
 */
import { parseInstant, type DrawItem } from '../../../../core/src/index.js';
import { plainString, plainStrings } from '../../lib/java-values.js';
import { nodeProp } from '../../lib/model-names.js';
import {
  archiveFolder, childrenOfType, findNodeById, idOf, ARCHIVE_ROOT_NAME, type WsNode,
} from '../../lib/ws-runtime.js';

/** Folder of the campaigns in the archive. */
export const SPOT_CHECKS_FOLDER = '抽查';

const text = (n: WsNode, p: string): string => plainString(nodeProp(n, p)) || '';

/** Period (epoch ms, `to` exclusive) and units (empty = all) of a campaign. */
export interface Scope {
  from: number;
  to: number;
  units: string[];
}

/** The stored scope of a campaign node. */
export function scopeOf(campaign: WsNode): Scope {
  return {
    from: parseInstant(text(campaign, 'efr:periodFrom')) || 0,
    to: parseInstant(text(campaign, 'efr:periodTo')) || 0,
    units: plainStrings(nodeProp(campaign, 'efr:units')),
  };
}

function walk(n: WsNode, out: WsNode[], depth: number): void {
  const kids = n.children;
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i];
    if (String(k.typeShort) === 'efr:recording') out.push(k);
    else if (depth < 8) walk(k, out, depth + 1);
  }
}

/**
 * The unit of recordings as server/'s UnitResolver gives it: the unit of the recording's
 * handover, else of the device that recorded it, else `-` (kept as its own stratum, never
 * dropped). The handover is the recording's folder while open; once sealed the recording is
 * filed under 录像档案/ and its efr:handoverId names the handover (what server/ reads).
 */
export function unitResolver(): (recording: WsNode) => string {
  const devices: Record<string, string> = {};
  for (const d of childrenOfType(archiveFolder('执法记录仪'), 'efr:device')) {
    devices['$' + text(d, 'efr:deviceSerial')] = text(d, 'efr:unit');
  }
  const handovers: Record<string, string> = {};
  const handoverUnit = (r: WsNode): string => {
    const parent = r.parent;
    if (parent !== null && parent !== undefined && String(parent.typeShort) === 'efr:handover') {
      return text(parent, 'efr:unit');
    }
    const id = text(r, 'efr:handoverId');
    if (!Object.prototype.hasOwnProperty.call(handovers, '$' + id)) {
      const h = findNodeById(id);
      handovers['$' + id] = h !== null && String(h.typeShort) === 'efr:handover'
        ? text(h, 'efr:unit') : '';
    }
    return handovers['$' + id];
  };
  return (r: WsNode): string => {
    const unit = handoverUnit(r);
    if (unit !== '' && unit !== '-') return unit;
    return devices['$' + text(r, 'efr:deviceSerial')] || '-';
  };
}

/** The draw's items of the scope, with the recording nodes by id. */
export function population(scope: Scope, companyhome: WsNode):
  { items: DrawItem[]; byId: Record<string, WsNode> } {
  const unitOf = unitResolver();
  const root = companyhome.childByNamePath(ARCHIVE_ROOT_NAME);
  const all: WsNode[] = [];
  if (root !== null) walk(root, all, 0);
  const items: DrawItem[] = [];
  const byId: Record<string, WsNode> = {};
  for (const r of all) {
    const t = parseInstant(text(r, 'efr:recordingStart'));
    if (t === null || t < scope.from || t >= scope.to) continue;
    const unit = unitOf(r);
    if (scope.units.length > 0 && scope.units.indexOf(unit) < 0) continue;
    items.push({ id: idOf(r), unit, officer: text(r, 'efr:officer') });
    byId['$' + idOf(r)] = r;
  }
  return { items, byId };
}
