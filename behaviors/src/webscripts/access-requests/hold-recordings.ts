/** The recordings a hold step names (POST /efr/holds, /efr/holds/release): 400 otherwise. */
import { fail, nodeOfType } from '../../lib/ws-runtime.js';
import type { WsNode } from '../../lib/ws-runtime.js';

/** `recordingIds` of the body: a non-empty array of recording node ids (404 for an unknown one). */
export function holdRecordings(b: Record<string, unknown>): WsNode[] {
  const raw = b.recordingIds;
  if (!Array.isArray(raw) || raw.length === 0 || raw.some((x) => typeof x !== 'string')) {
    fail(400, 'framework.exception.InvalidArgument',
      'recordingIds must be a non-empty array of node ids');
  }
  return (raw as string[]).map((id) => nodeOfType(id, 'efr:recording'));
}
