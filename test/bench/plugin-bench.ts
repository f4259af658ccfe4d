/**
 * What the EFR plugin adds to the Content App's first load (issue 17: at most 150 kB gzip;
 * every EFR screen lazy). The Content App is built twice from the same sources: as
 * `npm run build` builds it (dist/content-app/browser, the plugin installed from its tarball),
 * and with the `without-plugins` configuration (content-app/plugins.none.ts: no plugin at all,
 * ACA as it ships) into dist/bench/. For each build the first load is what a browser must fetch
 * before the app starts: index.html and every script and stylesheet it names (entry,
 * module preloads, styles), each gzipped at level 9 as nginx's `gzip_static` sends the build's
 * `.gz`; the plugin build also fetches its plugin file, its stylesheet and, at start-up, every
 * EFR translation of the language (zh-CN), counted in full. A screen is lazy when its component's selector is
 * in none of the first-load scripts and in one of the other chunks.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EFR_SCREENS } from '../../extension/efr-screens.js';

const ROOT = resolve(import.meta.dirname, '../..');
/** The Content App as `npm run build` builds it, with the plugin. */
export const WITH_PLUGIN = join(ROOT, 'dist/content-app/browser');
/** The same app built without any plugin (benchmark only). */
export const WITHOUT_PLUGIN = join(ROOT, 'dist/bench/content-app-without-plugins');
/** Issue 17's bound on what the plugin adds, gzip. */
export const PLUGIN_BUDGET_BYTES = 150_000;

/** The first load of one build. */
export interface FirstLoadFiles {
  files: { path: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
}

/** One EFR screen and where its component ended up. */
export interface ScreenChunk {
  screen: string;
  selector: string;
  inFirstLoad: boolean;
  chunk: string | null;
}

/** Result of the plugin part. */
export interface PluginBench {
  withPlugin: FirstLoadFiles;
  without: FirstLoadFiles;
  addedGzip: number;
  screens: ScreenChunk[];
}

const gz = (data: Buffer): number => gzipSync(data, { level: 9 }).length;

/** index.html, the scripts and stylesheets it names, and `extra` (paths under the build). */
function firstLoad(dir: string, extra: string[]): FirstLoadFiles {
  const index = readFileSync(join(dir, 'index.html'), 'utf8');
  const named = [...index.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^":]+\.(?:js|css))"/g)]
    .map((m) => m[1]);
  const files = ['index.html', ...new Set(named), ...extra].map((path) => {
    const data = readFileSync(join(dir, path));
    return { path, bytes: data.length, gzip: gz(data) };
  });
  return { files, bytes: files.reduce((s, f) => s + f.bytes, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0) };
}

/** Builds the Content App without plugins into dist/bench/ (about a minute). */
export function buildWithoutPlugin(log: (s: string) => void): void {
  log('plugin: building the Content App without plugins (ng build, without-plugins)');
  const r = spawnSync('npx', ['ng', 'build', 'efr-content-app', '--configuration',
    'production,without-plugins', '--output-path', 'dist/bench/content-app-without-plugins'],
  { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('plugin: the build without plugins failed');
}

/** Measures both builds (building the one without plugins unless `build` is false). */
export function benchPlugin(log: (s: string) => void, build = true): PluginBench {
  if (!existsSync(join(WITH_PLUGIN, 'index.html'))) {
    throw new Error('plugin: the Content App is not built (npm run build)');
  }
  if (build || !existsSync(join(WITHOUT_PLUGIN, 'browser/index.html'))) buildWithoutPlugin(log);
  const translations = readdirSync(join(WITH_PLUGIN, 'assets'))
    .filter((d) => d.startsWith('efr-') && d !== 'efr-content-app')
    .map((d) => `assets/${d}/i18n/zh-CN.json`)
    .filter((p) => existsSync(join(WITH_PLUGIN, p)));
  const withPlugin = firstLoad(WITH_PLUGIN, ['assets/plugins/efr.plugin.json',
    'assets/efr/efr.css', ...translations]);
  const without = firstLoad(join(WITHOUT_PLUGIN, 'browser'), []);
  const initialJs = withPlugin.files.filter((f) => f.path.endsWith('.js'))
    .map((f) => readFileSync(join(WITH_PLUGIN, f.path), 'utf8')).join('\n');
  const chunks = readdirSync(WITH_PLUGIN).filter((f) => f.endsWith('.js') &&
    !withPlugin.files.some((x) => x.path === f));
  const seen = new Map<string, ScreenChunk>();
  for (const [screen, load] of Object.entries(EFR_SCREENS)) {
    const module = String(load).match(/import\(\s*["'`]([^"'`]+)["'`]/)?.[1] ?? '';
    const source = readFileSync(join(ROOT, 'extension', `${module}.ts`), 'utf8');
    const selector = source.match(/selector:\s*'([^']+)'/)?.[1] ?? '';
    if (seen.has(selector)) continue;
    const chunk = chunks.find((c) => readFileSync(join(WITH_PLUGIN, c), 'utf8')
      .includes(`selectors:[["${selector}"]]`)) ?? null;
    // The compiled component names its selector so (`selectors:[["efr-x"]]`); the bare string
    // is also a translation folder name.
    seen.set(selector, { screen, selector,
      inFirstLoad: initialJs.includes(`selectors:[["${selector}"]]`),
      chunk });
  }
  const result = { withPlugin, without, addedGzip: withPlugin.gzip - without.gzip,
    screens: [...seen.values()] };
  log(`plugin: first load ${(without.gzip / 1e3).toFixed(1)} kB gzip without the plugin, ` +
    `${(withPlugin.gzip / 1e3).toFixed(1)} kB with it (+${(result.addedGzip / 1e3).toFixed(1)} kB)`);
  return result;
}

/** The section of docs/benchmarks.md. */
export function pluginBody(r: PluginBench, measured: string): string {
  const kB = (n: number) => (n / 1e3).toFixed(1);
  const lazy = r.screens.filter((s) => !s.inFirstLoad && s.chunk);
  const rows = [
    ['without plugins (ACA as shipped)', String(r.without.files.length), kB(r.without.bytes),
      kB(r.without.gzip)],
    ['with the EFR plugin (`npm run build`)', String(r.withPlugin.files.length),
      kB(r.withPlugin.bytes), kB(r.withPlugin.gzip)],
  ];
  const table = (head: string[], body: string[][]) => {
    const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(w[i])).join(' | ')} |`;
    return [line(head), line(w.map((n) => '-'.repeat(n))), ...body.map(line)].join('\n');
  };
  const met = r.addedGzip <= PLUGIN_BUDGET_BYTES ? 'met' : 'NOT met';
  const notLazy = r.screens.filter((s) => !lazy.includes(s)).map((s) => s.selector);
  const translations = r.withPlugin.files.filter((f) => f.path.includes('/i18n/')).length;
  return `${measured}

The Content App 8.0.0 built twice from the same sources: as \`npm run build\` builds it (the
plugin installed from its tarball) and with the \`without-plugins\` configuration
(content-app/plugins.none.ts). The first load is index.html and every script and stylesheet it
names, gzipped at level 9 (what nginx's \`gzip_static\` sends from the build's \`.gz\`); with the
plugin also \`assets/plugins/efr.plugin.json\`, \`assets/efr/efr.css\` and all ${translations}
EFR translation files of zh-CN, counted in full.

${table(['build', 'files', 'raw kB', 'gzip kB'], rows)}

**The plugin adds ${kB(r.addedGzip)} kB gzip** (target ≤ ${kB(PLUGIN_BUDGET_BYTES)} kB: ${met}).
Lazy screens: ${lazy.length} of ${r.screens.length} EFR screen components are in a chunk of
their own and in none of the first-load scripts${notLazy.length ? ` (not lazy: ${
  notLazy.join(', ')})` : ''}.`;
}
