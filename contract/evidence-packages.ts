/** Evidence packages (issue 7: R23.1, R26.1, R22.2): `/alfresco/s/efr/evidence-packages`. */
import { Type, type Static } from '@sinclair/typebox';
import { MEDIA } from '../core/src/enums.js';
import { Entry, Instant, List, NodeId, Nullable, OneOf, Strict, UserId } from './common.js';

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
