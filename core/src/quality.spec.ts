import { qualityReport } from './index.js';
import type { QualityInput } from './index.js';

const IN = '2026-03-10T01:00:00Z';
const OUT = '2026-04-10T01:00:00Z';

function input(o: Partial<QualityInput> = {}): QualityInput {
  return { from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00', acts: [],
    sessions: [], handovers: [], findings: [], violations: [], ...o };
}

describe('quality figures (R28.1)', () => {
  it('computes each rate per officer and per unit', () => {
    const a = { officer: 'zhang', unit: 'U1', at: IN };
    const b = { officer: 'wang', unit: 'U1', at: IN };
    const r = qualityReport(input({
      acts: [
        { ...a, needsRecording: true, recorded: true },
        { ...a, needsRecording: true, recorded: false },
        { ...a, needsRecording: false, recorded: false },
        { ...b, needsRecording: true, recorded: true },
      ],
      sessions: [{ ...a, hasGap: false }, { ...a, hasGap: true }, { ...b, hasGap: false }],
      handovers: [{ ...a, late: false }, { ...b, late: true }],
      findings: [{ ...a, passed: true }, { ...a, passed: false }, { ...a, passed: true },
        { ...a, passed: true }],
      violations: [a, a],
    }));
    expect(r.officers).toEqual([
      { unit: 'U1', officer: 'wang', recordingRate: 1, continuity: 1, timelyHandoverRate: 0,
        findingsPassRate: null, violations: 0 },
      { unit: 'U1', officer: 'zhang', recordingRate: 0.5, continuity: 0.5, timelyHandoverRate: 1,
        findingsPassRate: 0.75, violations: 2 },
    ]);
    expect(r.units).toEqual([
      { unit: 'U1', officer: null, recordingRate: 2 / 3, continuity: 2 / 3, timelyHandoverRate: 0.5,
        findingsPassRate: 0.75, violations: 2 },
    ]);
  });

  it('keeps only facts of the period [from, to)', () => {
    const r = qualityReport(input({
      handovers: [
        { officer: 'z', unit: 'U', at: '2026-02-28T15:59:59Z', late: true },
        { officer: 'z', unit: 'U', at: '2026-02-28T16:00:00Z', late: false },
        { officer: 'z', unit: 'U', at: '2026-03-31T15:59:59Z', late: false },
        { officer: 'z', unit: 'U', at: '2026-03-31T16:00:00Z', late: true },
        { officer: 'z', unit: 'U', at: OUT, late: true },
        { officer: 'z', unit: 'U', at: 'garbage', late: true },
      ],
    }));
    expect(r.officers[0].timelyHandoverRate).toBe(1);
  });

  it('reports null, not 0, when there is nothing to count', () => {
    const r = qualityReport(input({ violations: [{ officer: 'z', unit: 'U', at: IN }] }));
    expect(r.officers).toEqual([{ unit: 'U', officer: 'z', recordingRate: null, continuity: null,
      timelyHandoverRate: null, findingsPassRate: null, violations: 1 }]);
  });

  it('keeps the same officer apart in two units; sorts units and officers', () => {
    const r = qualityReport(input({ violations: [
      { officer: 'z', unit: 'U2', at: IN }, { officer: 'z', unit: 'U1', at: IN },
      { officer: 'a', unit: 'U2', at: IN },
    ] }));
    expect(r.officers.map((l) => l.unit + '/' + l.officer)).toEqual(['U1/z', 'U2/a', 'U2/z']);
    expect(r.units.map((l) => [l.unit, l.violations])).toEqual([['U1', 1], ['U2', 2]]);
  });

  it('empty input gives an empty report', () => {
    expect(qualityReport(input())).toEqual({ officers: [], units: [] });
  });

  it('issue 19: counts a violation nobody is found responsible for (待查明) for its unit only', () => {
    const r = qualityReport(input({ violations: [{ officer: '', unit: 'U1', at: IN }] }));
    expect(r.officers).toEqual([]);
    expect(r.units.map((u) => [u.unit, u.violations])).toEqual([['U1', 1]]);
  });
});
