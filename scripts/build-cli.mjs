// `npm run build:cli` (also run by `npm run build`): bundles the `efr` command line
// (bin/efr-cli.ts and what it imports, one chunk per command) with esbuild into dist/cli/, so
// that `npx efr` runs on plain Node. Through tsx, start-up alone costs ~0.3 s of CPU, most of
// the time of a small evidence disc (issue 20). npm packages stay external (node_modules).
// bin/efr.mjs uses the bundle only while it is newer than every source it was built from
// (listed in dist/cli/inputs.json); otherwise, as in development, it runs the sources
// through tsx.
import { buildSync } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');

/**
 * Worker modules, emitted beside the chunks: code starts them by a URL relative to its own
 * module (`new URL('./x.mjs', import.meta.url)`), which esbuild leaves as written.
 */
const WORKERS = ['server/src/evidence/description-pdf-worker.mjs'];

/**
 * Bundles `entries` (paths under the checkout) into `outdir` as ES modules for Node, split
 * per dynamic import, with the worker modules beside them, and returns the source files that
 * went in (checkout-relative). The disc benchmark bundles its child the same way.
 * @param {string[]} entries
 * @param {string} outdir
 * @returns {string[]}
 */
export function bundleForNode(entries, outdir) {
  const entryPoints = [...entries, ...WORKERS].map((e) => ({
    in: resolve(root, e), out: basename(e).replace(/\.[cm]?[jt]s$/, '') }));
  const result = buildSync({
    entryPoints, absWorkingDir: root, bundle: true,
    splitting: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external',
    outdir, outExtension: { '.js': '.mjs' }, metafile: true, logLevel: 'warning',
  });
  return Object.keys(result.metafile.inputs).filter((p) => !p.startsWith('node_modules/'));
}

/** Where the CLI bundle goes, and its list of inputs (read by bin/efr.mjs). */
export const CLI_DIR = resolve(root, 'dist/cli');

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  rmSync(CLI_DIR, { recursive: true, force: true });
  mkdirSync(CLI_DIR, { recursive: true });
  const inputs = bundleForNode(['bin/efr-cli.ts'], CLI_DIR);
  writeFileSync(resolve(CLI_DIR, 'inputs.json'), JSON.stringify(inputs) + '\n');
  console.log(`efr CLI bundled into dist/cli/ (${inputs.length} source files)`);
}
