// The enumerations of core must equal docs/enumerations.md, the team's shared list (the model's
// LIST constraints are compared with core by content-model's own spec).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  EFR_GROUPS, ENUMERATIONS_BY_PROPERTY, isConfidential, isOneOf,
  SECRECY_LEVELS, secrecyRank,
} from './index.js';

const DOC = resolve(import.meta.dirname, '../../docs/enumerations.md');

/** `efr:property` → values, read from the markdown table rows of the document. */
function documented(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const line of readFileSync(DOC, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 5 || !cells[2].includes('efr:')) continue;
    const props = cells[2].match(/efr:\w+/g) ?? [];
    const values = (cells[3].match(/`([^`]+)`/g) ?? []).map((v) => v.slice(1, -1));
    for (const p of props) out[p] = values;
  }
  return out;
}

describe('enumerations (R2.1, R3.1, R3.2, R7.1, R10.1, R11.1, R27.1, R29.1, R30.1, R24)', () => {
  it('equal docs/enumerations.md, property by property, both ways', () => {
    const doc = documented();
    const all: Record<string, readonly string[]> = ENUMERATIONS_BY_PROPERTY;
    expect(Object.keys(doc).length).toBeGreaterThan(15);
    expect(Object.keys(all).sort()).toEqual(Object.keys(doc).sort());
    for (const p of Object.keys(doc)) {
      expect(all[p]).withContext(p).toEqual(doc[p]);
    }
  });
  it('R27.1: secrecy levels rank upward; state and trade secrets are confidential', () => {
    expect(SECRECY_LEVELS.map(secrecyRank)).toEqual([0, 1, 2, 3]);
    expect(SECRECY_LEVELS.filter(isConfidential)).toEqual(['tradeSecret', 'stateSecret']);
  });
  it('isOneOf guards untrusted input', () => {
    expect(isOneOf(SECRECY_LEVELS, 'none')).toBeTrue();
    expect(isOneOf(SECRECY_LEVELS, 'toString')).toBeFalse();
    expect(isOneOf(SECRECY_LEVELS, 3)).toBeFalse();
  });
  it('the seven EFR groups of DESIGN.md', () => {
    expect(EFR_GROUPS.length).toBe(7);
    for (const g of EFR_GROUPS) expect(g).toMatch(/^GROUP_EFR_[A-Z_]+$/);
  });
});
