/**
 * Payload paths of the bag: each recording under `data/` with its original name, made safe
 * for every disc tree and unique. The writer may still shorten a name for Joliet (64 UCS-2
 * units); the packager then re-plans with the writer's Joliet name (`renamePayload`) so that
 * the manifest matches what every reader shows, and the description keeps the original name.
 */
import type { PayloadEntry, PayloadSource, RecordingFacts } from './types.js';

/** Folder of the payload inside the bag (RFC 8493 §2.1.2). */
export const PAYLOAD_DIR = 'data/';

/** Characters no disc tree or desktop accepts in a name, replaced by '_'. */
const UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|;]/g;

/** A file name safe for every tree: unsafe characters → '_', no leading dots or blanks. */
export function safeFileName(name: string): string {
  let out = name.replace(UNSAFE, '_').replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (out === '') out = 'recording';
  return out;
}

/** Splits `a.b.mp4` into `a.b` and `.mp4` (no extension for dot-less names). */
function splitExtension(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
}

/**
 * Places the recordings: `data/<safe name>`, in node-id order for the numbering of equal
 * names (`name (2).mp4`), compared case-insensitively because Joliet readers on Windows are.
 */
export function placePayload<R extends PayloadSource = RecordingFacts>(
  recordings: readonly R[],
): PayloadEntry<R>[] {
  const sorted = recordings.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const taken: Record<string, boolean> = {};
  const out: PayloadEntry<R>[] = [];
  for (const r of sorted) {
    const safe = safeFileName(r.name);
    let name = safe;
    const parts = splitExtension(safe);
    for (let n = 2; taken[name.toLowerCase()]; n++) name = parts[0] + ' (' + n + ')' + parts[1];
    taken[name.toLowerCase()] = true;
    out.push({ recording: r, path: PAYLOAD_DIR + name });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Returns the payload with one entry moved to a new file name (kept under `data/`). */
export function renamePayload<R extends PayloadSource = RecordingFacts>(
  payload: readonly PayloadEntry<R>[], path: string, newName: string,
): PayloadEntry<R>[] {
  return payload
    .map((p) => (p.path === path ? { recording: p.recording, path: PAYLOAD_DIR + newName } : p))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
