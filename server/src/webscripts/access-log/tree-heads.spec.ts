// The tree-head web scripts of the access log (issue 18): heads signed on demand, inclusion and
// consistency proofs that verify with core, and bad input answered in the ACS error shape.
import {
  hexToBytes, logLeafHash, verifyConsistency, verifyInclusion, type LinkedLogEntry, type LogEntryFacts,
  type SignedTreeHead,
} from '../../../../core/src/index.js';
import { nodeSha256 } from '../../access-log/log-tree.js';
import { logSignerOf, publishTreeHead, verifyTreeHead } from '../../access-log/tree-heads.js';
import { ensureArchiveFolders } from '../../demo/seed.js';
import { ADMIN, basic, tempRepository, type TempRepository } from '../../testing/temp-repository.js';

const BASE = '/alfresco/s/efr/access-log';

describe('access-log tree heads web scripts (issue 18)', () => {
  let t: TempRepository;
  const get = (url: string, headers = ADMIN) => t.app.inject({ method: 'GET', url, headers });
  const post = (url: string, payload?: object, headers = ADMIN) =>
    t.app.inject({ method: 'POST', url, headers, payload });

  beforeAll(async () => {
    t = await tempRepository();
    await ensureArchiveFolders(t.repo);
    t.repo.addPerson({ id: 'user1', firstName: 'U', email: 'u@x', password: 'pw' });
    for (let i = 0; i < 9; i++) t.repo.log({ user: 'admin', action: 'read', nodeId: `n${i}` });
  });
  afterAll(async () => {
    await t.dispose();
  });

  /** Entry `seq` with its chain link: what the tree's leaf covers (core audit-leaf.ts). */
  const facts = (seq: number): LinkedLogEntry => {
    const r = t.repo.db.prepare('SELECT entry_json, prev_hash, hash FROM access_log WHERE id = ?')
      .get(seq) as { entry_json: string; prev_hash: string; hash: string };
    return { ...JSON.parse(r.entry_json) as LogEntryFacts, prevHash: r.prev_hash, hash: r.hash };
  };

  it('records a request for a head, which efr worker signs (worker/jobs/tree-head.spec.ts)',
    async () => {
      const asked = await post(`${BASE}/tree-heads`, {});
      expect(asked.statusCode).toBe(202);
      const request = asked.json().entry as { id: string; state: string; requestedBy: string };
      expect(request).toEqual(jasmine.objectContaining({ state: 'requested',
        requestedBy: 'admin' }));
      const list = (await get(`${BASE}/tree-heads`)).json();
      expect(list.requested.map((r: { id: string }) => r.id)).toEqual([request.id]);
      expect(list.heads).toEqual([]);
      expect(list.publicKey).toBeNull();
    });

  it('serves inclusion and consistency proofs that verify against signed heads', async () => {
    // server/'s stored tree proves entries against any head over the same leaves (here signed
    // in-process; the worker's heads have the same roots: worker/jobs/tree-head.spec.ts).
    const first = publishTreeHead(t.repo.db, logSignerOf(t.repo.db));
    for (let i = 0; i < 5; i++) t.repo.log({ user: 'admin', action: 'read', nodeId: 'x' });
    const second = publishTreeHead(t.repo.db, logSignerOf(t.repo.db));
    expect(second.treeSize).toBe(first.treeSize + 5);
    const seq = 3;
    const proof = (await get(`${BASE}/proof?seq=${seq}&treeSize=${second.treeSize}`)).json();
    expect(verifyInclusion(nodeSha256, seq - 1, second.treeSize, logLeafHash(nodeSha256,
      facts(seq)), proof.inclusionProof.map(hexToBytes), hexToBytes(second.rootHash) as Uint8Array))
      .toBeTrue();
    const c = (await get(`${BASE}/consistency?first=${first.treeSize}&second=${second.treeSize}`))
      .json();
    expect(verifyConsistency(nodeSha256, first.treeSize, second.treeSize,
      hexToBytes(first.rootHash) as Uint8Array, hexToBytes(second.rootHash) as Uint8Array,
      c.consistencyProof.map(hexToBytes))).toBeTrue();
  });

  it('answers bad input with 400/404 in the ACS error shape and refuses non-readers', async () => {
    const before = (await get(`${BASE}/tree-heads`)).json().requested.length;
    for (const url of [`${BASE}/proof?seq=0&treeSize=3`, `${BASE}/proof?seq=x&treeSize=3`,
      `${BASE}/proof?seq=5&treeSize=3`, `${BASE}/consistency?first=4&second=2`]) {
      const res = await get(url);
      expect(res.statusCode).withContext(url).toBe(400);
      expect(res.json().error.errorKey).toBe('framework.exception.InvalidArgument');
    }
    expect((await get(`${BASE}/proof?seq=1&treeSize=99999`)).statusCode).toBe(404);
    const bad = await post(`${BASE}/tree-heads`, { treeSize: 3 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.briefSummary).toContain('send no fields');
    const refused = await post(`${BASE}/tree-heads`, {}, basic('user1', 'pw'));
    expect(refused.statusCode).toBe(403);
    expect((await get(`${BASE}/tree-heads`)).json().requested.length).toBe(before);
  });
});
