/**
 * Contract (issue 17): the trashcan (deleted-nodes: list, get, restore, purge) over server/'s
 * archive store, and the rule that nothing holding a recording's bytes is purged or deleted
 * permanently outside the disposal procedure (R26.1).
 */
import { AcsHttp, expectAcsError, expectContract } from '../support/acs-http.js';
import { CORE, DEMO_PASSWORD, SEARCH } from '../support/server-harness.js';
import { adminClient, createWorkFolder } from './contract-target.js';

interface Entry { id: string; name: string; archivedByUser?: { id: string } }
interface Paging { list: { entries: { entry: Entry }[] } }

describe('contract: trashcan (issue 17)', () => {
  let http: AcsHttp;
  let work: string;

  beforeAll(async () => {
    http = await adminClient();
    work = await createWorkFolder(http, 'contract-trash');
  });

  afterAll(async () => {
    await http.delete(`${CORE}/nodes/${work}?permanent=true`);
  });

  const newFolder = async (name: string): Promise<string> => (await http.post<{ entry: Entry }>(
    `${CORE}/nodes/${work}/children`, { name, nodeType: 'cm:folder' })).body.entry.id;

  it('keeps a deleted tree in the trashcan and restores it under its parent', async () => {
    const folder = await newFolder('to-trash');
    const child = (await http.upload<{ entry: Entry }>(folder, Buffer.from('hi'), 'a.txt'))
      .body.entry.id;
    await http.post(`${CORE}/people/-me-/favorites`, { target: { file: { guid: child } } });
    expect((await http.delete(`${CORE}/nodes/${folder}`)).status).toBe(204);
    expect((await http.get(`${CORE}/nodes/${folder}`)).status).toBe(404);

    const list = await http.get<Paging>(`${CORE}/deleted-nodes?include=path,properties,` +
      'allowableOperations,permissions,aspectNames&maxItems=25');
    expectContract(list, 200);
    const row = list.body.list.entries.find((e) => e.entry.id === folder);
    expect(row?.entry.archivedByUser?.id).toBe('admin');
    expect(list.body.list.entries.some((e) => e.entry.id === child)).toBeFalse();
    const one = await http.get(`${CORE}/deleted-nodes/${folder}?include=path`);
    expectContract(one, 200);

    const restored = await http.post<{ entry: Entry & { parentId: string } }>(
      `${CORE}/deleted-nodes/${folder}/restore`, {});
    expectContract(restored, 200);
    expect(restored.body.entry.parentId).toBe(work);
    const kids = await http.get<Paging>(`${CORE}/nodes/${folder}/children`);
    expect(kids.body.list.entries.map((e) => e.entry.id)).toEqual([child]);
    const fav = await http.get(`${CORE}/people/-me-/favorites/${child}`);
    expect(fav.status).toBe(200);
    expect((await http.get(`${CORE}/deleted-nodes/${folder}`)).status).toBe(404);
  });

  it('purges (204) and then knows the node no more', async () => {
    const folder = await newFolder('to-purge');
    await http.delete(`${CORE}/nodes/${folder}`);
    const purge = await http.delete(`${CORE}/deleted-nodes/${folder}`);
    expectContract(purge, 204);
    const again = await http.post(`${CORE}/deleted-nodes/${folder}/restore`, {});
    expectAcsError(again);
    expect(again.status).toBe(404);
  });

  it('answers a restore onto a taken name with 409; a user sees only their own', async () => {
    const folder = await newFolder('twin');
    await http.delete(`${CORE}/nodes/${folder}`);
    await newFolder('twin');
    const clash = await http.post(`${CORE}/deleted-nodes/${folder}/restore`, {});
    expectAcsError(clash);
    expect(clash.status).toBe(409);
    const other = http.as('officer1', DEMO_PASSWORD);
    const theirs = await other.get<Paging>(`${CORE}/deleted-nodes`);
    expectContract(theirs, 200);
    expect(theirs.body.list.entries.some((e) => e.entry.id === folder)).toBeFalse();
    expect((await other.get(`${CORE}/deleted-nodes/${folder}`)).status).toBe(404);
  });

  it('refuses to purge or delete permanently a file holding a recording\'s bytes', async () => {
    const search = await http.post<Paging>(`${SEARCH}/search`,
      { query: { query: 'TYPE:"efr:recording"', language: 'afts' }, paging: { maxItems: 1 } });
    const rec = search.body.list.entries[0].entry;
    const bytes = (await http.requestBytes('get', `${CORE}/nodes/${rec.id}/content`)).bytes;
    const copy = (await http.upload<{ entry: Entry }>(work, bytes, 'copy.mp4')).body.entry.id;
    const permanent = await http.delete(`${CORE}/nodes/${copy}?permanent=true`);
    expectAcsError(permanent);
    expect(permanent.status).toBe(403);
    expect((permanent.body as { error: { errorKey: string } }).error.errorKey)
      .toBe('efr.recording.noPurge');
    expect((await http.delete(`${CORE}/nodes/${copy}`)).status).toBe(204);
    const purge = await http.delete(`${CORE}/deleted-nodes/${copy}`);
    expectAcsError(purge);
    expect(purge.status).toBe(403);
    expect((await http.get(`${CORE}/deleted-nodes/${copy}`)).status).toBe(200);
    // A recording itself never reaches the trashcan: its delete is refused by the rules.
    expect((await http.delete(`${CORE}/nodes/${rec.id}`)).status).toBe(403);
  });
});
