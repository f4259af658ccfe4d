/**
 * Contract (issue 17): the favorites the Content App lists, adds and removes
 * (people/{personId}/favorites with ADF's `where` filters) and `isFavorite` in listings.
 */
import { AcsHttp, expectAcsError, expectContract } from '../support/acs-http.js';
import { validateResponse } from '../support/openapi.js';
import { CORE, DEMO_PASSWORD } from '../support/server-harness.js';
import { adminClient, createWorkFolder } from './contract-target.js';

interface Fav { targetGuid: string; target: Record<string, { id: string; name: string }> }
interface Paging<T> { list: { pagination: { totalItems: number }; entries: { entry: T }[] } }

const FILES_OR_FOLDERS = encodeURIComponent('(EXISTS(target/file) OR EXISTS(target/folder))');
const SITES = encodeURIComponent('(EXISTS(target/site))');

describe('contract: favorites (issue 17)', () => {
  let http: AcsHttp;
  let work: string;
  let file: string;
  let folder: string;

  beforeAll(async () => {
    http = await adminClient();
    work = await createWorkFolder(http, 'contract-fav');
    folder = (await http.post<{ entry: { id: string } }>(`${CORE}/nodes/${work}/children`,
      { name: 'sub', nodeType: 'cm:folder' })).body.entry.id;
    file = (await http.upload<{ entry: { id: string } }>(work, Buffer.from('x'), 'foo.txt'))
      .body.entry.id;
  });

  afterAll(async () => {
    await http.delete(`${CORE}/people/-me-/favorites/${file}`);
    await http.delete(`${CORE}/people/-me-/favorites/${folder}`);
    await http.delete(`${CORE}/nodes/${work}?permanent=true`);
  });

  it('adds a file as ACA does (an array body) and a folder (one body)', async () => {
    const many = await http.post<Paging<Fav>>(`${CORE}/people/-me-/favorites`,
      [{ target: { file: { guid: file } } }]);
    // A list body creates many and answers a list (ACS's REST framework: "more than one
    // favorite by specifying a list"); the file documents only the single FavoriteEntry, so
    // the answer is checked against the FavoritePaging of the list operation.
    expect(many.status).toBe(201);
    expect(validateResponse('alfresco-core.yaml', 'get', '/people/{personId}/favorites', 200,
      many.body).errors).toEqual([]);
    expect(many.body.list.entries[0].entry.targetGuid).toBe(file);
    const one = await http.post<{ entry: Fav }>(`${CORE}/people/-me-/favorites?include=path`,
      { target: { folder: { guid: folder } } });
    expectContract(one, 201);
    expect(one.body.entry.target.folder.id).toBe(folder);
  });

  it('lists files and folders with ADF\'s where, and no site favorites', async () => {
    const res = await http.get<Paging<Fav>>(`${CORE}/people/-me-/favorites?where=${
      FILES_OR_FOLDERS}&include=path,properties,allowableOperations,aspectNames`);
    expectContract(res, 200);
    const ids = res.body.list.entries.map((e) => e.entry.targetGuid);
    expect(ids).toContain(file);
    expect(ids).toContain(folder);
    const sites = await http.get<Paging<Fav>>(`${CORE}/people/-me-/favorites?where=${SITES}`);
    expectContract(sites, 200);
    expect(sites.body.list.entries).toEqual([]);
    const filesOnly = await http.get<Paging<Fav>>(`${CORE}/people/-me-/favorites?where=${
      encodeURIComponent('(EXISTS(target/file))')}`);
    expect(filesOnly.body.list.entries.map((e) => e.entry.targetGuid)).toContain(file);
    expect(filesOnly.body.list.entries.map((e) => e.entry.targetGuid)).not.toContain(folder);
  });

  it('gets one favorite and marks isFavorite in children listings', async () => {
    const one = await http.get(`${CORE}/people/-me-/favorites/${file}`);
    expectContract(one, 200);
    const kids = await http.get<Paging<{ id: string; isFavorite: boolean }>>(
      `${CORE}/nodes/${work}/children?include=isFavorite`);
    expectContract(kids, 200);
    for (const { entry } of kids.body.list.entries) expect(entry.isFavorite).toBeTrue();
  });

  it('keeps favorites per user: another user sees none and cannot read ours', async () => {
    const other = http.as('officer1', DEMO_PASSWORD);
    const mine = await other.get<Paging<Fav>>(`${CORE}/people/-me-/favorites`);
    expectContract(mine, 200);
    expect(mine.body.list.entries.map((e) => e.entry.targetGuid)).not.toContain(file);
    expectAcsError(await other.get(`${CORE}/people/admin/favorites`));
    expect((await other.get(`${CORE}/people/admin/favorites`)).status).toBe(404);
  });

  it('refuses a bad where or target with 400, a missing node with 404', async () => {
    const bad = await http.get(`${CORE}/people/-me-/favorites?where=${
      encodeURIComponent('(EXISTS(target/car))')}`);
    expectAcsError(bad);
    expect(bad.status).toBe(400);
    const noTarget = await http.post(`${CORE}/people/-me-/favorites`, { target: {} });
    expect(noTarget.status).toBe(400);
    const missing = await http.post(`${CORE}/people/-me-/favorites`,
      { target: { file: { guid: 'no-such-node' } } });
    expectAcsError(missing);
    expect(missing.status).toBe(404);
  });

  it('removes a favorite (204), then 404', async () => {
    const del = await http.delete(`${CORE}/people/-me-/favorites/${folder}`);
    expectContract(del, 204);
    expect((await http.delete(`${CORE}/people/-me-/favorites/${folder}`)).status).toBe(404);
  });
});
