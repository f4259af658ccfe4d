// Issue 14, finding 1: ACS must find the module. A JVM class loader over a freshly built
// efr-repo.jar resolves every `classpath*:` pattern ACS uses to find a module's parts, the way
// Spring's PathMatchingResourcePatternResolver does (test/module-jar/ModuleJarScan.java), and
// must find the module context, module.properties, the module's global properties, the audit
// application and every web-script descriptor. The same program over the JAR packed without
// folder entries (as build-module.mjs did with `zip -D`) finds nothing: that is the bug.
// The patterns, and where ACS uses them, are in behaviors/data/acs-module-loading.json.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  buildModule, isDirectoryEntry, MODULE_PREFIX,
} from '../../behaviors/build/build-module.mjs';
import { WEBSCRIPT_STORE } from '../../behaviors/build/compile-scripts.mjs';
import { type AcsFact, factMismatches } from './acs-sources.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CATALOGUE_FILE = resolve(ROOT, 'behaviors/data/acs-module-loading.json');
const SCANNER = resolve(import.meta.dirname, 'ModuleJarScan.java');

interface PatternEntry {
  id: string;
  pattern: string;
  expect: string[];
  facts: AcsFact[];
}
interface Catalogue {
  patterns: PatternEntry[];
  surfVersionOfAcs: { facts: AcsFact[] };
}
interface ScanResult {
  pattern: string;
  rootDir: string;
  roots: number;
  matches: string[];
}

const CATALOGUE = JSON.parse(readFileSync(CATALOGUE_FILE, 'utf8')) as Catalogue;

/** Surf's extension store in ACS (web-scripts-application-context.xml, `classPath`). */
const STORE_ROOT = 'alfresco/extension/templates/webscripts';

/** The patterns this spec resolves: every way ACS finds a part of the module. */
const ACS_PATTERNS: Readonly<Record<string, string>> = {
  'module-context': 'classpath*:alfresco/module/*/module-context.xml',
  'module-properties': 'classpath*:alfresco/module/*/module.properties',
  'global-properties': 'classpath*:alfresco/module/*/alfresco-global.properties',
  'audit-models': 'classpath*:alfresco/module/*/audit/*.xml',
  'webscripts-store': `classpath*:${STORE_ROOT}/**/*`,
  'webscript-descriptors': `classpath*:${STORE_ROOT}/**/*.desc.xml`,
};

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr || r.error}`);
  return r.stdout;
}

describe('module JAR through a JVM class loader, as ACS finds a module (issue 14)', () => {
  let dir: string;
  let classes: string;
  let jar: string;
  let entries: string[];

  /** Resolves every catalogue pattern over `jarFile` with ModuleJarScan. */
  function scan(jarFile: string): Map<string, ScanResult> {
    const out = run('java', ['-cp', classes, 'ModuleJarScan', jarFile,
      ...CATALOGUE.patterns.map((p) => p.pattern)]);
    const results = (JSON.parse(out) as { results: ScanResult[] }).results;
    return new Map(CATALOGUE.patterns.map((p, i) => [p.id, results[i]]));
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'efr-jar-cl-'));
    classes = join(dir, 'classes');
    run('javac', ['-d', classes, SCANNER]);
    ({ jar, entries } = await buildModule({ jar: join(dir, 'efr-repo.jar') }));
    // Compiling every script to ES5 and packing the JAR: over a minute on a loaded 2-core machine.
  }, 300_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('resolves exactly the patterns recorded in acs-module-loading.json', () => {
    const recorded = Object.fromEntries(CATALOGUE.patterns.map((p) => [p.id, p.pattern]));
    expect(recorded).toEqual(ACS_PATTERNS);
    for (const p of CATALOGUE.patterns) expect(p.facts.length).withContext(p.id).toBeGreaterThan(0);
  });

  it('records facts that the ACS and Surf sources hold at the line named, where they are at hand',
    () => {
      const facts = [...CATALOGUE.patterns.flatMap((p) => p.facts),
        ...CATALOGUE.surfVersionOfAcs.facts];
      for (const f of facts) {
        expect(Object.keys(f.lines).length).withContext(f.path).toBeGreaterThan(0);
      }
      expect(factMismatches(facts)).toEqual([]);
    });

  it('finds the module context, module.properties, global properties, audit XML and every ' +
    'web-script descriptor of the JAR', () => {
    const found = scan(jar);
    for (const id of ['module-context', 'module-properties', 'global-properties',
      'audit-models']) {
      const r = found.get(id) as ScanResult;
      const expected = (CATALOGUE.patterns.find((p) => p.id === id) as PatternEntry).expect;
      expect(r.roots).withContext(id).toBe(1);
      expect(r.matches).withContext(id).toEqual(expected);
      for (const e of expected) expect(entries).withContext(id).toContain(e);
    }
    expect(WEBSCRIPT_STORE.startsWith(STORE_ROOT + '/')).toBeTrue();
    const store = STORE_ROOT + '/';
    const files = entries.filter((e) => e.startsWith(store) && !isDirectoryEntry(e));
    const descriptors = files.filter((e) => e.endsWith('.desc.xml'));
    expect(descriptors.length).toBeGreaterThan(10);
    expect(found.get('webscript-descriptors')?.matches.sort()).toEqual(descriptors.sort());
    expect(found.get('webscripts-store')?.matches.filter((m) => !isDirectoryEntry(m)).sort())
      .toEqual(files.sort());
    expect(found.get('module-context')?.rootDir).toBe('alfresco/module/');
    expect(entries).toContain(`${MODULE_PREFIX}/module-context.xml`);
  });

  it('finds nothing in the same JAR packed without folder entries (the old `zip -D`)', () => {
    const flat = join(dir, 'no-folders.jar');
    copyFileSync(jar, flat);
    run('zip', ['-q', '-d', flat, '*/']);
    expect(run('unzip', ['-Z1', flat]).split('\n').filter((e) => e.endsWith('/'))).toEqual([]);
    const found = scan(flat);
    for (const p of CATALOGUE.patterns) {
      const r = found.get(p.id) as ScanResult;
      expect(r.roots).withContext(p.id).toBe(0);
      expect(r.matches).withContext(p.id).toEqual([]);
    }
    // The files are all there: only the folder entries are missing.
    expect(run('unzip', ['-Z1', flat]).trim().split('\n'))
      .toEqual(entries.filter((e) => !isDirectoryEntry(e)));
  });
});
