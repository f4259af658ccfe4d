// Scheduled fixity audits (issue 18, R26.1, R29.1): a byte flipped in the content store is
// found by the next round, logged as a fixity check and an alert to custodians and
// supervisors, and a violation is proposed; coverage and throughput come back from the web
// script, bad input gets the ACS error shape.
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { createNode } from '../repo/node-writes.js';
import type { NodeRow } from '../repo/node-rows.js';
import {
  ADMIN, basic, recordingProps, streamOf, tempRepository, type TempRepository,
} from '../testing/temp-repository.js';
import { DEFAULT_FIXITY_POLICY } from '../../../core/src/index.js';
import { runFixityRound } from './fixity-audit.js';

const URL = '/alfresco/s/efr/fixity';

describe('fixity audits (issue 18, R26.1)', () => {
  let t: TempRepository;
  const recs: NodeRow[] = [];

  beforeEach(async () => {
    t = await tempRepository();
    t.repo.addPerson({ id: 'officer9', firstName: 'O', email: 'o@x', password: 'pw' });
    const c = t.repo.caller('admin');
    const home = t.repo.rows.get(t.repo.companyHomeId()) as NodeRow;
    recs.length = 0;
    for (let i = 0; i < 3; i++) {
      const bytes = Buffer.alloc(300_000 + i, i + 1);
      const sha = createHash('sha256').update(bytes).digest('hex');
      recs.push(await createNode(t.repo, c, home, {
        name: `rec-${i}.mp4`, nodeType: 'efr:recording', autoRename: false, fromText: false,
        properties: recordingProps(i < 2, { 'efr:sha256': sha, 'efr:sizeBytes': bytes.length }),
        content: { staged: await t.repo.store.stage(streamOf(bytes)), mimeType: 'video/mp4' },
      }));
    }
  });
  afterEach(async () => {
    await t.dispose();
  });

  const flip = (rec: NodeRow): void => {
    const path = t.repo.store.pathOf(rec.content?.sha256 as string);
    chmodSync(path, 0o644);
    const b = readFileSync(path);
    b[1234] ^= 0xff;
    writeFileSync(path, b);
  };
  const status = async () => (await t.app.inject({ method: 'GET', url: URL, headers: ADMIN }))
    .json().entry;

  it('checks every sealed recording, logging each check', async () => {
    const round = await runFixityRound(t.repo, DEFAULT_FIXITY_POLICY, 600_000,
      { unpaced: true });
    expect(round.files).toBe(2);
    expect(round.mismatches).toEqual([]);
    const logged = t.repo.db.prepare("SELECT node_id FROM access_log WHERE action = " +
      "'fixity.check' ORDER BY node_id").pluck().all();
    expect(logged).toEqual([recs[0].id, recs[1].id].sort());
    const s = await status();
    expect(s).toEqual(jasmine.objectContaining({ total: 2, checkedInCycle: 2, cycleDays: 90,
      lastMismatch: null }));
    expect(s.throughput.bytesPerSecond).toBeGreaterThan(0);
  });

  it('finds a flipped byte in the store, logs it, alerts and proposes a violation', async () => {
    flip(recs[1]);
    const res = await t.app.inject({ method: 'POST', url: `${URL}/run`, headers: ADMIN,
      payload: { roundMinutes: 60 } });
    expect(res.statusCode).toBe(200);
    const round = res.json().entry;
    expect(round.mismatches.map((m: { nodeId: string }) => m.nodeId)).toEqual([recs[1].id]);
    const alert = t.repo.db.prepare("SELECT entry_json FROM access_log WHERE action = " +
      "'fixity.alert'").pluck().get() as string;
    expect(JSON.parse(alert).values.alerted)
      .toBe('GROUP_EFR_CUSTODIANS,GROUP_EFR_SUPERVISORS');
    const v = t.repo.rows.get(round.mismatches[0].violationId) as NodeRow;
    expect(v.props['efr:violationStatus']).toBe('proposed');
    expect(v.props['efr:violationKind']).toBe('falsifiedOrEdited');
    const s = await status();
    expect(s.lastMismatch).toEqual(jasmine.objectContaining({ nodeId: recs[1].id,
      name: 'rec-1.mp4', violationId: v.id }));
    const check = t.repo.db.prepare("SELECT entry_json FROM access_log WHERE action = " +
      "'fixity.check' AND node_id = ?").pluck().get(recs[1].id) as string;
    expect(JSON.parse(check).values.result).toBe('mismatch');
  });

  it('takes only what is due: a second round in the cycle reads nothing', async () => {
    await runFixityRound(t.repo, DEFAULT_FIXITY_POLICY, 600_000, { unpaced: true });
    expect((await runFixityRound(t.repo, DEFAULT_FIXITY_POLICY, 600_000)).files).toBe(0);
  });

  it('refuses bad input and non-custodians with the ACS error shape, changing nothing', async () => {
    for (const payload of [{ roundMinutes: 0 }, { roundMinutes: 'x' }, { nodes: [] }]) {
      const res = await t.app.inject({ method: 'POST', url: `${URL}/run`, headers: ADMIN,
        payload });
      expect(res.statusCode).withContext(JSON.stringify(payload)).toBe(400);
      expect(res.json().error.errorKey).toBe('framework.exception.InvalidArgument');
    }
    const refused = await t.app.inject({ method: 'GET', url: URL,
      headers: basic('officer9', 'pw') });
    expect(refused.statusCode).toBe(403);
    expect(t.repo.db.prepare('SELECT COUNT(*) FROM fixity_rounds').pluck().get()).toBe(0);
  });
});
