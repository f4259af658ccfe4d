/**
 * The content-model names the screens use, under the names the screens know them by. Every
 * value is taken from content-model/src (qnames.ts, enumerations.ts: the model's single source,
 * kept equal to efr-model.xml by their specs; both import nothing, so the browser bundle takes
 * them as Node and Rhino do): a name changed in the model changes here or fails to compile.
 */
import {
  EFR_ASPECTS, EFR_ASSOCS, EFR_PREFIX as MODEL_PREFIX, EFR_PROPS, EFR_TYPES,
} from '../../content-model/src/qnames';
import {
  ACT_TYPE_VALUES, ACTIVITY_TYPE_VALUES, SECRECY_LEVEL_VALUES, SOURCE_VALUES, STAGE_VALUES,
} from '../../content-model/src/enumerations';

/** Types the screens read or create. */
export const EFR_TYPE = {
  case: EFR_TYPES.case,
  recording: EFR_TYPES.recording,
  document: EFR_TYPES.textRecord,
  handover: EFR_TYPES.handover,
  accessRequest: EFR_TYPES.accessRequest,
  finding: EFR_TYPES.finding,
  exemption: EFR_TYPES.exemption,
} as const;

/** Aspects the screens read or apply. */
export const EFR_ASPECT = {
  evidence: EFR_ASPECTS.evidence,
  /** Fixity sealed at handover (R26.1). */
  sealed: EFR_ASPECTS.sealed,
  /** Preservation hold (R14.2). */
  legalHold: EFR_ASPECTS.legalHold,
} as const;

/** The namespace prefix of every EFR type. */
export const EFR_PREFIX = `${MODEL_PREFIX}:` as const;

/** Peer association from a case (source) to its recordings (targets). */
export const EFR_ASSOC_CASE_RECORDINGS = EFR_ASSOCS.caseRecordings;

/** Property QNames, grouped by the type that carries them. */
export const EFR_PROP = {
  // efr:case
  caseNumber: EFR_PROPS.caseNumber,
  caseTitle: 'cm:title',
  actType: EFR_PROPS.actType,
  caseStatus: EFR_PROPS.caseStatus,
  handler: EFR_PROPS.handler,
  leader: EFR_PROPS.leaderInCharge,
  stages: EFR_PROPS.stages,
  openedAt: EFR_PROPS.openedAt,
  retentionYears: EFR_PROPS.retentionYears,
  retentionPermanent: EFR_PROPS.retentionPermanent,
  // text records and recordings inside a dossier
  stage: EFR_PROPS.stage,
  documentKind: EFR_PROPS.documentKind,
  // efr:recording: capture facts
  deviceSerial: EFR_PROPS.deviceSerial,
  officer: EFR_PROPS.officer,
  coOfficer: EFR_PROPS.coOfficer,
  recorder: EFR_PROPS.recorder,
  unit: EFR_PROPS.unit,
  activityType: EFR_PROPS.activityType,
  location: EFR_PROPS.location,
  startedAt: EFR_PROPS.recordingStart,
  endedAt: EFR_PROPS.recordingEnd,
  durationSeconds: EFR_PROPS.durationSeconds,
  sessionId: EFR_PROPS.sessionId,
  partyNotified: EFR_PROPS.partyNotified,
  source: EFR_PROPS.source,
  // efr:recording: fixity, handover, retention
  sha256: EFR_PROPS.sha256,
  size: EFR_PROPS.sizeBytes,
  sealedBy1: EFR_PROPS.sealedBy1,
  sealedBy2: EFR_PROPS.sealedBy2,
  sealedAt: EFR_PROPS.sealedAt,
  handoverId: EFR_PROPS.handoverId,
  /** On efr:handover: whether it came after the deadline (R21.1/R21.2). */
  late: EFR_PROPS.late,
  secrecyLevel: EFR_PROPS.secrecyLevel,
  retainUntil: EFR_PROPS.retainUntil,
  // efr:evidence (mandatory when the aspect is added)
  evidenceMarkedBy: EFR_PROPS.evidenceMarkedBy,
  evidenceMarkedAt: EFR_PROPS.evidenceMarkedAt,
  // workflow statuses
  handoverStatus: EFR_PROPS.handoverStatus,
  requestStatus: EFR_PROPS.requestStatus,
  findingStatus: EFR_PROPS.findingStatus,
  exemptionStatus: EFR_PROPS.exemptionStatus,
} as const;

/** Values of efr:activityType (R10.1). */
export const ACTIVITY_TYPES = ACTIVITY_TYPE_VALUES;

/** Values of efr:secrecyLevel (R27.1). */
export const SECRECY_LEVELS = SECRECY_LEVEL_VALUES;

/** Values of efr:actType (R2.1). */
export const ACT_TYPES = ACT_TYPE_VALUES;

/** Values of efr:stage (R3.2), in process order. */
export const STAGES = STAGE_VALUES;

/** Values of efr:source (R7.1). */
export const SOURCES = SOURCE_VALUES;

/** A field activity of R10.1. */
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
/** A secrecy level of R27.1. */
export type SecrecyLevel = (typeof SECRECY_LEVELS)[number];
/** A process stage of R3.2. */
export type Stage = (typeof STAGES)[number];
