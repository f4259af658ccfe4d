/**
 * Handover nodes (R21.1–R21.4) as both hosts answer them (contract/handovers.ts), read through
 * the repository port: the handover with its declared sessions, its files and its receipts.
 */
import type { Handover, HandoverStatus } from '../../../contract/index.js';
import { textProp, type PortNode, type RepositoryPort } from '../repository-port.js';
import { WebScriptError } from '../web-script.js';

/** The archive folder of the handovers (server/src/demo/archive-folders.ts). */
export const HANDOVERS_FOLDER = '移交记录';
/** Where sealed recordings are filed, one sub-folder per handover. */
export const RECORDINGS_FOLDER = '录像档案';

const text = textProp;

function num(n: PortNode, p: string): number {
  const v = n.props[p];
  return typeof v === 'number' ? v : 0;
}

/** 503: the archive folder `name` is not set up. */
export function notSetUp(name: string): WebScriptError {
  return new WebScriptError(503, 'efr.archive.notSetUp',
    'The archive folder ' + name + ' is not set up');
}

/** An archive folder by name; 503 when the archive is not set up. */
export function archiveFolderOrFail(port: RepositoryPort, name: string): PortNode {
  const f = port.archiveFolder(name);
  if (f === null) throw notSetUp(name);
  return f;
}

/**
 * The archive folder `name`, made by the repository under the archive root (the parent of any
 * archive folder) when missing; 503 when there is no archive.
 */
export function madeArchiveFolder(port: RepositoryPort, name: string): PortNode {
  const f = port.asRepository(() => {
    const found = port.archiveFolder(name);
    if (found !== null) return found;
    const any = port.archiveFolder(HANDOVERS_FOLDER);
    const root = any === null ? null : port.parentId(any.id);
    return root === null ? null : port.folder(root, name);
  });
  if (f === null) {
    throw new WebScriptError(503, 'efr.archive.notSetUp', 'The archive is not set up');
  }
  return f;
}

/** Oldest first by `cm:created`, then by name: the order files were received in. */
function byCreatedThenName(a: PortNode, b: PortNode): number {
  const ca = text(a, 'cm:created') || '';
  const cb = text(b, 'cm:created') || '';
  if (ca !== cb) return ca < cb ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The number a session's name ends with (`会话-12` → 12). */
function sessionNumber(n: PortNode): number {
  const m = /(\d+)$/.exec(n.name);
  return m === null ? 0 : Number(m[1]);
}

/** The status (R21.4): `open` until a custodian receives the batch. */
export function handoverStatus(h: PortNode): HandoverStatus {
  return (text(h, 'efr:handoverStatus') || 'open') as HandoverStatus;
}

/**
 * The recordings of a handover: its children while open, linked by efr:handoverRecordings once
 * received (sealing files them under the Recordings archive), in the order they came in.
 */
export function handoverRecordings(port: RepositoryPort, h: PortNode): PortNode[] {
  const out = port.children(h.id, 'efr:recording');
  const seen: Record<string, boolean> = {};
  for (const r of out) seen['$' + r.id] = true;
  for (const r of port.targets(h.id, 'efr:handoverRecordings')) {
    if (seen['$' + r.id] !== true) out.push(r);
    seen['$' + r.id] = true;
  }
  return out.sort(byCreatedThenName);
}

/** The declared sessions (efr:session children), in declared order. */
export function handoverSessions(port: RepositoryPort, h: PortNode): PortNode[] {
  return port.children(h.id, 'efr:session')
    .sort((a, b) => sessionNumber(a) - sessionNumber(b));
}

/** Id of the violation opened for the handover (source of efr:violationSubject), or null. */
export function violationIdOf(port: RepositoryPort, h: PortNode): string | null {
  const v = port.sources(h.id, 'efr:violationSubject');
  return v.length > 0 ? v[0].id : null;
}

/** The handover entry (contract/handovers.ts) at the call's clock. */
export function handoverJson(port: RepositoryPort, h: PortNode): Handover {
  const status = handoverStatus(h);
  const deadline = text(h, 'efr:deadline');
  const receipts: Handover['receipts'] = [];
  for (const i of [1, 2]) {
    const by = text(h, 'efr:receipt' + i + 'By');
    if (by !== null) receipts.push({ by, at: text(h, 'efr:receipt' + i + 'At') });
  }
  return {
    id: h.id,
    name: h.name,
    officer: text(h, 'efr:officer') || '',
    coOfficer: text(h, 'efr:coOfficer') || '',
    deviceSerial: text(h, 'efr:deviceSerial') || '',
    unit: text(h, 'efr:unit'),
    returnedAt: text(h, 'efr:returnedAt'),
    fieldWorkEnd: text(h, 'efr:fieldWorkEnd'),
    awayWork: h.props['efr:awayWork'] === true,
    deadline,
    status,
    late: h.props['efr:late'] === true,
    overdue: status !== 'sealed' && deadline !== null &&
      Date.parse(deadline) < Date.parse(port.now()),
    receipts,
    preUseCheck: h.aspects.indexOf('efr:preUseCheck') >= 0
      ? {
        working: h.props['efr:deviceWorking'] === true,
        batteryPercent: num(h, 'efr:batteryPercent'),
        freeStorageMb: num(h, 'efr:freeStorageMb'),
        clockOffsetSeconds: num(h, 'efr:clockOffsetSeconds'),
        checkedAt: text(h, 'efr:checkedAt'),
        checkedBy: text(h, 'efr:checkedBy') || '',
      }
      : null,
    sessions: handoverSessions(port, h).map((s) => ({
      id: s.id,
      sessionId: text(s, 'efr:sessionId') || '',
      activityType: text(s, 'efr:activityType') || '',
      place: text(s, 'efr:location') || '',
      startedAt: text(s, 'efr:sessionStart'),
      endedAt: text(s, 'efr:sessionEnd'),
      segmentCount: num(s, 'efr:segmentCount'),
      // efr:session has no notice property: the words told to the party are its description.
      noticeText: text(s, 'cm:description') || '',
      interruptionNote: text(s, 'efr:interruptionNote'),
    })),
    files: handoverRecordings(port, h).map((r) => ({
      id: r.id,
      name: r.name,
      sha256: text(r, 'efr:sha256') || '',
      sizeBytes: num(r, 'efr:sizeBytes'),
      sessionId: text(r, 'efr:sessionId'),
      sealed: text(r, 'efr:sealedAt') !== null,
      parentId: port.parentId(r.id),
    })),
    violationId: violationIdOf(port, h),
    // cm:auditable: every node has them, in ACS as properties, in server/ as columns.
    createdAt: text(h, 'cm:created') || '',
    createdBy: text(h, 'cm:creator') || '',
  };
}
