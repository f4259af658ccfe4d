// `npm start`: builds the app when it has not been built yet, then runs the embedded reference
// repository (server/) with demo data on http://localhost:8080 (EFR_PORT to change).
// Demo data is seeded only into an empty data dir; set EFR_DEMO=0 to start without it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const appIndex = resolve(root, 'dist/efr-app/browser/index.html');
if (!existsSync(appIndex) && existsSync(resolve(root, 'angular.json'))) {
  console.log('Building the EFR app (first start only; `npm run build` rebuilds it)…');
  const built = spawnSync(process.execPath, ['scripts/build-app.mjs'],
    { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
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
