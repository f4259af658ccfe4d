import { readModelFile } from './model-reader.js';
import { EFR_MODEL_FILE } from './model-set.js';
import type { ModelDef } from './model-types.js';
import {
  EFR_ASPECTS,
  EFR_ASSOCS,
  EFR_CONSTRAINTS,
  EFR_MODEL_NAME,
  EFR_NAMESPACE_URI,
  EFR_PREFIX,
  EFR_PROPS,
  EFR_TYPES,
  efrFullQName,
} from './qnames.js';

/** Sorted values of a constant table, after checking each key is the local name. */
function constantNames(table: Readonly<Record<string, string>>): string[] {
  for (const [key, qname] of Object.entries(table)) expect(qname).toBe(`${EFR_PREFIX}:${key}`);
  return Object.values(table).sort();
}

describe('QName constants (qnames.ts) and efr-model.xml, both ways', () => {
  let model: ModelDef;
  beforeAll(() => {
    model = readModelFile(EFR_MODEL_FILE);
  });

  it('namespace, prefix and model name match the XML', () => {
    expect(model.name).toBe(EFR_MODEL_NAME);
    expect(model.namespaces).toEqual([{ uri: EFR_NAMESPACE_URI, prefix: EFR_PREFIX }]);
  });

  it('EFR_TYPES equals the types of the model', () => {
    expect(constantNames(EFR_TYPES)).toEqual(model.types.map((t) => t.name).sort());
  });

  it('EFR_ASPECTS equals the aspects of the model', () => {
    expect(constantNames(EFR_ASPECTS)).toEqual(model.aspects.map((a) => a.name).sort());
  });

  it('EFR_PROPS equals every property of every type and aspect', () => {
    const xml = [...model.types, ...model.aspects].flatMap((c) => c.properties.map((p) => p.name));
    expect(constantNames(EFR_PROPS)).toEqual(xml.sort());
  });

  it('EFR_ASSOCS equals every peer and child association', () => {
    const xml = [...model.types, ...model.aspects]
      .flatMap((c) => c.associations.map((a) => a.name));
    expect(constantNames(EFR_ASSOCS)).toEqual(xml.sort());
  });

  it('EFR_CONSTRAINTS equals the named constraints', () => {
    const xml = model.constraints.map((c) => c.name ?? '');
    expect(constantNames(EFR_CONSTRAINTS)).toEqual(xml.sort());
  });

  it('keeps the names outside checks rely on', () => {
    for (const t of ['case', 'recording', 'handover', 'accessRequest', 'spotCheck', 'device',
      'exemption', 'evidencePackage', 'violation']) {
      expect(model.types.some((c) => c.name === `efr:${t}`)).withContext(t).toBeTrue();
    }
    const recordingProps = new Set(['efr:sha256', 'efr:retainUntil']);
    const aspects = model.types.find((t) => t.name === EFR_TYPES.recording)?.mandatoryAspects;
    const owners = model.aspects
      .filter((a) => a.properties.some((p) => recordingProps.has(p.name)));
    expect(owners.map((a) => a.name).sort()).toEqual([EFR_ASPECTS.retention, EFR_ASPECTS.sealed]);
    for (const o of owners) expect(aspects).toContain(o.name);
  });

  it('gives the full {uri}local form behaviour scripts compare with', () => {
    expect(efrFullQName(EFR_PROPS.sha256))
      .toBe('{http://www.efr.example.org/model/efr/1.0}sha256');
  });
});
