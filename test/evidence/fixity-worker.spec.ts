/**
 * Fixity rounds through efr worker (issues 15 and 18, R26.1, R29.1): the one code path of the
 * scheduled audits, run here as beside ACS (server/ without its in-process worker, a service
 * account signing in with a password). A byte flipped in the content store is found by the next
 * round, logged as a check and an alert to custodians and supervisors, a violation proposed,
 * and shown by `GET /fixity`; the worker reads only the recordings of the round it holds;
 * nobody but the repository writes a check's result; bad input gets the ACS error shape.
 */
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GROUP_EFR_WORKERS } from '../../core/src/index.js';
import type { RunningServer, ServerOptions } from '../../server/src/app.js';
import { EfrWorker } from '../../server/src/worker/efr-worker.js';
import { fixityJobs } from '../../server/src/worker/jobs/fixity.js';
import { DEMO_PASSWORD, ROOT, tempDir } from '../support/server-harness.js';

const CORE = '/alfresco/api/-default-/public/alfresco/versions/1';
const EFR = '/alfresco/s/efr';
const WORKER_PASSWORD = 'worker-secret-1';

interface Answer { status: number; json: Record<string, unknown> }
interface Status { total: number; checkedInCycle: number;
  lastMismatch: { nodeId: string; name: string; violationId: string | null } | null;
  throughput: { bytesPerSecond: number; lastRoundAt: string | null } }

describe('fixity rounds through efr worker (issues 15, 18; R26.1)', () => {
  let server: RunningServer;
  let dataDir: string;

  function password(user: string): string {
    if (user === 'admin') return 'admin';
    return user.startsWith('worker') ? WORKER_PASSWORD : DEMO_PASSWORD;
  }

  async function call(user: string, method: string, path: string, body?: unknown):
    Promise<Answer> {
    const res = await fetch(server.url + path, { method, headers: {
      authorization: `Basic ${Buffer.from(`${user}:${password(user)}`).toString('base64')}`,
      'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Content, not JSON.
    }
    return { status: res.status, json };
  }

  const errorKey = (a: Answer): string =>
    `${a.status} ${(a.json.error as { errorKey?: string } | undefined)?.errorKey ?? ''}`;
  const status = async (): Promise<Status> =>
    (await call('custodian1', 'GET', `${EFR}/fixity`)).json.entry as Status;
  const worker = (): EfrWorker => new EfrWorker({ connection: { url: server.url,
    user: 'worker1', password: WORKER_PASSWORD }, progressMs: 50,
  jobs: [fixityJobs({ roundMinutes: 0, unpaced: true })] });

  /** Flips one byte of the smallest sealed recording in the store; answers its id and name. */
  function flipStoredByte(): { id: string; name: string } {
    const repo = server.repository;
    const row = repo.db.prepare(`SELECT id, name, content_hash FROM nodes WHERE type =
      'efr:recording' AND content_hash IS NOT NULL AND json_extract(props, '$."efr:sealedAt"')
      IS NOT NULL ORDER BY content_size LIMIT 1`).get() as { id: string; name: string;
      content_hash: string };
    const path = repo.store.pathOf(row.content_hash);
    chmodSync(path, 0o644);
    const bytes = readFileSync(path);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    writeFileSync(path, bytes);
    return { id: row.id, name: row.name };
  }

  beforeAll(async () => {
    dataDir = tempDir('fixity-worker');
    const app = (await import(pathToFileURL(join(ROOT, 'server/src/app.ts')).href)) as {
      startServer(o: ServerOptions): Promise<RunningServer> };
    server = await app.startServer({ dataDir, port: 0, host: '127.0.0.1', demo: true,
      demoPassword: DEMO_PASSWORD, worker: false });
    server.repository.addPerson({ id: 'worker1', firstName: '服务1', email: 'w1@localhost',
      password: WORKER_PASSWORD });
    server.repository.auth.addMember(GROUP_EFR_WORKERS, 'worker1', 'PERSON');
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finds a flipped byte, logs every check, alerts and proposes a violation', async () => {
    const before = await status();
    expect(before.total).toBeGreaterThan(1);
    expect(before.checkedInCycle).toBe(0);
    const flipped = flipStoredByte();
    const asked = await call('custodian1', 'POST', `${EFR}/fixity/run`, { roundMinutes: 1440 });
    expect(asked.status).withContext(JSON.stringify(asked.json)).toBe(202);
    const round = asked.json.entry as { id: string; state: string };
    expect(round.state).toBe('requested');
    // Asked again while it waits: the same round, not a second one.
    expect(((await call('custodian1', 'POST', `${EFR}/fixity/run`, {})).json.entry as
      { id: string }).id).toBe(round.id);
    const outcomes = await worker().runOnce();
    expect(outcomes.map((o) => [o.id, o.state])).toEqual([[round.id, 'built']]);
    const after = await status();
    expect(after.checkedInCycle).toBe(after.total);
    expect(after.lastMismatch).toEqual(jasmine.objectContaining({ nodeId: flipped.id,
      name: flipped.name }));
    expect(after.throughput.bytesPerSecond).toBeGreaterThan(0);
    expect(after.throughput.lastRoundAt).not.toBeNull();
    const violationId = after.lastMismatch?.violationId as string;
    const v = await call('admin', 'GET', `${CORE}/nodes/${violationId}`);
    const props = (v.json.entry as { properties: Record<string, string> }).properties;
    expect(props['efr:violationStatus']).toBe('proposed');
    expect(props['efr:violationKind']).toBe('falsifiedOrEdited');
    const log = server.repository.db.prepare(`SELECT action, node_id, entry_json FROM access_log
      WHERE action IN ('fixity.check', 'fixity.alert')`).all() as { action: string;
      node_id: string; entry_json: string }[];
    expect(log.filter((e) => e.action === 'fixity.check').length).toBe(after.total);
    const alert = log.find((e) => e.action === 'fixity.alert');
    expect(alert?.node_id).toBe(flipped.id);
    expect(JSON.parse(alert?.entry_json as string).values.alerted)
      .toBe('GROUP_EFR_CUSTODIANS,GROUP_EFR_SUPERVISORS');
    const done = await call('custodian1', 'GET', `${EFR}/fixity/rounds/${round.id}`);
    expect(done.json.entry).toEqual(jasmine.objectContaining({ state: 'built',
      planned: after.total, checked: after.total, mismatches: 1, worker: 'worker1' }));
    // Within the cycle nothing is due: no round is recorded, the worker has nothing to do.
    const next = await call('custodian1', 'POST', `${EFR}/fixity/run`, {});
    expect([next.status, next.json]).toEqual([200, { entry: null }]);
    expect(await worker().runOnce()).toEqual([]);
  }, 120_000);

  it('gives the worker only its round, and the result to the repository only', async () => {
    // Every recording due again (a cycle later).
    server.repository.db.prepare(`UPDATE nodes SET props = json_remove(props,
      '$."efr:fixityCheckedAt"') WHERE type = 'efr:recording'`).run();
    const asked = await call('custodian1', 'POST', `${EFR}/fixity/run`, {});
    expect(asked.status).toBe(202);
    const id = (asked.json.entry as { id: string }).id;
    const any = server.repository.db.prepare(`SELECT id FROM nodes WHERE type =
      'efr:recording' AND json_extract(props, '$."efr:sealedAt"') IS NOT NULL LIMIT 1`)
      .pluck().get() as string;
    // Not holding a round: the worker reads no recording.
    expect((await call('worker1', 'GET', `${CORE}/nodes/${any}/content`)).status).toBe(403);
    expect(errorKey(await call('custodian1', 'POST', `${EFR}/fixity/rounds/${id}/claim`, {})))
      .toBe('403 efr.job.notWorker');
    const claim = await call('worker1', 'POST', `${EFR}/fixity/rounds/${id}/claim`, {});
    expect(claim.status).withContext(JSON.stringify(claim.json)).toBe(200);
    expect(errorKey(await call('worker1', 'POST', `${EFR}/fixity/rounds/${id}/checks`,
      { recordingId: any, sha256: 'ab', bytes: 1, busyMs: 1 }))).toBe('422 efr.fixity.badReport');
    expect(errorKey(await call('worker1', 'POST', `${EFR}/fixity/rounds/${id}/claim`, {})))
      .toBe('409 efr.job.claimed');
    // Nobody but the repository writes a check's result, a custodian annotating included.
    expect(errorKey(await call('custodian1', 'PUT', `${CORE}/nodes/${any}`,
      { properties: { 'efr:fixityResult': 'missing' } }))).toBe('403 efr.fixity.repositoryOnly');
    expect(errorKey(await call('worker1', 'POST', `${EFR}/fixity/rounds/${id}/done`, {})))
      .toMatch(/^(200|409) /);
  }, 120_000);

  it('refuses bad input and outsiders with the ACS error shape', async () => {
    for (const body of [{ roundMinutes: 0 }, { roundMinutes: 'x' }, { nodes: [] }]) {
      expect(errorKey(await call('custodian1', 'POST', `${EFR}/fixity/run`, body)))
        .withContext(JSON.stringify(body)).toBe('400 framework.exception.InvalidArgument');
    }
    expect(errorKey(await call('officer1', 'GET', `${EFR}/fixity`)))
      .toBe('403 efr.fixity.notCustodian');
    expect(errorKey(await call('officer1', 'POST', `${EFR}/fixity/run`, {})))
      .toBe('403 efr.fixity.notCustodian');
    expect((await call('custodian1', 'GET', `${EFR}/fixity/rounds/nope`)).status).toBe(404);
  }, 120_000);
});
