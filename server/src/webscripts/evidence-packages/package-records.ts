import type { EvidencePackage } from '../../../../contract/index.js';
/**
 * Reading side of evidence packages in server/: the package JSON the screens show, the
 * packages of a case, the recordings and the access-log entries a package is made from, and
 * a stored content file as a pull-driven web stream.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { personDisplayName, type LogExtractEntry, type RecordingFacts } from
  '../../../../core/src/index.js';
import { parseLogRow } from '../../access-log/access-log.js';
import { toInstant } from '../../rules/recording-state.js';
import { propertiesJson } from '../../repo/node-json.js';
import type { NodeRow } from '../../repo/node-rows.js';
import type { Caller, Repository } from '../../repo/repository.js';
import { recordingFacts } from '../../evidence/recording-facts.js';
import type { SourceRecording } from '../../evidence/package-image.js';
import { sourcesOf, targetOf, textOf } from '../devices/record-writes.js';
import { jobJson } from './package-jobs.js';

/** Bytes read from the store per pull. */
const READ_CHUNK = 1 << 20;

/**
 * A stored file as a web stream, read with a FileHandle on each pull: Node 20's
 * `Readable.toWeb` queues by chunk count and reads far ahead (core/src/disc/README.md).
 */
export function storedStream(path: string): ReadableStream<Uint8Array> {
  let handle: FileHandle | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      handle ??= await open(path, 'r');
      const buf = new Uint8Array(READ_CHUNK);
      const { bytesRead } = await handle.read(buf, 0, READ_CHUNK, null);
      if (bytesRead === 0) {
        await handle.close();
        controller.close();
      } else controller.enqueue(buf.subarray(0, bytesRead));
    },
    async cancel() {
      await handle?.close();
    },
  }, { highWaterMark: 0 });
}

/** A recording row as a package source recording (content from the store). */
export function sourceRecording(repo: Repository, n: NodeRow): SourceRecording & {
  sealed: boolean; caseIds: string[];
} {
  const facts = withNames(repo, recordingFacts({ id: n.id, name: n.name,
    content: { sizeInBytes: n.content?.size ?? 0 }, properties: propertiesJson(n) }));
  const caseIds = sourcesOf(repo, n.id, 'efr:caseRecordings').map((c) => c.id);
  const sha = n.content?.sha256 ?? '';
  return { ...facts, caseIds, open: () => storedStream(repo.store.pathOf(sha)) };
}

/**
 * The people of a recording by name (core people.displayName: 王明), as the written description
 * for a court names them (issue 19, point 2); an id that is no person stays as it is.
 */
function withNames<T extends RecordingFacts>(repo: Repository, f: T): T {
  const name = (id: string | undefined): string | undefined => {
    if (id === undefined) return undefined;
    const p = repo.auth.person(id);
    return p ? personDisplayName(p) || id : id;
  };
  return { ...f, officer: name(f.officer), coOfficer: name(f.coOfficer),
    sealedBy1: name(f.sealedBy1), sealedBy2: name(f.sealedBy2) };
}

/** Access-log entries about the nodes, up to `until` (ms), in chain order. */
export function logEntriesOf(repo: Repository, nodeIds: readonly string[], until: number):
  LogExtractEntry[] {
  if (nodeIds.length === 0) return [];
  const marks = nodeIds.map(() => '?').join(',');
  const rows = repo.db.prepare(`SELECT id, entry_json, prev_hash, hash FROM access_log
    WHERE node_id IN (${marks}) AND created_at <= ? ORDER BY id`).all(...nodeIds, until) as
    { id: number; entry_json: string; prev_hash: string; hash: string }[];
  return rows.map(parseLogRow);
}

/** Package JSON of a node. */
export function packageJson(repo: Repository, n: NodeRow): EvidencePackage {
  const recs = repo.db.prepare(`SELECT target_id FROM peer_assocs WHERE source_id = ? AND
    type = 'efr:packageRecordings' ORDER BY target_id`).all(n.id) as { target_id: string }[];
  return {
    id: n.id, name: n.name, caseId: targetOf(repo, n.id, 'efr:packageCase')?.id ?? null,
    caseNumber: textOf(n, 'efr:caseNumber'), producer: textOf(n, 'efr:producer'),
    extractor: textOf(n, 'efr:extractor'), extractionTime: toInstant(n.props['efr:extractionTime']),
    medium: textOf(n, 'efr:medium'), label: textOf(n, 'efr:discLabel'),
    imageSha256: textOf(n, 'efr:imageSha256'), imageSize: n.content?.size ?? 0,
    recordingIds: recs.map((r) => r.target_id), createdAt: new Date(n.createdAt).toISOString(),
    createdBy: n.createdBy, job: jobJson(n),
  };
}

/** Packages of a case that the caller may read, newest first. */
export function packagesOfCase(repo: Repository, c: Caller, caseNode: NodeRow): NodeRow[] {
  return sourcesOf(repo, caseNode.id, 'efr:packageCase')
    .filter((n) => n.type === 'efr:evidencePackage' && c.perms.has(n, 'Read'))
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
}
