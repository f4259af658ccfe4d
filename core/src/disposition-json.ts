/**
 * The JSON of the disposition web scripts (issue 18), written once: server/ answers it
 * (server/src/webscripts/disposition/), the screens read it (extension/disposition/), the
 * module's web scripts will answer it. Types only.
 */
import type { DispositionBatch } from './disposition.js';

/** One recording as the disposition web scripts answer it (people by name, dates ISO). */
export interface DispositionRecordingJson {
  id: string;
  name: string;
  title: string | null;
  sha256: string | null;
  sizeBytes: number | null;
  recordingStart: string | null;
  recordingEnd: string | null;
  retainUntil: string | null;
  /** The officers by name. */
  officers: string[];
  caseNumbers: string[];
  /** The rule and facts of the retention (Chinese / English). */
  retentionBasis: string;
  legalHold: boolean;
  destroyed: boolean;
  destroyedAt: string | null;
  /** Who destroyed it, by name. */
  destroyedBy: string | null;
  /** The refusal code that keeps it now, null when eligible. */
  keptBy: string | null;
}

/** A batch as the web scripts answer it: core's batch, its number, names and recordings. */
export interface DispositionBatchJson extends DispositionBatch {
  /** The batch number (its node name). */
  number: string;
  proposedByName: string | null;
  reviewedByName: string | null;
  approvedByName: string | null;
  rejectedByName: string | null;
  recordings: DispositionRecordingJson[];
}
