// `npm run build:plugin` (issue 17): the EFR plugin as an Angular library an existing Alfresco
// Content App or Digital Workspace project installs. ng-packagr builds `extension/public-api.ts`
// (with the `core/` rules and `contract/` types it imports) in Angular's partial compilation
// mode into dist/efr-aca-extension/ (FESM2022 with one chunk per lazy screen, typings), with
// `efr.plugin.json` and every feature's i18n under `assets/`, laid out as the host serves them
// (`assets/plugins/efr.plugin.json`, `assets/efr-<feature>/i18n/*.json`); then `npm pack`
// writes dist/efr-aca-extension-<version>.tgz. docs/deploy.md, section 2.3a, says how a host
// uses it; `npm run build` installs the tarball into the repository's own Content App.
//
// ng-packagr compiles only what is under the folder of its ng-package.json, and a package's
// sources must not reach outside it: the sources are staged in dist/plugin-src/ first (spec
// and mock files left out), with the same relative layout, so no import is rewritten.
import { spawnSync } from 'node:child_process';
import {
  cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const plugin = JSON.parse(readFileSync(join(root, 'extension/efr.plugin.json'), 'utf8'));

/** The package's name on npm (`npm install`, `import … from`). */
export const PLUGIN_PACKAGE = '@efr/aca-extension';
/** Where ng-packagr writes the package, and where the sources are staged. */
export const PLUGIN_DIST = join(root, 'dist/efr-aca-extension');
const STAGE = join(root, 'dist/plugin-src');
/** The packed tarball (`npm pack`). */
export const PLUGIN_TARBALL = join(root, `dist/efr-aca-extension-${plugin.$version}.tgz`);

/**
 * The host's packages the plugin's code imports (every bare import of the built package,
 * checked both ways by test/plugin/plugin-package.spec.ts): peers, so that the host's single
 * copy of Angular, ADF and ngx-translate is the one the plugin registers with. Versions are the
 * root package.json's. Its one dependency is the tslib ng-packagr adds to every package (the
 * code imports no helper at ES2022); the `contract/` types reach no public typing, so TypeBox
 * is not needed.
 */
export const PEERS = [
  '@alfresco/adf-content-services', '@alfresco/adf-core', '@alfresco/adf-extensions',
  '@alfresco/js-api', '@angular/common', '@angular/core', '@angular/forms', '@angular/material',
  '@angular/material-date-fns-adapter', '@angular/router', '@mat-datetimepicker/core',
  '@ngrx/effects', '@ngx-translate/core', '@videogular/ngx-videogular', 'date-fns',
  'hash-wasm', 'rxjs',
];

/** Source folders staged, and the files of them left out. */
const SOURCES = ['extension', 'core/src', 'contract', 'content-model/src'];
const LEFT_OUT = /(\.spec\.ts|\.md)$|\/mock\//;

/** Every `extension/<feature>/i18n` folder, served as `assets/efr-<feature>/i18n`. */
export function i18nFolders() {
  const dirs = [];
  for (const e of readdirSync(join(root, 'extension'), { withFileTypes: true })) {
    if (e.isDirectory() && existsSync(join(root, 'extension', e.name, 'i18n'))) {
      dirs.push({ input: `extension/${e.name}/i18n`, output: `assets/efr-${e.name}/i18n` });
    }
  }
  return dirs;
}

function versionOf(name) {
  const v = rootPackage.dependencies?.[name] ?? rootPackage.devDependencies?.[name];
  if (!v) throw new Error(`build:plugin: ${name} is not a dependency of package.json`);
  return v;
}

function stage() {
  rmSync(STAGE, { recursive: true, force: true });
  for (const dir of SOURCES) {
    cpSync(join(root, dir), join(STAGE, dir), {
      recursive: true,
      filter: (src) => !LEFT_OUT.test(relative(root, src).split('\\').join('/')),
    });
  }
  const peerDependencies = Object.fromEntries(PEERS.map((n) => [n, versionOf(n)]));
  writeFileSync(join(STAGE, 'package.json'), `${JSON.stringify({
    name: PLUGIN_PACKAGE,
    version: plugin.$version,
    description: 'EFR (enforcement full-process records) as an ADF extension plugin for the ' +
      'Alfresco Content App 8 / ADF 9: efr.plugin.json, provideEfrExtension() and the screens',
    license: rootPackage.license,
    keywords: ['alfresco', 'adf', 'aca', 'extension', 'plugin'],
    peerDependencies,
  }, null, 2)}\n`);
  writeFileSync(join(STAGE, 'ng-package.json'), `${JSON.stringify({
    $schema: '../../node_modules/ng-packagr/ng-package.schema.json',
    dest: relative(STAGE, PLUGIN_DIST),
    deleteDestPath: true,
    // ng-packagr compiles under the entry file's folder only (its rootDir): the entry sits at
    // the top of the staged tree, above extension/, core/, contract/ and content-model/.
    lib: { entryFile: 'public-api.ts' },
    assets: [
      { glob: 'efr.plugin.json', input: 'extension', output: 'assets/plugins' },
      // EFR's global classes, linked into the host by provideEfrExtension().
      { glob: 'efr.css', input: 'extension/shared', output: 'assets/efr' },
      ...i18nFolders().map((d) => ({ glob: '*.json', ...d })),
      { glob: 'README.md', input: '.', output: '.' },
    ],
  }, null, 2)}\n`);
  // The app's compiler options (tsconfig.app.json), as a library: partial compilation.
  const app = JSON.parse(readFileSync(join(root, 'tsconfig.app.json'), 'utf8'));
  writeFileSync(join(STAGE, 'tsconfig.lib.json'), `${JSON.stringify({
    compilerOptions: {
      ...app.compilerOptions,
      outDir: undefined,
      declaration: true,
      declarationMap: false,
      types: [],
    },
    angularCompilerOptions: { ...app.angularCompilerOptions, compilationMode: 'partial' },
    files: ['public-api.ts'],
  }, null, 2)}\n`);
  writeFileSync(join(STAGE, 'public-api.ts'), "export * from './extension/public-api';\n");
  cpSync(join(root, 'extension/PACKAGE.md'), join(STAGE, 'README.md'));
}

function run(cmd, args, cwd = root) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build:plugin: ${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

/** Stages, builds and packs; returns the tarball's path. */
export function buildPlugin() {
  const started = Date.now();
  stage();
  run(process.execPath, [join(root, 'node_modules/ng-packagr/src/cli/main.js'),
    '-p', join(STAGE, 'ng-package.json'), '-c', join(STAGE, 'tsconfig.lib.json')]);
  mkdirSync(join(root, 'dist'), { recursive: true });
  rmSync(PLUGIN_TARBALL, { force: true });
  run('npm', ['pack', '--silent', '--pack-destination', join(root, 'dist'), PLUGIN_DIST]);
  if (!existsSync(PLUGIN_TARBALL)) {
    console.error(`build:plugin: npm pack did not write ${PLUGIN_TARBALL}`);
    process.exit(1);
  }
  console.log(`build:plugin: ${relative(root, PLUGIN_TARBALL)} in ` +
    `${((Date.now() - started) / 1000).toFixed(1)} s`);
  return PLUGIN_TARBALL;
}

/**
 * Where `npm run build` installs the tarball for the repository's own Content App
 * (content-app/, whose tsconfig maps the package name there): a project of its own, so that
 * the install never touches the checkout's node_modules. The package's peers resolve from the
 * checkout's node_modules above it, as a host's would from its own.
 */
export const CONTENT_APP_DEPS = join(root, 'dist/content-app-deps');

/**
 * `npm install`s the tarball into `prefix` as a host project would (offline first: its one
 * dependency, tslib, is in npm's cache since the checkout's own install; `--legacy-peer-deps`
 * leaves the peers to the host); returns the installed package's folder.
 */
export function installPlugin(tarball = PLUGIN_TARBALL, prefix = CONTENT_APP_DEPS) {
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  writeFileSync(join(prefix, 'package.json'),
    `${JSON.stringify({ name: 'efr-content-app-deps', private: true }, null, 2)}\n`);
  const args = ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--legacy-peer-deps',
    '--no-package-lock', tarball];
  // npm's cache holds tslib after any install of the checkout; without it, npm asks its registry.
  const offline = spawnSync('npm', ['--offline', ...args], { cwd: prefix, stdio: 'inherit' });
  if (offline.status !== 0) run('npm', ['--prefer-offline', ...args], prefix);
  const installed = join(prefix, 'node_modules', PLUGIN_PACKAGE);
  if (!existsSync(join(installed, 'package.json'))) {
    console.error(`build:plugin: npm install did not install ${PLUGIN_PACKAGE} in ${prefix}`);
    process.exit(1);
  }
  console.log(`build:plugin: installed ${PLUGIN_PACKAGE} into ${relative(root, installed)}`);
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildPlugin();
  if (process.argv.includes('--install')) installPlugin();
}
