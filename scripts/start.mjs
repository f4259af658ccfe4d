// `npm start`: builds the app when it has not been built yet, then runs the embedded reference
// repository (server/) with demo data on http://localhost:8080 (EFR_PORT to change).
// Demo data is seeded only into an empty data dir; set EFR_DEMO=0 to start without it.
// Whatever a fresh machine lacks is reported in one sentence with the command that fixes it,
// never as a stack trace (issue 21); the demo footage's ffmpeg is checked by the server itself
// (server/src/demo/ffmpeg-binary.ts), which falls back to the npm package's binary.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Prints one sentence about what is missing and how to fix it, and exits with 1. */
function missing(sentence) {
  console.error(sentence);
  process.exit(1);
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 11)) {
  missing(`EFR needs Node 20.11 or newer, but this is Node ${process.versions.node}; ` +
    'install Node 20 (https://nodejs.org, or `apt-get install nodejs` on Debian 13).');
}
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(resolve(root, 'package.json'));
for (const pkg of ['tsx', 'fastify', '@angular/cli']) {
  try {
    require.resolve(`${pkg}/package.json`);
  } catch {
    // MODULE_NOT_FOUND: the npm packages are not installed (npm start before npm install).
    missing(`EFR's npm packages are not installed (no ${pkg}); run \`npm install\` first.`);
  }
}
// better-sqlite3 is native: npm install fetches a prebuilt binary or compiles it, and a failed
// compile only shows at the first `require`; try it in a child so its error stays short.
const sqlite = spawnSync(process.execPath,
  ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: root, encoding: 'utf8' });
if (sqlite.status !== 0) {
  missing('better-sqlite3 has no working native binary for this Node; run ' +
    '`apt-get install -y python3 make g++ && npm rebuild better-sqlite3`.');
}

const appIndex = resolve(root, 'dist/efr-app/browser/index.html');
if (!existsSync(appIndex) && existsSync(resolve(root, 'angular.json'))) {
  console.log('Building the EFR app (first start only; `npm run build` rebuilds it)…');
  const built = spawnSync(process.execPath, ['scripts/build-app.mjs'],
    { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    missing('The app build (`ng build`) failed, see above; fix it, then run `npm start` again.');
  }
}
const env = { ...process.env, EFR_DEMO: process.env.EFR_DEMO ?? '1' };
if (env.EFR_HOST === undefined) env.EFR_HOST = '0.0.0.0';
const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env,
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
