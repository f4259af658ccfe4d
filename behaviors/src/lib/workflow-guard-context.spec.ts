// The Spring registrations of the workflow guard (R13.1, R11.2): the context file binds the
// four guarded EFR types to the policies the guard handles, with ACS's own policy QNames, to a
// ScriptBehaviour that exists, after the model bootstrap. (module-jar.spec.ts checks that the
// file is imported and packed; its per-file counts cover efr-behaviours-context.xml only.)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EFR_NAMESPACE_URI } from '../../../content-model/src/qnames.js';
import { STEP_FIELDS } from './workflow-guard.js';

const CONTEXT = resolve(import.meta.dirname, '../../config/alfresco/module/efr-repo/context');
const GUARD = resolve(CONTEXT, 'efr-workflow-guard-context.xml');
const BEHAVIOURS = resolve(CONTEXT, 'efr-behaviours-context.xml');
const BOOTSTRAP = resolve(CONTEXT, 'efr-bootstrap-context.xml');
const POLICIES = JSON.parse(readFileSync(
  resolve(import.meta.dirname, '../../data/acs-policies.json'), 'utf8')) as
  { namespace: string; sources: { class: string[] }[] };

/** The first group of every match of `pattern` (the files are Spring XML we write). */
function attrs(xml: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (let m = pattern.exec(xml); m !== null; m = pattern.exec(xml)) out.push(m[1]);
  return out;
}

describe('efr-workflow-guard-context.xml (R13.1, R11.2)', () => {
  const xml = readFileSync(GUARD, 'utf8');

  it('is well-formed', () => {
    const r = spawnSync('xmllint', ['--noout', GUARD], { encoding: 'utf8' });
    expect(r.status).withContext(r.stderr).toBe(0);
  });

  it('R13.1/R11.2: binds exactly the guarded types, each to create, update and delete', () => {
    const classes = attrs(xml, /name="className" value="\{([^}]+\}[^"]+)"/g)
      .map((c) => 'efr:' + c.substring(EFR_NAMESPACE_URI.length + 1));
    expect(classes.sort()).toEqual(Object.keys(STEP_FIELDS).sort());
    const lists = xml.split('<property name="policyNames">').slice(1)
      .map((l) => attrs(l.split('</list>')[0], /<value>([^<]+)<\/value>/g).sort());
    expect(lists.length).toBe(classes.length);
    const want = ['onCreateNode', 'onUpdateProperties', 'beforeDeleteNode']
      .map((n) => `{${POLICIES.namespace}}${n}`).sort();
    for (const l of lists) expect(l).toEqual(want);
  });

  it('names only policies ACS defines', () => {
    const known = new Set<string>();
    for (const s of POLICIES.sources) {
      for (const n of s.class) known.add(`{${POLICIES.namespace}}${n}`);
    }
    for (const v of attrs(xml, /<value>([^<]+)<\/value>/g)) {
      expect(known.has(v)).withContext(v).toBeTrue();
    }
  });

  it('binds an existing ScriptBehaviour, after the model bootstrap', () => {
    const behaviourIds = attrs(readFileSync(BEHAVIOURS, 'utf8'),
      /<bean id="([^"]+)" class="org\.alfresco\.repo\.jscript\.ScriptBehaviour"/g);
    const refs = attrs(xml, /name="behaviour" ref="([^"]+)"/g);
    expect(refs.length).toBe(4);
    for (const r of refs) expect(behaviourIds).toContain(r);
    const bootId = attrs(readFileSync(BOOTSTRAP, 'utf8'),
      /<bean id="([^"]+)"[^>]*parent="dictionaryModelBootstrap"/g);
    expect(bootId.length).toBe(1);
    const deps = attrs(xml, /depends-on="([^"]+)"/g);
    expect(deps.length).toBe(4);
    for (const d of deps) expect(d).toBe(bootId[0]);
  });
});
