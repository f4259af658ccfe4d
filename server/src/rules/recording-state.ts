import type { RecordingState } from '../../../core/src/index.js';
import type { Db } from '../db/database.js';
import { parseIsoDate } from '../model/property-values.js';
import type { PropMap } from '../model/node-properties.js';
import type { NodeRow } from '../repo/node-rows.js';

/** Core wants ISO instants with `Z` or `±HH:MM`; ACS values carry `+0000`. */
export function toInstant(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const ms = parseIsoDate(v);
  return ms === undefined ? null : new Date(ms).toISOString();
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Model property → RecordingState field (names core protects once sealed, R26.1). */
export const RECORDING_FIELDS: Record<string, string> = {
  'efr:sealedAt': 'sealed',
  'efr:sealedBy1': 'sealed',
  'efr:sealedBy2': 'sealed',
  'efr:sha256': 'sha256',
  'efr:sizeBytes': 'sizeBytes',
  'efr:deviceSerial': 'deviceId',
  'efr:officer': 'officers',
  'efr:coOfficer': 'officers',
  'efr:recorder': 'recorder',
  'efr:activityType': 'activityType',
  'efr:location': 'location',
  'efr:recordingStart': 'startedAt',
  'efr:recordingEnd': 'endedAt',
  'efr:source': 'source',
  'efr:partyNotified': 'partyNotified',
  'efr:handoverId': 'handoverId',
  'efr:retainUntil': 'retainUntil',
  'efr:retentionPermanent': 'retentionPermanent',
  'efr:secrecyLevel': 'secrecyLevel',
  'efr:durationSeconds': 'durationSeconds',
  'cm:name': 'originalName',
  nodeType: 'content',
};

/** Ids of the cases linked to a recording (sources of efr:caseRecordings). */
export function caseIdsOf(db: Db, recordingId: string): string[] {
  return (
    db
      .prepare(
        `SELECT source_id FROM peer_assocs WHERE target_id = ? AND
    type = 'efr:caseRecordings' ORDER BY source_id`,
      )
      .all(recordingId) as { source_id: string }[]
  ).map((r) => r.source_id);
}

/** The rules' view of a recording node. */
export function recordingState(db: Db, n: NodeRow): RecordingState {
  const p: PropMap = n.props;
  return {
    id: n.id,
    sealed: typeof p['efr:sealedAt'] === 'string',
    sha256: str(p['efr:sha256']),
    sizeBytes: typeof p['efr:sizeBytes'] === 'number' ? p['efr:sizeBytes'] : null,
    deviceId: str(p['efr:deviceSerial']),
    officers: [p['efr:officer'], p['efr:coOfficer']].filter(
      (x): x is string => typeof x === 'string',
    ),
    recorder: str(p['efr:recorder']),
    activityType: str(p['efr:activityType']) as RecordingState['activityType'],
    location: str(p['efr:location']),
    startedAt: toInstant(p['efr:recordingStart']),
    endedAt: toInstant(p['efr:recordingEnd']),
    source: str(p['efr:source']) as RecordingState['source'],
    partyNotified: typeof p['efr:partyNotified'] === 'boolean' ? p['efr:partyNotified'] : null,
    handoverId: str(p['efr:handoverId']),
    retainUntil: toInstant(p['efr:retainUntil']),
    retentionPermanent: p['efr:retentionPermanent'] === true,
    legalHold: n.aspects.includes('efr:legalHold'),
    evidence: n.aspects.includes('efr:evidence'),
    caseIds: caseIdsOf(db, n.id),
    secrecyLevel: (str(p['efr:secrecyLevel']) ?? 'none') as RecordingState['secrecyLevel'],
  };
}

/**
 * The changes between two versions of a recording, named as core's RecordingState fields
 * (unknown properties keep their local name, which core allows unless protected).
 */
export function recordingChanges(
  db: Db,
  before: NodeRow,
  after: NodeRow,
  changed: string[],
): Record<string, unknown> {
  const next = recordingState(db, after);
  const rec = next as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const q of changed) {
    if (q === 'aspectNames') {
      out.legalHold = next.legalHold;
      out.evidence = next.evidence;
      if (!after.aspects.includes('efr:sealed')) out.sealed = false;
      continue;
    }
    if (q === 'permissions') continue;
    const field = RECORDING_FIELDS[q];
    if (field === 'originalName') out.originalName = after.name;
    else if (field === 'content') out.content = after.type;
    else if (field) out[field] = rec[field];
    else out[q.replace(/^\w+:/, '')] = after.props[q] ?? null;
  }
  if (before.name !== after.name) out.originalName = after.name;
  return out;
}
