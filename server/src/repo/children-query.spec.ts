import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRepository } from '../app.js';
import { listChildren } from './children-query.js';
import type { NodeRow } from './node-rows.js';
import type { Caller, Repository } from './repository.js';

describe('children query (count shared by pages until a write)', () => {
  let dir: string;
  let repo: Repository;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'efr-children-'));
    repo = await openRepository(dir);
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
});
