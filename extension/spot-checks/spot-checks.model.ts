/** Shapes of the spot-check, violation and assessment web scripts (docs/api.md, issue 8). */
import type { CampaignProgress, ViolationKind } from '../../core/src/index';

/** Result of one R28.2 item. */
export type ItemResult = 'pass' | 'fail' | 'notApplicable';

/** The three items of R28.2, in order. */
export const CHECK_ITEMS = ['Recorded', 'Continuous', 'Handled'] as const;

/** One of the three items. */
export type CheckItem = (typeof CHECK_ITEMS)[number];

/** Progress of a campaign, as both hosts compute it (core's CampaignProgress, R28.1). */
export type Progress = CampaignProgress;

/** Which campaigns the list shows: all, or those with findings still due (R28.2). */
export type CampaignFilter = 'all' | 'pending';

/** A spot-check campaign (R28.1). */
export interface Campaign {
  id: string;
  name: string;
  title: string;
  status: 'open' | 'closed';
  from: string | null;
  to: string | null;
  units: string[];
  proportion: number;
  seed: string;
  populationSize: number;
  sampleSize: number;
  createdBy: string;
  createdAt: string;
  closedAt: string | null;
  progress: Progress;
}

/** A finding on one drawn recording (R28.2). */
export interface Finding {
  id: string;
  recordingId: string | null;
  recordingName: string | null;
  officer: string | null;
  status: 'pending' | 'done' | 'skipped';
  itemRecorded: ItemResult | null;
  itemContinuous: ItemResult | null;
  itemHandled: ItemResult | null;
  notes: { recorded: string | null; continuous: string | null; handled: string | null };
  placementObservation: string | null;
  conductObservation: string | null;
  skipReason: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

/** The automatic evidence of the three items. */
export interface Evidence {
  recorded: {
    officer: string;
    unrecordedActs: { sessionId: string; activityType: string; location: string;
      startedAt: string | null }[];
    exemptions: number;
  };
  continuous: { sessionId: string; segmentsDeclared: number | null; segmentsFound: number;
    gaps: { afterSegment: number; seconds: number }[]; clockOffsetSeconds: number | null };
  handled: { handoverLate: boolean; deadline: string | null; sealedAt: string | null;
    unregisteredAccess: { seq: number; at: string; user: string; action: string }[];
    refusals: { seq: number; at: string; user: string; action: string }[] };
}

/** The reviewer's form for one finding. */
export interface FindingForm {
  status: 'done' | 'skipped';
  items: Record<CheckItem, ItemResult | null>;
  notes: Record<CheckItem, string>;
  placementObservation: string;
  conductObservation: string;
  skipReason: string;
  /**
   * The kind of violation a failed item proposes (R29.1), as the supervisor chose it; null
   * until chosen (core's defaultViolationKind is shown and sent then).
   */
  violationKind: ViolationKind | null;
}

/** The campaign form. */
export interface CampaignForm {
  title: string;
  /** First day, YYYY-MM-DD (bureau time). */
  fromDay: string;
  /** Last day, YYYY-MM-DD, inclusive. */
  toDay: string;
  /** Percent, (0, 100]. */
  percent: number | null;
  seed: string;
}

/** A measure (R30.1). */
export interface MeasureEntry {
  id: string;
  measure: string;
  startDate: string | null;
  endDate: string | null;
  note: string | null;
  recordedBy: string;
}

/** A violation of the register (R29.1). */
export interface Violation {
  id: string;
  kind: string;
  status: 'proposed' | 'confirmed' | 'dismissed';
  description: string;
  officer: string;
  unit: string;
  sourceReference: string | null;
  proposedBy: string;
  proposedAt: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
  measures: MeasureEntry[];
}

/** One line of the assessment. */
export interface QualityLine {
  unit: string;
  officer: string | null;
  recordingRate: number | null;
  continuity: number | null;
  timelyHandoverRate: number | null;
  findingsPassRate: number | null;
  violations: number;
}

/** The assessment of a period. */
export interface Assessment {
  from: string;
  to: string;
  report: { officers: QualityLine[]; units: QualityLine[] };
  violations: Violation[];
}

/** The rates shown in tables and charts, in order. */
export const RATES = ['recordingRate', 'continuity', 'timelyHandoverRate',
  'findingsPassRate'] as const;

/** One of the rates. */
export type Rate = (typeof RATES)[number];

/** R29.1 kinds. */
export const VIOLATION_KINDS = ['deletedEvidence', 'lentDevice', 'notRecorded', 'leakedContent',
  'falsifiedOrEdited', 'misuse', 'lostOrDamaged', 'otherSerious'] as const;

/** R30.1 measures. */
export const MEASURES = ['selfExamination', 'criticism', 'suspension', 'awardsLoss',
  'furtherSanction'] as const;
