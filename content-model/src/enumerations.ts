// The values of every LIST constraint of content-model/efr-model.xml as readonly tuples, in the
// model's order (docs/enumerations.md). enumerations.spec.ts keeps them equal to the XML and to
// core/src/enums.ts.

/** Enforcement act types covered (R2.1). */
export const ACT_TYPE_VALUES = ['licensing', 'penalty', 'inspection', 'other'] as const;
/** Stages of the enforcement process (R3.2). */
export const STAGE_VALUES = [
  'initiation', 'investigation', 'decision', 'execution', 'archiving',
] as const;
/** Kinds of written records in a dossier (R3.1). */
export const DOCUMENT_KIND_VALUES = [
  'enforcementDocument', 'investigationDocument', 'appraisalOpinion', 'expertReport',
  'hearingReport', 'approvalForm', 'serviceReceipt', 'otherDocument',
] as const;
/** Field activities that must be recorded (R10.1). */
export const ACTIVITY_TYPE_VALUES = [
  'routineInspection', 'complaintHandling', 'evidenceCollection', 'documentService',
  'coerciveMeasure', 'otherFieldWork',
] as const;
/** Kinds of recording device, also the recording source (R7.1). */
export const SOURCE_VALUES = [
  'bodyCamera', 'handheldCamera', 'voiceRecorder', 'fixedOfficeCamera',
] as const;
/** Grounds on which field recording may be omitted (R11.1). */
export const EXEMPTION_GROUND_VALUES = [
  'explosionHazard', 'secrecyOrPrivacy', 'emergency', 'otherObjective',
] as const;
/** Confidentiality of a record (R27.1). */
export const SECRECY_LEVEL_VALUES = [
  'none', 'personalPrivacy', 'tradeSecret', 'stateSecret',
] as const;
/** Violations in keeping and using recording devices (R29.1). */
export const VIOLATION_KIND_VALUES = [
  'deletedEvidence', 'lentDevice', 'notRecorded', 'leakedContent', 'falsifiedOrEdited', 'misuse',
  'lostOrDamaged', 'otherSerious',
] as const;
/** Ways of holding an officer accountable (R30.1). */
export const MEASURE_VALUES = [
  'selfExamination', 'criticism', 'suspension', 'awardsLoss', 'furtherSanction',
] as const;
/** Why records are pulled and viewed (R24.1, R25.1, R26.2). */
export const PURPOSE_VALUES = [
  'work', 'litigation', 'supervision', 'caseAnalysis', 'externalRelease',
] as const;
/** Whether a case is being handled or closed. */
export const CASE_STATUS_VALUES = ['open', 'closed'] as const;
/** Progress of a handover to the office (R21.4). */
export const HANDOVER_STATUS_VALUES = ['open', 'pending', 'sealed'] as const;
/** Progress of a viewing request (R24.1, R24.2). */
export const REQUEST_STATUS_VALUES = [
  'submitted', 'reviewed', 'approved', 'registered', 'closed', 'rejected',
] as const;
/** Progress of a disposition batch (R22.1; issue 18). */
export const DISPOSITION_STATUS_VALUES = [
  'proposed', 'reviewed', 'approved', 'executed', 'rejected',
] as const;
/** Where a recording device is (R13.1). */
export const DEVICE_STATUS_VALUES = ['available', 'issued', 'inRepair', 'lost', 'retired'] as const;
/** Whether a spot-check campaign is running (R28.1). */
export const SPOT_CHECK_STATUS_VALUES = ['open', 'closed'] as const;
/** Result of one spot-check item (R28.2). */
export const ITEM_RESULT_VALUES = ['pass', 'fail', 'notApplicable'] as const;
/** Progress of the check of one sampled recording. */
export const FINDING_STATUS_VALUES = ['pending', 'done', 'skipped'] as const;
/** Whether a reported violation is established. */
export const VIOLATION_STATUS_VALUES = ['proposed', 'confirmed', 'dismissed'] as const;
/** Progress of a no-recording work record (R11.2). */
export const EXEMPTION_STATUS_VALUES = ['written', 'acknowledged', 'filed'] as const;
/** Optical disc the evidence copy is burned to (R23.1). */
export const MEDIUM_VALUES = ['cd700', 'dvd5', 'dvd9', 'bd25', 'bd50'] as const;
/** Whether an access-log tree head is asked for or signed (issue 18). */
export const TREE_HEAD_STATE_VALUES = ['requested', 'signed'] as const;
/** Entries of a device history (R12.1, R13.1). */
export const DEVICE_EVENT_KIND_VALUES = ['issue', 'return', 'repair', 'lost', 'retire'] as const;

/** Every LIST constraint of the model and its values, keyed by constraint QName. */
export const LIST_CONSTRAINT_VALUES: Readonly<Record<string, readonly string[]>> = {
  'efr:actTypeList': ACT_TYPE_VALUES,
  'efr:stageList': STAGE_VALUES,
  'efr:documentKindList': DOCUMENT_KIND_VALUES,
  'efr:activityTypeList': ACTIVITY_TYPE_VALUES,
  'efr:sourceList': SOURCE_VALUES,
  'efr:exemptionGroundList': EXEMPTION_GROUND_VALUES,
  'efr:secrecyLevelList': SECRECY_LEVEL_VALUES,
  'efr:violationKindList': VIOLATION_KIND_VALUES,
  'efr:measureList': MEASURE_VALUES,
  'efr:purposeList': PURPOSE_VALUES,
  'efr:caseStatusList': CASE_STATUS_VALUES,
  'efr:handoverStatusList': HANDOVER_STATUS_VALUES,
  'efr:requestStatusList': REQUEST_STATUS_VALUES,
  'efr:dispositionStatusList': DISPOSITION_STATUS_VALUES,
  'efr:deviceStatusList': DEVICE_STATUS_VALUES,
  'efr:spotCheckStatusList': SPOT_CHECK_STATUS_VALUES,
  'efr:itemResultList': ITEM_RESULT_VALUES,
  'efr:findingStatusList': FINDING_STATUS_VALUES,
  'efr:violationStatusList': VIOLATION_STATUS_VALUES,
  'efr:exemptionStatusList': EXEMPTION_STATUS_VALUES,
  'efr:mediumList': MEDIUM_VALUES,
  'efr:deviceEventKindList': DEVICE_EVENT_KIND_VALUES,
  'efr:treeHeadStateList': TREE_HEAD_STATE_VALUES,
};
