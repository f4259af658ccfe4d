/** Shapes of the handover screens (issue 5), as `/alfresco/s/efr/handovers` (docs/api.md). */

/** Handover status (R21.4). */
export type HandoverStatus = 'open' | 'pending' | 'sealed';

/**
 * List filter of the handover list: a status, `unsealed` (open or pending: still waiting for
 * the two custodians, R21.4) or `late` (sealed after the deadline, or unsealed past it).
 */
export type HandoverFilter = 'unsealed' | 'open' | 'pending' | 'sealed' | 'late';

/** A `status` of `GET /alfresco/s/efr/handovers`. */
export type HandoverListStatus = 'open' | 'pending' | 'sealed' | 'late';

/** A file of a handover as the repository holds it. */
export interface HandoverFile {
  id: string;
  name: string;
  /** SHA-256 computed by the repository while the bytes streamed in. */
  sha256: string;
  sizeBytes: number;
  sessionId: string | null;
  sealed: boolean;
  parentId: string | null;
}

/** A declared session (R10.1, R16.1, R17.1). */
export interface HandoverSession {
  id: string;
  sessionId: string;
  activityType: string;
  place: string;
  startedAt: string | null;
  endedAt: string | null;
  segmentCount: number;
  noticeText: string;
  interruptionNote: string | null;
}

/** A handover entry of the web scripts. */
export interface Handover {
  id: string;
  name: string;
  officer: string;
  coOfficer: string;
  deviceSerial: string;
  unit: string | null;
  returnedAt: string | null;
  fieldWorkEnd: string | null;
  awayWork: boolean;
  deadline: string | null;
  status: HandoverStatus;
  late: boolean;
  overdue: boolean;
  receipts: { by: string; at: string | null }[];
  sessions: HandoverSession[];
  files: HandoverFile[];
  violationId: string | null;
  createdAt: string;
  createdBy: string;
}

/** A session as typed into the form (`datetime-local` values, local time of the workstation). */
export interface SessionDraft {
  activityType: string;
  place: string;
  startedAt: string;
  endedAt: string;
  segmentCount: number;
  partyNotified: boolean;
  noticeText: string;
}

/** The facts form of a new handover. */
export interface HandoverDraft {
  officer: string;
  coOfficer: string;
  deviceSerial: string;
  /** `datetime-local` value. */
  returnedAt: string;
  awayWork: boolean;
  preUse: {
    working: boolean;
    batteryPercent: number;
    freeStorageMb: number;
    clockOffsetSeconds: number;
  };
  sessions: SessionDraft[];
}

/** A registered device to pick (R13.1). */
export interface DeviceOption {
  serial: string;
  title: string;
  /** efr:deviceKind, which is also the recording source (R7.1). */
  kind: string;
}

/** Where one dropped file is in the flow. */
export type FileState = 'queued' | 'hashing' | 'hashed' | 'uploading' | 'uploaded' | 'failed';

/** One dropped file at the workstation. */
export interface FileItem {
  /** Stable key in the queue. */
  key: string;
  file: File;
  name: string;
  size: number;
  /** SHA-256 computed in the browser, null until hashed. */
  sha256: string | null;
  hashedBytes: number;
  uploadedBytes: number;
  state: FileState;
  /** Why the last attempt failed (HTTP status or network), for the retry button. */
  error: string | null;
  /** Index of the declared session the file belongs to. */
  sessionIndex: number;
  /** Media duration read from the file's metadata, when the browser can decode it. */
  durationSeconds: number | null;
  /** Repository node id once uploaded. */
  nodeId: string | null;
}
