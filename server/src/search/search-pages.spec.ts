import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { formatAcsDate } from '../model/property-values.js';
import type { NodeRow } from '../repo/node-rows.js';
import { setLocalAces } from '../repo/permissions.js';
import { SEARCH } from '../routes/paths.js';
import { ADMIN, basic, tempRepository, type TempRepository } from '../testing/temp-repository.js';
import { SEARCH_LIMITS } from './search-pages.js';

/** A seeded recording and what decides where it sorts and who reads it. */
interface Seeded {
  id: string;
  start?: number;
  modified: number;
  visibleToUser1: boolean;
}

const DAY = 86_400_000;
const USER1 = basic('user1', 'pw');

describe('search pages: kept, SQL-paged and index-walk paths give the same pages', () => {
  let t: TempRepository;
  const seeded: Seeded[] = [];
  const limits = { ...SEARCH_LIMITS };

  const row = (over: Partial<NodeRow> & { id: string; parentId: string }): NodeRow => ({
    type: 'efr:recording',
    name: `${over.id}.mp4`,
    isFolder: false,
    isFile: true,
    createdAt: 0,
    createdBy: 'custodian1',
    modifiedAt: 0,
    modifiedBy: 'custodian1',
    props: {},
    aspects: ['cm:auditable', 'efr:captureFacts'],
    content: null,
    inherit: true,
    aclLocal: false,
    lock: null,
    ...over,
  });

  beforeAll(async () => {
    t = await tempRepository();
    t.repo.addPerson({ id: 'user1', firstName: 'U', email: 'u@x', password: 'pw' });
    const home = t.repo.companyHomeId();
    const open = randomUUID();
    const hidden = randomUUID();
    const mine = randomUUID();
    const t0 = Date.UTC(2026, 0, 1);
    t.repo.db.transaction(() => {
      t.repo.rows.insert(row({ id: open, parentId: home, type: 'cm:folder', name: 'open',
        isFolder: true, isFile: false, aspects: [] }));
      // No inheritance and no entries: only the owner of a node inside (and admin) reads it.
      t.repo.rows.insert(row({ id: hidden, parentId: home, type: 'cm:folder', name: 'hidden',
        isFolder: true, isFile: false, aspects: [], inherit: false, aclLocal: true }));
      // Created by user1 but closed: user1 owns the folder, not what others file in it.
      t.repo.rows.insert(row({ id: mine, parentId: home, type: 'cm:folder', name: 'mine',
        isFolder: true, isFile: false, aspects: [], inherit: false, aclLocal: true,
        createdBy: 'user1' }));
      for (let i = 0; i < 240; i++) {
        const inHidden = i % 3 === 0;
        const inMine = !inHidden && i % 11 === 0;
        const own = inHidden && i % 5 === 0; // created by user1: the owner reads it
        const granted = inHidden && !own && i % 7 === 0; // a local ACL lets user1 read it
        // Repeated start days (ties broken by id) and some recordings without a start at all.
        const start = i % 17 === 0 ? undefined : t0 + ((i * 37) % 100) * DAY;
        const id = randomUUID();
        const modified = t0 + ((i * 53) % 240) * 1000;
        t.repo.rows.insert(row({
          id, parentId: inHidden ? hidden : inMine ? mine : open,
          createdBy: own ? 'user1' : 'custodian1',
          modifiedAt: modified, aclLocal: granted,
          props: { 'efr:source': 'bodyCamera',
            ...(start === undefined ? {} : { 'efr:recordingStart': formatAcsDate(start) }) },
        }));
        if (granted)
          setLocalAces(t.repo.db, id, [
            { authorityId: 'user1', name: 'Consumer', accessStatus: 'ALLOWED' },
          ]);
        seeded.push({ id, start, modified,
          visibleToUser1: (!inHidden && !inMine) || own || granted });
      }
    })();
  });

  afterEach(() => Object.assign(SEARCH_LIMITS, limits));
  afterAll(async () => t.dispose());

  /** Every page of a search, `size` at a time; every page must report the same total. */
  async function allPages(body: object, headers: Record<string, string>, size: number) {
    const ids: string[] = [];
    const totals = new Set<number>();
    for (let skip = 0; ; skip += size) {
      const r = await t.app.inject({
        method: 'POST',
        url: `${SEARCH}/search`,
        headers,
        payload: { ...body, paging: { skipCount: skip, maxItems: size } },
      });
      expect(r.statusCode).withContext(r.body).toBe(200);
      const list = r.json().list;
      totals.add(list.pagination.totalItems);
      ids.push(...list.entries.map((e: { entry: { id: string } }) => e.entry.id));
      if (!list.pagination.hasMoreItems) break;
    }
    expect(totals.size).withContext('totalItems differs between pages').toBe(1);
    expect([...totals][0]).toBe(ids.length);
    return ids;
  }

  /** By start (missing last in either direction), ties by id in the same direction. */
  function byStart(rows: Seeded[], ascending: boolean): string[] {
    const dir = ascending ? 1 : -1;
    const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    return [...rows]
      .sort((a, b) => {
        if (a.start === undefined || b.start === undefined)
          return a.start === b.start ? dir * cmp(a.id, b.id) : a.start === undefined ? 1 : -1;
        return dir * (a.start - b.start || cmp(a.id, b.id));
      })
      .map((r) => r.id);
  }

  const who = [
    { name: 'admin', headers: ADMIN, sees: (_: Seeded) => true },
    { name: 'user1', headers: USER1, sees: (s: Seeded) => s.visibleToUser1 },
  ];
  const paths = [
    { name: 'kept (driven, one pass)', query: 'TYPE:"efr:recording" AND =efr:source:bodyCamera',
      limits: { materialise: 1e9, walk: 1e9 } },
    { name: 'SQL-paged (driven, ORDER BY)', query: 'TYPE:"efr:recording" AND =efr:source:bodyCamera',
      limits: { materialise: 0, walk: 1e9 } },
    { name: 'SQL-paged, Read per row', query: 'TYPE:"efr:recording" AND =efr:source:bodyCamera',
      limits: { materialise: 0, walk: 1e9, exclusion: 0 } },
    { name: 'index-only walk', query: 'TYPE:"efr:recording"',
      limits: { materialise: 1e9, walk: 1e9 } },
    { name: 'index-only walk, seeking from kept positions', query: 'TYPE:"efr:recording"',
      limits: { materialise: 1e9, walk: 1e9, bookmark: 7 } },
    { name: 'joined walk (Read per row)', query: 'TYPE:"efr:recording"',
      limits: { materialise: 1e9, walk: 1e9, exclusion: 0 } },
    { name: 'joined walk (Read per row), seeking from kept positions',
      query: 'TYPE:"efr:recording"',
      limits: { materialise: 1e9, walk: 0, exclusion: 0, bookmark: 7 } },
    { name: 'joined walk, shallow pages', query: 'TYPE:"efr:recording" AND cm:name:"*.mp4"',
      limits: { materialise: 1e9, walk: 1e9 } },
    { name: 'joined walk, deep pages (kept order)',
      query: 'TYPE:"efr:recording" AND cm:name:"*.mp4"', limits: { materialise: 1e9, walk: 0 } },
  ];

  for (const path of paths) {
    for (const w of who) {
      for (const ascending of [false, true]) {
        it(`${path.name}: ${w.name}, by start ${ascending ? 'ascending' : 'descending'}`, async () => {
          Object.assign(SEARCH_LIMITS, path.limits);
          const ids = await allPages(
            { query: { query: path.query },
              sort: [{ type: 'FIELD', field: 'efr:recordingStart', ascending }] },
            w.headers,
            37,
          );
          expect(ids).toEqual(byStart(seeded.filter(w.sees), ascending));
        });
      }
    }
  }

  it('sorts on the driving range property from its index row, and by default newest first', async () => {
    const ranged = await allPages(
      { query: { query: 'efr:recordingStart:[2026-01-01 TO 2027-01-01]' },
        sort: [{ type: 'FIELD', field: 'efr:recordingStart', ascending: true }] },
      USER1,
      50,
    );
    expect(ranged).toEqual(byStart(seeded.filter((s) => s.visibleToUser1 && s.start), true));
    for (const materialise of [1e9, 0]) {
      Object.assign(SEARCH_LIMITS, { materialise });
      const newest = await allPages(
        { query: { query: '=efr:source:bodyCamera' } }, ADMIN, 64);
      const expected = [...seeded]
        .sort((a, b) => b.modified - a.modified || (a.id < b.id ? 1 : -1))
        .map((s) => s.id);
      expect(newest).withContext(`materialise ${materialise}`).toEqual(expected);
    }
  });

  it('keeps a result for its pages only until something is written, by any connection', async () => {
    const body = { query: { query: 'TYPE:"efr:recording" AND =efr:source:bodyCamera' } };
    const before = await allPages(body, ADMIN, 100);
    const open = (t.repo.db.prepare("SELECT id FROM nodes WHERE name = 'open'").get() as
      { id: string }).id;
    const added = randomUUID();
    t.repo.rows.insert(row({ id: added, parentId: open, modifiedAt: Date.UTC(2027, 0, 1),
      props: { 'efr:source': 'bodyCamera' } }));
    const after = await allPages(body, ADMIN, 100);
    expect(after).toEqual([added, ...before]);
    // Another process writing the same file (its triggers count too): seen on the next page.
    const other = new Database(join(t.dir, 'repository.sqlite'));
    try {
      other.prepare('DELETE FROM node_props WHERE node_id = ?').run(added);
    } finally {
      other.close();
    }
    expect(await allPages(body, ADMIN, 100)).toEqual(before);
  });

  it('seeks deep pages of a TYPE walk from kept positions only while that type is unchanged', async () => {
    Object.assign(SEARCH_LIMITS, { bookmark: 5 });
    const body = { query: { query: 'TYPE:"efr:recording"' },
      sort: [{ type: 'FIELD', field: 'efr:recordingStart', ascending: false }] };
    const before = await allPages(body, ADMIN, 9);
    // Another type's write keeps the positions; a recording's moves every later one.
    const home = t.repo.companyHomeId();
    t.repo.rows.insert(row({ id: randomUUID(), parentId: home, type: 'cm:folder', name: 'other',
      isFolder: true, isFile: false, aspects: [] }));
    expect(await allPages(body, ADMIN, 9)).toEqual(before);
    const open = (t.repo.db.prepare("SELECT id FROM nodes WHERE name = 'open'").get() as
      { id: string }).id;
    const added = randomUUID();
    t.repo.rows.insert(row({ id: added, parentId: open,
      props: { 'efr:recordingStart': formatAcsDate(Date.UTC(2030, 0, 1)) } }));
    expect(await allPages(body, ADMIN, 9)).toEqual([added, ...before]);
    t.repo.db.prepare('DELETE FROM nodes WHERE id = ?').run(added);
    expect(await allPages(body, ADMIN, 9)).toEqual(before);
  });

  it("seeks a reader's deep TYPE pages while what Read tests is unchanged", async () => {
    Object.assign(SEARCH_LIMITS, { walk: 0, exclusion: 0, bookmark: 5 });
    const body = { query: { query: 'TYPE:"efr:recording"' },
      sort: [{ type: 'FIELD', field: 'efr:recordingStart', ascending: false }] };
    const before = await allPages(body, USER1, 9);
    const folder = (name: string) => (t.repo.db.prepare('SELECT id FROM nodes WHERE name = ?')
      .get(name) as { id: string }).id;
    // Moved into the closed folder, then closed itself, by writes of the node row alone (as
    // another connection may make them): no property row changes.
    const moved = t.repo.rows.get(before[2])!;
    const set = (sql: string, ...params: unknown[]) =>
      t.repo.db.prepare(`UPDATE nodes SET ${sql} WHERE id = ?`).run(...params, moved.id);
    set('parent_id = ?', folder('hidden'));
    expect(await allPages(body, USER1, 9)).toEqual(before.filter((id) => id !== moved.id));
    set('parent_id = ?', moved.parentId);
    expect(await allPages(body, USER1, 9)).toEqual(before);
    set('inherit = 0, acl_local = 1');
    expect(await allPages(body, USER1, 9)).toEqual(before.filter((id) => id !== moved.id));
    set('inherit = 1, acl_local = 0');
    expect(await allPages(body, USER1, 9)).toEqual(before);
  });

  it("follows a reader's pages through writes under a closed folder", async () => {
    Object.assign(SEARCH_LIMITS, { bookmark: 5 });
    const body = { query: { query: 'TYPE:"efr:recording"' },
      sort: [{ type: 'FIELD', field: 'efr:recordingStart', ascending: false }] };
    const before = await allPages(body, USER1, 9);
    const hidden = (t.repo.db.prepare("SELECT id FROM nodes WHERE name = 'hidden'").get() as
      { id: string }).id;
    const added = randomUUID();
    t.repo.rows.insert(row({ id: added, parentId: hidden,
      props: { 'efr:recordingStart': formatAcsDate(Date.UTC(2030, 0, 1)) } }));
    expect(await allPages(body, USER1, 9)).toEqual(before);
    // Writes of the node row alone (as another connection may make them): made by user1, then
    // not; then a local ACL that lets user1 read it.
    const set = (sql: string, ...params: unknown[]) =>
      t.repo.db.prepare(`UPDATE nodes SET ${sql} WHERE id = ?`).run(...params, added);
    set("created_by = 'user1'");
    expect(await allPages(body, USER1, 9)).toEqual([added, ...before]);
    set("created_by = 'custodian1'");
    expect(await allPages(body, USER1, 9)).toEqual(before);
    setLocalAces(t.repo.db, added,
      [{ authorityId: 'user1', name: 'Consumer', accessStatus: 'ALLOWED' }]);
    set('acl_local = 1');
    expect(await allPages(body, USER1, 9)).toEqual([added, ...before]);
    t.repo.db.prepare('DELETE FROM nodes WHERE id = ?').run(added);
    expect(await allPages(body, USER1, 9)).toEqual(before);
  });
});
