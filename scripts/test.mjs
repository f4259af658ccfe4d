// `npm test`: runs every suite of the project and ends with one line `N passed, N failed`.
//   node  – Jasmine specs in Node (core, content model, module build + Rhino, server, contract,
//           reliability, deployment checks), TypeScript loaded through tsx
//   karma – Angular unit specs (src/, extension/) in Debian's Chromium, headless
//   e2e   – Playwright (playwright-core + /usr/bin/chromium) specs driven by Jasmine against the
//           built app and a server started by the specs themselves
// `--only <suite>` runs one of them. Each suite writes test-results/<suite>.counts.json.
// First it makes sure the Debian packages of scripts/debian-packages.json are installed
// (installing them as root, else printing the `apt-get install` line and stopping), and the
// npm packages too (`npm ci` when node_modules has none).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { ensureDebianPackages } from './debian-packages.mjs';

const root = resolve(import.meta.dirname, '..');
const results = resolve(root, 'test-results');
mkdirSync(results, { recursive: true });
const onlyIdx = process.argv.indexOf('--only');
const only = onlyIdx >= 0 ? process.argv[onlyIdx + 1] : undefined;

/** Whether a folder holds at least one file whose name ends with `suffix` (node_modules aside). */
function hasFiles(dir, suffix) {
  const abs = resolve(root, dir);
  if (!existsSync(abs)) return false;
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    if (entry.isDirectory() && hasFiles(join(dir, entry.name), suffix)) return true;
    if (entry.isFile() && entry.name.endsWith(suffix)) return true;
  }
  return false;
}

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function readCounts(name, exitCode) {
  const file = resolve(results, `${name}.counts.json`);
  if (!existsSync(file)) {
    // The runner died before it could report: count the whole suite as one failure.
    return { suite: name, passed: 0, failed: 1, skipped: 0, failures: [`${name} did not report (exit ${exitCode})`] };
  }
  const c = JSON.parse(readFileSync(file, 'utf8'));
  if (exitCode !== 0 && c.failed === 0) {
    c.failed = 1;
    c.failures = [...(c.failures ?? []), `${name} exited with ${exitCode}`];
  }
  return c;
}

const NODE_SPEC_DIRS = ['core', 'content-model', 'behaviors', 'server', 'bin', 'docker', 'share-ui', 'scripts'];
const suites = [
  {
    name: 'node',
    present: () => true,
    run: () =>
      run(process.execPath, [
        '--import', 'tsx', 'scripts/run-jasmine.mjs', 'node',
        ...NODE_SPEC_DIRS.map((d) => `${d}/**/*.spec.ts`),
        'test/!(e2e)/**/*.spec.ts',
      ]),
  },
  {
    name: 'karma',
    present: () => existsSync(resolve(root, 'angular.json')) && (hasFiles('src', '.spec.ts') || hasFiles('extension', '.spec.ts')),
    run: () => run('npx', ['ng', 'test', '--watch=false', '--no-progress'], { CHROME_BIN: '/usr/bin/chromium' }),
  },
  {
    name: 'e2e',
    present: () => hasFiles('test/e2e', '.e2e.ts'),
    run: () => {
      return run(process.execPath, ['--import', 'tsx', 'scripts/run-jasmine.mjs', 'e2e', 'test/e2e/**/*.e2e.ts'], {
        EFR_SPEC_TIMEOUT_MS: '180000',
      });
    },
  },
];

/**
 * Builds the app once, before the suites, when one of them serves it: the e2e specs, and the
 * deployment specs of the node suite that run the built app behind docker/app/nginx.conf.
 * In CI it is always rebuilt; locally an existing build is reused (`npm run build` refreshes).
 */
function buildAppIfNeeded() {
  if (!existsSync(resolve(root, 'angular.json'))) return 0;
  if (existsSync(resolve(root, 'dist/efr-app/browser/index.html')) && !process.env.CI) return 0;
  console.log('\n=== building the app (ng build, then precompressed variants) ===');
  return run(process.execPath, ['scripts/build-app.mjs']);
}

/**
 * Installs the npm packages when they are not there (`npm test` on a fresh clone, without
 * `npm install` first); returns whether they are there now.
 */
function ensureNpmPackages() {
  if (existsSync(resolve(root, 'node_modules/jasmine/package.json'))) return true;
  console.log('npm test: installing the npm packages first (npm ci)');
  return run('npm', ['ci', '--no-audit', '--no-fund']) === 0;
}

if (!ensureDebianPackages() || !ensureNpmPackages()) {
  console.log('\n=== summary ===');
  console.log('setup: Debian or npm packages missing (see above); no suite ran');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
/** Whole seconds since `start` (ms): each phase's time in the summary, to see where a run goes. */
const secondsSince = (start) => Math.round((Date.now() - start) / 1000);
const buildStart = Date.now();
if (only !== 'karma' && buildAppIfNeeded() !== 0) {
  totals.failed++;
  lines.push('build: the app build (ng build) failed; specs that serve it fail too');
} else if (only !== 'karma') {
  lines.push(`build: ${secondsSince(buildStart)} s`);
}
for (const suite of suites) {
  if (only && suite.name !== only) continue;
  if (!suite.present()) {
    lines.push(`${suite.name}: no specs`);
    continue;
  }
  rmSync(resolve(results, `${suite.name}.counts.json`), { force: true });
  console.log(`\n=== suite: ${suite.name} ===`);
  const suiteStart = Date.now();
  const code = suite.run();
  const c = readCounts(suite.name, code);
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
  lines.push(`${suite.name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped ` +
    `(${secondsSince(suiteStart)} s)`);
  for (const f of c.failures ?? []) lines.push(`  FAILED ${f}`);
}
console.log('\n=== summary ===');
for (const l of lines) console.log(l);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
