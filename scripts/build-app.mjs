// `npm run build`: the production builds of both shells (`ng build`): the lean shell
// (dist/efr-app, served at `/`, built from extension/'s sources) and the Alfresco Content App
// with the EFR plugin (dist/content-app, served at `/content-app/`, issue 17), built against
// the plugin's packed tarball as a host installs it (`npm run build:plugin`, installed into
// dist/content-app-deps/ by scripts/build-plugin.mjs), then their precompressed variants
// (scripts/compress-app.mjs: `.br` and `.gz` beside each text file, issue 20), then the `efr`
// CLI bundle (scripts/build-cli.mjs: runs on plain Node, issue 20). Arguments are passed on to
// both `ng build`s; EFR_BUILD_ONLY=efr-app or efr-content-app builds one. The Content App's
// texts are ACA's with content-app/i18n laid over them (layAppTexts).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
const APPS = [
  { project: 'efr-app', dir: 'dist/efr-app/browser' },
  { project: 'efr-content-app', dir: 'dist/content-app/browser' },
].filter((app) => !process.env.EFR_BUILD_ONLY || app.project === process.env.EFR_BUILD_ONLY);
/** `base` with every text of `over` laid over it (nested objects merged, texts replaced). */
function layTexts(base, over) {
  const out = { ...base };
  for (const [k, v] of Object.entries(over)) {
    out[k] = v && typeof v === 'object' && out[k] && typeof out[k] === 'object'
      ? layTexts(out[k], v) : v;
  }
  return out;
}

/**
 * Lays content-app/i18n/<lang>.json over ACA's own texts in the built app
 * (`assets/i18n/<lang>.json`, copied from aca-content: ADF's 'app' translations). ADF merges the
 * 'app' file after every other (adf-core 9.0.0 TranslateLoaderService.getFullTranslationJSON),
 * so a file of our own could add what ADF and ACA ship no zh-CN for, but never correct a text
 * ACA ships in English in its zh-CN ("Repository").
 */
function layAppTexts(dir) {
  const source = join(root, 'content-app/i18n');
  for (const file of readdirSync(source).filter((f) => f.endsWith('.json'))) {
    const target = join(dir, 'assets/i18n', file);
    const aca = JSON.parse(readFileSync(target, 'utf8'));
    const ours = JSON.parse(readFileSync(join(source, file), 'utf8'));
    writeFileSync(target, `${JSON.stringify(layTexts(aca, ours), null, 2)}\n`);
  }
}

for (const app of APPS) {
  if (app.project === 'efr-content-app') {
    const packed = run(process.execPath, ['scripts/build-plugin.mjs', '--install']);
    if (packed !== 0) process.exit(packed);
  }
  const built = run('npx', ['ng', 'build', app.project, ...process.argv.slice(2)]);
  if (built !== 0) process.exit(built);
  if (app.project === 'efr-content-app') layAppTexts(resolve(root, app.dir));
  const compressed = run(process.execPath, ['scripts/compress-app.mjs', resolve(root, app.dir)]);
  if (compressed !== 0) process.exit(compressed);
}
process.exit(run(process.execPath, ['scripts/build-cli.mjs']));
