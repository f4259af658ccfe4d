/**
 * The disc jobs copying a recording, as core's `mayWorkerRead` reads them (issue 15, R23.1):
 * server/'s content-read gate (webscripts/access-requests/viewing-gate.ts) and its audit route
 * let efr worker read a recording's content and access-log entries only while it holds one of
 * them. The job of each package is read as both hosts read it
 * (webscripts/src/evidence-packages/package-json.ts).
 */
import type { JobReadGrant } from '../../../core/src/index.js';
import { jobReadGrants } from '../../../webscripts/src/evidence-packages/package-json.js';
import type { Db } from '../db/database.js';
import { NodeRows, type NodeRow } from '../repo/node-rows.js';

/** The jobs of the packages that copy the recording (`efr:packageRecordings` sources). */
export function jobsCopying(db: Db, recordingId: string): JobReadGrant[] {
  const rows = new NodeRows(db);
  const packages = (db.prepare(`SELECT source_id FROM peer_assocs WHERE target_id = ? AND
    type = 'efr:packageRecordings'`).all(recordingId) as { source_id: string }[])
    .map((r) => rows.get(r.source_id))
    .filter((p): p is NodeRow => p !== undefined);
  return jobReadGrants(packages, recordingId);
}
