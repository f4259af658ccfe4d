/**
 * Disposition after retention (issue 18: R22.1, R22.2, R14.2): `/alfresco/s/efr/disposition/…`.
 * The batch's own fields are core's `DispositionBatch` (core/src/disposition.ts); the web
 * scripts add its number, people by name and its recordings.
 */
import { Type, type Static } from '@sinclair/typebox';
import { DISPOSITION_STATUSES } from '../core/src/enums.js';
import { Entry, Instant, List, NodeId, Nullable, OneOf, Strict, UserId } from './common.js';
import { GeneratedDocumentSchema } from './documents.js';

/** One recording as the disposition web scripts answer it (people by name, dates ISO). */
export const DispositionRecordingSchema = Strict({
  id: NodeId,
  name: Type.String(),
  title: Nullable(Type.String()),
  sha256: Nullable(Type.String()),
  sizeBytes: Nullable(Type.Number({ minimum: 0 })),
  recordingStart: Nullable(Instant),
  recordingEnd: Nullable(Instant),
  retainUntil: Nullable(Instant),
  /** The officers by name. */
  officers: Type.Array(Type.String()),
  caseNumbers: Type.Array(Type.String()),
  /** The rule and facts of the retention (Chinese / English). */
  retentionBasis: Type.String(),
  legalHold: Type.Boolean(),
  destroyed: Type.Boolean(),
  destroyedAt: Nullable(Instant),
  /** Who destroyed it, by name. */
  destroyedBy: Nullable(Type.String()),
  /** The refusal code that keeps it now, null when eligible. */
  keptBy: Nullable(Type.String()),
});
/** One recording of a disposition. */
export type DispositionRecording = Static<typeof DispositionRecordingSchema>;

const batchFields = {
  id: NodeId,
  status: OneOf(DISPOSITION_STATUSES),
  proposedBy: UserId,
  proposedAt: Instant,
  reason: Type.String(),
  recordingIds: Type.Array(NodeId),
  /** `recordingId caseId` of every case link at proposal: a link added later spares it. */
  caseLinks: Type.Array(Type.String()),
  reviewedBy: Nullable(UserId),
  reviewedAt: Nullable(Instant),
  reviewOpinion: Nullable(Type.String()),
  approvedBy: Nullable(UserId),
  approvedAt: Nullable(Instant),
  approvalOpinion: Nullable(Type.String()),
  rejectedBy: Nullable(UserId),
  rejectedAt: Nullable(Instant),
  rejectionReason: Nullable(Type.String()),
  executedAt: Nullable(Instant),
  destroyedIds: Type.Array(NodeId),
  spared: Type.Array(Strict({ id: NodeId, code: Type.String(), requirement: Type.String() })),
  /** The batch number (its node name). */
  number: Type.String(),
  proposedByName: Nullable(Type.String()),
  reviewedByName: Nullable(Type.String()),
  approvedByName: Nullable(Type.String()),
  rejectedByName: Nullable(Type.String()),
  recordings: Type.Array(DispositionRecordingSchema),
  /**
   * The destruction register's document once the batch is executed, with its rendering job
   * (efr worker, issue 15): `built` when `GET …/register` answers the PDF; null before.
   */
  register: Nullable(GeneratedDocumentSchema),
};

/** A batch as the web scripts answer it. */
export const DispositionBatchSchema = Strict(batchFields);
/** A disposition batch. */
export type DispositionBatchJson = Static<typeof DispositionBatchSchema>;

/** A batch after a step: also what the execution removed from the store (empty before). */
export const DispositionStepResultSchema = Strict({
  ...batchFields,
  bytesDestroyed: Type.Array(Strict({
    sha256: Type.String(),
    /** Bytes removed from the store (0 when the file was kept or already gone). */
    bytes: Type.Number({ minimum: 0 }),
    /** Whether the file is gone from the store. */
    removed: Type.Boolean(),
  })),
});

/** The destruction register is a PDF (`application/pdf`); no JSON answer. */
export const DispositionRegisterSchema = Type.Never({ description: 'application/pdf' });

/** Body of `POST /disposition/batches`: the recordings proposed and why. */
export const NewDispositionBatchRequestSchema = Strict({
  recordingIds: Type.Array(NodeId, { maxItems: 10_000 }),
  reason: Type.String(),
});

/** Body of a step: the opinion (review, approve) or the reason (reject). */
export const DispositionStepRequestSchema = Strict({
  opinion: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String()),
});

/** The steps of a batch. */
export const DISPOSITION_BATCH_STEPS = ['review', 'approve', 'reject'] as const;

export const DispositionRecordingListSchema = List(DispositionRecordingSchema);
export const DispositionBatchEntrySchema = Entry(DispositionBatchSchema);
export const DispositionBatchListSchema = List(DispositionBatchSchema);
export const DispositionStepEntrySchema = Entry(DispositionStepResultSchema);
