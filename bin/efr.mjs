#!/usr/bin/env node
// The `efr` command line (`npx efr …`). Commands live in TypeScript beside the code they drive
// and are loaded through tsx, so the CLI runs from a checkout without a build step.
import { register } from 'tsx/esm/api';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

register();
const root = resolve(import.meta.dirname, '..');
const entry = resolve(root, 'bin/efr-cli.ts');
if (!existsSync(entry)) {
  console.error('efr: bin/efr-cli.ts is missing from this checkout');
  process.exit(2);
}
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
