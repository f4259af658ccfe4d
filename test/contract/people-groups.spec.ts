/**
 * Contract (issue 3): people and groups, which the screens use to route work by role (the ACS
 * groups of DESIGN.md), answer with the entries and paginated lists of alfresco-core.yaml.
 */
import { AcsHttp, expectAcsError, expectContract } from '../support/acs-http.js';
import { CORE } from '../support/server-harness.js';
import { adminClient, sharedTarget } from './contract-target.js';

interface Paging<T> {
  list: { pagination: { count: number; totalItems?: number; hasMoreItems: boolean;
    skipCount: number; maxItems: number }; entries: { entry: T }[] };
}

describe('contract: people and groups (issue 3)', () => {
  let http: AcsHttp;
  let isRealAcs: boolean;

  beforeAll(async () => {
    http = await adminClient();
    isRealAcs = (await sharedTarget()).isRealAcs;
  });

  it('returns the current user for -me- and a person by id', async () => {
    const me = await http.get<{ entry: { id: string } }>(`${CORE}/people/-me-`);
    expectContract(me, 200);
    expect(me.body.entry.id).toBe('admin');
    const byId = await http.get(`${CORE}/people/admin`);
    expectContract(byId, 200);
  });

  it('lists people with ACS pagination honouring skipCount and maxItems', async () => {
    const page = await http.get<Paging<{ id: string }>>(
      `${CORE}/people?skipCount=1&maxItems=2`);
    expectContract(page, 200);
    const { pagination, entries } = page.body.list;
    expect(pagination.skipCount).toBe(1);
    expect(pagination.maxItems).toBe(2);
    expect(entries.length).toBe(pagination.count);
    expect(entries.length).toBeLessThanOrEqual(2);
    if (!isRealAcs) {
      expect(pagination.hasMoreItems).toBeTrue(); // demo has ten users
    }
  });

  it('answers 404 with an error body for an unknown person', async () => {
    const res = await http.get(`${CORE}/people/no-such-person-${Date.now()}`);
    expect(res.status).toBe(404);
    expectAcsError(res);
  });

  it('lists groups, gets one and lists its members', async () => {
    const groups = await http.get<Paging<{ id: string }>>(`${CORE}/groups?maxItems=100`);
    expectContract(groups, 200);
    const ids = groups.body.list.entries.map((e) => e.entry.id);
    const group = isRealAcs ? 'GROUP_ALFRESCO_ADMINISTRATORS' : 'GROUP_EFR_OFFICERS';
    expect(ids).toContain(group);

    const one = await http.get(`${CORE}/groups/${group}`);
    expectContract(one, 200);
    const members = await http.get<Paging<{ id: string; memberType: string }>>(
      `${CORE}/groups/${group}/members`);
    expectContract(members, 200);
    const memberIds = members.body.list.entries.map((e) => e.entry.id);
    expect(memberIds).toContain(isRealAcs ? 'admin' : 'officer1');
  });

  it('answers 404 with an error body for an unknown group', async () => {
    const res = await http.get(`${CORE}/groups/GROUP_NO_SUCH_${Date.now()}`);
    expect(res.status).toBe(404);
    expectAcsError(res);
  });
});
