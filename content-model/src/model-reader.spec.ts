import { namespaceUri, parseModel, readModelFile } from './model-reader.js';
import {
  BASE_MODEL_FILE, EFR_MODEL_FILE, buildModelSet, effectiveProperties, isSubClassOf,
  mandatoryAspectsOf,
} from './model-set.js';
import { ModelError, type ClassDef, type ModelDef } from './model-types.js';
import { xmllintCount } from './spec-support.js';

const NS = 'xmlns="http://www.alfresco.org/model/dictionary/1.0"';

/** A minimal model text around `body` (constraints, types, aspects), for error cases. */
function tinyModel(body: string, imports = '<import uri="u:d" prefix="d"/>'): string {
  return `<model name="t:m" ${NS}><imports>${imports}</imports>
    <namespaces><namespace uri="u:t" prefix="t"/></namespaces>${body}</model>`;
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ModelError) return e.problems;
    throw e;
  }
  return [];
}

/** The XPath count xmllint gives for elements of a local name in a model file. */
function xmlCount(file: string, element: string): number {
  return xmllintCount(file, `count(//*[local-name()='${element}'])`);
}

/** How many children a top-level group (`types`, `aspects`, `constraints`) has, per xmllint. */
function topLevel(file: string, group: string): number {
  return xmllintCount(file, `count(/*[local-name()='model']/*[local-name()='${group}']/*)`);
}

function allClasses(m: ModelDef): ClassDef[] {
  return [...m.types, ...m.aspects];
}

describe('model reader', () => {
  let efr: ModelDef;
  let base: ModelDef;
  beforeAll(() => {
    efr = readModelFile(EFR_MODEL_FILE);
    base = readModelFile(BASE_MODEL_FILE);
  });

  for (const [label, file] of [['efr', EFR_MODEL_FILE], ['base', BASE_MODEL_FILE]]) {
    it(`reads as many ${label} classes, properties and associations as xmllint counts`, () => {
      const m = label === 'efr' ? efr : base;
      const classes = allClasses(m);
      expect(m.types.length).toBe(topLevel(file, 'types'));
      expect(m.aspects.length).toBe(topLevel(file, 'aspects'));
      expect(classes.reduce((n, c) => n + c.properties.length, 0))
        .toBe(xmlCount(file, 'property'));
      expect(classes.reduce((n, c) => n + c.associations.length, 0))
        .toBe(xmlCount(file, 'association') + xmlCount(file, 'child-association'));
      expect(m.constraints.length).toBe(topLevel(file, 'constraints'));
    });
  }

  it('reads model header, namespaces and imports', () => {
    expect(efr.name).toBe('efr:efrModel');
    expect(efr.version).toBe('1.0');
    expect(efr.imports.map((i) => i.prefix)).toEqual(['d', 'cm', 'sys']);
    expect(namespaceUri(efr, 'cm')).toBe('http://www.alfresco.org/model/content/1.0');
    expect(base.namespaces.map((n) => n.prefix)).toEqual(['cm', 'sys']);
  });

  it('reads a property with type, flags, default, index and resolved constraints', () => {
    const sealed = efr.aspects.find((a) => a.name === 'efr:sealed');
    const sha = sealed?.properties.find((p) => p.name === 'efr:sha256');
    expect(sha).toEqual(jasmine.objectContaining({
      owner: 'efr:sealed', type: 'd:text', protected: true, mandatory: true,
      mandatoryEnforced: true, multiple: false,
      index: { enabled: true, atomic: true, stored: false, tokenised: 'false', facetable: false },
    }));
    expect(sha?.constraints).toEqual([{
      type: 'REGEX', name: 'efr:sha256Regex', ref: 'efr:sha256Regex',
      parameters: { expression: '^[0-9a-f]{64}$', requiresMatch: 'true' },
    }]);
    const status = efr.types.find((t) => t.name === 'efr:case')?.properties
      .find((p) => p.name === 'efr:caseStatus');
    expect(status?.defaultValue).toBe('open');
    expect(status?.constraints[0].parameters.allowedValues).toEqual(['open', 'closed']);
  });

  it('reads peer and child associations with both ends', () => {
    const assoc = efr.types.find((t) => t.name === 'efr:accessRequest')?.associations
      .find((a) => a.name === 'efr:requestRecordings');
    expect(assoc).toEqual(jasmine.objectContaining({
      isChild: false, sourceClass: 'efr:accessRequest', targetClass: 'efr:recording',
      sourceMandatory: false, sourceMany: true, targetMandatory: true,
      targetMandatoryEnforced: true, targetMany: true,
    }));
    const contains = base.types.find((t) => t.name === 'cm:folder')?.associations[0];
    expect(contains).toEqual(jasmine.objectContaining({
      name: 'cm:contains', isChild: true, targetClass: 'sys:base', duplicate: false,
      propagateTimestamps: true, targetMany: true,
    }));
  });

  it('reads cm:name with Alfresco\'s filename constraint and the mandatory aspects', () => {
    const cmobject = base.types.find((t) => t.name === 'cm:cmobject');
    expect(cmobject?.parent).toBe('sys:base');
    expect(cmobject?.mandatoryAspects).toEqual(['cm:auditable']);
    const name = cmobject?.properties[0];
    expect(name?.name).toBe('cm:name');
    expect(name?.constraints[0].parameters.requiresMatch).toBe('false');
    expect(String(name?.constraints[0].parameters.expression)).toContain('\\:\\|');
  });

  it('joins both models: every parent, aspect, target and constraint resolves', () => {
    const set = buildModelSet([efr, base]);
    expect(isSubClassOf(set, 'efr:recording', 'cm:content')).toBeTrue();
    expect(isSubClassOf(set, 'efr:case', 'cm:folder')).toBeTrue();
    expect(isSubClassOf(set, 'efr:finding', 'cm:cmobject')).toBeTrue();
    expect(mandatoryAspectsOf(set, 'efr:case'))
      .toEqual(jasmine.arrayContaining(['cm:titled', 'cm:auditable', 'sys:referenceable']));
    const props = effectiveProperties(set, 'efr:case');
    for (const p of ['cm:name', 'cm:title', 'efr:caseNumber', 'efr:unit', 'efr:retainUntil']) {
      expect(props.has(p)).withContext(p).toBeTrue();
    }
  });

  it('refuses references that no model defines', () => {
    const lone = parseModel(tinyModel(`<types><type name="t:a"><parent>t:nope</parent>
      <properties><property name="t:p"><type>d:text</type>
        <constraints><constraint ref="t:missingList"/></constraints></property></properties>
      <mandatory-aspects><aspect>t:ghost</aspect></mandatory-aspects></type></types>`));
    expect(problemsOf(() => buildModelSet([lone]))).toEqual([
      't:p refers to constraint t:missingList, which no model defines',
      'type t:a has unknown parent t:nope',
      't:a has unknown mandatory aspect t:ghost',
    ]);
  });

  it('refuses undeclared prefixes, foreign names, duplicates and unknown data types', () => {
    const problems = problemsOf(() => parseModel(tinyModel(`<types>
      <type name="t:a"><properties>
        <property name="t:p"><type>d:string</type></property>
        <property name="x:q"><type>d:text</type></property>
      </properties></type>
      <type name="t:b"><parent>z:base</parent><properties>
        <property name="t:p"><type>d:text</type></property></properties></type>
    </types>`)));
    expect(problems).toEqual([
      'property t:p has unknown data type d:string',
      'property x:q is not in a namespace this model declares',
      'parent of t:b z:base uses prefix z, which is neither imported nor declared',
      'property t:p is defined more than once',
    ]);
  });

  it('refuses XML that is not well-formed or not a model', () => {
    expect(problemsOf(() => parseModel('<model><types></model>'))[0])
      .toMatch(/^not well-formed XML at line 1/);
    expect(problemsOf(() => parseModel('<other/>'))).toEqual(['the root element is not <model>']);
    expect(problemsOf(() => parseModel(`<model name="a:b" ${NS}/>`)))
      .toEqual(['the model declares no namespace']);
  });
});
