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

/** Body of `POST /quality/reports`: the period of the assessment to keep as a PDF. */
export const QualityReportRequestSchema = Strict({
  from: Type.String(),
  to: Type.String(),
  /** The reader's language of the PDF (else Accept-Language, else zh-CN). */
  lang: Type.Optional(Type.String()),
});
/** A quality report's request. */
export type QualityReportRequest = Static<typeof QualityReportRequestSchema>;

/**
 * What a quality report's PDF is rendered from, stored on its document when it is requested:
 * the assessment as the requester could read it then, people by name, the language.
 */
export interface QualityReportInput {
  assessment: Assessment;
  /** Display names of the people the assessment names, by user name. */
  names: Record<string, string>;
  language: 'zh-CN' | 'en';
  requestedBy: string;
  requestedAt: string;
}

/** A quality report once rendered is a PDF (`application/pdf`); no JSON answer. */
export const QualityReportPdfSchema = Type.Never({ description: 'application/pdf' });
