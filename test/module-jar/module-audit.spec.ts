// Issue 14, findings 4 and 5: the module's access audit, checked against what ACS's sources say
// (behaviors/data/acs-audit.json).
// - Finding 5: the module configures its own audit application only. It must not switch on the
//   alfresco-access application nor its filter: the filter is keyed by the producer, not by
//   the application, so setting it changes what alfresco-access records for every document.
// - Finding 4: every audit query the docs give searches a value of the Java class ACS stores
//   under that key; a v1 `valuesValue` is always a String and never finds the stored NodeRef.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type AcsFact, factMismatches } from './acs-sources.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const MODULE_DIR = resolve(ROOT, 'behaviors/config/alfresco/module/efr-repo');
const PROPERTIES_FILE = resolve(MODULE_DIR, 'alfresco-global.properties');
const AUDIT_FILE = resolve(MODULE_DIR, 'audit/efr-audit.xml');
const DOCS = ['behaviors/README.md', 'docs/deploy.md'];

interface Section { facts: AcsFact[] }
interface AuditCatalogue {
  recorded: Section & { classes: Record<string, string> };
  extractors: Section & { names: string[] };
  queries: Section & { v1ValueClass: string };
  scope: Section & { acsDefaults: Record<string, string> };
}
const CATALOGUE_FILE = resolve(ROOT, 'behaviors/data/acs-audit.json');
const CATALOGUE = JSON.parse(readFileSync(CATALOGUE_FILE, 'utf8')) as AuditCatalogue;

/** Values an XPath selects on the module's audit XML (attributes), through xmllint. */
function auditXpath(expr: string): string[] {
  const r = spawnSync('xmllint', ['--xpath', expr, AUDIT_FILE], { encoding: 'utf8' });
  if (r.status === 10) return [];
  if (r.status !== 0) throw new Error(`xmllint --xpath ${expr}: ${r.stderr}`);
  return [...r.stdout.matchAll(/\s[\w:-]+="([^"]*)"/g)].map((m) => m[1]);
}
const el = (name: string): string => `//*[local-name()='${name}']`;

/** key=value lines of a .properties file (no continuations: the module uses none). */
function properties(file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const i = line.search(/[=:]/);
    out.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  return out;
}

/** An audit query found in the docs: API, the searched key, the value's class. */
interface DocQuery { doc: string; api: 'v1' | 'v0'; key: string; valueClass: string }

/** Every audit value query of a Markdown file (v1 where clauses, v0 audit query URLs). */
function documentedQueries(doc: string): DocQuery[] {
  const text = readFileSync(resolve(ROOT, doc), 'utf8').split('\n').map((l) => {
    try {
      return decodeURIComponent(l);
    } catch {
      // URIError: a line with a '%' that is not an escape is plain text; read it as is.
      return l;
    }
  }).join('\n');
  const out: DocQuery[] = [];
  for (const m of text.matchAll(/valuesKey\s*=\s*'([^']+)'\s+and\s+valuesValue\s*=/g)) {
    out.push({ doc, api: 'v1', key: m[1], valueClass: CATALOGUE.queries.v1ValueClass });
  }
  for (const m of text.matchAll(/\/api\/audit\/query\/[\w-]+(\/[\w/-]+)\?([^\s`"]*)/g)) {
    const params = new URLSearchParams(m[2]);
    if (!params.has('value')) continue;
    out.push({ doc, api: 'v0', key: m[1],
      valueClass: params.get('valueType') ?? 'java.lang.String' });
  }
  return out;
}

describe('module access audit against ACS (issue 14, findings 4 and 5)', () => {
  const ownApps = auditXpath(`${el('Application')}/@key`);

  it('records ACS facts that its sources hold at the line named, where they are at hand', () => {
    const facts = [CATALOGUE.recorded, CATALOGUE.extractors, CATALOGUE.queries, CATALOGUE.scope]
      .flatMap((s) => s.facts);
    expect(facts.length).toBeGreaterThan(30);
    expect(factMismatches(facts)).toEqual([]);
  });

  it('sets no audit property but its own application\'s switch (finding 5)', () => {
    expect(ownApps).toEqual(['efr-access']);
    // AuditModelRegistryImpl: an application's switch is audit.<key in lower case>.enabled.
    const allowed = ownApps.map((k) => `audit.${k.toLowerCase()}.enabled`);
    const props = properties(PROPERTIES_FILE);
    const auditKeys = [...props.keys()].filter((k) => k.startsWith('audit.'));
    expect(auditKeys).toEqual(allowed);
    expect(props.get('audit.efr-access.enabled')).toBe('true');
    // Nothing ACS defaults for alfresco-access (application, filter) is overridden.
    for (const k of Object.keys(CATALOGUE.scope.acsDefaults)) {
      expect(props.has(k)).withContext(k).toBeFalse();
    }
    expect(auditKeys.filter((k) => k.startsWith('audit.filter.') ||
      k.startsWith('audit.alfresco-access.'))).toEqual([]);
  });

  it('is fed by the alfresco-access producer through its own path mapping only', () => {
    // The producer runs when an enabled application maps a path under its root
    // (AccessAuditor.auditEnabled -> areAuditValuesRequired): efr-access's PathMap suffices.
    const sources = auditXpath(`${el('PathMap')}/@source`);
    const targets = auditXpath(`${el('PathMap')}/@target`);
    expect(sources).toEqual(['/alfresco-access/transaction']);
    for (const t of targets) expect(ownApps).toContain(t.split('/')[1]);
  });

  it('keeps each value\'s Java class (simpleValue), as the catalogue assumes', () => {
    const registered = new Map<string, string>();
    const names = auditXpath(`${el('DataExtractor')}/@name`);
    const regs = auditXpath(`${el('DataExtractor')}/@registeredName`);
    names.forEach((n, i) => registered.set(n, regs[i]));
    expect(CATALOGUE.extractors.names).toContain('auditModel.extractor.simpleValue');
    const used = auditXpath(`${el('RecordValue')}/@dataExtractor`);
    for (const u of used) expect(registered.get(u)).toBe('auditModel.extractor.simpleValue');
    const keys = auditXpath(`${el('RecordValue')}/@key`);
    for (const k of keys) {
      expect(CATALOGUE.recorded.classes[k]).withContext(k).toBeDefined();
    }
    expect(CATALOGUE.recorded.classes.node).toBe('org.alfresco.service.cmr.repository.NodeRef');
  });

  it('documents only audit queries that can match: the searched class is the stored one ' +
    '(finding 4)', () => {
    const keys = new Set(auditXpath(`${el('RecordValue')}/@key`));
    for (const doc of DOCS) {
      const queries = documentedQueries(doc);
      expect(queries.length).withContext(doc).toBeGreaterThan(0);
      // Each doc tells how to find the reads of one recording (by node).
      expect(queries.some((q) => q.key.endsWith('/node'))).withContext(doc).toBeTrue();
      for (const q of queries) {
        const ctx = `${q.doc} ${q.api} ${q.key}`;
        const m = /^\/efr-access\/transaction\/([\w-]+)$/.exec(q.key);
        expect(m).withContext(ctx).not.toBeNull();
        const key = (m as RegExpExecArray)[1];
        expect(keys.has(key)).withContext(ctx).toBeTrue();
        expect(q.valueClass).withContext(ctx).toBe(CATALOGUE.recorded.classes[key]);
      }
    }
  });
});
