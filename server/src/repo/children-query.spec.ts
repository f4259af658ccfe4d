import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRepository } from '../app.js';
import { CHILDREN_LIMITS, listChildren } from './children-query.js';
import type { NodeRow } from './node-rows.js';
import { setLocalAces } from './permissions.js';
import type { Caller, Repository } from './repository.js';

describe('children query (count shared by pages until a write)', () => {
  let dir: string;
  let repo: Repository;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'efr-children-'));
    repo = await openRepository(dir);
  });

  /** A folder under Company Home made by admin now, unless `over` says otherwise. */
  const node = (over: Partial<NodeRow>): NodeRow => ({
    id: randomUUID(), type: 'cm:folder', parentId: repo.companyHomeId(),
    name: `n-${randomUUID()}`, isFolder: true, isFile: false, createdAt: Date.now(),
    createdBy: 'admin', modifiedAt: Date.now(), modifiedBy: 'admin', props: {}, aspects: [],
    content: null, inherit: true, aclLocal: false, lock: null, ...over,
  });

  afterAll(() => {
    repo.db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts again after a node is added or removed, in or out of a transaction', () => {
    const home = (
      repo.db.prepare("SELECT value FROM meta WHERE key = 'company_home'").get() as {
        value: string;
      }
    ).value;
    const parent = repo.rows.get(home) as NodeRow;
    const admin = { userId: 'admin', perms: { isAdmin: true } } as unknown as Caller;
    const page = { maxItems: 1, skipCount: 0 } as Parameters<typeof listChildren>[3]['paging'];
    const total = () => listChildren(repo, admin, parent, { paging: page }).total;
    const before = total();
    expect(total()).toBe(before);
    const id = randomUUID();
    const now = Date.now();
    const row: NodeRow = {
      id, type: 'cm:folder', parentId: home, name: `f-${id}`, isFolder: true, isFile: false,
      createdAt: now, createdBy: 'admin', modifiedAt: now, modifiedBy: 'admin', props: {},
      aspects: [], content: null, inherit: true, aclLocal: false, lock: null,
    };
    try {
      repo.db.transaction(() => {
        repo.rows.insert(row);
        expect(total()).toBe(before + 1);
        throw new Error('roll back');
      })();
    } catch (e) {
      expect((e as Error).message).toBe('roll back');
    }
    expect(total()).toBe(before);
    repo.rows.insert(row);
    expect(total()).toBe(before + 1);
    repo.db.prepare('DELETE FROM nodes WHERE id = ?').run(id);
    expect(total()).toBe(before);
  });

  it("lists to a folder's owner only what the folder's entries let them read", () => {
    repo.addPerson({ id: 'owner1', firstName: 'O', email: 'o@x', password: 'pw' });
    // owner1 made the folder, which inherits nothing and has no entries: they read it as its
    // owner, but not what admin files in it.
    const folder = node({ createdBy: 'owner1', inherit: false, aclLocal: true });
    const theirs = node({ parentId: folder.id, createdBy: 'owner1' });
    const others = node({ parentId: folder.id });
    for (const n of [folder, theirs, others]) repo.rows.insert(n);
    const page = { maxItems: 10, skipCount: 0 } as Parameters<typeof listChildren>[3]['paging'];
    const listed = listChildren(repo, repo.caller('owner1'), folder, { paging: page });
    expect(listed.rows.map((n) => n.id)).toEqual([theirs.id]);
    expect(listed.total).toBe(1);
    const all = listChildren(repo, repo.caller('admin'), folder, { paging: page });
    expect(all.total).toBe(2);
  });

  it('keeps child_counts equal to a recount through inserts, moves, retypes, deletes and a rollback', () => {
    const recount = () => repo.db.prepare(`SELECT coalesce(parent_id, '') AS p, type, is_file,
      is_folder, COUNT(*) AS n FROM nodes GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`).all();
    const kept = () => repo.db.prepare(`SELECT parent_id AS p, type, is_file, is_folder, n
      FROM child_counts ORDER BY 1, 2, 3, 4`).all();
    const a = node({});
    const b = node({});
    const files = [0, 1, 2].map(() => node({ parentId: a.id, type: 'cm:content', isFolder: false,
      isFile: true }));
    for (const n of [a, b, ...files]) repo.rows.insert(n);
    expect(kept()).toEqual(recount());
    repo.rows.update({ ...files[0], parentId: b.id }); // moved
    repo.rows.update({ ...files[1], type: 'efr:recording' }); // retyped
    repo.rows.update({ ...files[2], name: 'renamed' }); // neither
    expect(kept()).toEqual(recount());
    try {
      repo.db.transaction(() => {
        repo.db.prepare('DELETE FROM nodes WHERE id = ?').run(files[2].id);
        throw new Error('roll back');
      })();
    } catch (e) {
      expect((e as Error).message).toBe('roll back');
    }
    expect(kept()).toEqual(recount());
    repo.db.prepare('DELETE FROM nodes WHERE id = ?').run(files[2].id);
    expect(kept()).toEqual(recount());
    // Listing totals come from these counts: filtered by kind, less the hidden children.
    const page = { maxItems: 1, skipCount: 0 } as Parameters<typeof listChildren>[3]['paging'];
    const admin = repo.caller('admin');
    expect(listChildren(repo, admin, a, { paging: page }).total).toBe(1);
    expect(listChildren(repo, admin, a, { paging: page, where: '(isFolder=true)' }).total)
      .toBe(0);
    expect(listChildren(repo, admin, b, { paging: page, where: "(nodeType='cm:content')" })
      .total).toBe(1);
  });

  it('counts a reader out of the children with a local ACL that hides them', () => {
    repo.addPerson({ id: 'reader1', firstName: 'R', email: 'r@x', password: 'pw' });
    const file = { type: 'cm:content', isFolder: false, isFile: true };
    const folder = node({});
    repo.rows.insert(folder);
    setLocalAces(repo.db, folder.id,
      [{ authorityId: 'reader1', name: 'Consumer', accessStatus: 'ALLOWED' }]);
    const shown = [0, 1, 2].map(() => node({ ...file, parentId: folder.id }));
    const closed = node({ ...file, parentId: folder.id, inherit: false, aclLocal: true });
    const sub = node({ parentId: folder.id });
    for (const n of [...shown, closed, sub]) repo.rows.insert(n);
    const parent = repo.rows.get(folder.id) as NodeRow;
    const page = { maxItems: 2, skipCount: 0 } as Parameters<typeof listChildren>[3]['paging'];
    const reader = repo.caller('reader1');
    expect(listChildren(repo, reader, parent, { paging: page }).total).toBe(4);
    expect(listChildren(repo, reader, parent, { paging: page, where: '(isFile=true)' }).total)
      .toBe(3);
    expect(listChildren(repo, repo.caller('admin'), parent, { paging: page, where:
      '(isFile=true)' }).total).toBe(4);
  });

  describe('deep pages sought from kept positions', () => {
    const limits = { ...CHILDREN_LIMITS };
    afterEach(() => Object.assign(CHILDREN_LIMITS, limits));

    const orders: { orderBy?: string; where?: string }[] = [
      {}, { orderBy: 'name DESC' }, { orderBy: 'createdAt' }, { orderBy: 'modifiedAt DESC' },
      { orderBy: 'isFolder DESC, name ASC' }, { orderBy: 'isFile DESC, createdAt DESC' },
      { where: '(isFile=true)' }, { where: "(nodeType='cm:folder')", orderBy: 'name DESC' },
      { orderBy: 'isFolder, name DESC' }, { orderBy: 'sizeInBytes' },
    ];

    /** Every page of a listing, `size` at a time, sought (kept positions every 3) or not. */
    function pages(c: Caller, parent: NodeRow, q: { orderBy?: string; where?: string },
      sought: boolean, size = 5): { ids: string[]; totals: number[] } {
      Object.assign(CHILDREN_LIMITS, sought ? { seekFrom: 0, bookmark: 3 } : { seekFrom: 1e9 });
      const ids: string[] = [];
      const totals: number[] = [];
      for (let skipCount = 0; ; skipCount += size) {
        const paging = { maxItems: size, skipCount } as
          Parameters<typeof listChildren>[3]['paging'];
        const page = listChildren(repo, c, parent, { ...q, paging });
        totals.push(page.total);
        ids.push(...page.rows.map((n) => n.id));
        if (page.rows.length < size) return { ids, totals };
      }
    }

    it('give the pages of OFFSET through writes, moves, deletes and permission changes', () => {
      repo.addPerson({ id: 'reader2', firstName: 'R', email: 'r2@x', password: 'pw' });
      const folder = node({});
      const other = node({});
      for (const n of [folder, other]) repo.rows.insert(n);
      setLocalAces(repo.db, folder.id,
        [{ authorityId: 'reader2', name: 'Consumer', accessStatus: 'ALLOWED' }]);
      let t = Date.UTC(2026, 0, 1);
      const kids = Array.from({ length: 47 }, (_, i) => node({ parentId: folder.id,
        name: `${i % 3 ? 'c' : 'C'}hild-${(i * 7919) % 47}`, createdAt: (t += 1000) % 5,
        modifiedAt: t, ...(i % 4 ? { type: 'cm:content', isFolder: false, isFile: true } : {}) }));
      for (const n of kids) repo.rows.insert(n);
      const parent = repo.rows.get(folder.id) as NodeRow;
      const callers = [repo.caller('admin'), repo.caller('reader2')];
      const check = (step: string) => {
        for (const c of callers) {
          for (const q of orders) {
            const plain = pages(c, parent, q, false);
            const sought = pages(c, parent, q, true);
            const what = `${step}, ${c.userId}, ${JSON.stringify(q)}`;
            expect(sought.ids).withContext(what).toEqual(plain.ids);
            expect(new Set([...sought.totals, ...plain.totals])).withContext(what)
              .toEqual(new Set([plain.ids.length]));
          }
        }
      };
      check('seeded');
      // The default order, checked against a sort here: folders first, then by name (no case).
      const admin = repo.caller('admin');
      const expected = repo.db.prepare(`SELECT id, is_folder AS f, lower(name) AS k FROM nodes
        WHERE parent_id = ?`).all(folder.id) as { id: string; f: number; k: string }[];
      expected.sort((a, b) => b.f - a.f || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
      expect(pages(admin, parent, {}, true).ids).toEqual(expected.map((r) => r.id));
      repo.rows.insert(node({ parentId: folder.id, name: 'a-first', type: 'cm:content',
        isFolder: false, isFile: true }));
      check('inserted');
      repo.rows.update({ ...kids[5], name: 'zz-renamed' });
      repo.rows.update({ ...kids[6], modifiedAt: 1 });
      check('renamed and touched');
      repo.rows.update({ ...kids[7], parentId: other.id });
      check('moved out');
      repo.db.prepare('DELETE FROM nodes WHERE id = ?').run(kids[8].id);
      check('deleted');
      // Hidden from the reader: a local ACL without entries, inheritance off.
      repo.rows.update({ ...kids[9], inherit: false, aclLocal: true });
      repo.rows.update({ ...kids[12], inherit: false, aclLocal: true });
      check('hidden');
      repo.rows.update({ ...kids[9], inherit: true, aclLocal: false });
      check('shown again');
      // A write inside a transaction that rolls back: nothing kept from it.
      try {
        repo.db.transaction(() => {
          repo.rows.insert(node({ parentId: folder.id, name: 'b-rolled-back' }));
          check('in a transaction');
          throw new Error('roll back');
        })();
      } catch (e) {
        expect((e as Error).message).toBe('roll back');
      }
      // The next write raises the version to what it was in the transaction: the positions
      // kept there (one child more, early in the order) must not be used.
      repo.rows.insert(node({ parentId: folder.id, name: 'zz-other' }));
      check('rolled back, then another insert');
    });
  });
});
