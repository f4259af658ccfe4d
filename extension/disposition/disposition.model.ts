import type { DispositionStatus } from '../../core/src/index';
import type { DispositionBatchJson } from '../../contract/index';

/** One recording as the disposition web scripts answer it (contract/disposition.ts). */
export type { DispositionRecording } from '../../contract/index';

/** A disposition batch as the web scripts answer it (contract/disposition.ts). */
export type DispositionBatchView = DispositionBatchJson;

/** Disposition batch statuses (core's DISPOSITION_STATUSES). */
export type { DispositionStatus };

/** A decision on a batch. */
export type DispositionDecision = 'review' | 'approve' | 'reject';
