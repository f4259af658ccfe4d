import type { DestroyingBatch } from '../../../../core/src/index.js';
import type { AccessLogInput } from '../../access-log/access-log.js';
import type { NodeRow } from '../../repo/node-rows.js';
import type { Caller, Repository } from '../../repo/repository.js';

/** What becomes of one stored file when a recording that held it is destroyed. */
export interface StoredBytesFate {
  /** Whether the file leaves the store once the call commits. */
  removed: boolean;
  /** The unlink to run after the commit (absent when the file stays). */
  unlink?: () => Promise<void>;
}

/**
 * Decides, inside the disposition step's transaction, what happens to the stored file of a
 * recording that has just lost its content reference (issue 18; server/'s side of the port's
 * `destroyContent`). The store is content-addressed, so other nodes may hold the same bytes:
 * another recording that is not destroyed keeps the file (logged `disposition.bytesShared`); a
 * node that is not a recording (a copy uploaded elsewhere) loses its reference too (logged
 * `disposition.copyDestroyed`), since a recording's bytes are disposed of only by this
 * procedure (the trashcan refuses to purge them, server/src/aca/trashcan.ts `purgeVerdict`).
 * server/ makes no renditions or versions of a recording (server/src/aca/
 * renditions-versions-routes.ts), so there is nothing else to remove.
 *
 * The file itself is unlinked after the commit (the returned `unlink`): a rollback must never
 * lose bytes. A process killed in between leaves a file no node references, which the start-up
 * sweep removes (server/src/app.ts, sweepOrphanedContent).
 */
export function storedBytesFate(repo: Repository, c: Caller, batchId: string, sha256: string,
  log: (entry: AccessLogInput) => void): StoredBytesFate {
  const holders = repo.db.prepare(`SELECT id FROM nodes INDEXED BY nodes_content_hash
    WHERE content_hash = ?`).pluck().all(sha256) as string[];
  const rows = repo.rows.getMany(holders);
  const keptBy = rows.find((n) => n.type === 'efr:recording');
  if (keptBy) {
    log({ user: c.userId, action: 'disposition.bytesShared', nodeId: keptBy.id,
      values: { batch: batchId, sha256, requirement: 'R22.1' } });
    return { removed: false };
  }
  for (const n of rows) clearCopy(repo, c, batchId, n, sha256, log);
  return {
    removed: true,
    unlink: async () => {
      const bytes = await repo.store.destroy(sha256);
      repo.log({ user: c.userId, action: 'disposition.bytesDestroyed', nodeId: batchId,
        values: { sha256, bytes: String(bytes), requirement: 'R22.1' } });
    },
  };
}

function clearCopy(repo: Repository, c: Caller, batchId: string, n: NodeRow, sha256: string,
  log: (entry: AccessLogInput) => void): void {
  repo.rows.update({ ...n, content: null, modifiedAt: c.rule.now, modifiedBy: c.userId });
  log({ user: c.userId, action: 'disposition.copyDestroyed', nodeId: n.id,
    values: { batch: batchId, sha256, name: n.name, requirement: 'R22.1' } });
}

/** A disposition batch row as core's destruction rule reads it, or null. */
export function destroyingBatchOf(n: NodeRow | undefined): DestroyingBatch | null {
  if (n === undefined || n.type !== 'efr:dispositionBatch') return null;
  const ids = n.props['efr:destroyedIds'];
  return {
    id: n.id,
    status: typeof n.props['efr:batchStatus'] === 'string' ? n.props['efr:batchStatus'] : '',
    destroyedIds: Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [],
  };
}
