// `npm run build`: the production build of the app (`ng build`), then its precompressed
// variants (scripts/compress-app.mjs: `.br` and `.gz` beside each text file, issue 20), then
// the `efr` CLI bundle (scripts/build-cli.mjs: runs on plain Node, issue 20).
// Arguments are passed on to `ng build`.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
const built = run('npx', ['ng', 'build', ...process.argv.slice(2)]);
if (built !== 0) process.exit(built);
const compressed = run(process.execPath, ['scripts/compress-app.mjs']);
if (compressed !== 0) process.exit(compressed);
process.exit(run(process.execPath, ['scripts/build-cli.mjs']));
