import {
  checkPreUse, DEFAULT_PRE_USE_LIMITS, DEVICE_EVENT_KINDS, deviceEventKindOf,
  GROUP_EFR_CUSTODIANS, GROUP_EFR_OFFICERS, GROUP_EFR_UNIT_HEADS, transitionDevice,
  unitCompliance,
} from './index.js';
import type {
  Actor, DeviceAction, DeviceState, DeviceStatus, PreUseCheck, Verdict,
} from './index.js';

const refusal = (v: Verdict): string =>
  (v.allowed ? 'allowed' : v.status + ' ' + v.code + ' ' + v.requirement);
const actor = (userName: string, ...groups: string[]): Actor => ({ userName, groups });
const office = actor('baoguan', GROUP_EFR_CUSTODIANS);
const GOOD: PreUseCheck = { working: true, batteryPercent: 20, freeStorageMb: 1024,
  clockOffsetSeconds: -60 };

function device(status: DeviceStatus, holder: string | null = null): DeviceState {
  return { id: 'd-1', serial: 'DSJ-0001', kind: 'bodyCamera', unit: '执法一队', status, holder };
}

const ACTIONS: Record<string, DeviceAction> = {
  issue: { type: 'issue', to: 'zhangwei', check: GOOD },
  return: { type: 'return' },
  repair: { type: 'repair', reason: '按键失灵' },
  repaired: { type: 'repaired' },
  lose: { type: 'lose', reason: '现场遗失' },
  retire: { type: 'retire', reason: '超过使用年限' },
};

/** Every allowed (from, action) → to of the device state machine (R13.1). */
const ALLOWED: [DeviceStatus, string, DeviceStatus][] = [
  ['available', 'issue', 'issued'], ['issued', 'return', 'available'],
  ['available', 'repair', 'inRepair'], ['issued', 'repair', 'inRepair'],
  ['inRepair', 'repaired', 'available'],
  ['available', 'lose', 'lost'], ['issued', 'lose', 'lost'], ['inRepair', 'lose', 'lost'],
  ['available', 'retire', 'retired'], ['inRepair', 'retire', 'retired'],
];

describe('devices (R9.1, R12.1, R13.1, R15.1)', () => {
  it('R13.1: the whole transition table, allowed and refused', () => {
    const statuses: DeviceStatus[] = ['available', 'issued', 'inRepair', 'lost', 'retired'];
    for (const from of statuses) {
      for (const name of Object.keys(ACTIONS)) {
        const t = transitionDevice(device(from, from === 'issued' ? 'zhangwei' : null),
          ACTIONS[name], office);
        const row = ALLOWED.find((a) => a[0] === from && a[1] === name);
        if (row) {
          expect(t.verdict.allowed).withContext(from + ' ' + name).toBeTrue();
          expect(t.next?.status).withContext(from + ' ' + name).toBe(row[2]);
        } else {
          expect(t.verdict).withContext(from + ' ' + name)
            .toEqual(jasmine.objectContaining({ allowed: false, status: 409 }));
        }
      }
    }
  });
  it('R13.1: each step is recorded as one of the model\'s device event kinds', () => {
    const kinds = Object.keys(ACTIONS).map((k) => deviceEventKindOf(ACTIONS[k]));
    expect(kinds).toEqual(['issue', 'return', 'repair', 'return', 'lost', 'retire']);
    for (const k of kinds) expect(DEVICE_EVENT_KINDS).toContain(k);
  });
  it('R13.1: an issued device cannot be issued again', () => {
    expect(refusal(transitionDevice(device('issued', 'wangfang'), ACTIONS.issue, office).verdict))
      .toBe('409 efr.device.alreadyIssued R13.1');
  });
  it('R12.1: issue records the holder, return clears it', () => {
    const issued = transitionDevice(device('available'), ACTIONS.issue, office).next as DeviceState;
    expect(issued.holder).toBe('zhangwei');
    expect(transitionDevice(issued, ACTIONS.return, office).next?.holder).toBeNull();
  });
  it('R15.1: issue needs a passing pre-use check (limits are inclusive)', () => {
    const bad: [Partial<PreUseCheck>, string][] = [
      [{ working: false }, 'efr.preUse.notWorking'],
      [{ batteryPercent: 19.9 }, 'efr.preUse.battery'],
      [{ freeStorageMb: 1023 }, 'efr.preUse.storage'],
      [{ clockOffsetSeconds: 61 }, 'efr.preUse.clock'],
      [{ clockOffsetSeconds: -61 }, 'efr.preUse.clock'],
      [{ batteryPercent: NaN }, 'efr.preUse.battery'],
    ];
    for (const [change, code] of bad) {
      const t = transitionDevice(device('available'),
        { type: 'issue', to: 'zhangwei', check: { ...GOOD, ...change } }, office);
      expect(refusal(t.verdict)).withContext(code).toBe('422 ' + code + ' R15.1');
    }
  });
  it('R15.1: the limits are configurable', () => {
    const strict = { ...DEFAULT_PRE_USE_LIMITS, minBatteryPercent: 50 };
    expect(refusal(transitionDevice(device('available'), ACTIONS.issue, office, strict).verdict))
      .toBe('422 efr.preUse.battery R15.1');
    expect(checkPreUse(GOOD)).toEqual([]);
    expect(DEFAULT_PRE_USE_LIMITS).toEqual({ minBatteryPercent: 20, minFreeStorageMb: 1024,
      maxClockOffsetSeconds: 60 });
  });
  it('issue needs a holder; repair, loss and retirement need a reason', () => {
    expect(refusal(transitionDevice(device('available'), { ...ACTIONS.issue, to: ' ' } as
      DeviceAction, office).verdict)).toBe('422 efr.device.noHolder R12.1');
    for (const type of ['repair', 'lose', 'retire'] as const) {
      expect(refusal(transitionDevice(device('available'), { type, reason: '' }, office).verdict))
        .withContext(type).toBe('422 efr.device.reasonMissing R13.1');
    }
  });
  it('R13.1: only the office manages devices; holder and unit head may report a loss', () => {
    const holder = actor('zhangwei', GROUP_EFR_OFFICERS);
    const head = actor('duizhang', GROUP_EFR_UNIT_HEADS);
    expect(refusal(transitionDevice(device('available'), ACTIONS.issue, holder).verdict))
      .toBe('403 efr.device.notOffice R13.1');
    expect(refusal(transitionDevice(device('issued', 'zhangwei'), ACTIONS.return, holder)
      .verdict)).toBe('403 efr.device.notOffice R13.1');
    expect(transitionDevice(device('issued', 'zhangwei'), ACTIONS.lose, holder).next?.status)
      .toBe('lost');
    expect(transitionDevice(device('available'), ACTIONS.lose, head).next?.status).toBe('lost');
    expect(refusal(transitionDevice(device('issued', 'wangfang'), ACTIONS.lose, holder).verdict))
      .toBe('403 efr.device.notOffice R13.1');
  });

  describe('R9.1: at least two serviceable devices per unit', () => {
    it('counts available and issued devices only', () => {
      const devices: { unit: string; status: DeviceStatus }[] = [
        { unit: 'B', status: 'available' }, { unit: 'B', status: 'issued' },
        { unit: 'A', status: 'available' }, { unit: 'A', status: 'inRepair' },
        { unit: 'A', status: 'lost' }, { unit: 'A', status: 'retired' },
      ];
      expect(unitCompliance(devices)).toEqual([
        { unit: 'A', total: 4, serviceable: 1, compliant: false },
        { unit: 'B', total: 2, serviceable: 2, compliant: true },
      ]);
    });
    it('lists units without any device as non-compliant', () => {
      expect(unitCompliance([], ['执法三队'])).toEqual([
        { unit: '执法三队', total: 0, serviceable: 0, compliant: false },
      ]);
    });
  });
});
