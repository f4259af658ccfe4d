// `npm run bench`: the benchmarks of DESIGN.md "What the numbers must be" (ingest vs
// sha256sum+cp+sync, listing/filtering 100 000 recordings, the evidence disc image vs xorriso,
// seeking in a 2 GB recording in the player). The benchmark code is TypeScript under
// test/bench/, run here through tsx in a child process so that this launcher stays plain Node.
// Not part of `npm test`; writes docs/benchmarks.md. One part: EFR_BENCH_ONLY=disc (or ingest,
// listing, seek, firstload, plugin, hashing, archive; comma-separated).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/bench/run-bench.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
process.exit(r.status ?? 1);
