import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { verifyChain } from '../access-log/access-log.js';
import { CORE, SEARCH } from '../routes/paths.js';
import { basic, tempRepository, type TempRepository } from '../testing/temp-repository.js';
import { seedDemo } from './seed.js';
import { DEMO_USERS } from './users.js';

describe('demo data (issue 3: users of every role, archive, sealed ffmpeg recordings)', () => {
  let t: TempRepository;
  beforeAll(async () => {
    t = await tempRepository();
    await seedDemo(t.repo, 'demo-pw');
  }, 180_000);
  afterAll(async () => t.dispose());

  it('creates every demo user in its EFR group with the given password', async () => {
    for (const u of DEMO_USERS) {
      expect(t.repo.auth.groupsOf(u.id)).withContext(u.id).toContain(u.group);
      const me = await t.app.inject({
        url: `${CORE}/people/-me-`,
        headers: basic(u.id, 'demo-pw'),
      });
      expect(me.statusCode).withContext(u.id).toBe(200);
    }
  });

  it('issue 19, point 11: an issued device has its pre-use check and 最近检查', async () => {
    const r = await t.app.inject({ url: '/alfresco/s/efr/devices', headers: basic('custodian1',
      'demo-pw') });
    const issued = (JSON.parse(r.body) as { list: { entries: { entry: {
      id: string; holder: string | null; lastCheckAt: string | null } }[] } }).list.entries
      .map((e) => e.entry).filter((d) => d.holder);
    expect(issued.length).toBeGreaterThan(0);
    for (const d of issued) {
      expect(d.lastCheckAt).not.toBeNull();
      const one = await t.app.inject({ url: `/alfresco/s/efr/devices/${d.id}`,
        headers: basic('custodian1', 'demo-pw') });
      expect((JSON.parse(one.body) as { entry: { checks: unknown[] } }).entry.checks.length)
        .toBe(1);
    }
  });

  it('builds the archive folders under Company Home', async () => {
    const r = await t.app.inject({
      url: `${CORE}/nodes/-root-/children?relativePath=${encodeURIComponent('EFR 执法记录')}`,
      headers: basic('admin', 'admin'),
    });
    const names = r.json().list.entries.map((e: { entry: { name: string } }) => e.entry.name);
    expect(names.sort()).toEqual(
      [
        '免录记录',
        '抽查',
        '执法记录仪',
        '案件',
        '移交记录',
        '录像档案',
        '证据光盘',
        '调阅申请',
        '违规记录',
      ].sort(),
    );
  });

  it('R26.1/R21.4: stores sealed recordings whose fixity matches the stored bytes', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: `${SEARCH}/search`,
      headers: basic('admin', 'admin'),
      payload: { query: { query: 'TYPE:"efr:recording"' }, include: ['properties'] },
    });
    const recs = r.json().list.entries.map((e: { entry: Record<string, never> }) => e.entry);
    expect(recs.length).toBe(4);
    for (const rec of recs as {
      properties: Record<string, unknown>;
      content: { sizeInBytes: number };
    }[]) {
      const sha = rec.properties['efr:sha256'] as string;
      const bytes = readFileSync(t.repo.store.pathOf(sha));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha);
      expect(rec.properties['efr:sizeBytes']).toBe(bytes.length);
      expect(rec.properties['efr:sealedBy1']).toBe('custodian1');
      expect(rec.properties['efr:sealedBy2']).toBe('custodian2');
    }
    expect(recs.filter((x: { name: string }) => x.name.endsWith('.m4a')).length).toBe(1);
  });

  it('logs the sealing in an intact access-log chain, and seeds once only', async () => {
    const seals = t.repo.db
      .prepare("SELECT COUNT(*) AS n FROM access_log WHERE action = 'seal'")
      .get() as { n: number };
    expect(seals.n).toBe(4);
    expect(verifyChain(t.repo.db)).toEqual(jasmine.objectContaining({ ok: true }));
    await seedDemo(t.repo, 'demo-pw');
    const again = t.repo.db
      .prepare("SELECT COUNT(*) AS n FROM access_log WHERE action = 'seal'")
      .get() as { n: number };
    expect(again.n).toBe(4);
  });
});
