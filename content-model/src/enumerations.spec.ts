import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ENUMERATIONS_BY_PROPERTY } from '../../core/src/enums.js';
import { LIST_CONSTRAINT_VALUES } from './enumerations.js';
import { loadEfrModelSet } from './model-set.js';
import type { ModelSet, PropertyDef } from './model-types.js';
import { EFR_CONSTRAINTS, SOURCE_VALUES, STAGE_VALUES } from './qnames.js';

/** Every efr property of the model by QName. */
function efrProperties(set: ModelSet): Map<string, PropertyDef> {
  const out = new Map<string, PropertyDef>();
  for (const c of set.classes.values()) {
    for (const p of c.properties) if (p.name.startsWith('efr:')) out.set(p.name, p);
  }
  return out;
}

function listValues(p: PropertyDef | undefined): string[] | undefined {
  const c = p?.constraints.find((k) => k.type === 'LIST');
  const v = c?.parameters.allowedValues;
  return Array.isArray(v) ? v : undefined;
}

describe('enumeration tuples and the LIST constraints of efr-model.xml', () => {
  let set: ModelSet;
  beforeAll(() => {
    set = loadEfrModelSet();
  });

  it('LIST_CONSTRAINT_VALUES has exactly the LIST constraints of the model, same order', () => {
    const xml: Record<string, string[]> = {};
    for (const c of set.constraints.values()) {
      const values = c.parameters.allowedValues;
      if (c.type === 'LIST' && c.name && Array.isArray(values)) xml[c.name] = values;
    }
    const ts = Object.fromEntries(
      Object.entries(LIST_CONSTRAINT_VALUES).map(([k, v]) => [k, [...v]]));
    expect(ts).toEqual(xml);
  });

  it('every LIST constraint is case-sensitive and keeps the documented order', () => {
    for (const c of set.constraints.values()) {
      if (c.type !== 'LIST') continue;
      expect(c.parameters.caseSensitive).withContext(c.name ?? '').toBe('true');
      expect(c.parameters.sorted).withContext(c.name ?? '').toBe('false');
    }
  });

  it('each enumerated property of docs/enumerations.md has that LIST in the model', () => {
    const props = efrProperties(set);
    expect(listValues(props.get('efr:stage'))).toEqual([...STAGE_VALUES]);
    expect(listValues(props.get('efr:stages'))).toEqual([...STAGE_VALUES]);
    expect(listValues(props.get('efr:source'))).toEqual([...SOURCE_VALUES]);
    expect(listValues(props.get('efr:deviceKind'))).toEqual([...SOURCE_VALUES]);
    expect(props.get('efr:stages')?.multiple).toBeTrue();
  });

  it('core/src/enums.ts equals the model, both ways', () => {
    const props = efrProperties(set);
    for (const [prop, values] of Object.entries(ENUMERATIONS_BY_PROPERTY)) {
      expect(listValues(props.get(prop))).withContext(prop).toEqual([...values]);
    }
    // Every enumerated property of the model is known to core (the multi-valued case stages
    // share the single stage's list).
    const notInCore = [...props.values()]
      .filter((p) => listValues(p) !== undefined && !(p.name in ENUMERATIONS_BY_PROPERTY))
      .map((p) => p.name);
    expect(notInCore.sort()).toEqual(['efr:stages']);
  });

  it('every named constraint is used by at least one property', () => {
    const used = new Set<string>();
    for (const c of set.classes.values()) {
      for (const p of c.properties) for (const k of p.constraints) if (k.ref) used.add(k.ref);
    }
    const unused = Object.values(EFR_CONSTRAINTS).filter((n) => !used.has(n));
    expect(unused).toEqual([]);
  });
});

describe('docs/enumerations.md and the model', () => {
  const doc = readFileSync(resolve(import.meta.dirname, '../../docs/enumerations.md'), 'utf8');

  /** Rows of the table: the properties of the second column and the values of the third. */
  function documentedRows(): { props: string[]; values: string[] }[] {
    const rows: { props: string[]; values: string[] }[] = [];
    for (const line of doc.split('\n')) {
      const cells = line.split('|').map((c) => c.trim());
      if (cells.length < 4 || !cells[2].startsWith('`efr:')) continue;
      const codes = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      rows.push({ props: codes(cells[2]), values: codes(cells[3]) });
    }
    return rows;
  }

  it('every documented enumeration is the LIST of each property it names', () => {
    const set = loadEfrModelSet();
    const props = efrProperties(set);
    const rows = documentedRows();
    expect(rows.length).toBeGreaterThan(15);
    for (const row of rows) {
      for (const p of row.props) {
        expect(listValues(props.get(p))).withContext(p).toEqual(row.values);
      }
    }
  });

  it('the documented regular expressions are the model\'s', () => {
    const set = loadEfrModelSet();
    for (const name of [EFR_CONSTRAINTS.caseNumberRegex, EFR_CONSTRAINTS.sha256Regex]) {
      const expr = String(set.constraints.get(name)?.parameters.expression);
      expect(doc).withContext(name).toContain(`\`${expr}\``);
    }
  });
});
