// The module JAR that `npm run build:module` writes (issue 2, "Done when"): its layout, that
// every file its Spring XML names is inside, that its XML is well-formed and its audit
// application valid, that its scripts are ES5 Rhino can run, and that every policy it binds is
// one ACS defines (behaviors/data/acs-policies.json).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EFR_ASPECTS, EFR_NAMESPACE_URI, EFR_TYPES } from '../../content-model/src/qnames.js';
import { buildModule, isDirectoryEntry, MODEL_COPIES, MODULE_PREFIX } from './build-module.mjs';
import {
  ACS_SCRIPT_GLOBALS, checkEs5, WEBSCRIPT_STORE, webScriptEntries,
} from './compile-scripts.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** ../shared beside the checkout (as laid out for CI), else the workplace's /work/shared. */
const SHARED = existsSync(resolve(import.meta.dirname, '../../../shared/alfresco'))
  ? resolve(import.meta.dirname, '../../../shared') : '/work/shared';
const AUDIT_XSD = join(SHARED, 'alfresco/alfresco-audit-3.2.libxml2-fixed.xsd');
const POLICIES_FILE = resolve(ROOT, 'behaviors/data/acs-policies.json');
const POLICIES = JSON.parse(readFileSync(POLICIES_FILE, 'utf8')) as {
  namespace: string;
  sources: { path: string; class: string[]; association: string[] }[];
};

function sh(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Values an XPath selects (attributes or text), through xmllint. */
function xpath(file: string, expr: string): string[] {
  const r = spawnSync('xmllint', ['--xpath', expr, file], { encoding: 'utf8' });
  // xmllint exits 10 when the expression selects nothing.
  if (r.status === 10) return [];
  if (r.status !== 0) throw new Error(`xmllint --xpath ${expr} ${file}: ${r.stderr}`);
  const attrs = [...r.stdout.matchAll(/\s[\w:-]+="([^"]*)"/g)].map((m) => m[1]);
  return attrs.length > 0 ? attrs : r.stdout.split('\n').map((s) => s.trim()).filter(Boolean);
}

const el = (name: string): string => `//*[local-name()='${name}']`;

describe('module JAR (npm run build:module)', () => {
  let dir: string;
  let jar: string;
  let entries: string[];
  const inModule = (p: string): string => join(dir, 'x', p);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'efr-jar-'));
    ({ jar, entries } = await buildModule({ jar: join(dir, 'efr-repo.jar') }));
    sh('unzip', ['-q', jar, '-d', join(dir, 'x')]);
    // Compiling every script to ES5 and packing the JAR: over a minute on a loaded 2-core machine.
  }, 300_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const springXml = (): string[] => entries.filter((e) =>
    e === `${MODULE_PREFIX}/module-context.xml` || /\/context\/[^/]+\.xml$/.test(e));

  it('holds module.properties, module-context.xml, a manifest, web scripts, nothing else', () => {
    expect(sh('unzip', ['-Z1', jar]).trim().split('\n')).toEqual(entries);
    expect(entries.slice(0, 2)).toEqual(['META-INF/', 'META-INF/MANIFEST.MF']);
    expect(entries).toContain(`${MODULE_PREFIX}/module.properties`);
    expect(entries).toContain(`${MODULE_PREFIX}/module-context.xml`);
    const files = entries.filter((e) => !isDirectoryEntry(e));
    expect(files.filter((e) => e !== 'META-INF/MANIFEST.MF' &&
      !e.startsWith(MODULE_PREFIX + '/') && !e.startsWith(WEBSCRIPT_STORE + '/'))).toEqual([]);
  });

  it('lists every folder as a directory entry, before its contents (issue 14, finding 1)', () => {
    // ACS finds a module only through classpath*: folder patterns, which a class loader answers
    // from the folder's own entry (behaviors/data/acs-module-loading.json).
    const folders = new Set<string>();
    for (const e of entries) {
      const parts = e.split('/').slice(0, isDirectoryEntry(e) ? -2 : -1);
      for (let i = 1; i <= parts.length; i++) folders.add(parts.slice(0, i).join('/') + '/');
    }
    for (const f of ['alfresco/', 'alfresco/module/', `${MODULE_PREFIX}/`,
      `${MODULE_PREFIX}/audit/`, 'alfresco/extension/', 'alfresco/extension/templates/',
      'alfresco/extension/templates/webscripts/', `${WEBSCRIPT_STORE}/`]) {
      expect(folders.has(f)).withContext(f).toBeTrue();
    }
    const dirs = entries.filter(isDirectoryEntry);
    expect([...dirs].sort()).toEqual([...folders].sort());
    for (const e of entries) {
      const parent = e.replace(/[^/]+\/?$/, '');
      if (parent !== '') {
        expect(entries.indexOf(parent)).withContext(e).toBeLessThan(entries.indexOf(e));
      }
    }
    // Folders as `jar` writes them: stored, empty, mode drwxr-xr-x, the fixed time.
    const listing = sh('unzip', ['-Z', jar]).split('\n').filter((l) => /\/$/.test(l));
    expect(listing.length).toBe(dirs.length);
    for (const l of listing) expect(l).toMatch(/^drwxr-xr-x .* 0 b- stor 26-Jan-01 00:00 /);
  });

  it('ships every web script whole: descriptor, compiled controller and JSON template', () => {
    const scripts = entries.filter((e) => e.startsWith(WEBSCRIPT_STORE + '/') &&
      !isDirectoryEntry(e));
    const ids = new Set(scripts.map((e) =>
      e.replace(/\.(desc\.xml|js|json\.ftl|csv\.ftl|json\.status\.ftl)$/, '')));
    expect(ids.size).toBeGreaterThan(10);
    for (const id of ids) {
      const desc = inModule(`${id}.desc.xml`);
      // A content-stream script (StreamContent) renders its JSON answers through the status
      // template `<id>.json.status.ftl`; the others through `<id>.json.ftl`.
      const streams = xpath(desc, `${el('webscript')}/@kind`).join(' ')
        .includes('org.alfresco.repository.content.stream');
      for (const part of ['desc.xml', 'js', streams ? 'json.status.ftl' : 'json.ftl']) {
        expect(entries).withContext(id).toContain(`${id}.${part}`);
      }
      expect(sh('xmllint', ['--noout', desc])).toBe('');
      const urls = xpath(desc, `${el('url')}/text()`);
      expect(urls.length).withContext(id).toBeGreaterThan(0);
      for (const url of urls) expect(url).withContext(id).toMatch(/^\/efr\//);
      expect(xpath(desc, `${el('authentication')}/text()`)).withContext(id).toEqual(['user']);
    }
    // Every controller source has its descriptor, and the reverse.
    const compiled = webScriptEntries().map((w) => `${WEBSCRIPT_STORE}/${w.feature}/${w.name}`);
    expect([...ids].sort()).toEqual(compiled.sort());
  });

  it('serves the spot-check reads the campaigns screen and the dashboard call (R28.1, R28.2)',
    () => {
      // extension/spot-checks/spot-checks.service.ts: list, campaign, sample, a finding with
      // its evidence, results, verify.
      const gets = entries.filter((e) => e.startsWith(`${WEBSCRIPT_STORE}/spot-checks/`) &&
        e.endsWith('.get.desc.xml'));
      const urls = gets.flatMap((e) => xpath(inModule(e), `${el('url')}/text()`)).sort();
      expect(urls).toEqual(['/efr/spot-checks', '/efr/spot-checks/{id}',
        '/efr/spot-checks/{id}/findings/{key}', '/efr/spot-checks/{id}/results', '/efr/spot-checks/{id}/sample',
        '/efr/spot-checks/{id}/verify-draw', '/efr/violations', '/efr/violations/{id}']);
      for (const e of gets) {
        expect(xpath(inModule(e), `${el('format')}/@default`)).withContext(e).toEqual(['json']);
      }
    });

  it('declares the module id, version, title and minimum repository version 23.1', () => {
    const text = readFileSync(inModule(`${MODULE_PREFIX}/module.properties`), 'utf8');
    expect(text).toMatch(/^module\.id=efr-repo$/m);
    expect(text).toMatch(/^module\.version=\d+\.\d+\.\d+$/m);
    expect(text).toMatch(/^module\.title=.+$/m);
    expect(text).toMatch(/^module\.description=.+$/m);
    expect(text).toMatch(/^module\.repo\.version\.min=23\.1$/m);
  });

  it('imports every context file from module-context.xml', () => {
    const moduleContext = inModule(`${MODULE_PREFIX}/module-context.xml`);
    const imported = xpath(moduleContext, `${el('import')}/@resource`)
      .map((r) => r.replace(/^classpath:/, '')).sort();
    expect(imported).toEqual(entries.filter((e) => /\/context\/[^/]+\.xml$/.test(e)).sort());
  });

  it('has well-formed Spring XML', () => {
    expect(springXml().length).toBeGreaterThanOrEqual(3);
    for (const f of springXml()) sh('xmllint', ['--noout', inModule(f)]);
  });

  it('holds every context, model, label bundle and script the Spring XML names', () => {
    const named: string[] = [];
    for (const f of springXml()) {
      const file = inModule(f);
      for (const r of xpath(file, `${el('import')}/@resource`)) {
        named.push(r.replace(/^classpath:/, ''));
      }
      for (const v of xpath(file, `${el('property')}[@name='models']${el('value')}/text()`)) {
        named.push(v);
      }
      for (const v of xpath(file, `${el('property')}[@name='labels']${el('value')}/text()`)) {
        named.push(v + '.properties', v + '_zh_CN.properties');
      }
      for (const v of xpath(file, `${el('bean')}[@class=` +
        `'org.alfresco.repo.jscript.ClasspathScriptLocation']${el('constructor-arg')}/@value`)) {
        named.push(v);
      }
    }
    // Six behaviour scripts and the window-expiry job's script action.
    expect(named.filter((n) => n.endsWith('.js')).length).toBe(7);
    expect(named.filter((n) => n.includes('/model/')).length).toBe(1);
    for (const n of named) expect(entries).withContext(n).toContain(n);
  });

  it('copies the model and its bundles from content-model/ unchanged (single source)', () => {
    for (const [from, to] of MODEL_COPIES) {
      expect(readFileSync(inModule(`${MODULE_PREFIX}/${to}`)))
        .withContext(to).toEqual(readFileSync(resolve(ROOT, 'content-model', from)));
    }
  });

  it('bootstraps the model after dictionaryBootstrap, and binds behaviours after the model', () => {
    const boot = inModule(`${MODULE_PREFIX}/context/efr-bootstrap-context.xml`);
    const ids = xpath(boot, `${el('bean')}[@parent='dictionaryModelBootstrap']/@id`);
    expect(ids.length).toBe(1);
    expect(xpath(boot, `${el('bean')}[@id='${ids[0]}']/@depends-on`))
      .toEqual(['dictionaryBootstrap']);
    const behaviours = inModule(`${MODULE_PREFIX}/context/efr-behaviours-context.xml`);
    const regs = `${el('bean')}[@class=` +
      `'org.alfresco.repo.policy.registration.ClassPolicyRegistration']`;
    const deps = xpath(behaviours, `${regs}/@depends-on`);
    expect(deps.length).toBe(4);
    expect(deps.every((d) => d === ids[0])).toBeTrue();
    expect(xpath(behaviours, `${regs}/@init-method`))
      .toEqual(['register', 'register', 'register', 'register']);
  });

  it('names only policies ACS defines, for EFR types of the model', () => {
    const known = new Set<string>();
    for (const s of POLICIES.sources) {
      for (const n of s.class) known.add(`{${POLICIES.namespace}}${n}`);
    }
    const behaviours = inModule(`${MODULE_PREFIX}/context/efr-behaviours-context.xml`);
    const names = [
      ...xpath(behaviours, `${el('property')}[@name='policyName']/@value`),
      ...xpath(behaviours, `${el('property')}[@name='policyNames']${el('value')}/text()`),
    ];
    expect(names.length).toBe(10);
    for (const n of names) expect(known.has(n)).withContext(n).toBeTrue();
    const classes = xpath(behaviours, `${el('property')}[@name='className']/@value`);
    // Types, and the tombstone aspect (beforeAddAspect fires for the aspect's class).
    const efrTypes = [...Object.values(EFR_TYPES), EFR_ASPECTS.destroyed] as string[];
    for (const c of classes) {
      expect(c.startsWith(`{${EFR_NAMESPACE_URI}}`)).withContext(c).toBeTrue();
      expect(efrTypes).toContain('efr:' + c.substring(EFR_NAMESPACE_URI.length + 2));
    }
    expect(classes.sort()).toEqual([`{${EFR_NAMESPACE_URI}}accessRequest`,
      `{${EFR_NAMESPACE_URI}}destroyed`, `{${EFR_NAMESPACE_URI}}handover`,
      `{${EFR_NAMESPACE_URI}}recording`]);
  });

  it('has an audit application valid against the audit XSD, fed by alfresco-access', () => {
    const audits = entries.filter((e) => e.startsWith(`${MODULE_PREFIX}/audit/`) &&
      !isDirectoryEntry(e));
    expect(audits.length).toBe(1);
    const file = inModule(audits[0]);
    sh('xmllint', ['--noout', '--schema', AUDIT_XSD, file]);
    expect(xpath(file, `${el('PathMap')}/@source`)).toEqual(['/alfresco-access/transaction']);
    const keys = xpath(file, `${el('RecordValue')}/@key`);
    for (const k of ['user', 'node', 'type', 'action', 'sub-actions']) expect(keys).toContain(k);
  });

  it('ships scripts that parse as ES5, lint clean and are plain ASCII', () => {
    const scripts = entries.filter((e) => e.endsWith('.js'));
    expect(scripts.filter((s) => s.startsWith(MODULE_PREFIX)).map((s) => s.split('/').pop()))
      .toEqual(['access-request.js', 'document-guard.js', 'exposure-guard.js', 'handover.js',
        'record-guard.js', 'recording.js', 'window-expiry.js']);
    expect(scripts.filter((s) => s.startsWith(WEBSCRIPT_STORE)).length)
      .toBe(webScriptEntries().length);
    for (const s of scripts) {
      const code = readFileSync(inModule(s), 'utf8');
      expect(checkEs5(s, code)).withContext(s).toEqual([]);
      expect(/^[\x00-\x7f]*$/.test(code)).withContext(s).toBeTrue();
      expect(code).not.toMatch(/^\s*"use strict"/m);
    }
  });

  it('ships scripts without the runtime names Rhino 1.7.14 lacks at language version 0', () => {
    // Syntax is lowered; the library is not (rhino-build.md). Messages hold none of these words.
    const missing = new RegExp('\\b(Symbol|Promise|WeakMap|Reflect|Proxy)\\b|new (Map|Set)\\b|' +
      'Object\\.(entries|values|fromEntries|getOwnPropertySymbols)\\b');
    for (const s of entries.filter((e) => e.endsWith('.js'))) {
      const m = missing.exec(readFileSync(inModule(s), 'utf8'));
      expect(m === null ? null : m[0]).withContext(s).toBeNull();
    }
  });

  it('rejects ES2015 syntax, undeclared globals and loose equality in emitted scripts', () => {
    expect(checkEs5('let', 'let x = 1;')[0]).toContain('not ES5');
    expect(checkEs5('undef', 'companyHomeTypo.children;').join()).toContain('no-undef');
    expect(checkEs5('eq', 'var a = 1; if (a == "1") { a = 2; }').join()).toContain('eqeqeq');
    const ok = 'var n = behaviour.name; if (n == null) { logger.log("x"); }';
    expect(checkEs5('ok', ok)).toEqual([]);
    expect(ACS_SCRIPT_GLOBALS).toContain('behaviour');
  });

  it('is reproducible: a second build gives the same bytes', async () => {
    const again = await buildModule({ jar: join(dir, 'again.jar') });
    const digest = (f: string): string =>
      createHash('sha256').update(readFileSync(f)).digest('hex');
    expect(digest(again.jar)).toBe(digest(jar));
  });
});
