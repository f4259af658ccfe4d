// Issue 14: every behaviour the ACS-like runtime emulates is listed in
// behaviors/data/acs-runtime.json with the ACS (or Surf) lines it was read from, and module
// code may rely only on what that catalogue backs. This spec checks the catalogue three ways:
// against the runtime's Java sources (every member a script can reach is named by an entry, and
// every name exists), against the module's sources (every root object read and every Java class
// reached through `Packages` is tied to an entry), and against ACS's sources (every fact's
// shape, and its line where the git mirrors are at hand).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type AcsFact, factMismatches } from '../module-jar/acs-sources.js';
import { type JavaClass, javaClasses, reachableMembers } from './java-members.js';
import {
  declaredScriptGlobals, javaClassesReached, moduleSources, type Reach, rootObjectsRead,
} from './module-reach.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CATALOGUE_FILE = resolve(ROOT, 'behaviors/data/acs-runtime.json');
const JAVA_DIR = resolve(import.meta.dirname, 'java');
const MODULE_DIR = resolve(ROOT, 'behaviors/src');
const COMPILE_SCRIPTS = resolve(ROOT, 'behaviors/build/compile-scripts.mjs');
const DEBIAN_RHINO = '/usr/share/java/rhino.jar';

interface Behaviour {
  id: string;
  what: string;
  runtime: string[];
  facts: AcsFact[];
  /** What ACS does that the runtime deliberately does not, and why. */
  notEmulated?: string;
  /** Members only the drivers use (fixtures, journals): no ACS counterpart, no facts. */
  harness?: string;
  /** Where the runtime is known to differ from the lines cited (not fixed yet). */
  differs?: string[];
  versions?: Record<string, string>;
}
interface Catalogue {
  repository: string;
  tags: string[];
  surf: { repository: string; tags: string[] };
  rootObjects: { name: string; entry: string }[];
  javaClasses: { class: string; entry: string }[];
  behaviours: Behaviour[];
}

const catalogue = JSON.parse(readFileSync(CATALOGUE_FILE, 'utf8')) as Catalogue;
const byId = new Map(catalogue.behaviours.map((b) => [b.id, b]));
const classes: JavaClass[] = javaClasses(JAVA_DIR);
const classByName = new Map(classes.map((c) => [c.name, c]));
const moduleFiles = moduleSources(MODULE_DIR);

/** The entries that back something: neither notEmulated nor harness. */
function emulated(id: string): boolean {
  const b = byId.get(id);
  return b !== undefined && b.notEmulated === undefined && b.harness === undefined;
}

/** "name (file)" of every find that `backed` refuses. */
function unbacked(found: readonly Reach[], backed: (name: string) => boolean): string[] {
  return found.filter((r) => !backed(r.name)).map((r) => `${r.name} (${r.file})`);
}

describe('ACS runtime catalogue, behaviors/data/acs-runtime.json (issue 14)', () => {
  describe('against the runtime\'s Java sources', () => {
    it('finds the runtime\'s classes (the parser reads them)', () => {
      expect(classByName.get('ScriptNode')?.methods.get('getProperties')).toBe('public');
      expect(classByName.get('ScriptAuthorityService$AuthorityService')?.isPublic).toBe(true);
      expect(classByName.get('AuthenticationUtil$RunAsWork')?.methods.get('doWork')).toBe('public');
      expect(reachableMembers(classes).length).toBeGreaterThan(150);
    });

    it('gives every class a unique simple name, so Class#member is unambiguous', () => {
      expect(classes.length).toBe(classByName.size);
    });

    it('names every member a script can reach in at least one entry', () => {
      const named = new Set(catalogue.behaviours.flatMap((b) => b.runtime));
      expect(reachableMembers(classes).filter((m) => !named.has(m))).toEqual([]);
    });

    it('names only classes and members the runtime declares', () => {
      const wrong: string[] = [];
      for (const b of catalogue.behaviours) {
        for (const ref of b.runtime) {
          const [cls, member] = ref.split('#');
          const c = classByName.get(cls);
          if (c === undefined || (member !== undefined && !c.methods.has(member) && !c.fields.has(member))) {
            wrong.push(`${b.id}: ${ref}`);
          }
        }
      }
      expect(wrong).toEqual([]);
    });
  });

  describe('against the module\'s sources (behaviors/src)', () => {
    const roots = new Map(catalogue.rootObjects.map((r) => [r.name, r.entry]));
    const javas = new Map(catalogue.javaClasses.map((j) => [j.class, j.entry]));

    it('ties every root object and Java class of the catalogue to an entry', () => {
      const dangling = [...roots, ...javas].filter(([, id]) => !byId.has(id)).map(([n]) => n);
      expect(dangling).toEqual([]);
    });

    it('backs every root object the module\'s scripts read with an emulated behaviour', () => {
      const read = rootObjectsRead(ROOT, moduleFiles);
      expect(read.map((r) => r.name)).toContain('groups');
      expect(unbacked(read, (n) => roots.has(n) && emulated(roots.get(n)!))).toEqual([]);
    });

    it('lists every script global the build declares (emulated or not)', () => {
      const declared = declaredScriptGlobals(COMPILE_SCRIPTS);
      expect(declared.filter((n) => !roots.has(n))).toEqual([]);
    });

    it('backs every Java class the module reaches through Packages, with a runtime class', () => {
      const reached = javaClassesReached(ROOT, moduleFiles);
      expect(reached.map((r) => r.name)).toContain('org.apache.commons.logging.LogFactory');
      const fqns = new Set(classes.map((c) => c.fqn));
      expect(unbacked(reached, (n) => javas.has(n) && emulated(javas.get(n)!) &&
        (/^javax?\./.test(n) || fqns.has(n)))).toEqual([]);
    });
  });

  describe('against ACS\'s sources', () => {
    const tagsOf: Record<string, string[]> = {
      [catalogue.repository]: catalogue.tags,
      [catalogue.surf.repository]: catalogue.surf.tags,
    };

    it('gives every entry an id, a sentence, runtime members and facts (or says why not)', () => {
      const bad: string[] = [];
      for (const b of catalogue.behaviours) {
        const exempt = b.harness !== undefined;
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(b.id)) bad.push(`${b.id}: id`);
        if (typeof b.what !== 'string' || b.what.length < 20) bad.push(`${b.id}: what`);
        if (!Array.isArray(b.runtime) || b.runtime.length === 0) bad.push(`${b.id}: runtime`);
        if (exempt !== (b.facts.length === 0)) bad.push(`${b.id}: facts`);
        if (b.notEmulated !== undefined && exempt) bad.push(`${b.id}: notEmulated and harness`);
        if (b.differs !== undefined &&
          (!Array.isArray(b.differs) || b.differs.some((d) => typeof d !== 'string' || d === ''))) {
          bad.push(`${b.id}: differs`);
        }
      }
      expect(bad).toEqual([]);
      expect(byId.size).toBe(catalogue.behaviours.length);
    });

    it('gives every fact the AcsFact shape at the catalogue\'s tags', () => {
      const bad: string[] = [];
      for (const b of catalogue.behaviours) {
        for (const f of b.facts) {
          const tags = tagsOf[f.repo];
          const lines = Object.entries(f.lines ?? {});
          if (tags === undefined || typeof f.path !== 'string' || f.path.startsWith('/') ||
            typeof f.text !== 'string' || f.text.trim() === '' || lines.length === 0 ||
            lines.some(([t, l]) => !tags.includes(t) || !Number.isInteger(l) || l < 1)) {
            bad.push(`${b.id}: ${JSON.stringify(f)}`);
          }
        }
      }
      expect(bad).toEqual([]);
    });

    it('reads every entry backed by ACS\'s repository at each of its tags', () => {
      const short: string[] = [];
      for (const b of catalogue.behaviours) {
        const repoFacts = b.facts.filter((f) => f.repo === catalogue.repository);
        if (repoFacts.length === 0) continue;
        const seen = new Set(repoFacts.flatMap((f) => Object.keys(f.lines)));
        if (catalogue.tags.some((t) => !seen.has(t))) short.push(b.id);
      }
      expect(short).toEqual([]);
    });

    it('records facts that the ACS and Surf sources hold at the line named, where they are at hand',
      () => {
        expect(factMismatches(catalogue.behaviours.flatMap((b) => b.facts))).toEqual([]);
      });

    it('records the Rhino versions: ACS\'s per tag as its pom says, the runtime\'s as the jar says',
      () => {
        const rhino = byId.get('rhino-engine')!;
        for (const tag of catalogue.tags) {
          const pom = rhino.facts.find((f) => f.text.startsWith('<version>') && tag in f.lines);
          expect(pom?.text).toBe(`<version>${rhino.versions![tag]}</version>`);
        }
        if (!existsSync(DEBIAN_RHINO)) return;
        const manifest = spawnSync('unzip', ['-p', DEBIAN_RHINO, 'META-INF/MANIFEST.MF'],
          { encoding: 'utf8' }).stdout;
        expect(/Implementation-Version:\s*(\S+)/.exec(manifest)?.[1]).toBe(rhino.versions!.runtime);
      });
  });
});
