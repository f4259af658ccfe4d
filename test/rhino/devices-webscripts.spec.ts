import { runCalls, WS_USERS, type WsCall, type WsResult } from './webscript-features.js';

const GOOD = { working: true, batteryPercent: 90, freeStorageMb: 32000, clockOffsetSeconds: 2 };
const reg = (name: string, serial: string, unit: string, user = 'custodian1'): WsCall => ({
  name,
  script: 'devices.post',
  user,
  body: { serial, kind: 'bodyCamera', unit, unitHead: 'unithead1' },
});
const step = (
  name: string,
  device: string,
  s: string,
  body: unknown,
  user = 'custodian1',
): WsCall => ({
  name,
  script: 'device-step.post',
  user,
  templateArgs: { id: `@${device}`, step: s },
  body,
});
const code = (r: WsResult): string => `${r.status} ${r.body?.error?.errorKey ?? ''}`.trim();

describe('module web scripts in Rhino: devices (issue 9: R9.1, R12.1, R13.1, R15.1)', () => {
  let r: Record<string, WsResult>;
  beforeAll(async () => {
    r = await runCalls(WS_USERS, [
      reg('register', 'BWC-2026-101', '社会事务科'),
      reg('registerByOfficer', 'BWC-2026-102', '社会事务科', 'officer1'),
      reg('registerAgain', 'BWC-2026-101', '社会事务科'),
      { name: 'compliance1', script: 'device-compliance.get', user: 'unithead1' },
      step('flat', 'register', 'issue', {
        holder: 'officer1',
        check: { ...GOOD, batteryPercent: 5 },
      }),
      step('toLeader', 'register', 'issue', { holder: 'leader1', check: GOOD }),
      step('issue', 'register', 'issue', { holder: 'officer1', check: GOOD }),
      step('again', 'register', 'issue', { holder: 'officer2', check: GOOD }),
      step('returnByOfficer', 'register', 'return', {}, 'officer1'),
      step('lostByHolder', 'register', 'lost', { reason: '巡查途中遗失' }, 'officer1'),
      reg('register2', 'BWC-2026-103', '社会事务科'),
      reg('register3', 'BWC-2026-104', '社会事务科'),
      { name: 'compliance2', script: 'device-compliance.get', user: 'unithead1' },
      { name: 'detail', script: 'device.get', user: 'officer1', templateArgs: { id: '@register' } },
      { name: 'list', script: 'devices.get', user: 'officer1', args: { status: 'available' } },
      { name: 'missing', script: 'device.get', user: 'officer1', templateArgs: { id: 'nope' } },
    ]);
  });

  it('R13.1: the office registers; others and duplicates are refused and logged', () => {
    expect(r.register.status).toBe(201);
    expect(r.register.body?.entry).toEqual(
      jasmine.objectContaining({
        serial: 'BWC-2026-101',
        status: 'available',
        custodian: 'custodian1',
        serviceable: true,
      }),
    );
    expect(code(r.registerByOfficer)).toBe('403 efr.device.notOffice');
    expect(r.registerByOfficer.logs.join()).toContain('efr refused device.register');
    expect(code(r.registerAgain)).toBe('409 efr.device.duplicateSerial');
  });

  it('R15.1: a failed pre-use check blocks issuing and is logged; a passing one issues', () => {
    expect(code(r.flat)).toBe('422 efr.preUse.battery');
    expect(r.flat.body?.error?.briefSummary).toContain(' / 电量须不低于');
    expect(r.flat.logs.join()).toContain('efr device.checkFailed');
    expect(code(r.toLeader)).toBe('422 efr.device.holderNotOfficer');
    expect(r.issue.status).toBe(200);
    const d = r.issue.body?.entry as {
      status: string;
      holder: string;
      events: unknown[];
      checks: unknown[];
    };
    expect([d.status, d.holder, d.events.length, d.checks.length]).toEqual([
      'issued',
      'officer1',
      1,
      1,
    ]);
    expect(code(r.again)).toBe('409 efr.device.alreadyIssued');
    expect(code(r.returnByOfficer)).toBe('403 efr.device.notOffice');
  });

  it('R12.1: the holder reports the loss; the history keeps both steps', () => {
    expect(r.lostByHolder.status).toBe(200);
    const d = r.detail.body?.entry as { status: string; events: { kind: string }[] };
    expect(d.status).toBe('lost');
    expect(d.events.map((e) => e.kind).sort()).toEqual(['issue', 'lost']);
  });

  it('R9.1: one serviceable device is non-compliant, two are compliant', () => {
    const unit = (x: WsResult) =>
      x.body?.list?.entries.map((e) => e.entry).find((u) => u.unit === '社会事务科');
    expect(unit(r.compliance1)).toEqual({
      unit: '社会事务科',
      total: 1,
      serviceable: 1,
      compliant: false,
    });
    // BWC-2026-101 was lost; the two registered later are available.
    expect(unit(r.compliance2)).toEqual({
      unit: '社会事务科',
      total: 3,
      serviceable: 2,
      compliant: true,
    });
    expect(r.list.body?.list?.entries.map((e) => e.entry.serial)).toEqual([
      'BWC-2026-103',
      'BWC-2026-104',
    ]);
    expect(code(r.missing)).toBe('404 framework.exception.EntityNotFound');
  });
});
