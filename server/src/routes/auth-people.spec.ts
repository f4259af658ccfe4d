import { ADMIN, basic, tempRepository, type TempRepository } from '../testing/temp-repository.js';
import { AUTH, CORE } from './paths.js';

describe('tickets, discovery, people and groups (ACS auth API)', () => {
  let t: TempRepository;
  beforeAll(async () => {
    t = await tempRepository();
    t.repo.addPerson({
      id: 'officer1',
      firstName: '王',
      lastName: '明',
      email: 'o@x',
      password: 'pw',
    });
    t.repo.auth.addMember('GROUP_EFR_OFFICERS', 'officer1', 'PERSON');
  });
  afterAll(async () => t.dispose());

  const login = async (userId: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: `${AUTH}/tickets`,
      payload: { userId, password },
      headers: { authorization: 'Basic dW5kZWZpbmVk' },
    });

  it('issues a ticket (201) that authenticates as ADF sends it: Basic base64(ticket)', async () => {
    const r = await login('admin', 'admin');
    expect(r.statusCode).toBe(201);
    const ticket = r.json().entry.id as string;
    expect(ticket).toMatch(/^TICKET_[0-9a-f]{40}$/);
    expect(r.json().entry.userId).toBe('admin');
    const me = await t.app.inject({
      url: `${AUTH}/tickets/-me-`,
      headers: { authorization: `Basic ${Buffer.from(ticket).toString('base64')}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ entry: { id: ticket } });
    const role = await t.app.inject({
      url: `${CORE}/people/-me-`,
      headers: {
        authorization: `Basic ${Buffer.from(`ROLE_TICKET:${ticket}`).toString('base64')}`,
      },
    });
    expect(role.json().entry.id).toBe('admin');
    const q = await t.app.inject({ url: `${CORE}/people/-me-?alf_ticket=${ticket}` });
    expect(q.statusCode).toBe(200);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `${AUTH}/tickets/-me-?alf_ticket=${ticket}`,
    });
    expect(del.statusCode).toBe(204);
    const after = await t.app.inject({ url: `${AUTH}/tickets/-me-?alf_ticket=${ticket}` });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.statusCode).toBe(401);
  });

  it('refuses a wrong password with 403 and a malformed body with 400', async () => {
    expect((await login('admin', 'nope')).statusCode).toBe(403);
    expect((await login('ghost', 'x')).statusCode).toBe(403);
    const bad = await t.app.inject({
      method: 'POST',
      url: `${AUTH}/tickets`,
      payload: '{"userId":',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.briefSummary).toBeDefined();
  });

  it('answers 401 without credentials, with the ACS error body', async () => {
    const r = await t.app.inject({ url: `${CORE}/nodes/-root-` });
    expect(r.statusCode).toBe(401);
    expect(Object.keys(r.json().error).sort()).toEqual([
      'briefSummary',
      'descriptionURL',
      'errorKey',
      'stackTrace',
      'statusCode',
    ]);
  });

  it('serves discovery as ACS 25.3 Community with the efr-repo module', async () => {
    const r = await t.app.inject({ url: '/alfresco/api/discovery', headers: ADMIN });
    const repo = r.json().entry.repository;
    expect(repo.edition).toBe('Community');
    expect([repo.version.major, repo.version.minor, repo.version.patch]).toEqual(['25', '3', '0']);
    expect(repo.modules.map((m: { id: string }) => m.id)).toContain('efr-repo');
  });

  it('lists people with capabilities.isAdmin and gets -me-', async () => {
    const list = await t.app.inject({ url: `${CORE}/people`, headers: ADMIN });
    const byId = Object.fromEntries(
      list.json().list.entries.map((e: { entry: { id: string } }) => [e.entry.id, e.entry]),
    );
    expect(byId.admin.capabilities.isAdmin).toBeTrue();
    expect(byId.officer1.capabilities.isAdmin).toBeFalse();
    expect(byId.officer1.displayName).toBe('王 明');
    const me = await t.app.inject({ url: `${CORE}/people/-me-`, headers: basic('officer1', 'pw') });
    expect(me.json().entry.id).toBe('officer1');
    const none = await t.app.inject({ url: `${CORE}/people/ghost`, headers: ADMIN });
    expect(none.statusCode).toBe(404);
  });

  it("lists groups, a group, its members and a person's groups", async () => {
    const groups = await t.app.inject({ url: `${CORE}/groups?maxItems=50`, headers: ADMIN });
    const ids = groups.json().list.entries.map((e: { entry: { id: string } }) => e.entry.id);
    expect(ids).toContain('GROUP_ALFRESCO_ADMINISTRATORS');
    expect(ids).toContain('GROUP_EFR_CUSTODIANS');
    const g = await t.app.inject({ url: `${CORE}/groups/GROUP_EFR_OFFICERS`, headers: ADMIN });
    expect(g.json().entry.isRoot).toBeTrue();
    const members = await t.app.inject({
      url: `${CORE}/groups/GROUP_EFR_OFFICERS/members`,
      headers: ADMIN,
    });
    expect(members.json().list.entries[0].entry).toEqual({
      id: 'officer1',
      memberType: 'PERSON',
      displayName: '王 明',
    });
    const mine = await t.app.inject({
      url: `${CORE}/people/-me-/groups`,
      headers: basic('officer1', 'pw'),
    });
    expect(mine.json().list.entries.map((e: { entry: { id: string } }) => e.entry.id)).toEqual([
      'GROUP_EFR_OFFICERS',
    ]);
    expect(
      (await t.app.inject({ url: `${CORE}/groups/GROUP_NOPE`, headers: ADMIN })).statusCode,
    ).toBe(404);
  });

  it('refuses bad paging parameters with 400', async () => {
    const r = await t.app.inject({ url: `${CORE}/people?maxItems=-1`, headers: ADMIN });
    expect(r.statusCode).toBe(400);
  });
});
