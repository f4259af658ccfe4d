/**
 * Bench of issue 18 (`EFR_BENCH_ONLY=archive`): (a) a fixity round as efr worker runs it in
 * both hosts (over the REST API, unpaced: the rate limit is a setting) against `sha256sum` over the same stored files,
 * interleaved, best of; (b) the access log's Merkle tree at 10^6 entries: append cost per entry
 * (leaf hash of the canonical entry + the subtrees it completes, in SQLite transactions as the
 * log writes them), stored bytes per entry, and proof sizes and times at that size.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { createReadStream } from 'node:fs';
import type { LogEntryFacts } from '../../core/src/index.js';
import { startServer } from '../../server/src/app.js';
import { openDatabase } from '../../server/src/db/database.js';
import { EfrWorker } from '../../server/src/worker/efr-worker.js';
import { WORKER_USER } from '../../server/src/worker/in-process.js';
import { fixityJobs } from '../../server/src/worker/jobs/fixity.js';
import {
  appendToTree, proofOfConsistency, proofOfEntry, rootAt,
} from '../../server/src/access-log/log-tree.js';
import { createNode } from '../../server/src/repo/node-writes.js';
import type { NodeRow } from '../../server/src/repo/node-rows.js';
import { recordingProps } from '../../server/src/testing/temp-repository.js';
import { makeLargeFile } from '../support/media.js';
import { tempDir } from '../support/server-harness.js';

/** Fixity against sha256sum. */
export interface FixityBench {
  files: number;
  bytes: number;
  sha256sumSeconds: number;
  fixitySeconds: number;
  /** sha256sum time / fixity time (≥ 0.9 is the goal). */
  ratio: number;
  runs: { sha256sum: number[]; fixity: number[] };
}

/** The Merkle tree at a size. */
export interface MerkleBench {
  entries: number;
  appendMicros: number;
  /** Rows and bytes of access_log_tree per entry. */
  nodesPerEntry: number;
  bytesPerEntry: number;
  inclusionProofHashes: number;
  inclusionProofBytes: number;
  inclusionProofMicros: number;
  consistencyProofHashes: number;
  consistencyProofBytes: number;
  consistencyProofMicros: number;
  rootMicros: number;
}

/** Runs (a): `count` recordings of `bytes` each, `reps` interleaved runs. */
export async function benchFixity(count: number, bytes: number, reps: number,
  log: (s: string) => void): Promise<FixityBench> {
  const dir = tempDir('bench-fixity');
  try {
    const server = await startServer({ dataDir: join(dir, 'data'), port: 0, host: '127.0.0.1',
      demo: true, worker: false });
    const repo = server.repository;
    const c = repo.caller('admin');
    const home = repo.rows.get(repo.companyHomeId()) as NodeRow;
    const paths: string[] = [];
    for (let i = 0; i < count; i++) {
      const src = join(dir, `src-${i}.bin`);
      const made = await makeLargeFile(src, bytes, i + 1);
      const staged = await repo.store.stage(Readable.from(createReadStream(src)));
      rmSync(src);
      const node = await createNode(repo, c, home, {
        name: `bench-${i}.mp4`, nodeType: 'efr:recording', autoRename: false, fromText: false,
        properties: recordingProps(true, { 'efr:sha256': made.sha256, 'efr:sizeBytes': bytes }),
        content: { staged, mimeType: 'video/mp4' },
      });
      paths.push(repo.store.pathOf(node.content?.sha256 as string));
    }
    const worker = new EfrWorker({ connection: { url: server.url, user: WORKER_USER,
      password: '', ticket: () => repo.auth.issueTicket(WORKER_USER) },
    jobs: [fixityJobs({ roundMinutes: 0, unpaced: true })] });
    const runs = { sha256sum: [] as number[], fixity: [] as number[] };
    // Warm the page cache for both contenders alike.
    spawnSync('sha256sum', paths, { stdio: 'ignore' });
    for (let r = 0; r < reps; r++) {
      let t = performance.now();
      const s = spawnSync('sha256sum', paths, { stdio: ['ignore', 'ignore', 'inherit'] });
      if (s.status !== 0) throw new Error('sha256sum failed');
      runs.sha256sum.push((performance.now() - t) / 1000);
      // Every recording due again; the demo's few small ones are read too.
      repo.db.prepare(`UPDATE nodes SET props = json_remove(props, '$."efr:fixityCheckedAt"')
        WHERE type = 'efr:recording'`).run();
      const asked = await fetch(`${server.url}/alfresco/s/efr/fixity/run`, { method: 'POST',
        headers: { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}`,
          'content-type': 'application/json' }, body: JSON.stringify({ roundMinutes: 1440 }) });
      if (asked.status !== 202) throw new Error(`fixity run: ${asked.status}`);
      t = performance.now();
      const done = await worker.runOnce();
      runs.fixity.push((performance.now() - t) / 1000);
      if (done.length !== 1 || done[0].state !== 'built') throw new Error('fixity round failed');
      log(`  run ${r + 1}: sha256sum ${runs.sha256sum[r].toFixed(2)} s, ` +
        `fixity ${runs.fixity[r].toFixed(2)} s`);
    }
    await server.close();
    const best = (xs: number[]) => Math.min(...xs);
    return { files: count, bytes: count * bytes, sha256sumSeconds: best(runs.sha256sum),
      fixitySeconds: best(runs.fixity), ratio: best(runs.sha256sum) / best(runs.fixity), runs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs (b): a tree of `entries` leaves in a fresh database. */
export function benchMerkle(entries: number, log: (s: string) => void): MerkleBench {
  const dir = tempDir('bench-merkle');
  try {
    const db = openDatabase(dir);
    const before = statSync(join(dir, 'repository.sqlite')).size;
    const batch = 10_000;
    let busy = 0;
    for (let start = 0; start < entries; start += batch) {
      const facts: LogEntryFacts[] = [];
      for (let i = start; i < Math.min(entries, start + batch); i++) {
        facts.push({ id: String(i + 1), seq: i + 1, at: new Date(1765000000000 + i).toISOString(),
          user: 'custodian1', action: 'read', nodeId: `node-${i % 5000}`,
          values: { range: 'bytes=0-1048575', request: 'req-42' } });
      }
      const t = performance.now();
      db.transaction(() => {
        for (const f of facts) appendToTree(db, f);
      })();
      busy += performance.now() - t;
      if ((start / batch) % 20 === 0) log(`  merkle: ${start + batch} entries`);
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    const rows = db.prepare('SELECT COUNT(*) FROM access_log_tree').pluck().get() as number;
    const after = statSync(join(dir, 'repository.sqlite')).size;
    const time = (fn: () => unknown, n: number): number => {
      const t = performance.now();
      for (let i = 0; i < n; i++) fn();
      return (performance.now() - t) * 1000 / n;
    };
    const seqs = [1, 777_777 % entries + 1, entries];
    const proof = proofOfEntry(db, seqs[1], entries);
    const consistency = proofOfConsistency(db, Math.floor(entries / 3), entries);
    const olds = [1, Math.floor(entries / 3), entries - 1];
    const result = { entries, appendMicros: busy * 1000 / entries, nodesPerEntry: rows / entries,
      bytesPerEntry: (after - before) / entries, inclusionProofHashes: proof.length,
      inclusionProofBytes: proof.length * 32,
      inclusionProofMicros: time(() => proofOfEntry(db, seqs[(Math.random() * 3) | 0], entries),
        200),
      consistencyProofHashes: consistency.length, consistencyProofBytes: consistency.length * 32,
      consistencyProofMicros: time(() => proofOfConsistency(db, olds[(Math.random() * 3) | 0],
        entries), 200),
      rootMicros: time(() => rootAt(db, entries - 12345), 200) };
    db.close();
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
