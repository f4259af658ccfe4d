/**
 * `npm run build:plugin` (issue 17): the EFR plugin as the library an existing Content App
 * installs — efr.plugin.json and every feature's translations in the package's `assets/`, one
 * lazy chunk per screen, every package its code imports declared as a peer — and the proof
 * that it installs: npm installs the tarball into a project of its own, and the repository's
 * Content App (the one the e2e specs drive) is built from that installed package, not from
 * extension/'s sources.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import {
  CONTENT_APP_DEPS, PEERS, PLUGIN_PACKAGE, PLUGIN_TARBALL, installPlugin,
} from '../../scripts/build-plugin.mjs';
import { EFR_SCREENS } from '../../extension/efr-screens.js';

const root = resolve(import.meta.dirname, '../..');
const SOURCES = ['extension', 'core/src', 'contract', 'scripts/build-plugin.mjs'];

/** The newest modification time under `path`. */
function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((e) => newest(join(path, e))));
}

/** Builds the tarball unless one newer than every source is there (`npm run build` made it). */
function ensureTarball(): void {
  if (existsSync(PLUGIN_TARBALL) &&
    statSync(PLUGIN_TARBALL).mtimeMs >= Math.max(...SOURCES.map((s) => newest(join(root, s))))) {
    return;
  }
  const r = spawnSync(process.execPath, ['scripts/build-plugin.mjs'], { cwd: root,
    encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build:plugin failed:\n${r.stdout}\n${r.stderr}`);
}

/** The tarball's file names (`package/…`). */
function tarEntries(): string[] {
  const r = spawnSync('tar', ['-tzf', PLUGIN_TARBALL], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout.split('\n').filter(Boolean);
}

/** One file of the tarball, as text. */
function tarFile(name: string): string {
  const r = spawnSync('tar', ['-xzOf', PLUGIN_TARBALL, `package/${name}`], { encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024 });
  expect(r.status).withContext(name).toBe(0);
  return r.stdout;
}

/** A bare import specifier's package name (`@scope/name` or `name`). */
const packageOf = (spec: string): string =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];

describe('npm run build:plugin: the plugin as an installable library (issue 17)', () => {
  let entries: string[];

  beforeAll(() => {
    ensureTarball();
    entries = tarEntries();
  }, 300_000);

  it('packs efr.plugin.json as the host serves it, unchanged', () => {
    expect(JSON.parse(tarFile('assets/plugins/efr.plugin.json')))
      .toEqual(JSON.parse(readFileSync(join(root, 'extension/efr.plugin.json'), 'utf8')));
  });

  it('packs EFR\'s global stylesheet where provideEfrExtension() links it', () => {
    expect(tarFile('assets/efr/efr.css'))
      .toBe(readFileSync(join(root, 'extension/shared/efr.css'), 'utf8'));
    expect(readFileSync(join(root, 'extension/efr-extension.providers.ts'), 'utf8'))
      .toContain("EFR_STYLESHEET = 'assets/efr/efr.css'");
  });

  it('packs both languages of every translation folder a feature registers', () => {
    const registered = new Set<string>();
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts')) {
          for (const m of readFileSync(p, 'utf8')
            .matchAll(/provideFeatureTranslations\('[^']+', '([^']+)'\)/g)) registered.add(m[1]);
        }
      }
    };
    walk(join(root, 'extension'));
    expect(registered.size).toBeGreaterThan(10);
    for (const path of registered) {
      for (const lang of ['en', 'zh-CN']) {
        const file = `${path}/i18n/${lang}.json`;
        expect(entries).withContext(file).toContain(`package/${file}`);
        expect(() => JSON.parse(tarFile(file))).withContext(file).not.toThrow();
      }
    }
  });

  it('keeps every screen a lazy chunk of its own', () => {
    const chunks = entries.filter((e) => e.startsWith('package/fesm2022/') && e.endsWith('.mjs'));
    const modules = new Set(Object.values(EFR_SCREENS).map((load) =>
      String(load).match(/import\(\s*["'`]([^"'`]+)["'`]/)?.[1] ?? ''));
    expect(modules.size).toBeGreaterThan(15);
    for (const module of modules) {
      const base = module.split('/').pop() ?? '';
      expect(base).withContext(module).toMatch(/\.smart-component$/);
      expect(chunks.some((c) => c.includes(`-${base}-`))).withContext(module).toBeTrue();
    }
  });

  it('declares every package its code imports as a peer, and nothing else', () => {
    const manifest = JSON.parse(tarFile('package.json')) as { name: string;
      peerDependencies: Record<string, string>; dependencies?: Record<string, string>;
      exports: Record<string, unknown> };
    expect(manifest.name).toBe(PLUGIN_PACKAGE);
    const imported = new Set<string>();
    for (const e of entries.filter((x) => /\.(mjs|d\.ts)$/.test(x))) {
      for (const m of tarFile(e.replace(/^package\//, ''))
        // Module statements start a line in the FESM and typings; templates hold `from` too.
        .matchAll(/^(?:import|export)\b[^;]*?\sfrom\s*['"]([^'".][^'"]*)['"]|^import\s*['"]([^'".][^'"]*)['"]|\bimport\(\s*['"]([^'".][^'"]*)['"]\s*\)/gm)) {
        const name = packageOf(m[1] ?? m[2] ?? m[3]);
        if (name !== PLUGIN_PACKAGE) imported.add(name);
      }
    }
    expect([...imported].sort()).toEqual(Object.keys(manifest.peerDependencies).sort());
    expect(Object.keys(manifest.peerDependencies).sort()).toEqual([...PEERS].sort());
    // The only dependency is the tslib ng-packagr adds; no EFR source travels as a path.
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(['tslib']);
    expect(entries.some((e) => /\.ts$/.test(e) && !e.endsWith('.d.ts'))).toBeFalse();
  });

  it('installs with npm into a project of its own (offline, peers left to the host)', () => {
    const prefix = mkdtempSync(join(tmpdir(), 'efr-plugin-install-'));
    try {
      const installed = installPlugin(PLUGIN_TARBALL, prefix);
      const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
      expect(manifest.name).toBe(PLUGIN_PACKAGE);
      expect(existsSync(join(installed, manifest.exports['.'].default))).toBeTrue();
      expect(existsSync(join(installed, 'assets/plugins/efr.plugin.json'))).toBeTrue();
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  }, 120_000);

  it('is what the repository\'s Content App is built from (the app of the e2e specs)', () => {
    // The Content App imports the package by name, never extension/'s sources …
    const appSources = readdirSync(join(root, 'content-app')).filter((f) => f.endsWith('.ts'));
    for (const f of appSources) {
      const text = readFileSync(join(root, 'content-app', f), 'utf8');
      expect(text).withContext(f).not.toMatch(/from '\.\.\/(extension|core|contract)\//);
    }
    expect(readFileSync(join(root, 'content-app/plugins.ts'), 'utf8'))
      .toContain(`import { provideEfrExtension } from '${PLUGIN_PACKAGE}'`);
    expect(readFileSync(join(root, 'content-app/app.config.ts'), 'utf8'))
      .toContain('...CONTENT_APP_PLUGINS');
    // … which its tsconfig finds where `npm run build` installs the tarball …
    const tsconfig = readFileSync(join(root, 'tsconfig.content-app.json'), 'utf8');
    const installedAt = relative(root, join(CONTENT_APP_DEPS, 'node_modules', PLUGIN_PACKAGE));
    expect(tsconfig).toContain(`"${PLUGIN_PACKAGE}": ["./${installedAt}"]`);
    // … and its assets (plugin file, translations) come from the installed package.
    const angular = readFileSync(join(root, 'angular.json'), 'utf8');
    const contentApp = angular.slice(angular.indexOf('"efr-content-app"'));
    expect(contentApp).toContain(`"input": "${installedAt}/assets"`);
    expect(contentApp).not.toMatch(/"input": "extension/);
    // The last `npm run build` did so (checked when there is one).
    const built = join(root, 'dist/content-app/browser/assets/plugins/efr.plugin.json');
    if (existsSync(built) && existsSync(join(root, installedAt))) {
      expect(readFileSync(built, 'utf8'))
        .toBe(readFileSync(join(root, installedAt, 'assets/plugins/efr.plugin.json'), 'utf8'));
      const lock = JSON.parse(readFileSync(join(CONTENT_APP_DEPS, 'node_modules',
        '.package-lock.json'), 'utf8'));
      expect(lock.packages[`node_modules/${PLUGIN_PACKAGE}`].resolved).toMatch(/^file:.*\.tgz$/);
    }
  });
});
