#!/usr/bin/env node
// The `efr` command line (`npx efr …`). Commands live in TypeScript beside the code they drive.
// `npm run build` (or `npm run build:cli`) bundles them into dist/cli/ (scripts/build-cli.mjs),
// which runs on plain Node; tsx's start-up alone costs ~0.3 s of CPU (issue 20). Without a
// bundle, or when a source it was built from has changed since (development), the sources
// are run through tsx, so the CLI also works from a checkout without a build step.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** The bundled CLI when it is newer than every source it was built from, else undefined. */
function currentBundle() {
  const entry = resolve(root, 'dist/cli/efr-cli.mjs');
  const list = resolve(root, 'dist/cli/inputs.json');
  if (!existsSync(entry) || !existsSync(list)) return undefined;
  const built = statSync(entry).mtimeMs;
  const inputs = JSON.parse(readFileSync(list, 'utf8'));
  for (const source of inputs) {
    const s = statSync(resolve(root, source), { throwIfNoEntry: false });
    if (!s || s.mtimeMs > built) return undefined;
  }
  return entry;
}

let entry = currentBundle();
if (!entry) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = resolve(root, 'bin/efr-cli.ts');
  if (!existsSync(entry)) {
    console.error('efr: bin/efr-cli.ts is missing from this checkout');
    process.exit(2);
  }
}
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
