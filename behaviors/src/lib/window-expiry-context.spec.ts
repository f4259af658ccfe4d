// The window-expiry job's Spring context (R24.2) against what ACS defines: every class it
// instantiates, every property it sets, every bean it names and every enumerated value it uses
// is one behaviors/data/acs-scheduled-actions.json records from ACS's public sources; the query,
// the script action and the schedule are those R24.2 needs. (module-jar.spec.ts checks that
// the file is imported, packed, and that the script it names is in the JAR.)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import {
  EFR_NAMESPACE_URI, EFR_PROPS, EFR_TYPES,
} from '../../../content-model/src/qnames.js';
import { REQUEST_STATUS_VALUES } from '../../../content-model/src/enumerations.js';
import { MODULE_PREFIX } from '../../build/build-module.mjs';
import { entryScripts } from '../../build/compile-scripts.mjs';

const MODULE = resolve(import.meta.dirname, '../../config/alfresco/module/efr-repo');
const CONTEXT = resolve(MODULE, 'context/efr-window-expiry-context.xml');
const DATA_FILE = resolve(import.meta.dirname, '../../data/acs-scheduled-actions.json');

interface ClassFacts {
  path: string;
  commit: string;
  extends?: string;
  properties: string[];
  constructorArgs?: number;
}
interface Sourced {
  path: string;
  commit: string;
}
const DATA = JSON.parse(readFileSync(DATA_FILE, 'utf8')) as {
  classes: Record<string, ClassFacts>;
  beans: Record<string, Sourced & { class?: string }>;
  values: Record<string, Sourced & { allowed: string[] }>;
  facts: (Sourced & { id: string })[];
};

/** A property of a bean: a value, a ref, a list of values, a map (entry count), or a bean. */
interface Prop {
  value?: string;
  ref?: string;
  list?: string[];
  mapEntries?: number;
  bean?: Bean;
}
interface Bean {
  id: string | null;
  cls: string | null;
  parent: string | null;
  dependsOn: string | null;
  props: Map<string, Prop>;
  constructorArgs: string[];
}

type Xml = Record<string, unknown>;
const REPEATED = new Set(['bean', 'property', 'value', 'constructor-arg', 'entry', 'import']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (tag) => REPEATED.has(tag),
});

const attr = (x: Xml, name: string): string | null =>
  typeof x[`@_${name}`] === 'string' ? (x[`@_${name}`] as string) : null;
const kids = (x: Xml, tag: string): Xml[] => (Array.isArray(x[tag]) ? (x[tag] as Xml[]) : []);
const text = (v: unknown): string =>
  typeof v === 'string' ? v : String((v as Xml | undefined)?.['#text'] ?? '');

function beanOf(x: Xml): Bean {
  const props = new Map<string, Prop>();
  for (const p of kids(x, 'property')) {
    const prop: Prop = {};
    if (attr(p, 'value') !== null) prop.value = attr(p, 'value') as string;
    if (kids(p, 'value').length > 0) prop.value = text(kids(p, 'value')[0]);
    if (attr(p, 'ref') !== null) prop.ref = attr(p, 'ref') as string;
    if (p['list'] !== undefined) prop.list = kids(p['list'] as Xml, 'value').map(text);
    if (p['map'] !== undefined) {
      prop.mapEntries = typeof p['map'] === 'object' ? kids(p['map'] as Xml, 'entry').length : 0;
    }
    const nested = kids(p, 'bean');
    if (nested.length > 0) prop.bean = beanOf(nested[0]);
    props.set(attr(p, 'name') as string, prop);
  }
  return {
    id: attr(x, 'id'),
    cls: attr(x, 'class'),
    parent: attr(x, 'parent'),
    dependsOn: attr(x, 'depends-on'),
    props,
    constructorArgs: kids(x, 'constructor-arg').map((c) => attr(c, 'value') ?? ''),
  };
}

/** Every bean of the file, nested ones included. */
function allBeans(beans: Bean[]): Bean[] {
  const out: Bean[] = [];
  for (const b of beans) {
    out.push(b);
    const nested: Bean[] = [];
    for (const p of b.props.values()) if (p.bean) nested.push(p.bean);
    out.push(...allBeans(nested));
  }
  return out;
}

/** A class's settable properties, its ancestors' included. */
function propertiesOf(cls: string): Set<string> {
  const out = new Set<string>();
  for (let c: string | undefined = cls; c !== undefined; c = DATA.classes[c]?.extends) {
    for (const p of DATA.classes[c]?.properties ?? []) out.add(p);
  }
  return out;
}

/** `key=value` lines of a .properties file (no continuation lines in ours). */
function properties(file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^([^#!\s][^=]*)=(.*)$/.exec(line);
    if (m) out.set(m[1].trim(), m[2].trim());
  }
  return out;
}

describe('efr-window-expiry-context.xml: the window-expiry job (R24.2)', () => {
  const xml = readFileSync(CONTEXT, 'utf8');
  const top = kids(parser.parse(xml)['beans'] as Xml, 'bean').map(beanOf);
  const beans = allBeans(top);
  const byId = new Map(top.filter((b) => b.id !== null).map((b) => [b.id as string, b]));
  const classOf = (b: Bean): string | null =>
    b.cls ?? (b.parent !== null ? (DATA.beans[b.parent]?.class ?? null) : null);
  const only = (cls: string): Bean => {
    const found = top.filter((b) => classOf(b) === cls);
    expect(found.length).withContext(cls).toBe(1);
    return found[0];
  };
  const job = (): Bean =>
    only('org.alfresco.repo.action.scheduled.CronScheduledQueryBasedTemplateActionDefinition');
  const defaults = properties(resolve(MODULE, 'alfresco-global.properties'));

  it('is well-formed and imported by module-context.xml', () => {
    const r = spawnSync('xmllint', ['--noout', CONTEXT], { encoding: 'utf8' });
    expect(r.status).withContext(r.stderr).toBe(0);
    const moduleContext = readFileSync(resolve(MODULE, 'module-context.xml'), 'utf8');
    expect(moduleContext).toContain(
      `resource="classpath:${MODULE_PREFIX}/context/efr-window-expiry-context.xml"`);
  });

  it('records a source file and commit for everything it relies on', () => {
    const sources: Sourced[] = [...Object.values(DATA.classes), ...Object.values(DATA.beans),
      ...Object.values(DATA.values), ...DATA.facts];
    expect(sources.length).toBeGreaterThan(20);
    for (const s of sources) {
      expect(s.path).withContext(JSON.stringify(s))
        .toMatch(/^(repository|data-model)\/src\/main\//);
      expect(s.commit).withContext(s.path).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it('instantiates only the ACS classes recorded, setting only their properties', () => {
    expect(beans.length).toBe(5);
    for (const b of beans) {
      const cls = classOf(b);
      expect(cls !== null && DATA.classes[cls] !== undefined)
        .withContext(`${b.id}: ${cls}`).toBeTrue();
      const known = propertiesOf(cls as string);
      for (const name of b.props.keys()) {
        expect(known.has(name)).withContext(`${b.id}: ${cls}.${name}`).toBeTrue();
      }
      expect(b.constructorArgs.length).withContext(`${b.id}: ${cls}`)
        .toBe(DATA.classes[cls as string].constructorArgs ?? 0);
    }
  });

  it('names only recorded ACS beans or its own as parent, ref and depends-on', () => {
    const own = new Set(byId.keys());
    for (const b of beans) {
      if (b.parent !== null) expect(DATA.beans[b.parent]).withContext(b.parent).toBeDefined();
      if (b.parent !== null && b.cls !== null) {
        expect(b.cls).toBe(DATA.beans[b.parent].class as string);
      }
      for (const [name, p] of b.props) {
        if (p.ref === undefined) continue;
        expect(own.has(p.ref) || DATA.beans[p.ref] !== undefined)
          .withContext(`${b.id}.${name} → ${p.ref}`).toBeTrue();
      }
    }
    // The job starts after the access request behaviour that checks every close it writes.
    const behaviours = readFileSync(resolve(MODULE, 'context/efr-behaviours-context.xml'), 'utf8');
    expect(job().dependsOn).toBe('efr-repo.accessRequestPolicies');
    expect(behaviours).toContain('id="efr-repo.accessRequestPolicies"');
    expect(behaviours).toContain(`value="{${EFR_NAMESPACE_URI}}accessRequest"`);
  });

  it('uses only values ACS accepts: isolated transactions, fts-alfresco', () => {
    const j = job();
    for (const name of ['transactionMode', 'compensatingActionMode', 'queryLanguage']) {
      expect(DATA.values[name].allowed).withContext(name)
        .toContain(j.props.get(name)?.value ?? '(unset)');
    }
    // Any other string would silently fall back; one failing request must not stop the others.
    expect(j.props.get('transactionMode')?.value).toBe('ISOLATED_TRANSACTIONS');
    expect(j.props.get('queryLanguage')?.value).toBe('fts-alfresco');
    expect(j.props.get('stores')?.list).toEqual(['workspace://SpacesStore']);
  });

  it('R24.2: queries the registered requests by model names, with no template markup', () => {
    expect(REQUEST_STATUS_VALUES as readonly string[]).toContain('registered');
    expect(job().props.get('queryTemplate')?.value).toBe(
      `TYPE:"${EFR_TYPES.accessRequest}" AND =${EFR_PROPS.requestStatus}:"registered"`);
    const action = only('org.alfresco.repo.action.scheduled.SimpleTemplateActionDefinition');
    expect(action.props.get('parameterTemplates')?.mapEntries).toBe(0);
    // Spring's placeholder configurers would read FreeMarker's ${…} and #{…} first.
    expect(xml.replace(/<!--[\s\S]*?-->/g, '').match(/[$#]\{(?!efr\.)/g)).toBeNull();
  });

  it('R24.2: runs the compiled window-expiry script as a non-public action on requests', () => {
    const actionName = only('org.alfresco.repo.action.scheduled.SimpleTemplateActionDefinition')
      .props.get('actionName')?.value as string;
    expect(job().props.get('templateActionDefinition')?.ref ?? null)
      .toBe(only('org.alfresco.repo.action.scheduled.SimpleTemplateActionDefinition').id);
    const executer = byId.get(actionName) as Bean;
    expect(executer).withContext(actionName).toBeDefined();
    expect(classOf(executer)).toBe('org.alfresco.repo.action.executer.ScriptActionExecuter');
    expect(executer.parent).toBe('script');
    expect(executer.props.get('publicAction')?.value).toBe('false');
    expect(executer.props.get('applicableTypes')?.list)
      .toEqual([`{${EFR_NAMESPACE_URI}}accessRequest`]);
    const location = executer.props.get('scriptLocation')?.bean as Bean;
    expect(location.cls).toBe('org.alfresco.repo.jscript.ClasspathScriptLocation');
    expect(location.constructorArgs).toEqual([`${MODULE_PREFIX}/scripts/window-expiry.js`]);
    expect(entryScripts().map((e) => e.name)).toContain('window-expiry');
  });

  it('runs every five minutes by default, both settings overridable global properties', () => {
    const j = job();
    expect(j.props.get('cronExpression')?.value).toBe('${efr.windowExpiry.cronExpression}');
    expect(j.props.get('runAsUser')?.value).toBe('${efr.windowExpiry.runAsUser}');
    const placeholders = [...xml.replace(/<!--[\s\S]*?-->/g, '').matchAll(/\$\{([^}]+)\}/g)]
      .map((m) => m[1]);
    expect(placeholders.sort()).toEqual(['efr.windowExpiry.cronExpression',
      'efr.windowExpiry.runAsUser']);
    for (const p of placeholders) expect(defaults.get(p)).withContext(p).toBeTruthy();
    // Quartz: seconds minutes hours day-of-month month day-of-week; at second 0 of every fifth
    // minute, every hour of every day.
    expect((defaults.get('efr.windowExpiry.cronExpression') as string).split(/\s+/))
      .toEqual(['0', '0/5', '*', '*', '*', '?']);
    // PersonService refuses System a Person, and the script action needs one (systemHasNoPerson).
    expect(DATA.facts.map((f) => f.id)).toContain('systemHasNoPerson');
    expect(defaults.get('efr.windowExpiry.runAsUser')).not.toBe('System');
    expect(j.props.get('jobGroup')?.value).toBe('efr-repo');
    expect(j.props.get('triggerGroup')?.value).toBe('efr-repo');
  });
});
