// `npm run bench`: the server/ benchmarks of issue 3 (ingest vs sha256sum+cp+sync, peak memory,
// listing/filtering 100 000 recordings). The benchmark code is TypeScript under test/bench/, run
// here through tsx in a child process so that this launcher stays plain Node. Not part of
// `npm test`; writes docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/bench/run-bench.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
process.exit(r.status ?? 1);
