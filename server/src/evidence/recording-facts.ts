/**
 * Turns a recording node as the REST API v1 shows it (`properties` with efr: QNames) into the
 * facts the description prints (R23.1). Used by the CLI (any ACS) and the server web script
 * (through the same node JSON), so both describe a recording identically.
 */
import type { RecordingFacts } from '../../../core/src/index.js';

/** The part of a node entry that is read. */
export interface NodeEntryLike {
  id: string;
  name: string;
  nodeType?: string;
  content?: { sizeInBytes?: number };
  properties?: Record<string, unknown>;
}

function text(p: Record<string, unknown>, key: string): string | undefined {
  const v = p[key];
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** ACS dates `2026-11-24T09:30:00.000+0000` → ISO 8601 `…Z` (same instant). */
export function isoInstant(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const t = Date.parse(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return isNaN(t) ? v : new Date(t).toISOString();
}

/** Facts of a recording; `sealed` says whether the seal is recorded (efr:sealedAt). */
export function recordingFacts(n: NodeEntryLike): RecordingFacts & { sealed: boolean } {
  const p = n.properties ?? {};
  const size = typeof p['efr:sizeBytes'] === 'number' ? p['efr:sizeBytes'] as number
    : n.content?.sizeInBytes ?? 0;
  const duration = p['efr:durationSeconds'];
  return {
    id: n.id, name: n.name, size, sha256: text(p, 'efr:sha256') ?? '',
    title: text(p, 'cm:title'),
    recordingStart: isoInstant(text(p, 'efr:recordingStart')),
    recordingEnd: isoInstant(text(p, 'efr:recordingEnd')),
    durationSeconds: typeof duration === 'number' ? duration : undefined,
    officer: text(p, 'efr:officer'), coOfficer: text(p, 'efr:coOfficer'),
    deviceSerial: text(p, 'efr:deviceSerial'), activityType: text(p, 'efr:activityType'),
    location: text(p, 'efr:location'), source: text(p, 'efr:source'),
    sealedAt: isoInstant(text(p, 'efr:sealedAt')),
    sealedBy1: text(p, 'efr:sealedBy1'), sealedBy2: text(p, 'efr:sealedBy2'),
    sealed: text(p, 'efr:sealedAt') !== undefined,
  };
}
