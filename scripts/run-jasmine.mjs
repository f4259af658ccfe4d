// Runs one Jasmine suite in Node (TypeScript specs are loaded through tsx, which the caller
// registers with `node --import tsx`) and writes its counts to test-results/<name>.counts.json
// so that scripts/test.mjs can total every suite of the project on one line.
import Jasmine from 'jasmine';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [name, ...patterns] = process.argv.slice(2);
if (!name || patterns.length === 0) {
  console.error('usage: node --import tsx scripts/run-jasmine.mjs <suite-name> <glob>...');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const counts = { suite: name, passed: 0, failed: 0, skipped: 0, failures: [] };

const jasmine = new Jasmine({ projectBaseDir: root });
jasmine.exitOnCompletion = false;
jasmine.loadConfig({
  spec_dir: '.',
  spec_files: patterns,
  // Every answer of an EFR web script a spec receives is checked against contract/ (issue 15).
  helpers: ['test/support/contract-check.helper.ts'],
  jsLoader: 'import',
  env: { random: false, stopSpecOnExpectationFailure: false, failSpecWithNoExpectations: true },
});
jasmine.jasmine.DEFAULT_TIMEOUT_INTERVAL = Number(process.env.EFR_SPEC_TIMEOUT_MS ?? 60_000);
jasmine.addReporter({
  specDone(result) {
    if (result.status === 'passed') counts.passed++;
    else if (result.status === 'failed') {
      counts.failed++;
      counts.failures.push(result.fullName);
    } else counts.skipped++;
  },
  suiteDone(result) {
    // An error in beforeAll/afterAll fails the suite without failing a spec: count it.
    if (result.failedExpectations?.length) {
      counts.failed++;
      counts.failures.push(`${result.fullName} (suite-level error)`);
    }
  },
});

// Where the time goes: each top-level suite's time (its specs and its own beforeAll/afterAll)
// and the slowest specs, printed after Jasmine's own summary (issue 20).
const timing = { depth: 0, suites: [], specs: [], specsInSuite: 0, specTimeInSuite: 0 };
jasmine.addReporter({
  suiteStarted() {
    if (timing.depth++ === 0) timing.specsInSuite = timing.specTimeInSuite = 0;
  },
  specDone(result) {
    timing.specs.push({ name: result.fullName, ms: result.duration ?? 0 });
    timing.specsInSuite++;
    timing.specTimeInSuite += result.duration ?? 0;
  },
  suiteDone(result) {
    if (--timing.depth > 0) return;
    timing.suites.push({
      name: result.fullName, ms: result.duration ?? 0,
      specs: timing.specsInSuite, hooks: (result.duration ?? 0) - timing.specTimeInSuite,
    });
  },
  jasmineDone() {
    const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
    const SHOWN = 20;
    const suites = [...timing.suites].sort((a, b) => b.ms - a.ms);
    const which = suites.length > SHOWN ? ` (the ${SHOWN} slowest)` : '';
    console.log(`\n${name}: time per suite${which}`);
    for (const t of suites.slice(0, SHOWN)) {
      const outside = `${t.specs} specs, ${s(t.hooks)} outside them`;
      console.log(`  ${s(t.ms).padStart(8)}  ${t.name} (${outside})`);
    }
    console.log(`${name}: the 10 slowest specs`);
    for (const t of [...timing.specs].sort((a, b) => b.ms - a.ms).slice(0, 10)) {
      console.log(`  ${s(t.ms).padStart(8)}  ${t.name}`);
    }
  },
});

let overall;
try {
  overall = await jasmine.execute();
} catch (err) {
  // A spec file that fails to load (syntax error, missing import) ends the run here.
  console.error(err);
  counts.failed++;
  counts.failures.push(`load error: ${err?.message ?? err}`);
}
if (overall?.incompleteReason) console.error(`incomplete: ${overall.incompleteReason}`);
if (overall?.failedExpectations?.length) {
  counts.failed++;
  counts.failures.push('top-level error');
}
mkdirSync(resolve(root, 'test-results'), { recursive: true });
writeFileSync(resolve(root, 'test-results', `${name}.counts.json`), JSON.stringify(counts, null, 2));
process.exit(counts.failed > 0 ? 1 : 0);
