import { ADMIN, basic, tempRepository, type TempRepository } from '../testing/temp-repository.js';
import { CORE } from './paths.js';

describe('nodes and children (ACS core API)', () => {
  let t: TempRepository;
  const U1 = basic('user1', 'pw1');
  const U2 = basic('user2', 'pw2');
  beforeAll(async () => {
    t = await tempRepository();
    t.repo.addPerson({
      id: 'user1',
      firstName: 'U',
      lastName: '1',
      email: 'u1@x',
      password: 'pw1',
    });
    t.repo.addPerson({
      id: 'user2',
      firstName: 'U',
      lastName: '2',
      email: 'u2@x',
      password: 'pw2',
    });
  });
  afterAll(async () => t.dispose());

  const create = (parent: string, body: unknown, headers = ADMIN, query = '') =>
    t.app.inject({
      method: 'POST',
      url: `${CORE}/nodes/${parent}/children${query}`,
      payload: body as object,
      headers,
    });
  const count = (): number =>
    (t.repo.db.prepare('SELECT COUNT(*) AS n FROM nodes').get() as { n: number }).n;

  it('creates a folder (201) under -root- and reads it back with includes', async () => {
    const r = await create('-root-', {
      name: '测试文件夹',
      nodeType: 'cm:folder',
      properties: { 'cm:title': 'T' },
    });
    expect(r.statusCode).toBe(201);
    const id = r.json().entry.id;
    const g = await t.app.inject({
      url: `${CORE}/nodes/${id}?include=path,allowableOperations,permissions,isLocked`,
      headers: ADMIN,
    });
    const e = g.json().entry;
    expect(e.isFolder).toBeTrue();
    expect(e.properties['cm:title']).toBe('T');
    expect(e.path.name).toBe('/Company Home');
    expect(e.allowableOperations).toContain('create');
    expect(e.permissions.isInheritanceEnabled).toBeTrue();
    expect(e.isLocked).toBeFalse();
    expect(e.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
  });

  it('refuses duplicate names with 409, or renames with autoRename=true', async () => {
    await create('-root-', { name: 'dup', nodeType: 'cm:folder' });
    expect((await create('-root-', { name: 'DUP', nodeType: 'cm:folder' })).statusCode).toBe(409);
    const r = await create(
      '-root-',
      { name: 'dup', nodeType: 'cm:folder' },
      ADMIN,
      '?autoRename=true',
    );
    expect(r.json().entry.name).toBe('dup-1');
  });

  it('creates intermediate folders from relativePath and resolves relativePath on GET', async () => {
    const r = await create('-root-', { name: 'leaf', nodeType: 'cm:folder', relativePath: 'a/b' });
    expect(r.statusCode).toBe(201);
    const g = await t.app.inject({
      url: `${CORE}/nodes/-root-?relativePath=a/b/leaf`,
      headers: ADMIN,
    });
    expect(g.json().entry.id).toBe(r.json().entry.id);
  });

  it('refuses bad input with 400 and stores nothing', async () => {
    const before = count();
    const bad: unknown[] = [
      { name: '../x', nodeType: 'cm:folder' },
      { name: 'a\u0007b', nodeType: 'cm:folder' },
      { name: 'x', nodeType: 'cm:nope' },
      { name: 'x', nodeType: 'cm:folder', properties: { 'cm:nope': 1 } },
      { name: 'x', nodeType: 'cm:folder', extra: true },
      { name: 'x' },
      [1, 2],
      { name: 'ok', nodeType: 'cm:folder', relativePath: 'p/../q:' },
    ];
    for (const b of bad) {
      const r = await create('-root-', b);
      expect(r.statusCode).withContext(JSON.stringify(b)).toBe(400);
      expect(r.json().error.statusCode).toBe(400);
    }
    const json = await t.app.inject({
      method: 'POST',
      url: `${CORE}/nodes/-root-/children`,
      payload: '{bad',
      headers: { ...ADMIN, 'content-type': 'application/json' },
    });
    expect(json.statusCode).toBe(400);
    expect(count()).toBe(before);
  });

  it('lists children with where, orderBy, skipCount and maxItems', async () => {
    const p = (await create('-root-', { name: 'list', nodeType: 'cm:folder' })).json().entry.id;
    for (const n of ['c', 'a', 'b']) await create(p, { name: n, nodeType: 'cm:content' });
    await create(p, { name: 'z-folder', nodeType: 'cm:folder' });
    const all = await t.app.inject({ url: `${CORE}/nodes/${p}/children`, headers: ADMIN });
    expect(all.json().list.entries.map((e: { entry: { name: string } }) => e.entry.name)).toEqual([
      'z-folder',
      'a',
      'b',
      'c',
    ]);
    const files = await t.app.inject({
      url: `${CORE}/nodes/${p}/children?where=(isFile=true)&orderBy=name DESC&skipCount=1&maxItems=1&include=properties`,
      headers: ADMIN,
    });
    const l = files.json().list;
    expect(l.entries.map((e: { entry: { name: string } }) => e.entry.name)).toEqual(['b']);
    expect(l.pagination).toEqual({
      count: 1,
      hasMoreItems: true,
      totalItems: 3,
      skipCount: 1,
      maxItems: 1,
    });
    expect(l.entries[0].entry.properties).toEqual({});
    const typed = await t.app.inject({
      url: `${CORE}/nodes/${p}/children?where=(nodeType='cm:folder')`,
      headers: ADMIN,
    });
    expect(typed.json().list.pagination.totalItems).toBe(1);
    const bad = await t.app.inject({
      url: `${CORE}/nodes/${p}/children?where=(drop table)`,
      headers: ADMIN,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (await t.app.inject({ url: `${CORE}/nodes/${p}/children?orderBy=x;y`, headers: ADMIN }))
        .statusCode,
    ).toBe(400);
  });

  it('updates name and properties (PUT), copies and moves', async () => {
    const a = (await create('-root-', { name: 'upd', nodeType: 'cm:content' })).json().entry.id;
    const u = await t.app.inject({
      method: 'PUT',
      url: `${CORE}/nodes/${a}`,
      headers: ADMIN,
      payload: { name: 'upd2', properties: { 'cm:description': 'd' } },
    });
    expect(u.statusCode).toBe(200);
    expect(u.json().entry.name).toBe('upd2');
    expect(u.json().entry.aspectNames).toContain('cm:titled');
    const dest = (await create('-root-', { name: 'dest', nodeType: 'cm:folder' })).json().entry.id;
    const cp = await t.app.inject({
      method: 'POST',
      url: `${CORE}/nodes/${a}/copy`,
      headers: ADMIN,
      payload: { targetParentId: dest },
    });
    expect(cp.statusCode).toBe(201);
    expect(cp.json().entry.parentId).toBe(dest);
    const mv = await t.app.inject({
      method: 'POST',
      url: `${CORE}/nodes/${a}/move`,
      headers: ADMIN,
      payload: { targetParentId: dest, name: 'moved' },
    });
    expect(mv.statusCode).toBe(200);
    expect(mv.json().entry.parentId).toBe(dest);
    const clash = await t.app.inject({
      method: 'POST',
      url: `${CORE}/nodes/${cp.json().entry.id}/move`,
      headers: ADMIN,
      payload: { targetParentId: dest, name: 'moved' },
    });
    expect(clash.statusCode).toBe(409);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `${CORE}/nodes/${dest}`,
      headers: ADMIN,
    });
    expect(del.statusCode).toBe(204);
    expect((await t.app.inject({ url: `${CORE}/nodes/${a}`, headers: ADMIN })).statusCode).toBe(
      404,
    );
  });

  it('locks (423 for others) and unlocks', async () => {
    const shared = (await t.app.inject({ url: `${CORE}/nodes/-shared-`, headers: U1 })).json().entry
      .id;
    const f = (await create(shared, { name: 'locked.txt', nodeType: 'cm:content' }, U1)).json()
      .entry.id;
    await t.app.inject({
      method: 'PUT',
      url: `${CORE}/nodes/${f}`,
      headers: U1,
      payload: { permissions: { locallySet: [{ authorityId: 'user2', name: 'Collaborator' }] } },
    });
    const l = await t.app.inject({
      method: 'POST',
      url: `${CORE}/nodes/${f}/lock?include=isLocked`,
      headers: U1,
      payload: { type: 'FULL' },
    });
    expect(l.json().entry.isLocked).toBeTrue();
    const w = await t.app.inject({
      method: 'PUT',
      url: `${CORE}/nodes/${f}`,
      headers: U2,
      payload: { name: 'x.txt' },
    });
    expect(w.statusCode).toBe(423);
    const un = await t.app.inject({
      method: 'POST',
      url: `${CORE}/nodes/${f}/unlock`,
      headers: U1,
    });
    expect(un.statusCode).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `${CORE}/nodes/${f}`,
          headers: U2,
          payload: { name: 'x.txt' },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('enforces permissions with inheritance: Consumer reads, cannot create; local ACL hides', async () => {
    const f = (await create('-root-', { name: 'perm', nodeType: 'cm:folder' })).json().entry.id;
    expect((await t.app.inject({ url: `${CORE}/nodes/${f}`, headers: U1 })).statusCode).toBe(200);
    expect((await create(f, { name: 'x', nodeType: 'cm:folder' }, U1)).statusCode).toBe(403);
    const secret = (
      await create(f, {
        name: 'secret',
        nodeType: 'cm:folder',
        permissions: {
          isInheritanceEnabled: false,
          locallySet: [{ authorityId: 'user2', name: 'Consumer' }],
        },
      })
    ).json().entry.id;
    expect((await t.app.inject({ url: `${CORE}/nodes/${secret}`, headers: U1 })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ url: `${CORE}/nodes/${secret}`, headers: U2 })).statusCode).toBe(
      200,
    );
    const list = await t.app.inject({ url: `${CORE}/nodes/${f}/children`, headers: U1 });
    expect(list.json().list.pagination.totalItems).toBe(0);
    const del = await t.app.inject({ method: 'DELETE', url: `${CORE}/nodes/${f}`, headers: U1 });
    expect(del.statusCode).toBe(403);
    const my = await t.app.inject({ url: `${CORE}/nodes/-my-`, headers: U1 });
    expect(my.json().entry.name).toBe('user1');
    expect(
      (await t.app.inject({ url: `${CORE}/nodes/${my.json().entry.id}`, headers: U2 })).statusCode,
    ).toBe(403);
  });

  it('manages peer associations (targets and sources)', async () => {
    const a = (await create('-root-', { name: 'src.txt', nodeType: 'cm:content' })).json().entry.id;
    const b = (await create('-root-', { name: 'tgt.txt', nodeType: 'cm:content' })).json().entry.id;
    const add = await t.app.inject({
      method: 'POST',
      url: `${CORE}/nodes/${a}/targets`,
      headers: ADMIN,
      payload: { targetId: b, assocType: 'cm:references' },
    });
    expect(add.statusCode).toBe(201);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `${CORE}/nodes/${a}/targets`,
          headers: ADMIN,
          payload: { targetId: b, assocType: 'cm:references' },
        })
      ).statusCode,
    ).toBe(409);
    const tg = await t.app.inject({ url: `${CORE}/nodes/${a}/targets`, headers: ADMIN });
    expect(tg.json().list.entries[0].entry.association).toEqual({ assocType: 'cm:references' });
    const sr = await t.app.inject({
      url: `${CORE}/nodes/${b}/sources?where=(assocType='cm:references')`,
      headers: ADMIN,
    });
    expect(sr.json().list.entries[0].entry.id).toBe(a);
    const rm = await t.app.inject({
      method: 'DELETE',
      url: `${CORE}/nodes/${a}/targets/${b}`,
      headers: ADMIN,
    });
    expect(rm.statusCode).toBe(204);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `${CORE}/nodes/${a}/targets/${b}`,
          headers: ADMIN,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('manages secondary children', async () => {
    const p = (await create('-root-', { name: 'sec-parent', nodeType: 'cm:folder' })).json().entry
      .id;
    const c = (await create('-root-', { name: 'sec-child.txt', nodeType: 'cm:content' })).json()
      .entry.id;
    const add = await t.app.inject({
      method: 'POST',
      url: `${CORE}/nodes/${p}/secondary-children`,
      headers: ADMIN,
      payload: { childId: c, assocType: 'cm:contains' },
    });
    expect(add.statusCode).toBe(201);
    const list = await t.app.inject({
      url: `${CORE}/nodes/${p}/secondary-children`,
      headers: ADMIN,
    });
    expect(list.json().list.entries[0].entry.association).toEqual({
      assocType: 'cm:contains',
      isPrimary: false,
    });
    const parents = await t.app.inject({ url: `${CORE}/nodes/${c}/parents`, headers: ADMIN });
    expect(parents.json().list.pagination.totalItems).toBe(2);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `${CORE}/nodes/${p}/secondary-children/${c}`,
          headers: ADMIN,
        })
      ).statusCode,
    ).toBe(204);
  });

  it('answers unknown nodes and APIs with 404 in the ACS error format', async () => {
    const r = await t.app.inject({
      url: `${CORE}/nodes/00000000-0000-0000-0000-000000000000`,
      headers: ADMIN,
    });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.errorKey).toBe('framework.exception.EntityNotFound');
    expect((await t.app.inject({ url: `${CORE}/nope`, headers: ADMIN })).statusCode).toBe(404);
  });
});
