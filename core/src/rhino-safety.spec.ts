// Guards the Rhino runtime limits of core (see /work/shared/notes/rhino-build.md): the ES5
// lowering fixes syntax, not the library, so names that Rhino 1.7.14 at language version 0
// lacks must never appear in core's runtime code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const CORE_SRC = resolve(import.meta.dirname);

/** Forbidden runtime names and why. */
const FORBIDDEN: readonly { pattern: RegExp; name: string }[] = [
  { pattern: /\bnew\s+Map\b/, name: 'new Map' },
  { pattern: /\bnew\s+Set\b/, name: 'new Set' },
  { pattern: /\bnew\s+Weak(Map|Set|Ref)\b/, name: 'new WeakMap/WeakSet/WeakRef' },
  { pattern: /\bPromise\b/, name: 'Promise' },
  { pattern: /\bSymbol\b/, name: 'Symbol' },
  { pattern: /\bObject\.entries\b/, name: 'Object.entries' },
  { pattern: /\bObject\.values\b/, name: 'Object.values' },
  { pattern: /\bObject\.fromEntries\b/, name: 'Object.fromEntries' },
  { pattern: /\bIntl\b/, name: 'Intl' },
  { pattern: /\bBigInt\b/, name: 'BigInt' },
  { pattern: /\b\d+n\b/, name: 'BigInt literal' },
  { pattern: /\basync\s/, name: 'async ' },
  { pattern: /\bawait\s/, name: 'await ' },
  { pattern: /\bfunction\s*\*/, name: 'function*' },
  { pattern: /\.at\(/, name: '.at(' },
  { pattern: /\(\?<[=!a-zA-Z]/, name: 'regex lookbehind or named group' },
  { pattern: /\bDate\.now\b/, name: 'Date.now (the caller passes `now`)' },
  { pattern: /\bnew\s+Date\(\s*\)/, name: 'new Date() (the caller passes `now`)' },
  { pattern: /\bfrom\s+['"]node:/, name: 'Node built-in import' },
];

/** Blanks comments and string/template contents so only code is scanned (keeps columns). */
function codeOnly(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const two = text.substr(i, 2);
    if (two === '//') {
      while (i < text.length && text[i] !== '\n') { out += ' '; i++; }
    } else if (two === '/*') {
      while (i < text.length && text.substr(i, 2) !== '*/') {
        out += text[i] === '\n' ? '\n' : ' ';
        i++;
      }
      out += '  ';
      i += 2;
    } else if (text[i] === "'" || text[i] === '"' || text[i] === '`') {
      const q = text[i];
      out += q;
      i++;
      while (i < text.length && text[i] !== q) {
        if (text[i] === '\\') { out += '  '; i += 2; continue; }
        out += text[i] === '\n' ? '\n' : ' ';
        i++;
      }
      out += q;
      i++;
    } else {
      out += text[i];
      i++;
    }
  }
  return out;
}

function runtimeSources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) {
      if (relative(CORE_SRC, abs) === 'disc') continue;
      out.push(...runtimeSources(abs));
    } else if (name.endsWith('.ts') && !name.endsWith('.spec.ts')) {
      out.push(abs);
    }
  }
  return out;
}

/** Problems of one source text, as `file:line: name`. */
function scan(file: string, text: string): string[] {
  const problems: string[] = [];
  const lines = codeOnly(text).split('\n');
  lines.forEach((line, i) => {
    for (const f of FORBIDDEN) {
      if (f.pattern.test(line)) problems.push(file + ':' + (i + 1) + ': ' + f.name);
    }
  });
  return problems;
}

describe('core Rhino safety (rhino-build.md: Rhino 1.7.14 at language version 0)', () => {
  it('scans the runtime sources of core, except disc/', () => {
    const files = runtimeSources(CORE_SRC);
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((f) => f.includes('/disc/'))).toBeFalse();
  });

  it('finds no forbidden runtime name in core sources', () => {
    const problems: string[] = [];
    for (const file of runtimeSources(CORE_SRC)) {
      problems.push(...scan(relative(CORE_SRC, file), readFileSync(file, 'utf8')));
    }
    expect(problems).withContext(problems.join('\n')).toEqual([]);
  });

  it('reports the file and line of a forbidden name', () => {
    const text = 'const a = 1;\n// new Map() in a comment is fine\nconst m = new Map();\n' +
      "const s = 'Promise in a string is fine';\nconst v = Object.values(x);\n";
    expect(scan('x.ts', text)).toEqual(['x.ts:3: new Map', 'x.ts:5: Object.values']);
  });

  it('catches async functions, generators, .at( and Intl', () => {
    const text = 'async function f() {}\nfunction* g() {}\nxs.at(-1);\nIntl.DateTimeFormat;\n';
    expect(scan('y.ts', text)).toEqual([
      'y.ts:1: async ', 'y.ts:2: function*', 'y.ts:3: .at(', 'y.ts:4: Intl',
    ]);
  });
});
