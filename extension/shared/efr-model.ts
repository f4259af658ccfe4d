/**
 * The content-model names the screens use, in one place (CONVENTIONS: "one place holds the
 * model's QNames"), as content-model/efr-model.xml defines them. The app is a browser bundle
 * and does not import content-model/src (Node-side), so the few names it needs are repeated
 * here; change them here only.
 */
export const EFR_TYPE = {
  case: 'efr:case',
  recording: 'efr:recording',
  document: 'efr:textRecord',
  handover: 'efr:handover',
  accessRequest: 'efr:accessRequest',
  finding: 'efr:finding',
  exemption: 'efr:exemption',
} as const;

/** Aspects the screens read or apply. */
export const EFR_ASPECT = {
  evidence: 'efr:evidence',
  /** Fixity sealed at handover (R26.1). */
  sealed: 'efr:sealed',
  /** Preservation hold (R14.2). */
  legalHold: 'efr:legalHold',
} as const;

/** The namespace prefix of every EFR type. */
export const EFR_PREFIX = 'efr:';

/** Peer association from a case (source) to its recordings (targets). */
export const EFR_ASSOC_CASE_RECORDINGS = 'efr:caseRecordings';

/** Property QNames, grouped by the type that carries them. */
export const EFR_PROP = {
  // efr:case
  caseNumber: 'efr:caseNumber',
  caseTitle: 'cm:title',
  actType: 'efr:actType',
  caseStatus: 'efr:caseStatus',
  handler: 'efr:handler',
  leader: 'efr:leaderInCharge',
  stages: 'efr:stages',
  openedAt: 'efr:openedAt',
  retentionYears: 'efr:retentionYears',
  retentionPermanent: 'efr:retentionPermanent',
  // text records and recordings inside a dossier
  stage: 'efr:stage',
  documentKind: 'efr:documentKind',
  // efr:recording: capture facts
  deviceSerial: 'efr:deviceSerial',
  officer: 'efr:officer',
  coOfficer: 'efr:coOfficer',
  recorder: 'efr:recorder',
  unit: 'efr:unit',
  activityType: 'efr:activityType',
  location: 'efr:location',
  startedAt: 'efr:recordingStart',
  endedAt: 'efr:recordingEnd',
  durationSeconds: 'efr:durationSeconds',
  sessionId: 'efr:sessionId',
  partyNotified: 'efr:partyNotified',
  source: 'efr:source',
  // efr:recording: fixity, handover, retention
  sha256: 'efr:sha256',
  size: 'efr:sizeBytes',
  sealedBy1: 'efr:sealedBy1',
  sealedBy2: 'efr:sealedBy2',
  sealedAt: 'efr:sealedAt',
  handoverId: 'efr:handoverId',
  /** On efr:handover: whether it came after the deadline (R21.1/R21.2). */
  late: 'efr:late',
  secrecyLevel: 'efr:secrecyLevel',
  retainUntil: 'efr:retainUntil',
  // efr:evidence (mandatory when the aspect is added)
  evidenceMarkedBy: 'efr:evidenceMarkedBy',
  evidenceMarkedAt: 'efr:evidenceMarkedAt',
  // workflow statuses
  handoverStatus: 'efr:handoverStatus',
  requestStatus: 'efr:requestStatus',
  findingStatus: 'efr:findingStatus',
  exemptionStatus: 'efr:exemptionStatus',
} as const;

/** Values of efr:activityType (R10.1). */
export const ACTIVITY_TYPES = [
  'routineInspection',
  'complaintHandling',
  'evidenceCollection',
  'documentService',
  'coerciveMeasure',
  'otherFieldWork',
] as const;

/** Values of efr:secrecyLevel (R27.1). */
export const SECRECY_LEVELS = ['none', 'personalPrivacy', 'tradeSecret', 'stateSecret'] as const;

/** Values of efr:actType (R2.1). */
export const ACT_TYPES = ['licensing', 'penalty', 'inspection', 'other'] as const;

/** Values of efr:stage (R3.2), in process order. */
export const STAGES = [
  'initiation',
  'investigation',
  'decision',
  'execution',
  'archiving',
] as const;

/** Values of efr:source (R7.1). */
export const SOURCES = [
  'bodyCamera',
  'handheldCamera',
  'voiceRecorder',
  'fixedOfficeCamera',
] as const;

/** A field activity of R10.1. */
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
/** A secrecy level of R27.1. */
export type SecrecyLevel = (typeof SECRECY_LEVELS)[number];
/** A process stage of R3.2. */
export type Stage = (typeof STAGES)[number];
