/**
 * A recording read through the repository port as core's RecordingState (R26.1, R22, R14.2,
 * R27.1): the same reading in both hosts (server/src/rules/recording-state.ts reads its rows,
 * the module's behaviours their policy maps; web scripts read this).
 */
import type {
  ActivityType, RecordingState, SecrecyLevel, Source,
} from '../../../core/src/index.js';
import { textProp as str, type PortNode, type RepositoryPort } from '../repository-port.js';

/** core's RecordingState of a recording node and the cases it is linked to. */
export function recordingStateOf(port: RepositoryPort, n: PortNode): RecordingState {
  const p = n.props;
  const officers: string[] = [];
  for (const k of ['efr:officer', 'efr:coOfficer']) {
    const v = str(n, k);
    if (v !== null) officers.push(v);
  }
  return {
    id: n.id,
    sealed: typeof p['efr:sealedAt'] === 'string',
    sha256: str(n, 'efr:sha256'),
    sizeBytes: typeof p['efr:sizeBytes'] === 'number' ? p['efr:sizeBytes'] : null,
    deviceId: str(n, 'efr:deviceSerial'),
    officers,
    recorder: str(n, 'efr:recorder'),
    activityType: str(n, 'efr:activityType') as ActivityType | null,
    location: str(n, 'efr:location'),
    startedAt: str(n, 'efr:recordingStart'),
    endedAt: str(n, 'efr:recordingEnd'),
    source: str(n, 'efr:source') as Source | null,
    partyNotified: typeof p['efr:partyNotified'] === 'boolean' ? p['efr:partyNotified'] : null,
    handoverId: str(n, 'efr:handoverId'),
    retainUntil: str(n, 'efr:retainUntil'),
    retentionPermanent: p['efr:retentionPermanent'] === true,
    legalHold: n.aspects.indexOf('efr:legalHold') >= 0,
    evidence: n.aspects.indexOf('efr:evidence') >= 0,
    caseIds: port.sources(n.id, 'efr:caseRecordings').map((c) => c.id),
    secrecyLevel: (str(n, 'efr:secrecyLevel') || 'none') as SecrecyLevel,
  };
}
