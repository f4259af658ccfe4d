/** One recording as the disposition web scripts answer it (people by name). */
export interface DispositionRecording {
  id: string;
  name: string;
  title: string | null;
  sha256: string | null;
  sizeBytes: number | null;
  recordingStart: string | null;
  recordingEnd: string | null;
  retainUntil: string | null;
  officers: string[];
  caseNumbers: string[];
  retentionBasis: string;
  legalHold: boolean;
  destroyed: boolean;
  destroyedAt: string | null;
  destroyedBy: string | null;
  /** The refusal code that keeps it now, null when eligible. */
  keptBy: string | null;
}

/** Disposition batch statuses (core's DISPOSITION_STATUSES). */
export type DispositionStatus = 'proposed' | 'reviewed' | 'approved' | 'executed' | 'rejected';

/** A disposition batch as the web scripts answer it. */
export interface DispositionBatchView {
  id: string;
  number: string;
  status: DispositionStatus;
  reason: string;
  proposedBy: string;
  proposedByName: string | null;
  proposedAt: string;
  reviewedBy: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
  reviewOpinion: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
  approvedAt: string | null;
  approvalOpinion: string | null;
  rejectedByName: string | null;
  rejectedAt: string | null;
  rejectionReason: string | null;
  executedAt: string | null;
  destroyedIds: string[];
  spared: { id: string; code: string; requirement: string }[];
  recordings: DispositionRecording[];
}

/** A decision on a batch. */
export type DispositionDecision = 'review' | 'approve' | 'reject';
