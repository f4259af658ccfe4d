// Compiles the behaviour entry scripts (behaviors/src/scripts/*.ts) to what ACS's Rhino runs:
// one self-contained ES5 script each, core bundled in (/work/shared/notes/rhino-build.md).
// bundle (esbuild, IIFE, es2017) → lower to ES5 (TypeScript) → parse as ES5 (acorn) → lint
// (ESLint: no-undef with the ACS script globals, eqeqeq). Any error fails the build.
import { build } from 'esbuild';
import ts from 'typescript';
import * as acorn from 'acorn';
import { Linter } from 'eslint';
import { readdirSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';

/** Folder of the entry scripts. */
export const SCRIPTS_DIR = resolve(import.meta.dirname, '..', 'src', 'scripts');

/**
 * Root-scope names ACS gives repository scripts (RhinoScriptProcessor's script extensions and
 * the default model). Behaviours get `behaviour` plus the extensions; `person` and `Packages`
 * are read only behind `typeof` guards.
 */
export const ACS_SCRIPT_GLOBALS = Object.freeze([
  'behaviour', 'logger', 'search', 'people', 'person', 'Packages', 'java', 'utils',
  'companyhome', 'userhome', 'actions', 'groups', 'session',
]);

/** ESLint flat config for the emitted scripts. */
function lintConfig() {
  const globals = {};
  for (const name of ACS_SCRIPT_GLOBALS) globals[name] = 'readonly';
  return [{
    languageOptions: { ecmaVersion: 5, sourceType: 'script', globals },
    // `== null` is allowed: esbuild writes it when it lowers `??` and `?.` (es2017 target).
    rules: { 'no-undef': 'error', eqeqeq: ['error', 'always', { null: 'ignore' }] },
  }];
}

/** The entry scripts, sorted: `[{ name: 'recording', file: '/…/recording.ts' }]`. */
export function entryScripts() {
  return readdirSync(SCRIPTS_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => ({ name: basename(f, '.ts'), file: join(SCRIPTS_DIR, f) }));
}

/** Folder of the web script controllers: `<feature>/<id>.<method>.ts`. */
export const WEBSCRIPTS_DIR = resolve(import.meta.dirname, '..', 'src', 'webscripts');

/** Classpath folder ACS scans for extension web scripts (the JAR's web script store). */
export const WEBSCRIPT_STORE = 'alfresco/extension/templates/webscripts/org/efr';

/**
 * The web script controllers, sorted: `[{ name: 'handovers.post', feature: 'handovers',
 * file: '/…/handovers.post.ts' }]`. Other files of a feature folder are libraries that the
 * controllers import (bundled in).
 */
export function webScriptEntries() {
  const out = [];
  for (const feature of readdirSync(WEBSCRIPTS_DIR).sort()) {
    const dir = join(WEBSCRIPTS_DIR, feature);
    for (const f of readdirSync(dir).sort()) {
      if (!/^[\w-]+\.(get|post|put|delete)\.ts$/.test(f)) continue;
      out.push({ name: basename(f, '.ts'), feature, file: join(dir, f) });
    }
  }
  return out;
}

/** Problems of an ES5 script: acorn syntax errors, then ESLint messages. */
export function checkEs5(name, code) {
  const problems = [];
  try {
    acorn.parse(code, { ecmaVersion: 5, sourceType: 'script' });
  } catch (err) {
    // acorn throws a SyntaxError with loc for the first ES5 violation.
    problems.push(`${name}: not ES5: ${err.message}`);
    return problems;
  }
  const linter = new Linter({ configType: 'flat' });
  for (const m of linter.verify(code, lintConfig(), { filename: `${name}.js` })) {
    problems.push(`${name}.js:${m.line}:${m.column}: ${m.ruleId ?? 'parse'}: ${m.message}`);
  }
  return problems;
}

/** Lowers a bundle to ES5 syntax (classes, arrows, let/const, templates, spread, for…of). */
function lowerToEs5(name, bundle) {
  const out = ts.transpileModule(bundle, {
    fileName: `${name}.js`,
    reportDiagnostics: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES5,
      // The bundle has no import or export, so CommonJS emits no module wrapper (checked by
      // no-undef: `exports` and `require` are not ACS globals).
      module: ts.ModuleKind.CommonJS,
      allowJs: true,
      // A file without import/export stays a script: no "use strict" prologue is added.
      moduleDetection: ts.ModuleDetectionKind.Legacy,
      alwaysStrict: false,
      removeComments: false,
      newLine: ts.NewLineKind.LineFeed,
    },
  });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    const text = errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    throw new Error(`${name}: ES5 lowering failed:\n${text.join('\n')}`);
  }
  return out.outputText;
}

/**
 * Compiles one entry to an ES5 script. Non-ASCII text (the Chinese messages) is escaped:
 * ACS reads classpath scripts with the JVM's default charset, which is not always UTF-8.
 */
export async function compileScript(entry) {
  const result = await build({
    entryPoints: [entry.file],
    bundle: true,
    format: 'iife',
    target: 'es2017',
    platform: 'neutral',
    charset: 'ascii',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    // The project tsconfig is strict, which would make esbuild add "use strict"; ACS runs the
    // scripts at Rhino language version 0, where the prologue means nothing: leave it out.
    tsconfigRaw: { compilerOptions: { alwaysStrict: false, strict: false } },
  });
  const bundle = result.outputFiles[0].text;
  const source = relative(resolve(import.meta.dirname, '..', '..'), entry.file);
  const header = `// EFR repository module: ${entry.name}.js, compiled from ` +
    `${source} with core/ (ES5 for Rhino). Do not edit.\n`;
  const code = header + lowerToEs5(entry.name, bundle);
  const problems = checkEs5(entry.name, code);
  if (problems.length > 0) throw new Error(`${entry.name}: checks failed:\n${problems.join('\n')}`);
  return { name: entry.name, code };
}

/** Compiles every web script controller: `[{ path: 'alfresco/extension/…/x.post.js', code }]`. */
export async function compileAllWebScripts() {
  const out = [];
  for (const entry of webScriptEntries()) {
    const { code } = await compileScript(entry);
    out.push({ path: `${WEBSCRIPT_STORE}/${entry.feature}/${entry.name}.js`, code });
  }
  return out;
}

/** Compiles every entry script, in name order. */
export async function compileAllScripts() {
  const out = [];
  for (const entry of entryScripts()) out.push(await compileScript(entry));
  return out;
}
