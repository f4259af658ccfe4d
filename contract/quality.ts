/** The quality assessment (issue 8: R28.1, R29.1, R30.1): `/alfresco/s/efr/quality`. */
import { Type, type Static } from '@sinclair/typebox';
import { Instant, Nullable, Strict } from './common.js';
import { ViolationSchema } from './violations.js';

/** A rate in [0, 1], or null when there is nothing to count. */
const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1 }));

/** One line of the assessment (core's `QualityFigures`): an officer's, or a unit's. */
export const QualityLineSchema = Strict({
  unit: Type.String(),
  /** Officer, or null for a unit line. */
  officer: Nullable(Type.String()),
  recordingRate: Rate,
  continuity: Rate,
  timelyHandoverRate: Rate,
  findingsPassRate: Rate,
  /** Confirmed violations. */
  violations: Type.Integer({ minimum: 0 }),
});
/** One line of the assessment. */
export type QualityLine = Static<typeof QualityLineSchema>;

/** Figures per officer and per unit (core's `QualityReport`). */
export const QualityReportSchema = Strict({
  officers: Type.Array(QualityLineSchema),
  units: Type.Array(QualityLineSchema),
});
/** Figures per officer and per unit. */
export type QualityReportJson = Static<typeof QualityReportSchema>;

/** The assessment of a period `[from, to)`. */
export const AssessmentSchema = Strict({
  from: Instant,
  to: Instant,
  report: QualityReportSchema,
  /** Confirmed violations of the period with their measures. */
  violations: Type.Array(ViolationSchema),
});
/** The assessment of a period. */
export type Assessment = Static<typeof AssessmentSchema>;

/** `GET /quality?format=json`. */
export const AssessmentEntrySchema = Strict({ entry: AssessmentSchema });
