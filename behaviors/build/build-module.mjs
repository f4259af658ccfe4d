// `npm run build:module`: writes dist/efr-repo.jar, the EFR repository module as an ACS simple
// module JAR (copied into WEB-INF/lib). Contents, all under alfresco/module/efr-repo/ except the
// manifest: module.properties, module-context.xml, alfresco-global.properties, context/*.xml,
// audit/*.xml (from behaviors/config), model/efr-model.xml and messages/*.properties (copied
// from content-model/, the single source), scripts/*.js (compiled, see compile-scripts.mjs);
// and EFR's web scripts under alfresco/extension/templates/webscripts/org/efr/ (descriptors and
// templates from behaviors/config, controllers compiled from behaviors/src/webscripts).
// Every folder has its own directory entry (`alfresco/`, `alfresco/module/`, …): ACS finds a
// module only through `classpath*:` folder patterns, which Spring resolves with
// ClassLoader.getResources on the pattern's root folder, and a class loader answers that from
// the JAR's entry of that folder (see behaviors/data/acs-module-loading.json, issue 14).
// The JAR is reproducible: fixed entry order, fixed mtimes, fixed modes, no extra fields.
import { spawnSync } from 'node:child_process';
import {
  chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync,
  rmSync, statSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileAllScripts, compileAllWebScripts } from './compile-scripts.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** Module id: the folder name under alfresco/module/. */
export const MODULE_ID = 'efr-repo';
/** Path prefix of every module entry in the JAR. */
export const MODULE_PREFIX = `alfresco/module/${MODULE_ID}`;
/** Default output. */
export const DEFAULT_JAR = resolve(ROOT, 'dist', 'efr-repo.jar');
/** Fixed modification time of every entry (UTC), for byte-identical rebuilds. */
const FIXED_MTIME = '2026-01-01 00:00:00';

const CONFIG_DIR = resolve(ROOT, 'behaviors', 'config', MODULE_PREFIX);
const MODEL_DIR = resolve(ROOT, 'content-model');

/** Files copied from content-model/: [source, path inside the module folder]. */
export const MODEL_COPIES = Object.freeze([
  ['efr-model.xml', 'model/efr-model.xml'],
  ['messages/efr-model.properties', 'messages/efr-model.properties'],
  ['messages/efr-model_zh_CN.properties', 'messages/efr-model_zh_CN.properties'],
]);

/** Files and folders under `dir`, folders first with a trailing `/`. */
function listTree(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) out.push(abs + '/', ...listTree(abs));
    else out.push(abs);
  }
  return out;
}

/** Whether a JAR entry name is a folder's (directory entry). */
export function isDirectoryEntry(entry) {
  return entry.endsWith('/');
}

/** `module.version` of module.properties (also the manifest's Implementation-Version). */
export function moduleVersion() {
  const text = readFileSync(join(CONFIG_DIR, 'module.properties'), 'utf8');
  const m = /^module\.version=(.+)$/m.exec(text);
  if (!m) throw new Error('module.properties has no module.version');
  return m[1].trim();
}

function manifest(version) {
  return ['Manifest-Version: 1.0', 'Created-By: EFR behaviors/build/build-module.mjs',
    `Implementation-Title: ${MODULE_ID}`, `Implementation-Version: ${version}`, '', '']
    .join('\r\n');
}

/**
 * Lays the JAR's tree out in `stage` and returns its entries in JAR order: `META-INF/` and the
 * manifest first (as `jar` writes them), then every folder and file in byte order, so that a
 * folder's entry comes right before its contents.
 */
async function stageModule(stage) {
  const moduleDir = join(stage, MODULE_PREFIX);
  mkdirSync(moduleDir, { recursive: true });
  cpSync(CONFIG_DIR, moduleDir, { recursive: true });
  for (const [from, to] of MODEL_COPIES) {
    mkdirSync(dirname(join(moduleDir, to)), { recursive: true });
    copyFileSync(join(MODEL_DIR, from), join(moduleDir, to));
  }
  mkdirSync(join(moduleDir, 'scripts'), { recursive: true });
  for (const script of await compileAllScripts()) {
    writeFileSync(join(moduleDir, 'scripts', `${script.name}.js`), script.code);
  }
  // Web scripts: descriptors and templates from behaviors/config/alfresco/extension, the
  // controllers compiled beside them (the classpath store ACS scans for extension web scripts).
  const extensionDir = resolve(ROOT, 'behaviors', 'config', 'alfresco', 'extension');
  if (existsSync(extensionDir)) {
    cpSync(extensionDir, join(stage, 'alfresco', 'extension'), { recursive: true });
  }
  for (const script of await compileAllWebScripts()) {
    mkdirSync(dirname(join(stage, script.path)), { recursive: true });
    writeFileSync(join(stage, script.path), script.code);
  }
  mkdirSync(join(stage, 'META-INF'), { recursive: true });
  writeFileSync(join(stage, 'META-INF', 'MANIFEST.MF'), manifest(moduleVersion()));
  const head = ['META-INF/', 'META-INF/MANIFEST.MF'];
  const rest = listTree(stage)
    .map((f) => relative(stage, f) + (f.endsWith('/') ? '/' : ''))
    .filter((e) => !head.includes(e));
  // Byte order (not locale order): `a/` sorts before `a/b`, so every folder precedes its contents.
  rest.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...head, ...rest];
}

function run(cmd, args, options) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.error}`);
  }
}

/**
 * Builds the module JAR. Returns the JAR path and the entries it holds, in order.
 * @param {{ jar?: string }} [options] `jar`: output path (default dist/efr-repo.jar).
 */
export async function buildModule(options = {}) {
  const jar = resolve(options.jar ?? DEFAULT_JAR);
  const stage = mkdtempSync(join(tmpdir(), 'efr-module-'));
  try {
    const entries = await stageModule(stage);
    const env = { ...process.env, TZ: 'UTC' };
    for (const entry of entries) {
      chmodSync(join(stage, entry), isDirectoryEntry(entry) ? 0o755 : 0o644);
    }
    run('touch', ['-d', FIXED_MTIME, ...entries], { cwd: stage, env });
    mkdirSync(dirname(jar), { recursive: true });
    const partial = `${jar}.${process.pid}.partial`;
    rmSync(partial, { force: true });
    // -X: no extra attributes (uid/gid, extended times); -@: the entry list, in our order, from
    // stdin. Folders are named one by one (no -r), so each gets exactly one directory entry.
    run('zip', ['-X', '-q', '-9', partial, '-@'],
      { cwd: stage, env, input: entries.join('\n') + '\n' });
    renameSync(partial, jar);
    return { jar, entries };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { jar, entries } = await buildModule();
    console.log(`wrote ${relative(ROOT, jar)} (${entries.length} entries)`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
