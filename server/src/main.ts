import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer } from './app.js';
import { DEMO_USERS } from './demo/users.js';
import { MissingToolError } from './missing-tool.js';

/**
 * CLI entry: `node --import tsx server/src/main.ts`. Environment: EFR_PORT (8080),
 * EFR_DATA_DIR (./.efr-data), EFR_DEMO=1 (seed the demo data on first start),
 * EFR_DEMO_PASSWORD (efr-demo), EFR_APP_DIR (dist/efr-app/browser when built),
 * EFR_CONTENT_APP_DIR (dist/content-app/browser when built), EFR_HOST.
 */
async function main(): Promise<void> {
  const port = Number(process.env.EFR_PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Invalid EFR_PORT: ${process.env.EFR_PORT}`);
  const dataDir = resolve(process.env.EFR_DATA_DIR ?? './.efr-data');
  const demo = process.env.EFR_DEMO === '1' || process.env.EFR_DEMO === 'true';
  const demoPassword = process.env.EFR_DEMO_PASSWORD || 'efr-demo';
  const defaultApp = resolve('dist/efr-app/browser');
  const appDir = process.env.EFR_APP_DIR ?? (existsSync(defaultApp) ? defaultApp : undefined);
  const defaultContentApp = resolve('dist/content-app/browser');
  const contentAppDir = process.env.EFR_CONTENT_APP_DIR
    ?? (existsSync(defaultContentApp) ? defaultContentApp : undefined);
  const server = await startServer({ dataDir, port, demo, demoPassword, appDir, contentAppDir });
  console.log(`EFR repository listening on ${server.url} (data: ${dataDir})`);
  if (appDir) console.log(`Serving the app from ${appDir}`);
  if (contentAppDir) console.log(`Serving the Content App at /content-app/ from ${contentAppDir}`);
  if (demo) {
    console.log('Demo logins: admin / admin');
    for (const u of DEMO_USERS)
      console.log(`  ${u.id} / ${demoPassword}  (${u.firstName}${u.lastName ?? ''}, ${u.group})`);
  }
  let closing = false;
  const stop = (sig: string): void => {
    if (closing) return;
    closing = true;
    console.log(`${sig}: closing`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  // A missing external program is the newcomer's problem, not a bug: its one sentence names
  // the command that fixes it, and a stack trace would only bury it (issue 21).
  console.error(err instanceof MissingToolError ? err.message : err);
  process.exit(1);
});
