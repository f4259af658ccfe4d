/**
 * Contract (issue 17): what the Content App's Libraries screens ask (sites, my sites, site
 * search, membership requests: empty, server/ has no sites) and per-user preferences (ACA 8
 * keeps `saved-searches` there when the repository is 25.1 or later).
 */
import { AcsHttp, expectAcsError, expectContract } from '../support/acs-http.js';
import { CORE, DEMO_PASSWORD } from '../support/server-harness.js';
import { adminClient } from './contract-target.js';

interface Paging { list: { pagination: { totalItems: number }; entries: unknown[] } }

describe('contract: sites and preferences (issue 17)', () => {
  let http: AcsHttp;

  beforeAll(async () => {
    http = await adminClient();
  });

  it('answers the Libraries lists with valid, empty pages', async () => {
    for (const path of ['sites?include=properties,aspectNames&maxItems=25&skipCount=0',
      'people/-me-/sites?include=properties&maxItems=25', 'queries/sites?term=efr',
      'people/-me-/site-membership-requests', 'people/-me-/favorite-sites']) {
      const res = await http.get<Paging>(`${CORE}/${path}`);
      expectContract(res, 200);
      expect(res.body.list.entries).withContext(path).toEqual([]);
    }
  });

  it('answers an unknown site with 404 and a short site search with 400', async () => {
    for (const path of ['sites/no-such-site', 'people/-me-/sites/no-such-site']) {
      const res = await http.get(`${CORE}/${path}`);
      expectAcsError(res);
      expect(res.status).withContext(path).toBe(404);
    }
    const short = await http.get(`${CORE}/queries/sites?term=a`);
    expectAcsError(short);
    expect(short.status).toBe(400);
  });

  it('stores preferences per user (PUT, GET one, list) and 404s an unknown one', async () => {
    const value = JSON.stringify([{ name: 'mp4', order: 0 }]);
    const put = await http.put(`${CORE}/people/-me-/preferences/saved-searches`, { value });
    expectContract(put, 200);
    const one = await http.get<{ entry: { id: string; value: string } }>(
      `${CORE}/people/-me-/preferences/saved-searches`);
    expectContract(one, 200);
    expect(one.body.entry).toEqual({ id: 'saved-searches', value });
    const list = await http.get<{ list: { entries: { entry: { id: string } }[] } }>(
      `${CORE}/people/-me-/preferences`);
    expectContract(list, 200);
    expect(list.body.list.entries.map((e) => e.entry.id)).toContain('saved-searches');
    const other = http.as('officer1', DEMO_PASSWORD);
    const theirs = await other.get(`${CORE}/people/-me-/preferences/saved-searches`);
    expectAcsError(theirs);
    expect(theirs.status).toBe(404);
    expect((await other.get(`${CORE}/people/admin/preferences`)).status).toBe(404);
  });

  it('refuses a preference body without value or with unknown fields (400)', async () => {
    for (const body of [{}, { value: 'x', colour: 'red' }]) {
      const res = await http.put(`${CORE}/people/-me-/preferences/p1`, body);
      expectAcsError(res);
      expect(res.status).toBe(400);
    }
  });
});
