/** Shapes of the spot-check, violation and assessment web scripts (docs/api.md, issue 8). */
import type { ItemResult } from '../../contract/index';
import type { CampaignProgress, ViolationKind } from '../../core/src/index';

export type {
  Assessment, Campaign, Evidence, Finding, ItemResult, MeasureEntry, Progress, QualityLine,
  Violation,
} from '../../contract/index';

/** The three items of R28.2, in order. */
export const CHECK_ITEMS = ['Recorded', 'Continuous', 'Handled'] as const;

/** One of the three items. */
export type CheckItem = (typeof CHECK_ITEMS)[number];

/** Which campaigns the list shows: all, or those with findings still due (R28.2). */
export type CampaignFilter = 'all' | 'pending';

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
