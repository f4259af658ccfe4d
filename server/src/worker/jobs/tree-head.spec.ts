// efr worker's tree-head job (issue 18) against server/ over real HTTP, as beside ACS: a head
// asked for through the web script written once for both hosts is signed by the worker over the
// REST audit entries, stored as an efr:treeHead node, equal to server/'s own stored tree, and
// proves the log to `efr audit verify --url`, which names a changed, removed or reordered row.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  accessLogExtractText, bytesToHex, checkAccessLogExtract, treeHeadFileText, type SignedTreeHead,
} from '../../../../core/src/index.js';
import { startServer, type RunningServer } from '../../app.js';
import { rootAt } from '../../access-log/log-tree.js';
import { verifyAccessLogOverRest } from '../../access-log/rest-verify.js';
import { listTreeHeads, loadLogSigner, verifyTreeHead, type LogSigner } from '../../access-log/tree-heads.js';
import {
  restCall, restJson, RestError, restPackageSource, type RestConnection,
} from '../../evidence/rest-source.js';
import { nodeSha256 } from '../../access-log/log-tree.js';
import { WORKER_USER } from '../in-process.js';
import { runTreeHeadJobs } from './tree-head.js';

const HEADS = '/alfresco/s/efr/access-log/tree-heads';
const DAY = 24 * 3600_000;

describe('efr worker signs the access log\'s tree heads (issue 18)', () => {
  let dir: string;
  let server: RunningServer;
  let admin: RestConnection;
  let worker: RestConnection;
  let signer: LogSigner;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'efr-tree-job-'));
    server = await startServer({ dataDir: dir, port: 0, demo: true, demoPassword: 'pw',
      worker: false });
    admin = { url: server.url, user: 'admin', password: 'admin' };
    const ticket = server.repository.auth.issueTicket(WORKER_USER);
    worker = { url: server.url, user: WORKER_USER, password: '', ticket: () => ticket };
    signer = loadLogSigner(join(dir, 'deployment'), {});
    for (let i = 0; i < 7; i++) {
      server.repository.log({ user: 'custodian1', action: 'read', nodeId: `n${i}`,
        values: { why: '复核 ' + i } });
    }
  });
  afterEach(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const heads = () => restJson<{ heads: SignedTreeHead[]; requested: { id: string }[];
    latest: { treeSize: number; lastEntryId: number } | null; publicKey: string | null }>(
    admin, HEADS);
  const size = (): number => (server.repository.db.prepare(
    'SELECT MAX(id) AS n FROM access_log').get() as { n: number }).n;
  const post = (c: RestConnection, path: string, body: unknown) =>
    restCall(c, path, { method: 'POST', body: JSON.stringify(body) }).then(
      async (r) => ({ status: r.status, json: await r.json() as Record<string, unknown> }),
      (e: RestError) => ({ status: e.status, json: { message: e.message } as
        Record<string, unknown> }));

  it('answers a body that is no JSON object 400 and records nothing; a GET writes nothing',
    async () => {
      const nodes = (): number => (server.repository.db.prepare(
        'SELECT COUNT(*) AS n FROM nodes').get() as { n: number }).n;
      const before = nodes();
      // Read before the folder exists: no folder is made by a GET.
      expect((await heads()).requested).toEqual([]);
      for (const bad of [null, [1, 2, 3], 12345, 'just a string']) {
        const r = await post(admin, HEADS, bad);
        expect(r.status).withContext(JSON.stringify(bad)).toBe(400);
      }
      expect(nodes()).toBe(before);
    });

  it('signs a requested head over the REST entries, equal to server/\'s stored tree', async () => {
    const asked = await post(admin, HEADS, {});
    expect(asked.status).toBe(202);
    const id = (asked.json.entry as { id: string; state: string }).id;
    expect((await heads()).requested.map((r) => r.id)).toEqual([id]);
    const done = await runTreeHeadJobs(worker, signer, DAY, Date.now(), 0);
    expect(done).toEqual([jasmine.objectContaining({ id, state: 'built' })]);
    const list = await heads();
    expect(list.requested).toEqual([]);
    expect(list.publicKey).toBe(signer.publicKey);
    const head = list.heads[0];
    expect(verifyTreeHead(head, signer.publicKey)).toBeTrue();
    // The worker's tree over the REST entries is server/'s own stored tree: one leaf.
    expect(head.rootHash).toBe(bytesToHex(rootAt(server.repository.db, head.treeSize)));
    expect(listTreeHeads(server.repository.db)).toContain(head);
    expect(await verifyAccessLogOverRest(admin, signer.publicKey))
      .toEqual(jasmine.objectContaining({ ok: true, heads: 1 }));

    // The next head extends the stored frontier from the last entry on.
    for (let i = 0; i < 5; i++) server.repository.log({ user: 'admin', action: 'read' });
    await post(admin, HEADS, {});
    await runTreeHeadJobs(worker, signer, DAY, Date.now(), 0);
    const next = (await heads()).heads[1];
    expect(next.treeSize).toBeGreaterThan(head.treeSize);
    expect(next.rootHash).toBe(bytesToHex(rootAt(server.repository.db, next.treeSize)));
  });

  it('makes the day\'s head on its own, once a day', async () => {
    expect(await runTreeHeadJobs(worker, signer, DAY, Date.now(), 0)).toEqual(
      [jasmine.objectContaining({ state: 'built' })]);
    expect(await runTreeHeadJobs(worker, signer, DAY, Date.now(), 0)).toEqual([]);
    expect((await heads()).heads.length).toBe(1);
    expect((await runTreeHeadJobs(worker, signer, DAY, Date.now() + DAY + 1, 0)).length).toBe(1);
  });

  it('names a changed, removed or reordered audit row after the heads', async () => {
    await runTreeHeadJobs(worker, signer, DAY, Date.now(), 0);
    const db = server.repository.db;
    const seq = Math.min(5, size());
    db.prepare("UPDATE access_log SET user_id = 'officer9' WHERE id = ?").run(seq);
    const check = await verifyAccessLogOverRest(admin, signer.publicKey);
    expect(check).toEqual(jasmine.objectContaining({ ok: false }));
    // The column only (createdByUser): the chain cannot see it, the signed tree does.
    expect(!check.ok && check.reason).toContain('between the signed tree heads');
  });

  it('refuses heads from anyone but the worker, bad heads and heads that go back', async () => {
    expect((await post(admin, HEADS, { treeSize: 3 })).status).toBe(400);
    const officer = { url: server.url, user: 'officer1', password: 'pw' };
    expect((await post(officer, HEADS, {})).status).toBe(403);
    const id = ((await post(admin, HEADS, {})).json.entry as { id: string }).id;
    const good = { treeSize: 0, timestamp: 1, rootHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      signature: 'a'.repeat(128), keyId: 'b'.repeat(64), publicKey: 'c'.repeat(64),
      lastEntryId: 0, frontier: '' };
    expect((await post(admin, `${HEADS}/${id}/head`, good)).status).toBe(403);
    expect((await post(worker, `${HEADS}/${id}/head`, { ...good, frontier: '0:zz' })).status)
      .toBe(400);
    expect((await post(worker, `${HEADS}/${id}/head`, { ...good, treeSize: 2 })).status)
      .toBe(400);
    expect((await post(worker, `${HEADS}/nope/head`, good)).status).toBe(404);
    expect((await post(worker, `${HEADS}/${id}/head`, good)).status).toBe(200);
    expect((await post(worker, `${HEADS}/${id}/head`, good)).status).toBe(409);
    await runTreeHeadJobs(worker, signer, DAY, Date.now(), 0);
    const id2 = ((await post(admin, HEADS, {})).json.entry as { id: string }).id;
    expect((await post(worker, `${HEADS}/${id2}/head`, good)).status).toBe(409);
  });

  it('gives a disc\'s log extract inclusion proofs against a head it asks the worker for', async () => {
    // As efr-worker.ts builds a disc: no head covers the entries yet, so one is signed now.
    let asked = 0;
    const src = await restPackageSource(admin, { caseNumber: '丹民罚〔2026〕12号',
      producer: '张丽', extractor: '周敏', extractionTime: new Date().toISOString(),
      medium: 'dvd5', label: 'EFR' }, async () => {
      asked++;
      await restCall(worker, HEADS, { method: 'POST', body: '{}' });
      await runTreeHeadJobs(worker, signer, DAY, Date.now(), 0);
    });
    expect(asked).toBe(1);
    expect(src.log.length).toBeGreaterThan(0);
    expect(src.logTree?.publicKey).toBe(signer.publicKey);
    const extract = accessLogExtractText(src.log);
    const headFile = treeHeadFileText(src.logTree!.head, src.logTree!.publicKey);
    const check = checkAccessLogExtract(nodeSha256, extract, headFile);
    expect(check.ok).withContext(JSON.stringify(check.lines.filter((l) => !l.ok))).toBeTrue();
    expect(verifyTreeHead(src.logTree!.head, signer.publicKey)).toBeTrue();
    // A changed byte of an entry no longer leads to the signed root.
    const forged = extract.replace('action":"', 'action":"x');
    expect(checkAccessLogExtract(nodeSha256, forged, headFile).ok).toBeFalse();
  });
});
