import { checkDeviceRegistration, GROUP_EFR_CUSTODIANS, GROUP_EFR_OFFICERS } from './index.js';
import type { Actor, DeviceRegistration, Verdict } from './index.js';

const refusal = (v: Verdict): string =>
  v.allowed ? 'allowed' : v.status + ' ' + v.code + ' ' + v.requirement;
const office: Actor = { userName: 'custodian1', groups: [GROUP_EFR_CUSTODIANS] };

function input(o: Partial<DeviceRegistration> = {}): DeviceRegistration {
  return {
    serial: 'BWC-2026-009',
    kind: 'bodyCamera',
    unit: '社会事务科',
    unitHead: 'unithead1',
    unitHeadIsUnitHead: true,
    ...o,
  };
}

describe('device registration (R13.1, R12.1)', () => {
  it('R13.1: the office registers a complete entry', () => {
    expect(checkDeviceRegistration(input(), office)).toEqual({ allowed: true });
  });
  it('R13.1: nobody else registers devices', () => {
    const officer: Actor = { userName: 'officer1', groups: [GROUP_EFR_OFFICERS] };
    expect(refusal(checkDeviceRegistration(input(), officer))).toBe(
      '403 efr.device.notOffice R13.1',
    );
  });
  it('R13.1: the serial follows the label pattern of the model', () => {
    for (const serial of ['bwc-1', 'AB', '-ABCD', 'BWC 2026', 'A'.repeat(33)]) {
      expect(refusal(checkDeviceRegistration(input({ serial }), office))).toBe(
        '422 efr.device.serial R13.1',
      );
    }
    expect(checkDeviceRegistration(input({ serial: 'A'.repeat(32) }), office).allowed).toBeTrue();
  });
  it('R7.1: the kind is one of the four sources', () => {
    expect(refusal(checkDeviceRegistration(input({ kind: 'drone' }), office))).toBe(
      '422 efr.device.kind R7.1',
    );
    for (const kind of ['bodyCamera', 'handheldCamera', 'voiceRecorder', 'fixedOfficeCamera']) {
      expect(checkDeviceRegistration(input({ kind }), office).allowed).toBeTrue();
    }
  });
  it('R12.1: a unit and a unit head who is one are named', () => {
    expect(refusal(checkDeviceRegistration(input({ unit: '  ' }), office))).toBe(
      '422 efr.device.unit R12.1',
    );
    expect(refusal(checkDeviceRegistration(input({ unitHead: '' }), office))).toBe(
      '422 efr.device.unitHead R12.1',
    );
    expect(refusal(checkDeviceRegistration(input({ unitHeadIsUnitHead: false }), office))).toBe(
      '422 efr.device.unitHead R12.1',
    );
  });
});
