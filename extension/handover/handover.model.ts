/** Shapes of the handover screens (issue 5), as `/alfresco/s/efr/handovers` (docs/api.md). */
import type { HandoverListStatus as ListStatus } from '../../contract/index';

export type {
  Handover, HandoverFile, HandoverSession, HandoverStatus,
} from '../../contract/index';

/** A `status` of `GET /alfresco/s/efr/handovers` that the screens ask for. */
export type HandoverListStatus = Exclude<ListStatus, 'all'>;

/**
 * List filter of the handover list: a status, `unsealed` (open or pending: still waiting for
 * the two custodians, R21.4) or `late` (sealed after the deadline, or unsealed past it).
 */
export type HandoverFilter = 'unsealed' | 'open' | 'pending' | 'sealed' | 'late';

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
