import { checkNodeName } from './names.js';
import { loadModels } from './load-model.js';
import { ModelRegistry } from './model-registry.js';
import { applyPropertyChanges, checkMandatory } from './node-properties.js';
import { formatAcsDate, parseIsoDate } from './property-values.js';
import { AcsError } from '../http/errors.js';

/** The HTTP status an AcsError-throwing call ends with. */
function statusOf(fn: () => unknown): number | 'none' {
  try {
    fn();
    return 'none';
  } catch (err) {
    if (err instanceof AcsError) return err.statusCode;
    throw err;
  }
}

describe('model enforcement against content-model/efr-model.xml', () => {
  let model: ModelRegistry;
  beforeAll(async () => {
    model = new ModelRegistry(await loadModels());
  });
  const caseProps = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    'efr:caseNumber': '丹民罚〔2026〕12号',
    'efr:actType': 'penalty',
    'efr:caseStatus': 'open',
    'efr:handler': 'officer1',
    'efr:leaderInCharge': 'leader1',
    'efr:unit': '社会事务科',
    'efr:openedAt': '2026-11-01T09:00:00+08:00',
    ...extra,
  });
  const apply = (type: string, changes: Record<string, unknown>, fromText = false) =>
    applyPropertyChanges(model, type, model.mandatoryAspects(type), {}, changes, fromText);

  it('reads the EFR types with cm parents', () => {
    expect(model.isSubClassOf('efr:recording', 'cm:content')).toBeTrue();
    expect(model.isSubClassOf('efr:case', 'cm:folder')).toBeTrue();
    expect(model.mandatoryAspects('efr:recording')).toContain('efr:sealed');
  });

  it('accepts a valid case and normalises dates to ACS form', () => {
    const r = apply('efr:case', caseProps());
    expect(r.props['efr:openedAt']).toBe('2026-11-01T01:00:00.000+0000');
    expect(() => checkMandatory(model, 'efr:case', r.aspects, r.props)).not.toThrow();
  });

  it('R2.1: refuses an act type outside the LIST constraint with 422', () => {
    expect(statusOf(() => apply('efr:case', caseProps({ 'efr:actType': 'fine' })))).toBe(422);
  });

  it('refuses a case number that breaks the REGEX with 422', () => {
    expect(statusOf(() => apply('efr:case', caseProps({ 'efr:caseNumber': 'case 12' })))).toBe(422);
    expect(
      statusOf(() => apply('efr:case', caseProps({ 'efr:caseNumber': 'EFR-2026-0001' }))),
    ).toBe('none');
  });

  it('R22.2: refuses retentionYears outside MINMAX 1..100 with 422', () => {
    expect(statusOf(() => apply('efr:case', caseProps({ 'efr:retentionYears': 0 })))).toBe(422);
    expect(statusOf(() => apply('efr:case', caseProps({ 'efr:retentionYears': 101 })))).toBe(422);
  });

  it('refuses wrong data types with 400 (text for int, number for boolean, bad dates)', () => {
    expect(statusOf(() => apply('efr:case', caseProps({ 'efr:retentionYears': 'ten' })))).toBe(400);
    expect(statusOf(() => apply('efr:case', caseProps({ 'efr:retentionYears': 2.5 })))).toBe(400);
    expect(
      statusOf(() => apply('efr:case', caseProps({ 'efr:openedAt': '2026-02-30T00:00:00Z' }))),
    ).toBe(400);
    expect(statusOf(() => apply('efr:case', caseProps({ 'efr:actType': ['penalty'] })))).toBe(400);
  });

  it('converts form-field text to typed values (multipart uploads)', () => {
    const r = apply('efr:case', caseProps({ 'efr:retentionYears': '30' }), true);
    expect(r.props['efr:retentionYears']).toBe(30);
  });

  it('refuses unknown properties and unknown namespaces with 400', () => {
    expect(statusOf(() => apply('efr:case', caseProps({ 'efr:nope': 'x' })))).toBe(400);
    expect(statusOf(() => apply('efr:case', caseProps({ 'zz:title': 'x' })))).toBe(400);
    expect(statusOf(() => apply('efr:case', caseProps({ 'cm:created': '2026-01-01' })))).toBe(400);
  });

  it('refuses a missing enforced mandatory property with 422', () => {
    const props = caseProps();
    delete props['efr:handler'];
    const r = apply('efr:case', props);
    expect(statusOf(() => checkMandatory(model, 'efr:case', r.aspects, r.props))).toBe(422);
  });

  it('validates multi-valued values one by one (R3.2 stages)', () => {
    expect(
      apply('efr:case', caseProps({ 'efr:stages': ['initiation', 'decision'] })).props[
        'efr:stages'
      ],
    ).toEqual(['initiation', 'decision']);
    expect(
      statusOf(() => apply('efr:case', caseProps({ 'efr:stages': ['initiation', 'x'] }))),
    ).toBe(422);
  });

  it('adds the aspect of an aspect property set on a node (as ACS does)', () => {
    const r = apply('cm:content', { 'cm:title': 't' });
    expect(r.aspects).toContain('cm:titled');
  });

  it('formats and parses ACS dates', () => {
    expect(formatAcsDate(Date.UTC(2026, 10, 26, 10))).toBe('2026-11-26T10:00:00.000+0000');
    expect(parseIsoDate('2026-11-26T18:00:00.000+0800')).toBe(Date.UTC(2026, 10, 26, 10));
    expect(parseIsoDate('2026-13-01')).toBeUndefined();
  });
});

describe('cm:name rule', () => {
  it('accepts Chinese names and refuses invalid characters, traversal, control characters', () => {
    expect(checkNodeName('丹民罚〔2026〕12号 录像.mp4')).toBe('丹民罚〔2026〕12号 录像.mp4');
    for (const bad of [
      'a/b',
      '../x',
      'a\\b',
      'a:b',
      'a*',
      'a?',
      'a"b',
      'a<b',
      'a>b',
      'a|b',
      'x.',
      'x ',
      '',
      ' ',
      'a\u0000b',
      'a\nb',
      'x'.repeat(256),
      '..',
    ]) {
      expect(statusOf(() => checkNodeName(bad)))
        .withContext(JSON.stringify(bad))
        .toBe(400);
    }
  });
});
