/**
 * Contract (issue 3): node CRUD, copy and move, and children listing and creation answer with
 * the NodeEntry / NodePaging / NodeChildAssociationPaging / Error shapes of alfresco-core.yaml,
 * and honour the query parameters the screens send (include, where, orderBy, paging).
 */
import { AcsHttp, expectAcsError, expectContract } from '../support/acs-http.js';
import { CORE } from '../support/server-harness.js';
import { adminClient, createWorkFolder, uniqueName } from './contract-target.js';

interface NodeBody {
  id: string; name: string; nodeType: string; parentId?: string; isFolder: boolean;
  properties?: Record<string, unknown>; aspectNames?: string[];
  path?: { name: string; elements: { id: string }[] }; allowableOperations?: string[];
  permissions?: unknown; association?: { assocType: string; isPrimary: boolean };
}
interface Entry { entry: NodeBody }
interface Paging {
  list: { pagination: { count: number; totalItems?: number; hasMoreItems: boolean;
    skipCount: number; maxItems: number }; entries: Entry[] };
}

describe('contract: nodes and children (issue 3)', () => {
  let http: AcsHttp;
  let work: string;

  async function folder(parent: string, name: string, extra: object = {}): Promise<string> {
    const res = await http.post<Entry>(`${CORE}/nodes/${parent}/children`,
      { name, nodeType: 'cm:folder', ...extra });
    expectContract(res, 201);
    return res.body.entry.id;
  }

  beforeAll(async () => {
    http = await adminClient();
    work = await createWorkFolder(http, 'contract-nodes');
  });

  afterAll(async () => {
    await http.delete(`${CORE}/nodes/${work}?permanent=true`);
  });

  it('gets a node with include=properties,aspectNames,path,permissions,allowableOperations',
    async () => {
      const res = await http.get<Entry>(`${CORE}/nodes/${work}` +
        '?include=properties,aspectNames,path,permissions,allowableOperations');
      expectContract(res, 200);
      const node = res.body.entry;
      expect(node.isFolder).toBeTrue();
      expect(node.path?.elements.length).toBeGreaterThan(0);
      expect(node.allowableOperations).toContain('delete');
      expect(node.permissions).toBeDefined();
      expect(Array.isArray(node.aspectNames)).toBeTrue();
    });

  it('resolves the -root- alias and answers 404 with an error body for unknown ids',
    async () => {
      expectContract(await http.get(`${CORE}/nodes/-root-`), 200);
      const missing = await http.get(`${CORE}/nodes/00000000-0000-4000-8000-00000000dead`);
      expect(missing.status).toBe(404);
      expectAcsError(missing);
    });

  it('creates a node with properties and refuses a duplicate name with 409', async () => {
    const name = uniqueName('case');
    const res = await http.post<Entry>(`${CORE}/nodes/${work}/children`,
      { name, nodeType: 'cm:folder', properties: { 'cm:title': '案件 title' } });
    expectContract(res, 201);
    expect(res.body.entry.properties?.['cm:title']).toBe('案件 title');
    expect(res.body.entry.parentId).toBe(work);
    const again = await http.post(`${CORE}/nodes/${work}/children`,
      { name, nodeType: 'cm:folder' });
    expect(again.status).toBe(409);
    expectAcsError(again);
  });

  it('updates name and properties with PUT', async () => {
    const id = await folder(work, uniqueName('rename-me'));
    const name = uniqueName('renamed');
    const res = await http.put<Entry>(`${CORE}/nodes/${id}`,
      { name, properties: { 'cm:description': '说明' } });
    expectContract(res, 200);
    expect(res.body.entry.name).toBe(name);
    const read = await http.get<Entry>(`${CORE}/nodes/${id}?include=properties`);
    expect(read.body.entry.properties?.['cm:description']).toBe('说明');
  });

  it('lists children with paging, orderBy, where and include=association', async () => {
    const parent = await folder(work, uniqueName('list'));
    for (const n of ['c', 'a', 'b']) await folder(parent, `${n}-folder`);
    await http.upload(parent, Buffer.from('text body'), 'z-file.txt');

    const all = await http.get<Paging>(`${CORE}/nodes/${parent}/children`);
    expectContract(all, 200);
    // ACS default order: folders first, then by name ascending.
    expect(all.body.list.entries.map((e) => e.entry.name))
      .toEqual(['a-folder', 'b-folder', 'c-folder', 'z-file.txt']);

    const page = await http.get<Paging>(
      `${CORE}/nodes/${parent}/children?skipCount=1&maxItems=2&orderBy=name%20DESC`);
    expectContract(page, 200);
    expect(page.body.list.entries.map((e) => e.entry.name)).toEqual(['c-folder', 'b-folder']);
    expect(page.body.list.pagination).toEqual(jasmine.objectContaining(
      { count: 2, skipCount: 1, maxItems: 2, hasMoreItems: true }));

    const files = await http.get<Paging>(`${CORE}/nodes/${parent}/children?where=` +
      encodeURIComponent('(isFile=true)'));
    expectContract(files, 200);
    expect(files.body.list.entries.map((e) => e.entry.name)).toEqual(['z-file.txt']);
  });

  it('answers 400 with an error body to a bad paging parameter', async () => {
    const res = await http.get(`${CORE}/nodes/${work}/children?maxItems=-1`);
    expect(res.status).toBe(400);
    expectAcsError(res);
  });

  it('copies a node (201) and moves one (200)', async () => {
    const source = await folder(work, uniqueName('source'));
    const target = await folder(work, uniqueName('target'));
    const copy = await http.post<Entry>(`${CORE}/nodes/${source}/copy`,
      { targetParentId: target, name: 'copy-of-source' });
    expectContract(copy, 201);
    expect(copy.body.entry.id).not.toBe(source);
    expect(copy.body.entry.parentId).toBe(target);

    const moved = await http.post<Entry>(`${CORE}/nodes/${source}/move`,
      { targetParentId: target });
    expectContract(moved, 200);
    expect(moved.body.entry.id).toBe(source);
    expect(moved.body.entry.parentId).toBe(target);
  });

  it('locks and unlocks a node (200, NodeEntry with isLocked)', async () => {
    const up = await http.upload<Entry & { entry: { isLocked?: boolean } }>(work,
      Buffer.from('lock me'), `${uniqueName('lock')}.txt`);
    expectContract(up, 201);
    const id = up.body.entry.id;
    const locked = await http.post<{ entry: { isLocked?: boolean } }>(
      `${CORE}/nodes/${id}/lock?include=isLocked`, { type: 'ALLOW_OWNER_CHANGES' });
    expectContract(locked, 200);
    expect(locked.body.entry.isLocked).toBeTrue();
    const unlocked = await http.post<{ entry: { isLocked?: boolean } }>(
      `${CORE}/nodes/${id}/unlock?include=isLocked`);
    expectContract(unlocked, 200);
    expect(unlocked.body.entry.isLocked).toBeFalse();
  });

  it('deletes a node (204) after which it is gone (404)', async () => {
    const id = await folder(work, uniqueName('delete-me'));
    const res = await http.delete(`${CORE}/nodes/${id}?permanent=true`);
    expectContract(res, 204);
    const gone = await http.get(`${CORE}/nodes/${id}`);
    expect(gone.status).toBe(404);
    expectAcsError(gone);
  });
});
