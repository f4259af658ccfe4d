/**
 * Issue 15: the check every Node spec runs on EFR web script answers tells a good answer from
 * a bad one (so that a passing suite means answers keep contract/).
 */
import { ENDPOINTS, endpointKey } from '../../contract/index.js';
import { contractMismatch } from './contract-check.js';

const endpoint = ENDPOINTS.find((e) => endpointKey(e) === 'GET /devices/compliance');
const unit = { unit: '社会事务科', total: 2, serviceable: 2, compliant: true };
const list = (entries: unknown[]) => ({ list: { pagination: { count: entries.length,
  hasMoreItems: false, totalItems: entries.length, skipCount: 0, maxItems: 100 },
entries: entries.map((entry) => ({ entry })) } });
const answer = (status: number, json: unknown) =>
  contractMismatch({ endpoint, route: 'GET /devices/compliance', status, json });

describe('contract check of web script answers (issue 15)', () => {
  it('passes an answer that keeps the contract, and a refusal in the ACS error body', () => {
    expect(answer(200, list([unit]))).toBeNull();
    expect(answer(403, { error: { errorKey: 'efr.x', statusCode: 403, briefSummary: 'no' } }))
      .toBeNull();
  });

  it('names an undeclared field, a missing one, a wrong type and an undeclared status', () => {
    expect(answer(200, list([{ ...unit, extra: 1 }]))).toContain('additional properties');
    expect(answer(200, { list: { entries: [] } })).toContain("'pagination'");
    expect(answer(200, list([{ ...unit, total: '2' }]))).toContain('must be integer');
    expect(answer(201, list([unit]))).toContain('status 201 is not one of');
    expect(answer(500, { oops: true })).toContain('outside its contract');
  });

  it('ignores routes outside the list (a spec\'s own test handler)', () => {
    expect(contractMismatch({ endpoint: undefined, route: 'GET /echo', status: 200, json: {} }))
      .toBeNull();
  });
});
