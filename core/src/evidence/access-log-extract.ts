/**
 * The access-log extract put on an evidence disc: every entry about the packaged recordings,
 * one canonical JSON object per line with its chain hashes (prevHash, hash), so a reader can
 * recompute each hash from the entry and see that none was altered (DESIGN.md access log).
 */
import { canonicalJson } from '../access-log.js';
import type { LogExtractEntry } from './types.js';

/** File name of the extract on the disc. */
export const ACCESS_LOG_EXTRACT = 'access-log.jsonl';

/**
 * JSON lines in sequence order: `{"entry":{…canonical entry…},"hash":…,"prevHash":…}`; the
 * entry is exactly what the chain hash covers: sha256(prevHash + "\n" + canonical(entry)).
 */
export function accessLogExtractText(entries: readonly LogExtractEntry[]): string {
  const sorted = entries.slice().sort((a, b) => a.seq - b.seq);
  let out = '';
  for (const e of sorted) {
    const entry = { id: e.id, seq: e.seq, at: e.at, user: e.user, action: e.action,
      nodeId: e.nodeId, values: e.values };
    out += canonicalJson({ entry: entry, prevHash: e.prevHash, hash: e.hash }) + '\n';
  }
  return out;
}

/** Keeps the entries about the given nodes at or before `until` (ISO instant), once each. */
export function selectLogEntries(
  entries: readonly LogExtractEntry[], nodeIds: readonly string[], until: string,
): LogExtractEntry[] {
  const limit = Date.parse(until);
  const seen: Record<string, boolean> = {};
  const out: LogExtractEntry[] = [];
  for (const e of entries) {
    if (e.nodeId === null || nodeIds.indexOf(e.nodeId) < 0) continue;
    if (Date.parse(e.at) > limit || seen['s' + e.seq]) continue;
    seen['s' + e.seq] = true;
    out.push(e);
  }
  return out.sort((a, b) => a.seq - b.seq);
}
