/** The violation register (issue 8: R29.1, R30.1): `/alfresco/s/efr/violations`. */
import { Type, type Static } from '@sinclair/typebox';
import { MEASURES, VIOLATION_KINDS, VIOLATION_STATUSES } from '../core/src/enums.js';
import { Entry, Instant, List, NodeId, Nullable, OneOf, Strict, UserId } from './common.js';

/** An accountability measure (R30.1). */
export const MeasureSchema = Strict({
  id: NodeId,
  measure: Type.String(),
  startDate: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
  endDate: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
  note: Nullable(Type.String()),
  recordedBy: UserId,
  recordedAt: Nullable(Instant),
});
/** An accountability measure. */
export type MeasureEntry = Static<typeof MeasureSchema>;

/** A violation of the register (R29.1). */
export const ViolationSchema = Strict({
  id: NodeId,
  name: Type.String(),
  kind: Type.String(),
  status: OneOf(VIOLATION_STATUSES),
  description: Type.String(),
  officer: UserId,
  unit: Type.String(),
  /** What proposed it: `finding:<id>`, `log:<seq>`, a handover… */
  sourceReference: Nullable(Type.String()),
  subjectId: Nullable(NodeId),
  proposedBy: UserId,
  proposedAt: Nullable(Instant),
  decidedBy: Nullable(UserId),
  decidedAt: Nullable(Instant),
  decisionReason: Nullable(Type.String()),
  measures: Type.Array(MeasureSchema),
});
/** A violation of the register. */
export type Violation = Static<typeof ViolationSchema>;

/** Body of `POST /violations`: a supervisor's report. */
export const ReportViolationRequestSchema = Strict({
  kind: OneOf(VIOLATION_KINDS),
  officer: UserId,
  unit: Type.Optional(Type.String()),
  description: Type.String(),
  subjectId: Type.Optional(NodeId),
});
/** Body of `POST /violations`. */
export type ReportViolationRequest = Static<typeof ReportViolationRequestSchema>;

/** Body of `POST /violations/{id}/decision`. */
export const ViolationDecisionRequestSchema = Strict({
  action: OneOf(['confirm', 'dismiss'] as const),
  reason: Type.Optional(Type.String()),
});
/** Body of `POST /violations/{id}/decision`. */
export type ViolationDecisionRequest = Static<typeof ViolationDecisionRequestSchema>;

/** Body of `POST /violations/{id}/measures` (R30.1). */
export const MeasureRequestSchema = Strict({
  measure: OneOf(MEASURES),
  startDate: Type.String({ description: 'YYYY-MM-DD' }),
  endDate: Type.Optional(Type.String({ description: 'YYYY-MM-DD' })),
  note: Type.Optional(Type.String()),
});
/** Body of `POST /violations/{id}/measures`. */
export type MeasureRequest = Static<typeof MeasureRequestSchema>;

/** One violation. */
export const ViolationEntrySchema = Entry(ViolationSchema);
/** The register (and what a scan proposed). */
export const ViolationListSchema = List(ViolationSchema);
/** One measure. */
export const MeasureEntrySchema = Entry(MeasureSchema);
