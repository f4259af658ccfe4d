import type {
  DispositionBatchJson, DispositionRecordingJson, DispositionStatus,
} from '../../core/src/index';

/** One recording as the disposition web scripts answer it (core's JSON contract). */
export type DispositionRecording = DispositionRecordingJson;

/** A disposition batch as the web scripts answer it (core's JSON contract). */
export type DispositionBatchView = DispositionBatchJson;

/** Disposition batch statuses (core's DISPOSITION_STATUSES). */
export type { DispositionStatus };

/** A decision on a batch. */
export type DispositionDecision = 'review' | 'approve' | 'reject';
