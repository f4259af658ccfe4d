/**
 * The enumeration values of docs/enumerations.md (LIST constraints of content-model/efr-model.xml)
 * as readonly tuples and union types. The model is the single source: a spec in content-model/
 * compares these arrays with the model's constraints, both ways.
 */

/** Act types (R2.1). */
export const ACT_TYPES = ['licensing', 'penalty', 'inspection', 'other'] as const;
/** Act type (R2.1). */
export type ActType = (typeof ACT_TYPES)[number];

/** Process stages (R3.2). */
export const STAGES = [
  'initiation', 'investigation', 'decision', 'execution', 'archiving',
] as const;
/** Process stage (R3.2). */
export type Stage = (typeof STAGES)[number];

/** Text record kinds (R3.1). */
export const DOCUMENT_KINDS = [
  'enforcementDocument', 'investigationDocument', 'appraisalOpinion', 'expertReport',
  'hearingReport', 'approvalForm', 'serviceReceipt', 'otherDocument',
] as const;
/** Text record kind (R3.1). */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Field activities that must be recorded (R10.1). */
export const ACTIVITY_TYPES = [
  'routineInspection', 'complaintHandling', 'evidenceCollection', 'documentService',
  'coerciveMeasure', 'otherFieldWork',
] as const;
/** Field activity (R10.1). */
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Recording sources, also the device kinds (R7.1). */
export const SOURCES = [
  'bodyCamera', 'handheldCamera', 'voiceRecorder', 'fixedOfficeCamera',
] as const;
/** Recording source (R7.1). */
export type Source = (typeof SOURCES)[number];
/** Device kinds: the same values as the sources (R7.1). */
export const DEVICE_KINDS = SOURCES;
/** Device kind (R7.1). */
export type DeviceKind = Source;

/** Grounds for not recording (R11.1). */
export const EXEMPTION_GROUNDS = [
  'explosionHazard', 'secrecyOrPrivacy', 'emergency', 'otherObjective',
] as const;
/** Exemption ground (R11.1). */
export type ExemptionGround = (typeof EXEMPTION_GROUNDS)[number];

/** Secrecy levels, in increasing order of protection (R27.1). */
export const SECRECY_LEVELS = ['none', 'personalPrivacy', 'tradeSecret', 'stateSecret'] as const;
/** Secrecy level (R27.1). */
export type SecrecyLevel = (typeof SECRECY_LEVELS)[number];

/** Violation kinds (R29.1). */
export const VIOLATION_KINDS = [
  'deletedEvidence', 'lentDevice', 'notRecorded', 'leakedContent', 'falsifiedOrEdited', 'misuse',
  'lostOrDamaged', 'otherSerious',
] as const;
/** Violation kind (R29.1). */
export type ViolationKind = (typeof VIOLATION_KINDS)[number];

/** Accountability measures (R30.1). */
export const MEASURES = [
  'selfExamination', 'criticism', 'suspension', 'awardsLoss', 'furtherSanction',
] as const;
/** Accountability measure (R30.1). */
export type Measure = (typeof MEASURES)[number];

/** Viewing purposes (R24, R25, R26.2). */
export const PURPOSES = [
  'work', 'litigation', 'supervision', 'caseAnalysis', 'externalRelease',
] as const;
/** Viewing purpose (R24, R25, R26.2). */
export type Purpose = (typeof PURPOSES)[number];

/** Case statuses. */
export const CASE_STATUSES = ['open', 'closed'] as const;
/** Case status. */
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Handover statuses (R21.4). */
export const HANDOVER_STATUSES = ['open', 'pending', 'sealed'] as const;
/** Handover status (R21.4). */
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

/** Access request statuses (R24). */
export const REQUEST_STATUSES = [
  'submitted', 'reviewed', 'approved', 'registered', 'closed', 'rejected',
] as const;
/** Access request status (R24). */
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Disposition batch statuses (R22.1; issue 18). */
export const DISPOSITION_STATUSES = [
  'proposed', 'reviewed', 'approved', 'executed', 'rejected',
] as const;
/** Disposition batch status (R22.1). */
export type DispositionStatus = (typeof DISPOSITION_STATUSES)[number];

/** Access-log tree head states (issue 18): asked for, then signed by efr worker. */
export const TREE_HEAD_STATES = ['requested', 'signed'] as const;

/** Device statuses (R13.1). */
export const DEVICE_STATUSES = ['available', 'issued', 'inRepair', 'lost', 'retired'] as const;
/** Device status (R13.1). */
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

/** Kinds of device history events (R13.1). */
export const DEVICE_EVENT_KINDS = ['issue', 'return', 'repair', 'lost', 'retire'] as const;
/** Device history event kind (R13.1). */
export type DeviceEventKind = (typeof DEVICE_EVENT_KINDS)[number];

/** Spot-check campaign statuses (R28.1). */
export const SPOT_CHECK_STATUSES = ['open', 'closed'] as const;
/** Spot-check campaign status (R28.1). */
export type SpotCheckStatus = (typeof SPOT_CHECK_STATUSES)[number];

/** Result of one spot-check item (R28.2). */
export const ITEM_RESULTS = ['pass', 'fail', 'notApplicable'] as const;
/** Result of one spot-check item (R28.2). */
export type ItemResult = (typeof ITEM_RESULTS)[number];

/** Spot-check finding statuses. */
export const FINDING_STATUSES = ['pending', 'done', 'skipped'] as const;
/** Spot-check finding status. */
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** Violation statuses (R29.1). */
export const VIOLATION_STATUSES = ['proposed', 'confirmed', 'dismissed'] as const;
/** Violation status (R29.1). */
export type ViolationStatus = (typeof VIOLATION_STATUSES)[number];

/** Exemption record statuses (R11.2). */
export const EXEMPTION_STATUSES = ['written', 'acknowledged', 'filed'] as const;
/** Exemption record status (R11.2). */
export type ExemptionStatus = (typeof EXEMPTION_STATUSES)[number];

/** Optical disc media (R23.1). */
export const MEDIA = ['cd700', 'dvd5', 'dvd9', 'bd25', 'bd50'] as const;
/** Optical disc medium (R23.1). */
export type Medium = (typeof MEDIA)[number];

/**
 * Every enumeration keyed by the model property that stores it (`efr:…`), so one spec can
 * compare core with the model's LIST constraints without listing them twice.
 * The multi-valued `efr:stages` uses {@link STAGES}.
 */
export const ENUMERATIONS_BY_PROPERTY: Readonly<Record<string, readonly string[]>> = {
  'efr:actType': ACT_TYPES,
  'efr:stage': STAGES,
  'efr:documentKind': DOCUMENT_KINDS,
  'efr:activityType': ACTIVITY_TYPES,
  'efr:source': SOURCES,
  'efr:deviceKind': DEVICE_KINDS,
  'efr:exemptionGround': EXEMPTION_GROUNDS,
  'efr:secrecyLevel': SECRECY_LEVELS,
  'efr:violationKind': VIOLATION_KINDS,
  'efr:measure': MEASURES,
  'efr:purpose': PURPOSES,
  'efr:caseStatus': CASE_STATUSES,
  'efr:handoverStatus': HANDOVER_STATUSES,
  'efr:requestStatus': REQUEST_STATUSES,
  'efr:batchStatus': DISPOSITION_STATUSES,
  'efr:treeHeadState': TREE_HEAD_STATES,
  'efr:deviceStatus': DEVICE_STATUSES,
  'efr:deviceEventKind': DEVICE_EVENT_KINDS,
  'efr:spotCheckStatus': SPOT_CHECK_STATUSES,
  'efr:itemRecorded': ITEM_RESULTS,
  'efr:itemContinuous': ITEM_RESULTS,
  'efr:itemHandled': ITEM_RESULTS,
  'efr:findingStatus': FINDING_STATUSES,
  'efr:violationStatus': VIOLATION_STATUSES,
  'efr:exemptionStatus': EXEMPTION_STATUSES,
  'efr:medium': MEDIA,
};

/** Whether `value` is one of `values` (a type guard usable on untrusted input). */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && values.indexOf(value as T) >= 0;
}

/** Rank of a secrecy level: higher protects more (R27.1). */
export function secrecyRank(level: SecrecyLevel): number {
  return SECRECY_LEVELS.indexOf(level);
}

/** Whether a secrecy level falls under the confidentiality rules (state or trade secret, R27.1). */
export function isConfidential(level: SecrecyLevel): boolean {
  return level === 'tradeSecret' || level === 'stateSecret';
}
