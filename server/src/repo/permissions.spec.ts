import type { Db } from '../db/database.js';
import { tempRepository, type TempRepository } from '../testing/temp-repository.js';
import type { NodeRow } from './node-rows.js';
import { PermissionChecker } from './permissions.js';

/**
 * Issue 16: permission evaluation must not grow with folder depth per node checked. A search or
 * listing checks many nodes of one deep folder; each folder's ACL is read once per request.
 */
describe('PermissionChecker cost (issue 16)', () => {
  let t: TempRepository;
  let leafFiles: NodeRow[];

  beforeAll(async () => {
    t = await tempRepository();
    t.repo.addPerson({ id: 'u1', firstName: 'u1', email: 'u1@x', password: 'pw' });
    let parent = t.repo.rows.get(t.repo.meta('shared') as string) as NodeRow;
    for (let i = 0; i < 60; i++) {
      const f = t.repo.newFolderRow(parent.id, `d${i}`, 'admin', Date.now());
      t.repo.rows.insert(f);
      parent = f;
    }
    leafFiles = [];
    for (let i = 0; i < 200; i++) {
      const f = { ...t.repo.newFolderRow(parent.id, `f${i}`, 'admin', Date.now()),
        isFolder: false, type: 'cm:cmobject' };
      t.repo.rows.insert(f);
      leafFiles.push(f);
    }
  });
  afterAll(async () => t.dispose());

  it('reads each ancestor ACL once for 200 nodes at depth 60', () => {
    const db = t.repo.db as Db & { prepare: Db['prepare'] };
    const original = db.prepare.bind(db);
    let aclReads = 0;
    const spy = spyOn(db, 'prepare').and.callFake(((sql: string) => {
      if (/FROM aces WHERE node_id/.test(sql)) aclReads++;
      return original(sql);
    }) as Db['prepare']);
    const checker = new PermissionChecker(t.repo.db, t.repo.rows, t.repo.auth, 'u1');
    for (const n of leafFiles) expect(checker.has(n, 'Read')).toBeTrue();
    spy.and.callThrough();
    // 200 nodes + 62 folders (Shared, Company Home, d0…d59): not 200 × 62.
    expect(aclReads).toBeLessThan(300);
  });
});
