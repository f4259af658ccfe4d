/**
 * Handover nodes inside ACS as the web scripts answer them: the same JSON as server/'s
 * `/alfresco/s/efr/handovers` (docs/api.md), read from ScriptNodes.
 */
import type { Handover } from '../../../../contract/index.js';
import type { HandoverFile, HandoverStatus } from '../../../../core/src/index.js';
import { plainBoolean, plainNumber, plainString } from '../../lib/java-values.js';
import { assocNodes, nodeHasAspect, nodeProp } from '../../lib/model-names.js';
import { childrenOfType, idOf, type WsNode } from '../../lib/ws-runtime.js';

/** Archive folders (server/src/demo/archive-folders.ts). */
export const HANDOVERS_FOLDER = '移交记录';
/** Where sealed recordings are filed, one sub-folder per handover. */
export const RECORDINGS_FOLDER = '录像档案';
/** The supervisors' violation register, created under the archive root when missing. */
export const VIOLATIONS_FOLDER = '违规记录';

const text = (n: WsNode, p: string): string | null => plainString(nodeProp(n, p));
const num = (n: WsNode, p: string): number => plainNumber(nodeProp(n, p)) || 0;

/** The recordings of a handover: children while open, efr:handoverRecordings after filing. */
export function handoverRecordings(h: WsNode): WsNode[] {
  const out = childrenOfType(h, 'efr:recording');
  const seen: Record<string, boolean> = {};
  for (const r of out) seen['$' + idOf(r)] = true;
  for (const r of assocNodes(h.assocs, 'efr:handoverRecordings') as WsNode[]) {
    if (seen['$' + idOf(r)] !== true) out.push(r);
    seen['$' + idOf(r)] = true;
  }
  return out;
}

/** The files as core's receipt rule sees them (hashes the repository computed). */
export function handoverFiles(h: WsNode): HandoverFile[] {
  return handoverRecordings(h).map((r) => ({
    recordingId: idOf(r),
    name: String(r.name),
    sha256: text(r, 'efr:sha256') || '',
  }));
}

/** The status (R21.4). */
export function statusOf(h: WsNode): HandoverStatus {
  return (text(h, 'efr:handoverStatus') || 'open') as HandoverStatus;
}

/** The violation opened for the handover (source of efr:violationSubject), or null. */
export function violationIdOf(h: WsNode): string | null {
  const v = assocNodes(h.sourceAssocs, 'efr:violationSubject');
  return v.length > 0 ? idOf(v[0] as WsNode) : null;
}

/** The handover entry at `now` (ISO). */
export function handoverJson(h: WsNode, now: string): Handover {
  const status = statusOf(h);
  const deadline = text(h, 'efr:deadline');
  const receipts: Handover['receipts'] = [];
  for (const i of [1, 2]) {
    const by = text(h, 'efr:receipt' + i + 'By');
    if (by !== null) receipts.push({ by, at: text(h, 'efr:receipt' + i + 'At') });
  }
  const sessions = childrenOfType(h, 'efr:session')
    .sort((a, b) => (String(a.name) < String(b.name) ? -1 : 1))
    .map((s) => ({
      id: idOf(s),
      sessionId: text(s, 'efr:sessionId') || '',
      activityType: text(s, 'efr:activityType') || '',
      place: text(s, 'efr:location') || '',
      startedAt: text(s, 'efr:sessionStart'),
      endedAt: text(s, 'efr:sessionEnd'),
      segmentCount: num(s, 'efr:segmentCount'),
      noticeText: text(s, 'cm:description') || '',
      interruptionNote: text(s, 'efr:interruptionNote'),
    }));
  const files = handoverRecordings(h).map((r) => ({
    id: idOf(r),
    name: String(r.name),
    sha256: text(r, 'efr:sha256') || '',
    sizeBytes: num(r, 'efr:sizeBytes'),
    sessionId: text(r, 'efr:sessionId'),
    sealed: text(r, 'efr:sealedAt') !== null,
    parentId: r.parent ? idOf(r.parent) : null,
  }));
  return {
    id: idOf(h),
    name: String(h.name),
    officer: text(h, 'efr:officer') || '',
    coOfficer: text(h, 'efr:coOfficer') || '',
    deviceSerial: text(h, 'efr:deviceSerial') || '',
    unit: text(h, 'efr:unit'),
    returnedAt: text(h, 'efr:returnedAt'),
    fieldWorkEnd: text(h, 'efr:fieldWorkEnd'),
    awayWork: plainBoolean(nodeProp(h, 'efr:awayWork')) === true,
    deadline,
    status,
    late: plainBoolean(nodeProp(h, 'efr:late')) === true,
    overdue: status !== 'sealed' && deadline !== null && Date.parse(deadline) < Date.parse(now),
    receipts,
    preUseCheck: nodeHasAspect(h, 'efr:preUseCheck')
      ? {
          working: plainBoolean(nodeProp(h, 'efr:deviceWorking')) === true,
          batteryPercent: num(h, 'efr:batteryPercent'),
          freeStorageMb: num(h, 'efr:freeStorageMb'),
          clockOffsetSeconds: num(h, 'efr:clockOffsetSeconds'),
          checkedAt: text(h, 'efr:checkedAt'),
          checkedBy: text(h, 'efr:checkedBy') || '',
        }
      : null,
    sessions,
    files,
    violationId: violationIdOf(h),
    // cm:created is mandatory: ACS sets it on every node.
    createdAt: text(h, 'cm:created') || '',
    createdBy: text(h, 'cm:creator') || '',
  };
}
