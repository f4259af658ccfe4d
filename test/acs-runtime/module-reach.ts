// What the module's scripts (behaviors/src/**/*.ts, compiled to Rhino scripts) reach of ACS:
// the root objects they read and the Java classes they reach through `Packages`. Read from the
// TypeScript with regular expressions, for the shapes the sources use (see each function);
// catalogue.spec.ts checks every find against behaviors/data/acs-runtime.json.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One find: what, and where (file relative to the root it was scanned from). */
export interface Reach {
  name: string;
  file: string;
}

/** The module's source files (specs and declaration files left out). */
export function moduleSources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') && !e.name.endsWith('.d.ts')) {
        out.push(p);
      }
    }
  };
  walk(dir);
  return out.sort();
}

/** TypeScript without comments (string literals kept). */
export function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:\\'"])\/\/[^\n]*/g, '$1');
}

/** TypeScript without comments and string literals. */
function stripLiterals(src: string): string {
  return stripComments(src).replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, "''");
}

/** The body of the first `{…}` after `from` (balanced braces), or ''. */
function bracedBody(src: string, from: number): string {
  const start = src.indexOf('{', from);
  if (start < 0) return '';
  let depth = 0;
  for (let i = start; i < src.length; i++) {
    if (src[i] === '{') depth++;
    else if (src[i] === '}' && --depth === 0) return src.slice(start + 1, i);
  }
  return '';
}

/** The member names at the top level of an object type's body. */
function topLevelMembers(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let line = '';
  const flush = (): void => {
    const m = /^\s*(?:readonly\s+)?(\w+)\??\s*[:(]/.exec(line);
    if (m) out.push(m[1]);
    line = '';
  };
  for (const ch of body) {
    if (ch === '{' || ch === '(' || ch === '<') depth++;
    if (ch === '}' || ch === ')' || ch === '>') depth--;
    if (depth === 0 && (ch === ';' || ch === '\n' || ch === ',')) flush();
    else line += ch;
  }
  flush();
  return out;
}

/**
 * Root objects a module file reads: `declare const x` (typed globals, acs-api.ts); and, where a
 * file takes the global object from a plain function call (`const get = function (this:
 * unknown) { return this; }`), the properties read off `get()`: `(get() as T)['x']`,
 * `(get() as { x: T }).x`, and every member of an interface `I` the file casts it to
 * (`get() as I`, ws-runtime.ts's WsScope).
 */
export function rootObjectsRead(root: string, files: readonly string[]): Reach[] {
  const out: Reach[] = [];
  for (const file of files) {
    const src = stripComments(readFileSync(file, 'utf8'));
    const rel = relative(root, file);
    for (const m of src.matchAll(/\bdeclare\s+(?:const|let|var)\s+(\w+)/g)) {
      out.push({ name: m[1], file: rel });
    }
    const getters = [...src.matchAll(/\b(?:const|let)\s+(\w+)\s*=\s*function\s*\(\s*this\s*:[^)]*\)[^{]*\{\s*return\s+this\s*;?\s*\}/g)]
      .map((m) => m[1]);
    for (const g of getters) {
      const call = new RegExp(`\\(\\s*${g}\\(\\)\\s+as\\s+([^()]*?)\\)\\s*(?:\\?\\.|\\.)?\\s*(?:\\[\\s*'(\\w+)'\\s*\\]|(\\w+))`, 'g');
      for (const m of src.matchAll(call)) out.push({ name: m[2] ?? m[3], file: rel });
      for (const m of src.matchAll(new RegExp(`\\b${g}\\(\\)\\s+as\\s+(\\w+)\\b`, 'g'))) {
        const decl = new RegExp(`\\binterface\\s+${m[1]}\\b[^{]*`).exec(src);
        if (decl === null) continue;
        for (const name of topLevelMembers(bracedBody(src, decl.index))) out.push({ name, file: rel });
      }
    }
  }
  return out;
}

const TOP_PACKAGES = ['org', 'java', 'javax', 'com', 'net'];

/** `a.b.C` from segments: the packages up to and including the first capitalised segment. */
function classPath(segments: readonly string[]): string | null {
  const i = segments.findIndex((s) => /^[A-Z]/.test(s));
  if (i < 1 || !TOP_PACKAGES.includes(segments[0])) return null;
  return segments.slice(0, i + 1).join('.');
}

/**
 * Java classes a module file reaches through `Packages` (only files that call javaPackages()
 * or name `Packages`): string arrays walked as a path (`['org', 'alfresco', …,
 * 'AuthenticationUtil']`, actor.ts), runs of bracketed names (`pkgs['org']?.['apache']…
 * ['LogFactory']`, efr-log.ts) and dotted code (`java.security.MessageDigest`,
 * content-digest.ts).
 */
export function javaClassesReached(root: string, files: readonly string[]): Reach[] {
  const out: Reach[] = [];
  for (const file of files) {
    const raw = readFileSync(file, 'utf8');
    const src = stripComments(raw);
    if (!/\bjavaPackages\s*\(|\bPackages\b/.test(src)) continue;
    const rel = relative(root, file);
    const add = (path: string | null): void => {
      if (path !== null) out.push({ name: path, file: rel });
    };
    for (const m of src.matchAll(/\[\s*('[\w$]+'(?:\s*,\s*'[\w$]+')+)\s*,?\s*\]/g)) {
      add(classPath(m[1].split(',').map((s) => s.trim().slice(1, -1))));
    }
    const brackets = [...src.matchAll(/\[\s*'([\w$]+)'\s*\]/g)].map((m) => m[1]);
    for (let i = 0; i < brackets.length; i++) {
      if (!TOP_PACKAGES.includes(brackets[i])) continue;
      const run = [brackets[i]];
      for (let j = i + 1; j < brackets.length && /^[a-z]/.test(run[run.length - 1]); j++) {
        run.push(brackets[j]);
      }
      add(classPath(run));
    }
    const code = stripLiterals(raw);
    for (const m of code.matchAll(/\b((?:org|java|javax|com|net)(?:\s*\.\s*[a-z_]\w*)*\s*\.\s*[A-Z]\w*)/g)) {
      add(m[1].replace(/\s+/g, ''));
    }
  }
  const seen = new Set<string>();
  return out.filter((r) => !seen.has(r.name + r.file) && seen.add(r.name + r.file));
}

/** The names behaviors/build/compile-scripts.mjs declares as script globals for the lint. */
export function declaredScriptGlobals(compileScripts: string): string[] {
  const src = readFileSync(compileScripts, 'utf8');
  const m = /ACS_SCRIPT_GLOBALS\s*=\s*Object\.freeze\(\[([\s\S]*?)\]\)/.exec(src);
  if (m === null) throw new Error('ACS_SCRIPT_GLOBALS not found in ' + compileScripts);
  return [...m[1].matchAll(/'(\w+)'/g)].map((x) => x[1]);
}
