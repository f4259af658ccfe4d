import type { Exemption as ExemptionJson } from '../../contract/index.js';
import { apiFixture, entriesOf, entryOf, errorOf, type ApiFixture } from './api-fixture.js';

const HOUR = 3_600_000;

function record(o: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    actAt: new Date(Date.now() - 2 * HOUR).toISOString(),
    activityType: 'routineInspection',
    location: '丹东市振兴区某加油站',
    ground: 'explosionHazard',
    leader: 'leader1',
    basis: '加油站油气区域属防爆区，现场记录仪非防爆型，依安全规定不得开机。',
    ...o,
  };
}

describe('exemption web scripts (issue 9: R11.1, R11.2)', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture();
  });
  afterAll(async () => {
    await f.dispose();
  });

  it('R11.2: moves officer → leader → office, each step logged in the chain', async () => {
    const written = await f.call('officer1', 'POST', '/exemptions', record());
    expect(written.status).toBe(201);
    const e = entryOf<ExemptionJson>(written.json);
    expect(e).toEqual(
      jasmine.objectContaining({
        status: 'written',
        author: 'officer1',
        leader: 'leader1',
        ground: 'explosionHazard',
        activityType: 'routineInspection',
      }),
    );
    expect(e.reminder.waitingFor).toBe('leader');
    const ack = await f.call('leader1', 'POST', `/exemptions/${e.id}/acknowledge`);
    expect(ack.status).toBe(200);
    expect(entryOf<ExemptionJson>(ack.json).status).toBe('acknowledged');
    expect(entryOf<ExemptionJson>(ack.json).reminder.waitingFor).toBe('office');
    const filed = await f.call('custodian1', 'POST', `/exemptions/${e.id}/file`);
    expect(filed.status).toBe(200);
    const done = entryOf<ExemptionJson>(filed.json);
    expect(done).toEqual(jasmine.objectContaining({ status: 'filed', filedBy: 'custodian1' }));
    expect(done.reminder).toEqual({ waitingFor: null, dueAt: null, overdue: false });
    const steps = f.log().filter((x) => x.nodeId === e.id && x.action.startsWith('exemption.'));
    expect(steps.map((x) => `${x.action}:${x.user}`)).toEqual([
      'exemption.write:officer1',
      'exemption.acknowledge:leader1',
      'exemption.file:custodian1',
    ]);
    expect(f.chainOk()).toBeTrue();
  });

  it('R11.1/R11.2: no ground, no basis or before the act: refused and logged', async () => {
    const noGround = await f.call('officer1', 'POST', '/exemptions', record({ ground: undefined }));
    expect(noGround.status).toBe(422);
    expect(errorOf(noGround.json)).toBe('422 efr.exemption.ground');
    expect(
      errorOf((await f.call('officer1', 'POST', '/exemptions', record({ ground: 'forgot' }))).json),
    ).toBe('422 efr.exemption.ground');
    expect(
      errorOf((await f.call('officer1', 'POST', '/exemptions', record({ basis: '' }))).json),
    ).toBe('422 efr.exemption.basis');
    expect(
      errorOf((await f.call('officer1', 'POST', '/exemptions', record({ basis: '太短了' }))).json),
    ).toBe('422 efr.exemption.basis');
    const future = new Date(Date.now() + 2 * HOUR).toISOString();
    expect(
      errorOf((await f.call('officer1', 'POST', '/exemptions', record({ actAt: future }))).json),
    ).toBe('422 efr.exemption.writtenBeforeAct');
    expect(
      errorOf((await f.call('officer1', 'POST', '/exemptions', record({ location: ' ' }))).json),
    ).toBe('422 efr.exemption.act');
    expect(
      errorOf(
        (await f.call('officer1', 'POST', '/exemptions', record({ leader: 'officer2' }))).json,
      ),
    ).toBe('422 efr.exemption.leader');
    expect(errorOf((await f.call('custodian1', 'POST', '/exemptions', record())).json)).toBe(
      '403 efr.exemption.notOfficer',
    );
    const refused = f
      .log()
      .filter((x) => x.action === 'refused' && x.values.attempted === 'exemption.write');
    expect(refused.map((x) => x.values.code)).toEqual([
      'efr.exemption.ground',
      'efr.exemption.ground',
      'efr.exemption.basis',
      'efr.exemption.basis',
      'efr.exemption.writtenBeforeAct',
      'efr.exemption.act',
      'efr.exemption.leader',
      'efr.exemption.notOfficer',
    ]);
  });

  it('R11.2: never the author; only the named leader acknowledges; the office files', async () => {
    const e = entryOf<ExemptionJson>(
      (await f.call('officer1', 'POST', '/exemptions', record())).json,
    );
    const own = await f.call('officer1', 'POST', `/exemptions/${e.id}/acknowledge`);
    expect(own.status).toBe(403);
    expect(errorOf(own.json)).toBe('403 efr.exemption.selfAcknowledge');
    expect(errorOf((await f.call('leader2', 'POST', `/exemptions/${e.id}/acknowledge`)).json)).toBe(
      '403 efr.exemption.notLeader',
    );
    expect(errorOf((await f.call('custodian1', 'POST', `/exemptions/${e.id}/file`)).json)).toBe(
      '409 efr.exemption.badState',
    );
    await f.call('leader1', 'POST', `/exemptions/${e.id}/acknowledge`);
    expect(errorOf((await f.call('leader1', 'POST', `/exemptions/${e.id}/acknowledge`)).json)).toBe(
      '409 efr.exemption.badState',
    );
    expect(errorOf((await f.call('leader1', 'POST', `/exemptions/${e.id}/file`)).json)).toBe(
      '403 efr.exemption.notOffice',
    );
    const codes = f
      .log()
      .filter((x) => x.action === 'refused' && x.nodeId === e.id)
      .map((x) => x.values.code);
    expect(codes).toEqual([
      'efr.exemption.selfAcknowledge',
      'efr.exemption.notLeader',
      'efr.exemption.badState',
      'efr.exemption.badState',
      'efr.exemption.notOffice',
    ]);
  });

  it('R11.2: lists with reminders; ?overdue=true shows those past the reminder time', async () => {
    const before = process.env.EFR_EXEMPTION_REMIND_HOURS;
    try {
      process.env.EFR_EXEMPTION_REMIND_HOURS = '0.0001'; // 0.36 s: everything waiting is late
      const e = entryOf<ExemptionJson>(
        (
          await f.call(
            'officer2',
            'POST',
            '/exemptions',
            record({
              ground: 'emergency',
              basis: '突发群体性事件现场混乱，记录仪被挤掉无法录像。',
            }),
          )
        ).json,
      );
      await new Promise((r) => setTimeout(r, 500));
      const overdue = entriesOf<ExemptionJson>(
        (await f.call('custodian1', 'GET', '/exemptions?overdue=true')).json,
      );
      expect(overdue.map((x) => x.id)).toContain(e.id);
      expect(overdue.every((x) => x.status !== 'filed')).toBeTrue();
      process.env.EFR_EXEMPTION_REMIND_HOURS = '48';
      const none = entriesOf<ExemptionJson>(
        (await f.call('custodian1', 'GET', '/exemptions?overdue=true')).json,
      );
      expect(none.length).toBe(0);
      const mine = entriesOf<ExemptionJson>(
        (await f.call('officer2', 'GET', '/exemptions?author=officer2')).json,
      );
      expect(mine.map((x) => x.id)).toEqual([e.id]);
      expect((await f.call('officer2', 'GET', '/exemptions?overdue=maybe')).status).toBe(400);
    } finally {
      if (before === undefined) delete process.env.EFR_EXEMPTION_REMIND_HOURS;
      else process.env.EFR_EXEMPTION_REMIND_HOURS = before;
    }
  });
});
