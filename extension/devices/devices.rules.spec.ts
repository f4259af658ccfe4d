import { EfrRole, EfrUser } from '../shared/public-api';
import { Device } from './devices.model';
import {
  clockOffsetSeconds,
  deviceActions,
  isDeviceSerial,
  mayRegisterDevice,
  preUseCheckErrors,
  refusalText,
} from './devices.rules';

const user = (id: string, ...roles: EfrRole[]): EfrUser => ({
  id,
  displayName: id,
  roles,
  isAdmin: false,
});
const device = (o: Partial<Device> = {}): Device => ({
  id: 'd1',
  serial: 'BWC-2026-001',
  title: null,
  model: null,
  kind: 'bodyCamera',
  unit: '社会事务科',
  unitHead: 'unithead1',
  custodian: 'custodian1',
  status: 'available',
  holder: null,
  issuedAt: null,
  lastCheckAt: null,
  serviceable: true,
  ...o,
});

describe('devices.rules (issue 9)', () => {
  const office = user('custodian1', EfrRole.Custodian);

  it('R13.1: the office is offered the steps of the state machine', () => {
    expect(deviceActions(device(), office)).toEqual(['issue', 'repair', 'lost', 'retire']);
    expect(deviceActions(device({ status: 'issued', holder: 'officer1' }), office)).toEqual([
      'return',
      'repair',
      'lost',
    ]);
    expect(deviceActions(device({ status: 'inRepair' }), office)).toEqual([
      'repaired',
      'lost',
      'retire',
    ]);
    expect(deviceActions(device({ status: 'lost' }), office)).toEqual([]);
    expect(deviceActions(device({ status: 'retired' }), office)).toEqual([]);
  });

  it('R12.1: the holder and the unit head may only report a loss; others nothing', () => {
    const issued = device({ status: 'issued', holder: 'officer1' });
    expect(deviceActions(issued, user('officer1', EfrRole.Officer))).toEqual(['lost']);
    expect(deviceActions(issued, user('officer2', EfrRole.Officer))).toEqual([]);
    expect(deviceActions(issued, user('unithead1', EfrRole.UnitHead))).toEqual(['lost']);
    expect(deviceActions(issued, null)).toEqual([]);
    expect(mayRegisterDevice(office)).toBeTrue();
    expect(mayRegisterDevice(user('officer1', EfrRole.Officer))).toBeFalse();
  });

  it('R15.1: the check form fails as core would, clock measured against now', () => {
    const now = Date.parse('2026-11-26T02:00:00Z');
    const ok = {
      working: true,
      batteryPercent: 80,
      freeStorageMb: 4096,
      deviceTime: '2026-11-26T10:00:30+08:00',
    };
    expect(clockOffsetSeconds(ok.deviceTime, now)).toBe(30);
    expect(preUseCheckErrors(ok, now)).toEqual([]);
    const bad = preUseCheckErrors(
      {
        working: false,
        batteryPercent: 5,
        freeStorageMb: null,
        deviceTime: '2026-11-26T10:05:00+08:00',
      },
      now,
    );
    expect(bad.map((e) => e.code)).toEqual([
      'efr.preUse.notWorking',
      'efr.preUse.battery',
      'efr.preUse.storage',
      'efr.preUse.clock',
    ]);
    expect(preUseCheckErrors({ ...ok, deviceTime: '' }, now).map((e) => e.code)).toEqual([
      'efr.preUse.clock',
    ]);
  });

  it('R13.1: serials follow the model pattern', () => {
    expect(isDeviceSerial('BWC-2026-010')).toBeTrue();
    expect(isDeviceSerial('bwc-1')).toBeFalse();
  });

  it('shows the refusal in the interface language', () => {
    const error = {
      message: JSON.stringify({
        error: {
          statusCode: 422,
          briefSummary: 'Battery must be charged to at least 20 %. / 电量须不低于 20%。',
        },
      }),
    };
    expect(refusalText(error, 'zh-CN')).toBe('电量须不低于 20%。');
    expect(refusalText(error, 'en')).toBe('Battery must be charged to at least 20 %.');
    expect(refusalText({ message: 'offline' }, 'en')).toBe('offline');
    expect(refusalText(null, 'en')).toBe('');
  });
});
