// The access-log auditor over the REST API (issue 18): the same core auditor the worker runs
// beside ACS, here against server/ over real HTTP; a changed, removed or reordered row of the
// log (an audit row as a DBA would touch it) is named, and a head under another key refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../app.js';
import { json, type RestConnection } from '../evidence/rest-source.js';
import { bytesToHex } from '../../../core/src/index.js';
import { proofOfConsistency, proofOfEntry, storedTreeSize } from './log-tree.js';
import { verifyAccessLogOverRest } from './rest-verify.js';
import { loadLogSigner, logSignerOf } from './tree-heads.js';
import { ensureArchiveFolders } from '../demo/seed.js';
import { WORKER_USER } from '../worker/in-process.js';
import { runTreeHeadJobs } from '../worker/jobs/tree-head.js';

describe('access-log audit over the REST audit entries (issue 18)', () => {
  let dir: string;
  let server: RunningServer;
  let conn: RestConnection;
  let key: string;
  /** Seq of the entry before this spec's twelve (the archive's setup logs its own). */
  let base: number;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'efr-rest-audit-'));
    server = await startServer({ dataDir: dir, port: 0, demo: false, worker: false });
    conn = { url: server.url, user: 'admin', password: 'admin' };
    const repo = server.repository;
    await ensureArchiveFolders(repo);
    base = (repo.db.prepare('SELECT MAX(id) AS n FROM access_log').get() as { n: number }).n;
    for (let i = 0; i < 12; i++) {
      repo.log({ user: 'admin', action: 'read', nodeId: `n${i}`, values: { why: '复核 ' + i } });
    }
    // The head as efr worker signs it over the REST entries (worker/jobs/tree-head.ts).
    const ticket = repo.auth.issueTicket(WORKER_USER);
    await runTreeHeadJobs({ url: server.url, user: WORKER_USER, password: '',
      ticket: () => ticket }, logSignerOf(repo.db), 86_400_000, Date.now(), 0);
    key = logSignerOf(repo.db).publicKey;
  });
  afterEach(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies an intact log against its signed heads', async () => {
    const check = await verifyAccessLogOverRest(conn, key);
    expect(check.ok).toBeTrue();
    expect(check.ok && check.heads).toBeGreaterThanOrEqual(1);
  });

  const row = (id: number) => server.repository.db.prepare(
    'SELECT entry_json, prev_hash, hash, created_at FROM access_log WHERE id = ?').get(id) as
    { entry_json: string; prev_hash: string; hash: string; created_at: number };

  it('names a changed audit row', async () => {
    const seq = base + 6;
    server.repository.db.prepare('UPDATE access_log SET entry_json = ? WHERE id = ?')
      .run(row(seq).entry_json.replace('复核', '删除'), seq);
    expect(await verifyAccessLogOverRest(conn, key))
      .toEqual(jasmine.objectContaining({ ok: false, id: seq }));
  });

  it('names a removed audit row', async () => {
    server.repository.db.prepare('DELETE FROM access_log WHERE id = ?').run(base + 8);
    expect(await verifyAccessLogOverRest(conn, key))
      .toEqual(jasmine.objectContaining({ ok: false, id: base + 8 }));
  });

  it('names reordered audit rows', async () => {
    const a = row(base + 4);
    const b = row(base + 5);
    const put = server.repository.db.prepare('UPDATE access_log SET entry_json = ?, ' +
      'prev_hash = ?, hash = ?, created_at = ? WHERE id = ?');
    put.run(b.entry_json, b.prev_hash, b.hash, a.created_at, base + 4);
    put.run(a.entry_json, a.prev_hash, a.hash, b.created_at, base + 5);
    expect(await verifyAccessLogOverRest(conn, key))
      .toEqual(jasmine.objectContaining({ ok: false, id: base + 4 }));
  });

  it('refuses heads that do not verify under the trusted key', async () => {
    const other = loadLogSigner(join(dir, 'elsewhere'), {});
    const check = await verifyAccessLogOverRest(conn, other.publicKey);
    expect(check.ok).toBeFalse();
    expect(!check.ok && check.reason).toContain('does not verify');
  });

  it('GET /access-log/verify, /proof and /consistency (written once, webscripts/src/access-log/' +
    'proofs.ts) name a changed row and prove from the same tree as the stored one', async () => {
    const ws = (path: string) => json<Record<string, unknown>>(conn, '/alfresco/s/efr' + path);
    const ok = await ws('/access-log/verify') as { entry: { ok: boolean; count: number } };
    expect(ok.entry.ok).withContext(JSON.stringify(ok)).toBeTrue();
    expect(ok.entry.count).toBeGreaterThanOrEqual(base + 12);
    const size = storedTreeSize(server.repository.db);
    expect(await ws(`/access-log/proof?seq=3&treeSize=${size}`)).toEqual({ seq: 3,
      treeSize: size, inclusionProof: proofOfEntry(server.repository.db, 3, size)
        .map(bytesToHex) });
    expect(await ws(`/access-log/consistency?first=2&second=${size}`)).toEqual({ first: 2,
      second: size, consistencyProof: proofOfConsistency(server.repository.db, 2, size)
        .map(bytesToHex) });
    const seq = base + 6;
    server.repository.db.prepare('UPDATE access_log SET entry_json = ? WHERE id = ?')
      .run(row(seq).entry_json.replace('复核', '删除'), seq);
    expect(await ws('/access-log/verify')).toEqual({ entry: jasmine.objectContaining({
      ok: false, index: seq - 1, id: seq }) });
  });
});
