/**
 * Maps an efr:recording (its properties, aspects and case links) to core's RecordingState, and
 * a before/after pair of property maps to core's RecordingChanges.
 */
import type {
  ActivityType, RecordingState, SecrecyLevel, Source,
} from '../../../core/src/index.js';
import { EFR_ASPECTS, EFR_ASSOCS, EFR_PROPS } from '../../../content-model/src/qnames.js';
import type { ScriptNodeLike } from './acs-api.js';
import { plainBoolean, plainNumber, plainString, samePlain } from './java-values.js';
import type { PlainProps, PlainValue } from './java-values.js';
import { assocNodes, CM_CONTENT, nodeHasAspect, nodeId, nodeProp, propOf } from './model-names.js';

/** Reads one property by `prefix:local` name. */
export type PropReader = (shortName: string) => PlainValue;

/** Reader over plain props keyed `{uri}local`. */
export function readerOf(props: PlainProps): PropReader {
  return (shortName) => propOf(props, shortName);
}

/**
 * Model property of each scalar RecordingState field. Fields core protects once sealed that the
 * model spells differently (deviceId ← efr:deviceSerial, startedAt ← efr:recordingStart…).
 */
export const RECORDING_FIELD_PROPS: Readonly<Record<string, string>> = {
  sha256: EFR_PROPS.sha256,
  sizeBytes: EFR_PROPS.sizeBytes,
  deviceId: EFR_PROPS.deviceSerial,
  recorder: EFR_PROPS.recorder,
  activityType: EFR_PROPS.activityType,
  location: EFR_PROPS.location,
  startedAt: EFR_PROPS.recordingStart,
  endedAt: EFR_PROPS.recordingEnd,
  source: EFR_PROPS.source,
  partyNotified: EFR_PROPS.partyNotified,
  handoverId: EFR_PROPS.handoverId,
  retainUntil: EFR_PROPS.retainUntil,
  retentionPermanent: EFR_PROPS.retentionPermanent,
  secrecyLevel: EFR_PROPS.secrecyLevel,
  durationSeconds: EFR_PROPS.durationSeconds,
  notificationPhrase: EFR_PROPS.notificationPhrase,
  width: EFR_PROPS.width,
  height: EFR_PROPS.height,
  codec: EFR_PROPS.codec,
  sessionId: EFR_PROPS.sessionId,
  segmentIndex: EFR_PROPS.segmentIndex,
  // The last fixity audit check (issue 18): core's FIXITY_AUDIT_FIELDS, System's only.
  fixityCheckedAt: EFR_PROPS.fixityCheckedAt,
  fixityResult: EFR_PROPS.fixityResult,
  fixityActual: EFR_PROPS.fixityActual,
  fixityViolation: EFR_PROPS.fixityViolation,
  fixityRoundId: EFR_PROPS.fixityRoundId,
};

/** Fields reported with their plain after-value (they are not part of RecordingState). */
const PLAIN_FIELDS: readonly string[] = [
  'durationSeconds', 'notificationPhrase', 'width', 'height', 'codec', 'sessionId',
  'segmentIndex', 'fixityCheckedAt', 'fixityResult', 'fixityActual', 'fixityViolation',
  'fixityRoundId',
];

/** The seal itself: set once by the two-custodian receipt (R21.4). */
const SEAL_PROPS: readonly string[] = [
  EFR_PROPS.sealedAt, EFR_PROPS.sealedBy1, EFR_PROPS.sealedBy2,
];

/** What the node itself says beyond its properties. */
export interface RecordingNodeFacts {
  /** Node id. */
  id: string;
  /** Whether efr:legalHold is applied (R14.2). */
  legalHold: boolean;
  /** Whether efr:evidence is applied (R22.2). */
  evidence: boolean;
  /** Ids of the efr:case nodes linking it by efr:caseRecordings. */
  caseIds: string[];
}

/** Facts of a recording node: aspects and case links. */
export function recordingNodeFacts(node: ScriptNodeLike): RecordingNodeFacts {
  return {
    id: nodeId(node),
    legalHold: nodeHasAspect(node, EFR_ASPECTS.legalHold),
    evidence: nodeHasAspect(node, EFR_ASPECTS.evidence),
    caseIds: assocNodes(node.sourceAssocs, EFR_ASSOCS.caseRecordings).map(nodeId),
  };
}

/** Properties of efr:legalHold: their presence in a before-map means the hold was on. */
const HOLD_PROPS: readonly string[] = [
  EFR_PROPS.holdReason, EFR_PROPS.holdReference, EFR_PROPS.holdSince, EFR_PROPS.holdBy,
];

/** Properties of efr:evidence: their presence in a before-map means the mark was on. */
const EVIDENCE_PROPS: readonly string[] = [EFR_PROPS.evidenceMarkedBy, EFR_PROPS.evidenceMarkedAt];

function hasAny(read: PropReader, props: readonly string[]): boolean {
  return props.some((p) => plainString(read(p)) !== null);
}

/**
 * The node facts before an update. Removing an aspect removes its properties and fires
 * onUpdateProperties; by then the node no longer has the aspect, so a hold or an evidence mark
 * that was on is read from the before-map.
 */
export function factsBefore(read: PropReader, now: RecordingNodeFacts): RecordingNodeFacts {
  return {
    id: now.id,
    legalHold: now.legalHold || hasAny(read, HOLD_PROPS),
    evidence: now.evidence || hasAny(read, EVIDENCE_PROPS),
    caseIds: now.caseIds,
  };
}

/** Changes of the aspects a property update reveals (a hold lifted, an evidence mark removed). */
export function aspectChanges(
  before: RecordingNodeFacts,
  now: RecordingNodeFacts,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  if (before.legalHold && !now.legalHold) changes.legalHold = false;
  if (before.evidence && !now.evidence) changes.evidence = false;
  return changes;
}

/** Whether the properties say the recording is sealed (efr:sealedAt set, R21.4). */
export function isSealed(read: PropReader): boolean {
  return plainString(read(EFR_PROPS.sealedAt)) !== null;
}

/** core's RecordingState of a recording. */
export function recordingState(read: PropReader, facts: RecordingNodeFacts): RecordingState {
  const officers: string[] = [];
  for (const name of [EFR_PROPS.officer, EFR_PROPS.coOfficer]) {
    const officer = plainString(read(name));
    if (officer !== null) officers.push(officer);
  }
  const secrecy = plainString(read(EFR_PROPS.secrecyLevel));
  return {
    id: facts.id,
    sealed: isSealed(read),
    sha256: plainString(read(EFR_PROPS.sha256)),
    sizeBytes: plainNumber(read(EFR_PROPS.sizeBytes)),
    deviceId: plainString(read(EFR_PROPS.deviceSerial)),
    officers,
    recorder: plainString(read(EFR_PROPS.recorder)),
    activityType: plainString(read(EFR_PROPS.activityType)) as ActivityType | null,
    location: plainString(read(EFR_PROPS.location)),
    startedAt: plainString(read(EFR_PROPS.recordingStart)),
    endedAt: plainString(read(EFR_PROPS.recordingEnd)),
    source: plainString(read(EFR_PROPS.source)) as Source | null,
    partyNotified: plainBoolean(read(EFR_PROPS.partyNotified)),
    handoverId: plainString(read(EFR_PROPS.handoverId)),
    retainUntil: plainString(read(EFR_PROPS.retainUntil)),
    retentionPermanent: plainBoolean(read(EFR_PROPS.retentionPermanent)) === true,
    legalHold: facts.legalHold,
    evidence: facts.evidence,
    caseIds: facts.caseIds,
    secrecyLevel: (secrecy === null ? 'none' : secrecy) as SecrecyLevel,
  };
}

/**
 * The changes between two property maps in core's field names. `sealed` is reported when the
 * seal properties differ: `true` when the update seals an unsealed recording, otherwise the
 * after-value of the seal (never equal to `true`, so core sees a change of a protected field).
 * `content` is reported when cm:content (URL, mimetype, size, encoding) differs.
 */
export function recordingChanges(before: PropReader, after: PropReader): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const afterState = recordingState(after, { id: '', legalHold: false, evidence: false,
    caseIds: [] }) as unknown as Record<string, unknown>;
  for (const field of Object.keys(RECORDING_FIELD_PROPS)) {
    const prop = RECORDING_FIELD_PROPS[field];
    if (!samePlain(before(prop), after(prop))) {
      changes[field] = PLAIN_FIELDS.indexOf(field) >= 0 ? after(prop)
        : afterState[field];
    }
  }
  const officersBefore = [before(EFR_PROPS.officer), before(EFR_PROPS.coOfficer)];
  const officersAfter = [after(EFR_PROPS.officer), after(EFR_PROPS.coOfficer)];
  if (!samePlain(officersBefore, officersAfter)) changes.officers = afterState.officers;
  const sealChanged = SEAL_PROPS.some((p) => !samePlain(before(p), after(p)));
  if (sealChanged) {
    changes.sealed = !isSealed(before) && isSealed(after)
      ? true : plainString(after(EFR_PROPS.sealedAt)) || false;
  }
  if (!samePlain(before(CM_CONTENT), after(CM_CONTENT))) changes.content = after(CM_CONTENT);
  return changes;
}

/** core's RecordingState of a recording node as it is now. */
export function recordingStateOfNode(node: ScriptNodeLike): RecordingState {
  return recordingState((shortName) => nodeProp(node, shortName), recordingNodeFacts(node));
}
