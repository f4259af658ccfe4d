/**
 * Issue 16, item 8 (server/): one client cannot flood the access log. Identical refusals beyond
 * core's number per window are answered 429 and marked once; distinct refusals are all logged.
 */
import { REFUSAL_THROTTLE } from '../../core/src/index.js';
import { CORE } from '../support/server-harness.js';
import { outcome, securityFixture, type SecurityFixture } from './security-fixture.js';

describe('the access log cannot be flooded (issue 16)', () => {
  let f: SecurityFixture;

  beforeAll(async () => {
    f = await securityFixture();
  });
  afterAll(async () => f.close());

  it('answers 429 after the allowed identical refusals and logs one marker', async () => {
    const n = REFUSAL_THROTTLE.maxPerWindow;
    const rec = f.recordingId;
    const statuses: string[] = [];
    for (let i = 0; i < n + 30; i++) {
      const r = await f.as('officer1').request('post', `${CORE}/nodes/${rec}/lock`, { json: {} });
      statuses.push(outcome(r));
    }
    expect(statuses.slice(0, n)).toEqual(Array(n).fill('403 efr.lock.refused'));
    expect(statuses.slice(n)).toEqual(Array(30).fill('429 efr.refusals.throttled'));
    // A distinct refusal by the same user is still refused and logged on its own.
    const other = await f.as('officer1').request('delete', `${CORE}/nodes/${rec}`);
    expect(other.status).toBe(403);
    const r = await f.as('admin').request<{ list: { entries: { entry: { values: Record<string,
      string> } }[] } }>('get', `${CORE}/audit-applications/efr-access/audit-entries?` +
      `where=${encodeURIComponent(`(valuesKey='/efr-access/nodeId' and valuesValue='${rec}')`)}` +
      '&include=values&maxItems=1000');
    const mine = r.body.list.entries.map((e) => e.entry.values)
      .filter((v) => v['/efr-access/user'] === 'officer1');
    const actions = mine.map((v) => `${v['/efr-access/action']} ${v['/efr-access/code']}`);
    expect(actions.filter((a) => a === 'refused efr.lock.refused').length).toBe(n);
    expect(actions.filter((a) => a === 'refused.throttled efr.lock.refused').length).toBe(1);
    expect(actions.filter((a) => a.startsWith('refused ') && a !== 'refused efr.lock.refused')
      .length).toBe(1);
  });
});
