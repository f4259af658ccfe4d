/** Evidence packages (issue 7: R23.1, R26.1, R22.2): `/alfresco/s/efr/evidence-packages`. */
import { Type, type Static } from '@sinclair/typebox';
import { MEDIA } from '../core/src/enums.js';
import { JOB_STATES } from '../core/src/package-job.js';
import { Entry, Instant, List, NodeId, Nullable, OneOf, Strict, UserId } from './common.js';

/** The states of a disc's build job (core/src/package-job.ts JOB_STATES). */
export const JOB_STATE_VALUES = JOB_STATES;

/**
 * A disc's build by efr worker (issue 15): `requested`, `building` with its progress, `built`,
 * or `failed` with the EFR code of why.
 */
export const DiscJobSchema = Strict({
  state: OneOf(JOB_STATES),
  bytesDone: Type.Integer({ minimum: 0 }),
  bytesTotal: Type.Integer({ minimum: 0 }),
  percent: Type.Integer({ minimum: 0, maximum: 100 }),
  worker: Nullable(UserId),
  finishedAt: Nullable(Instant),
  error: Nullable(Strict({ code: Type.String(), message: Type.String() })),
});
/** A disc's build job. */
export type DiscJob = Static<typeof DiscJobSchema>;

/** An evidence package (one disc image) as the web script answers it. */
export const EvidencePackageSchema = Strict({
  id: NodeId,
  name: Type.String(),
  caseId: Nullable(NodeId),
  caseNumber: Nullable(Type.String()),
  producer: Nullable(Type.String()),
  extractor: Nullable(Type.String()),
  extractionTime: Nullable(Instant),
  medium: Nullable(Type.String()),
  label: Nullable(Type.String()),
  /** The server's own hash of the image. */
  imageSha256: Nullable(Type.String()),
  imageSize: Type.Number({ minimum: 0 }),
  recordingIds: Type.Array(NodeId),
  createdAt: Instant,
  createdBy: UserId,
  job: DiscJobSchema,
});
/** An evidence package. */
export type EvidencePackage = Static<typeof EvidencePackageSchema>;

/** Body of `POST /evidence-packages`: the case by id or number, and its sealed recordings. */
export const NewEvidencePackageRequestSchema = Strict({
  caseId: Type.Optional(NodeId),
  caseNumber: Type.Optional(Type.String()),
  recordings: Type.Array(NodeId, { maxItems: 500 }),
  producer: Type.String(),
  extractor: Type.String(),
  medium: OneOf(MEDIA),
  label: Type.String(),
});
/** Body of `POST /evidence-packages`. */
export type NewEvidencePackageRequest = Static<typeof NewEvidencePackageRequestSchema>;

/** A proposed disc of a split (422 `efr.evidence.exceedsMedium`). */
export const ProposedDiscSchema = Strict({
  recordingIds: Type.Array(NodeId),
  imageBytes: Type.Number(),
});
/** A proposed disc of a split. */
export type ProposedDisc = Static<typeof ProposedDiscSchema>;

/** One package. */
export const EvidencePackageEntrySchema = Entry(EvidencePackageSchema);
/** The packages of a case. */
export const EvidencePackageListSchema = List(EvidencePackageSchema);

/** What a worker is told to build when it claims a job. */
export const BuildOrderSchema = Strict({
  caseId: Nullable(NodeId),
  caseNumber: Nullable(Type.String()),
  recordingIds: Type.Array(NodeId),
  producer: Nullable(Type.String()),
  extractor: Nullable(Type.String()),
  extractionTime: Nullable(Instant),
  medium: Nullable(Type.String()),
  label: Nullable(Type.String()),
});
/** What a worker is told to build. */
export type BuildOrder = Static<typeof BuildOrderSchema>;

/** Answer of `POST /evidence-packages/{id}/claim`: the package and what to build. */
export const ClaimAnswerSchema = Strict({ entry: EvidencePackageSchema, order: BuildOrderSchema });

/** Body of `POST /evidence-packages/{id}/progress`. */
export const JobProgressRequestSchema = Strict({
  bytesDone: Type.Integer({ minimum: 0 }),
  bytesTotal: Type.Integer({ minimum: 0 }),
});

/** Body of `POST /evidence-packages/{id}/result`: the image's SHA-256 and size. */
export const JobResultRequestSchema = Strict({
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  size: Type.Integer({ minimum: 1 }),
});

/** Body of `POST /evidence-packages/{id}/failure`. */
export const JobFailureRequestSchema = Strict({
  code: Type.String(),
  message: Type.String(),
  recordingId: Type.Optional(NodeId),
  path: Type.Optional(Type.String()),
  expected: Type.Optional(Type.String()),
  actual: Type.Optional(Type.String()),
});
