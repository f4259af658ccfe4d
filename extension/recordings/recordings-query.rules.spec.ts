import {
  DEFAULT_RECORDING_SORT,
  filterFromParams,
  filterToParams,
  hasFilter,
  recordingQuery,
  recordingSort,
} from './recordings-query.rules';

describe('recordings-query.rules', () => {
  it('lists only efr:recording nodes when no filter is set', () => {
    expect(recordingQuery({})).toBe('TYPE:"efr:recording"');
  });

  it('filters by the six field activities of R10.1 and the secrecy levels of R27.1', () => {
    const q = recordingQuery({ activityType: 'coerciveMeasure', secrecyLevel: 'tradeSecret' });
    expect(q).toContain('efr:activityType:"coerciveMeasure"');
    expect(q).toContain('efr:secrecyLevel:"tradeSecret"');
  });

  it('finds an officer as first or second officer (R15.2)', () => {
    expect(recordingQuery({ officer: ' officer1 ' })).toContain(
      '(efr:officer:"officer1" OR efr:coOfficer:"officer1")',
    );
  });

  it('filters unit and device and a capture date range over whole days', () => {
    const q = recordingQuery({ unit: '城管一中队', device: 'DSJ-001', from: '2026-03-01' });
    expect(q).toContain('efr:unit:"城管一中队"');
    expect(q).toContain('efr:deviceSerial:"DSJ-001"');
    expect(q).toMatch(/efr:recordingStart:\["[^"]+" TO MAX\]/);
  });

  it('turns the case filter into ID clauses over the linked recordings', () => {
    const q = recordingQuery({ caseId: 'c1' }, { caseRecordingIds: ['r1', 'r2'] });
    expect(q).toContain('(ID:"workspace://SpacesStore/r1" OR ID:"workspace://SpacesStore/r2")');
  });

  it('matches nothing for a case without recordings', () => {
    const q = recordingQuery({ caseId: 'c1' }, { caseRecordingIds: [] });
    expect(q).toContain('ID:"workspace://SpacesStore/none"');
  });

  it('filters late handovers (R21.1/R21.2) through the late handovers ids', () => {
    expect(recordingQuery({ lateOnly: true }, { lateHandoverIds: ['h1'] })).toContain(
      'efr:handoverId:"h1"',
    );
    expect(recordingQuery({ lateOnly: true }, { lateHandoverIds: [] })).toContain('ID:');
  });

  it('sorts newest capture first by default and maps columns to fields', () => {
    expect(recordingSort(DEFAULT_RECORDING_SORT)).toEqual({
      type: 'FIELD',
      field: 'efr:recordingStart',
      ascending: false,
    });
    expect(recordingSort({ key: 'name', ascending: true }).field).toBe('cm:name');
  });

  it('reads filters from URL parameters, dropping unknown values and junk dates', () => {
    const f = filterFromParams({
      officer: 'o1',
      activityType: 'dancing',
      secrecyLevel: 'stateSecret',
      from: '2026-13-45x',
      to: '2026-03-31',
      lateOnly: 'true',
      caseId: '',
    });
    expect(f).toEqual({
      officer: 'o1',
      secrecyLevel: 'stateSecret',
      to: '2026-03-31',
      lateOnly: true,
    });
  });

  it('round-trips a filter through URL parameters', () => {
    const filter = { unit: 'u', lateOnly: true, activityType: 'documentService' as const };
    expect(filterFromParams(filterToParams(filter))).toEqual(filter);
    expect(hasFilter({})).toBeFalse();
    expect(hasFilter({ lateOnly: false, unit: '' })).toBeFalse();
    expect(hasFilter(filter)).toBeTrue();
  });
});
