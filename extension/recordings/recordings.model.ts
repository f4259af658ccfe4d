import { ActivityType, SecrecyLevel } from '../shared/public-api';

/** Filters of the recordings list; every field optional, all given ones must hold (AND). */
export interface RecordingFilter {
  /** Node id of a case: only recordings linked to it. */
  caseId?: string;
  /** Officer user id (one of the two officers, R15.2). */
  officer?: string;
  /** Enforcement unit. */
  unit?: string;
  /** Device serial number. */
  device?: string;
  /** Field activity (R10.1). */
  activityType?: ActivityType;
  /** Start of capture, from (ISO date, inclusive). */
  from?: string;
  /** Start of capture, to (ISO date, inclusive to the end of that day). */
  to?: string;
  /** Whether only recordings handed over late (R21.1/R21.2). */
  lateOnly?: boolean;
  /** Secrecy level (R27.1). */
  secrecyLevel?: SecrecyLevel;
}

/** Columns the list can sort by. */
export type RecordingSortKey = 'name' | 'startedAt' | 'officers' | 'unit' | 'activityType';

/** Sort order of the list. */
export interface RecordingSort {
  key: RecordingSortKey;
  ascending: boolean;
}

/** One row of the list. */
export interface RecordingSummary {
  id: string;
  name: string;
  startedAt: Date | null;
  officers: string[];
  unit: string;
  deviceSerial: string;
  activityType: string;
  secrecyLevel: string;
  lateHandover: boolean;
}

/** A page of the list. */
export interface RecordingPage {
  items: RecordingSummary[];
  total: number;
}

/** Everything the detail page shows about one recording. */
export interface RecordingDetail extends RecordingSummary {
  endedAt: Date | null;
  recorder: string;
  location: string;
  source: string;
  partyNotified: boolean;
  mimeType: string;
  sha256: string;
  size: number | null;
  /** The two custodians who received it together (R21.4). */
  sealedBy: string[];
  sealedAt: Date | null;
  handoverId: string;
  /** Name of the handover node, when readable. */
  handoverName: string;
  retainUntil: Date | null;
  isEvidence: boolean;
  createdBy: string;
  createdAt: Date | null;
}

/** A case the recording is linked to (source of efr:caseRecordings). */
export interface LinkedCase {
  id: string;
  caseNumber: string;
  title: string;
  /** efr:caseStatus: closed cases take no new links. */
  status: string;
}

/** One entry of the chain of custody (an `efr-access` audit entry). */
export interface CustodyEntry {
  id: string;
  at: Date | null;
  user: string;
  action: string;
  reason: string;
  requestId: string;
}
