// `npm run build`: the production builds of both shells (`ng build`): the lean shell
// (dist/efr-app, served at `/`, built from extension/'s sources) and the Alfresco Content App
// with the EFR plugin (dist/content-app, served at `/content-app/`, issue 17), built against
// the plugin's packed tarball as a host installs it (`npm run build:plugin`, installed into
// dist/content-app-deps/ by scripts/build-plugin.mjs), then their precompressed variants
// (scripts/compress-app.mjs: `.br` and `.gz` beside each text file, issue 20), then the `efr`
// CLI bundle (scripts/build-cli.mjs: runs on plain Node, issue 20). Arguments are passed on to
// both `ng build`s; EFR_BUILD_ONLY=efr-app or efr-content-app builds one.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
const APPS = [
  { project: 'efr-app', dir: 'dist/efr-app/browser' },
  { project: 'efr-content-app', dir: 'dist/content-app/browser' },
].filter((app) => !process.env.EFR_BUILD_ONLY || app.project === process.env.EFR_BUILD_ONLY);
for (const app of APPS) {
  if (app.project === 'efr-content-app') {
    const packed = run(process.execPath, ['scripts/build-plugin.mjs', '--install']);
    if (packed !== 0) process.exit(packed);
  }
  const built = run('npx', ['ng', 'build', app.project, ...process.argv.slice(2)]);
  if (built !== 0) process.exit(built);
  const compressed = run(process.execPath, ['scripts/compress-app.mjs', resolve(root, app.dir)]);
  if (compressed !== 0) process.exit(compressed);
}
process.exit(run(process.execPath, ['scripts/build-cli.mjs']));
