// The classes and members of the ACS-like runtime's Java sources (test/acs-runtime/java), read
// with regular expressions: enough for sources written as these are (one declaration per
// header, braces balanced once comments and literals are gone). catalogue.spec.ts checks them
// against behaviors/data/acs-runtime.json.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A declaration's access. */
export type Visibility = 'public' | 'protected' | 'package' | 'private';

const WIDTH: Record<Visibility, number> = { private: 0, package: 1, protected: 2, public: 3 };

function visibilityOf(modifiers: string, inInterface: boolean): Visibility {
  if (/\bpublic\b/.test(modifiers) || inInterface) return 'public';
  if (/\bprotected\b/.test(modifiers)) return 'protected';
  return /\bprivate\b/.test(modifiers) ? 'private' : 'package';
}

/** One class, interface or enum, nested ones named Outer$Inner. */
export interface JavaClass {
  /** Fully qualified, nested classes with `$`: org.efr.acsrt.ScriptNode$ScriptContentData. */
  fqn: string;
  /** Simple name, nested classes with `$`: ScriptNode$ScriptContentData. */
  name: string;
  pkg: string;
  /** Whether the class is public (its enclosing classes too). */
  isPublic: boolean;
  /**
   * Method or constructor name → its widest visibility over the overloads: 'public',
   * 'protected', 'package' or 'private'.
   */
  methods: Map<string, Visibility>;
  /** Declared fields (any visibility). */
  fields: Set<string>;
}

/** Comments and string/char literals blanked out, line structure kept. */
export function stripJava(src: string): string {
  return src
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/\/\/[^\n]*/g, '')
    .replace(/"(?:\\.|[^"\\\n])*"/g, '""')
    .replace(/'(?:\\.|[^'\\\n])*'/g, "''");
}

const CLASS_RE = /(?:^|\s)((?:(?:public|protected|private|static|final|abstract)\s+)*)(class|interface|enum)\s+(\w+)/;
const METHOD_RE =
  /^((?:(?:public|protected|private|static|final|abstract|synchronized|native|default)\s+)*)(?:<[^>]*>\s*)?(?:[\w.$]+(?:<[^()]*>)?(?:\[\])*\s+)?(\w+)\s*\([^()]*\)\s*(?:throws\s+[\w.,\s]+)?$/;
const FIELD_RE = /^((?:(?:public|protected|private|static|final|transient|volatile)\s+)*)[\w.$]+(?:<[^()]*>)?(?:\[\])*\s+(\w+)\s*(?:=.*)?$/s;

interface Frame {
  cls: JavaClass | null;
  /** Whether this block is a class body (members are declared directly in it). */
  body: boolean;
}

/** The classes one Java source declares. */
export function parseJava(src: string): JavaClass[] {
  const code = stripJava(src);
  const pkg = /\bpackage\s+([\w.]+)\s*;/.exec(code)?.[1] ?? '';
  const out: JavaClass[] = [];
  const stack: Frame[] = [];
  let header = '';
  const current = (): JavaClass | null => {
    const top = stack[stack.length - 1];
    return top && top.body ? top.cls : null;
  };
  const member = (text: string, cls: JavaClass, isInterface: boolean): void => {
    const h = text.replace(/@\w+(?:\([^)]*\))?/g, ' ').replace(/\s+/g, ' ').trim();
    const m = METHOD_RE.exec(h);
    if (m && !/\b(new|return|else)\b/.test(h)) {
      const v = visibilityOf(m[1], isInterface);
      const before = cls.methods.get(m[2]);
      if (before === undefined || WIDTH[v] > WIDTH[before]) cls.methods.set(m[2], v);
      return;
    }
    const f = FIELD_RE.exec(h);
    if (f) cls.fields.add(f[2]);
  };
  for (const ch of code) {
    if (ch === '{') {
      const owner = current();
      const h = header.trim();
      const c = CLASS_RE.exec(h);
      if (c && !/\bnew\b/.test(h) && (owner !== null || stack.length === 0)) {
        const outer = owner;
        const name = outer ? `${outer.name}$${c[3]}` : c[3];
        const cls: JavaClass = {
          fqn: `${pkg}.${name}`, name, pkg,
          isPublic: (/\bpublic\b/.test(c[1]) || (outer !== null && interfaceNames.has(outer.fqn))) &&
            (outer === null || outer.isPublic),
          methods: new Map(), fields: new Set(),
        };
        if (c[2] === 'interface') interfaceNames.add(cls.fqn);
        out.push(cls);
        stack.push({ cls, body: true });
      } else {
        if (owner !== null) member(h, owner, interfaceNames.has(owner.fqn));
        stack.push({ cls: null, body: false });
      }
      header = '';
    } else if (ch === '}') {
      stack.pop();
      header = '';
    } else if (ch === ';') {
      const owner = current();
      if (owner !== null) member(header.trim(), owner, interfaceNames.has(owner.fqn));
      header = '';
    } else {
      header += ch;
    }
  }
  return out;
}

const interfaceNames = new Set<string>();

/** Every class of every .java file under `dir`. */
export function javaClasses(dir: string): JavaClass[] {
  const out: JavaClass[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.java')) out.push(...parseJava(readFileSync(p, 'utf8')));
    }
  };
  walk(dir);
  return out;
}

/**
 * The classes in org.efr.acsrt that scripts reach (root objects, model values, what those
 * hand out) or that run them; the rest of that package (LogSink, Dictionary, Values, NodeRec,
 * Dates, Main, Scopeable) is the runtime's own plumbing.
 */
export const EFR_SCRIPT_CLASSES: readonly string[] = [
  'ScriptNode', 'QNameScriptMap', 'Search', 'People', 'ScriptAuthorityService', 'ScriptLogger',
  'Behaviour', 'ChildAssociation', 'WebScriptObjects', 'ScriptProcessor', 'Repo', 'AcsRuntime',
  'ValueConverter', 'NodeService',
];

/**
 * `Class#member` names every script-reachable class must have in the catalogue: the public
 * methods and constructors of the public classes of org.alfresco.* and
 * org.apache.commons.logging, and of the classes above and their nested classes in
 * org.efr.acsrt (ValueConverter is package-private: its non-private methods count).
 */
export function reachableMembers(classes: readonly JavaClass[]): string[] {
  const out: string[] = [];
  for (const c of classes) {
    const top = c.name.split('$')[0];
    const stand = c.pkg.startsWith('org.alfresco') || c.pkg === 'org.apache.commons.logging';
    const efr = c.pkg === 'org.efr.acsrt' && EFR_SCRIPT_CLASSES.includes(top);
    if (!stand && !efr) continue;
    const packagePrivateToo = c.name === 'ValueConverter';
    if (!c.isPublic && !packagePrivateToo) continue;
    for (const [m, v] of c.methods) {
      if (v === 'public' || (packagePrivateToo && v !== 'private')) out.push(`${c.name}#${m}`);
    }
  }
  return out.sort();
}
