import {
  checkHandoverOpen,
  STANDARD_NOTICE_PHRASE,
  type FieldError,
  type PreUseCheck,
  type SessionInput,
} from '../../core/src/index';
import { EfrRole, EfrUser, hasAnyRole } from '../shared/public-api';
import {
  FileItem,
  Handover,
  HandoverDraft,
  HandoverFilter,
  HandoverListStatus,
  SessionDraft,
} from './handover.model';

/** The R16.1 phrase, shown on the form and prefilled as the words told to the party. */
export const NOTICE_PHRASE = STANDARD_NOTICE_PHRASE;

/** A `datetime-local` value (local time) as an ISO instant, or '' when empty or invalid. */
export function localToIso(value: string): string {
  if (!value) return '';
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? new Date(ms).toISOString() : '';
}

/** An instant as a `datetime-local` value in the workstation's zone (minutes). */
export function isoToLocal(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  const date = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  return `${date}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A new session prefilled with the standard phrase (R16.1). */
export function emptySession(now: number): SessionDraft {
  return {
    activityType: 'routineInspection',
    place: '',
    startedAt: isoToLocal(now - 3_600_000),
    endedAt: isoToLocal(now - 1_800_000),
    segmentCount: 1,
    partyNotified: true,
    noticeText: NOTICE_PHRASE,
  };
}

/** A new draft: the signed-in officer as the officer, one session, a passing pre-use check. */
export function emptyDraft(user: EfrUser | null, now: number): HandoverDraft {
  const officer = user && hasAnyRole(user, [EfrRole.Officer]) && !user.isAdmin ? user.id : '';
  return {
    officer,
    coOfficer: '',
    deviceSerial: '',
    returnedAt: isoToLocal(now - 600_000),
    awayWork: false,
    preUse: { working: true, batteryPercent: 100, freeStorageMb: 32_000, clockOffsetSeconds: 0 },
    sessions: [emptySession(now)],
  };
}

/** The body of `POST /alfresco/s/efr/handovers` (docs/api.md). */
export interface OpenHandoverRequest {
  officer: string;
  coOfficer: string;
  deviceSerial: string;
  returnedAt: string;
  awayWork: boolean;
  preUseCheck: PreUseCheck;
  sessions: (SessionInput & { segmentCount: number })[];
}

/** The body of `POST /alfresco/s/efr/handovers` for a draft. */
export function openBody(d: HandoverDraft): OpenHandoverRequest {
  return {
    officer: d.officer.trim(),
    coOfficer: d.coOfficer.trim(),
    deviceSerial: d.deviceSerial.trim(),
    returnedAt: localToIso(d.returnedAt),
    awayWork: d.awayWork,
    preUseCheck: {
      working: d.preUse.working,
      batteryPercent: Math.round(d.preUse.batteryPercent),
      freeStorageMb: Math.round(d.preUse.freeStorageMb),
      clockOffsetSeconds: Math.round(d.preUse.clockOffsetSeconds),
    },
    sessions: d.sessions.map((s) => ({
      activityType: s.activityType,
      place: s.place.trim(),
      startedAt: localToIso(s.startedAt),
      endedAt: localToIso(s.endedAt),
      segmentCount: s.segmentCount,
      partyNotified: s.partyNotified,
      noticeText: s.noticeText,
    })),
  };
}

/**
 * `handover.draftErrors`: core's own checks (R15.1, R15.2, R16.1, R17.1, R21.2) on the draft,
 * so the form shows what the server would refuse before anything is sent.
 */
export function draftErrors(d: HandoverDraft, now: number): FieldError[] {
  const body = openBody(d);
  const errors = checkHandoverOpen({
    officer: body.officer,
    coOfficer: body.coOfficer,
    returnedAt: body.returnedAt,
    awayWork: body.awayWork,
    sessions: body.sessions,
    preUseCheck: body.preUseCheck,
    now: new Date(now).toISOString(),
  });
  if (!d.deviceSerial.trim()) {
    errors.push({
      path: 'deviceSerial',
      code: 'efr.handover.deviceMissing',
      requirement: 'R13.1',
      message: 'Pick or scan the device.',
      messageZh: '请选择或扫描执法记录仪。',
    });
  }
  return errors;
}

/**
 * The capture facts sent with a file (multipart fields of the children API). A file's start is
 * its session's start plus the durations of the session's earlier files; without a readable
 * duration a single file spans the session.
 */
export function recordingFields(
  h: Handover,
  item: FileItem,
  queue: readonly FileItem[],
  source: string,
): Record<string, string> {
  const s = h.sessions[item.sessionIndex] ?? h.sessions[0];
  const start = Date.parse(s.startedAt ?? '');
  const end = Date.parse(s.endedAt ?? '');
  const same = queue.filter((q) => q.sessionIndex === item.sessionIndex);
  const segmentIndex = Math.max(
    0,
    same.findIndex((q) => q.key === item.key),
  );
  const before = same.slice(0, segmentIndex).reduce((t, q) => t + (q.durationSeconds ?? 0), 0);
  const from = start + before * 1000;
  const seconds = item.durationSeconds ?? Math.max(0, (end - start) / 1000);
  return {
    nodeType: 'efr:recording',
    'efr:sha256': item.sha256 ?? '',
    // Mandatory and enforced in the model: ACS's integrity checker refuses the upload at commit
    // without it (the repository re-counts the bytes against it at ingest, R26.1).
    'efr:sizeBytes': String(item.size),
    'efr:handoverId': h.id,
    'efr:sessionId': s.sessionId,
    'efr:segmentIndex': String(segmentIndex),
    'efr:recorder': h.officer,
    'efr:officer': h.officer,
    'efr:coOfficer': h.coOfficer,
    'efr:deviceSerial': h.deviceSerial,
    'efr:activityType': s.activityType,
    'efr:location': s.place,
    'efr:recordingStart': new Date(from).toISOString(),
    'efr:recordingEnd': new Date(from + seconds * 1000).toISOString(),
    'efr:durationSeconds': String(Math.round(seconds * 1000) / 1000),
    'efr:partyNotified': 'true',
    'efr:notificationPhrase': s.noticeText,
    'efr:source': source,
    'efr:secrecyLevel': 'none',
  };
}

/** Overall progress 0–100 of hashing or uploading, weighted by bytes. */
export function overallPercent(items: readonly FileItem[], phase: 'hash' | 'upload'): number {
  const total = items.reduce((t, i) => t + i.size, 0);
  if (total === 0) return 0;
  const done = items.reduce((t, i) => t + (phase === 'hash' ? i.hashedBytes : i.uploadedBytes), 0);
  return Math.min(100, Math.round((done / total) * 100));
}

/** Progress 0–100 of one file. */
export function filePercent(done: number, size: number): number {
  return size === 0 ? 100 : Math.min(100, Math.round((done / size) * 100));
}

/** `sha256sum` lines of the hashes computed at this workstation: what a custodian confirms. */
export function verifiedHashes(items: readonly FileItem[]): string[] {
  return items.filter((i) => i.sha256 !== null).map((i) => `${i.sha256}  ${i.name}`);
}

/**
 * `handover.hashesAgree`: whether every file the repository holds has the hash computed here,
 * and nothing computed here is missing there (R21.4: the custodians confirm the same batch).
 */
export function hashesAgree(
  items: readonly FileItem[],
  files: readonly { sha256: string }[],
): boolean {
  const local = items.map((i) => i.sha256 ?? '').sort();
  const remote = files.map((f) => f.sha256).sort();
  return (
    files.length > 0 && local.length === remote.length && local.every((h, i) => h === remote[i])
  );
}

/** The file of a handover with this name and hash (an upload that reached the server). */
export function alreadyStored(h: Handover, item: FileItem): string | null {
  return h.files.find((f) => f.name === item.name && f.sha256 === item.sha256)?.id ?? null;
}

/** `handover.mayReceive`: whether a user may confirm receipt now (core decides again). */
export function mayReceive(h: Handover, user: EfrUser | null): boolean {
  if (!user || !hasAnyRole(user, [EfrRole.Custodian]) || h.status === 'sealed') return false;
  return (
    user.id !== h.officer && user.id !== h.coOfficer && !h.receipts.some((r) => r.by === user.id)
  );
}

/** Whether a handover belongs under a list filter (late = sealed late or overdue). */
export function matchesFilter(h: Handover, filter: HandoverFilter): boolean {
  if (filter === 'late') return h.late || h.overdue;
  if (filter === 'unsealed') return h.status !== 'sealed';
  return h.status === filter;
}

/** The list's filters, in the order the list offers them. */
export const HANDOVER_FILTERS: readonly HandoverFilter[] = [
  'unsealed',
  'open',
  'pending',
  'sealed',
  'late',
];

/**
 * `handover.filterFromParam`: the filter of the list's `?status=` parameter (a dashboard tile,
 * a shared link); when it is absent or unknown, every handover not yet sealed: those awaiting
 * receipt and those awaiting the second custodian, who otherwise would not find theirs from
 * the side-nav (issue 19, point 5; R21.4).
 */
export function handoverFilterFromParam(raw: string | null | undefined): HandoverFilter {
  return HANDOVER_FILTERS.find((f) => f === raw) ?? 'unsealed';
}

/**
 * `handover.listStatuses`: the `status` values of `GET …/handovers` a filter reads, one request
 * each, the same for the list and for the dashboard's count: unsealed is open and pending.
 */
export function handoverListStatuses(filter: HandoverFilter): HandoverListStatus[] {
  return filter === 'unsealed' ? ['open', 'pending'] : [filter];
}

/** Handovers newest first (several status lists merged into one). */
export function newestFirst(handovers: readonly Handover[]): Handover[] {
  return [...handovers].sort(
    (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? -1 : 1),
  );
}
