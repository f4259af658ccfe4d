import { appendAccessLog } from '../../access-log/access-log.js';
import type { NodeRow } from '../../repo/node-rows.js';
import type { Caller, Repository } from '../../repo/repository.js';

/** What happened to one stored file at execution. */
export interface DestroyedBytes {
  sha256: string;
  /** Bytes removed from the store (0 when the file was kept or already gone). */
  bytes: number;
  /** Whether the file is gone from the store. */
  removed: boolean;
}

/**
 * Destroys the stored file of a destroyed recording (issue 18), after the commit that made the
 * recording a tombstone. The store is content-addressed, so other nodes may hold the same
 * bytes: a file that is not a recording (a copy uploaded elsewhere) loses them too, since a
 * recording's bytes are disposed of only by this procedure (the trashcan refuses to purge them,
 * server/src/aca/trashcan.ts `purgeVerdict`); another recording with the same bytes that is not
 * destroyed keeps the file (logged as `disposition.bytesShared`). server/ makes no renditions of
 * a recording (server/src/aca/renditions-versions-routes.ts), so there is nothing else to remove.
 */
export async function destroyStoredBytes(repo: Repository, c: Caller, batchId: string,
  sha256: string): Promise<DestroyedBytes> {
  const keptBy = repo.db.transaction(() => {
    const holders = repo.db.prepare(`SELECT id FROM nodes INDEXED BY nodes_content_hash
      WHERE content_hash = ?`).pluck().all(sha256) as string[];
    const rows = repo.rows.getMany(holders);
    const recording = rows.find((n) => n.type === 'efr:recording');
    if (recording) return recording;
    for (const n of rows) clearCopy(repo, c, batchId, n, sha256);
    return undefined;
  })();
  if (keptBy) {
    repo.db.transaction(() => appendAccessLog(repo.db, {
      user: c.userId, action: 'disposition.bytesShared', nodeId: keptBy.id,
      values: { batch: batchId, sha256, requirement: 'R22.1' },
    }))();
    return { sha256, bytes: 0, removed: false };
  }
  const bytes = await repo.store.destroy(sha256);
  repo.db.transaction(() => appendAccessLog(repo.db, {
    user: c.userId, action: 'disposition.bytesDestroyed', nodeId: batchId,
    values: { sha256, bytes: String(bytes), requirement: 'R22.1' },
  }))();
  return { sha256, bytes, removed: true };
}

function clearCopy(repo: Repository, c: Caller, batchId: string, n: NodeRow, sha256: string):
  void {
  repo.rows.update({ ...n, content: null, modifiedAt: c.rule.now, modifiedBy: c.userId });
  appendAccessLog(repo.db, {
    user: c.userId, action: 'disposition.copyDestroyed', nodeId: n.id,
    values: { batch: batchId, sha256, name: n.name, requirement: 'R22.1' },
  });
}
