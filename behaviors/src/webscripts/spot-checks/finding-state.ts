/**
 * Findings (R28.2) as core sees them, from efr:finding nodes: the same reading as server/
 * (server/src/webscripts/spot-checks/spot-check-records.ts), including the note core checks:
 * the failed items' notes, or none when a failed item has no note.
 */
import type { Finding, FindingStatus, ItemResult } from '../../../../core/src/index.js';
import { plainString } from '../../lib/java-values.js';
import { assocNodes, nodeProp } from '../../lib/model-names.js';
import { idOf, type WsNode } from '../devices/ws-runtime.js';

/** The three items: result property and note property. */
export const ITEM_PROPS: [string, string][] = [
  ['efr:itemRecorded', 'efr:itemRecordedNote'],
  ['efr:itemContinuous', 'efr:itemContinuousNote'],
  ['efr:itemHandled', 'efr:itemHandledNote'],
];

/** A property of a finding, read from `draft` first (values about to be saved). */
export type Reader = (p: string) => string | null;

/** A reader over a node's stored properties overlaid with `draft`. */
export function readerOf(n: WsNode, draft: Record<string, unknown>): Reader {
  return (p: string): string | null => {
    if (Object.prototype.hasOwnProperty.call(draft, p)) {
      const v = draft[p];
      return typeof v === 'string' ? v : null;
    }
    return plainString(nodeProp(n, p));
  };
}

/** The recording a finding is about, or null. */
export function recordingOf(f: WsNode): WsNode | null {
  const recs = assocNodes(f.assocs, 'efr:findingRecording');
  return recs.length > 0 ? (recs[0] as WsNode) : null;
}

/** The finding as core's checkFinding sees it. */
export function findingOf(f: WsNode, read: Reader): Finding {
  const failed = ITEM_PROPS.filter(([k]) => read(k) === 'fail');
  const notes = (failed.length > 0 ? failed : ITEM_PROPS).map(([, n]) => read(n) || '');
  let note: string | null = notes.filter((t) => t.trim() !== '').join(' / ') || null;
  for (const t of notes) if (failed.length > 0 && t.trim() === '') note = null;
  const rec = recordingOf(f);
  return {
    recordingId: rec ? idOf(rec) : '',
    status: (read('efr:findingStatus') || 'pending') as FindingStatus,
    itemRecorded: read('efr:itemRecorded') as ItemResult | null,
    itemContinuous: read('efr:itemContinuous') as ItemResult | null,
    itemHandled: read('efr:itemHandled') as ItemResult | null,
    note,
    skipReason: read('efr:skipReason'),
  };
}
