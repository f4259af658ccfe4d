import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRepository } from '../app.js';
import { listChildren } from './children-query.js';
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
});
