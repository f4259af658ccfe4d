import { caseListQuery, caseStatusFromParam, caseStatusToParams } from './cases-query.rules';

describe('cases-query.rules (the status filter of the cases list)', () => {
  it('reads open or closed from a ?status= link, every case otherwise', () => {
    expect(caseStatusFromParam('open')).toBe('open');
    expect(caseStatusFromParam('closed')).toBe('closed');
    expect(caseStatusFromParam('OPEN')).toBe('');
    expect(caseStatusFromParam(null)).toBe('');
  });

  it('writes a status back as the same link', () => {
    expect(caseStatusToParams('open')).toEqual({ status: 'open' });
    expect(caseStatusToParams('')).toEqual({});
  });

  it('queries cases, narrowed to a status when one is chosen', () => {
    expect(caseListQuery('open')).toBe('TYPE:"efr:case" AND efr:caseStatus:"open"');
    expect(caseListQuery('')).toBe('TYPE:"efr:case"');
  });
});
