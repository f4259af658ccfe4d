import type { UnitCompliance } from '../../core/src/index.js';
import type { Device as DeviceJson } from '../../contract/index.js';
import { basic } from '../../server/src/testing/temp-repository.js';
import { apiFixture, entriesOf, entryOf, errorOf, type ApiFixture } from './api-fixture.js';

type DeviceDetail = DeviceJson & {
  events: { kind: string; by: string; holder: string | null }[];
  checks: { batteryPercent: number; clockOffsetSeconds: number; checkedBy: string }[];
};

const GOOD_CHECK = {
  working: true,
  batteryPercent: 90,
  freeStorageMb: 32000,
  clockOffsetSeconds: 3,
};

describe('device web scripts (issue 9: R9.1, R12.1, R13.1, R15.1)', () => {
  let f: ApiFixture;
  const register = (serial: string, unit = '社会事务科', user = 'custodian1') =>
    f.call(user, 'POST', '/devices', {
      serial,
      kind: 'bodyCamera',
      unit,
      unitHead: 'unithead1',
      model: 'DSJ-V9',
      title: `记录仪 ${serial}`,
    });
  const compliance = async (unit: string): Promise<UnitCompliance | undefined> =>
    entriesOf<UnitCompliance>((await f.call('unithead1', 'GET', '/devices/compliance')).json).find(
      (u) => u.unit === unit,
    );

  beforeEach(async () => {
    f = await apiFixture();
  });
  afterEach(async () => {
    await f.dispose();
  });

  it('R13.1: the office registers; others and duplicates are refused and logged', async () => {
    const ok = await register('BWC-2026-101');
    expect(ok.status).toBe(201);
    const d = entryOf<DeviceJson>(ok.json);
    expect(d).toEqual(
      jasmine.objectContaining({
        serial: 'BWC-2026-101',
        status: 'available',
        unit: '社会事务科',
        unitHead: 'unithead1',
        custodian: 'custodian1',
        serviceable: true,
      }),
    );
    const byOfficer = await register('BWC-2026-102', '社会事务科', 'officer1');
    expect(byOfficer.status).toBe(403);
    expect(errorOf(byOfficer.json)).toBe('403 efr.device.notOffice');
    expect(errorOf((await register('BWC-2026-101')).json)).toBe('409 efr.device.duplicateSerial');
    const badHead = await f.call('custodian1', 'POST', '/devices', {
      serial: 'BWC-2026-103',
      kind: 'bodyCamera',
      unit: '社会事务科',
      unitHead: 'officer1',
    });
    expect(errorOf(badHead.json)).toBe('422 efr.device.unitHead');
    const actions = f.log().map((e) => `${e.action}:${e.values.code ?? e.values.serial ?? ''}`);
    expect(actions).toContain('device.register:BWC-2026-101');
    expect(actions).toContain('refused:efr.device.notOffice');
    expect(actions).toContain('refused:efr.device.duplicateSerial');
    expect(f.chainOk()).toBeTrue();
  });

  it('R15.1: a device failing its pre-use check is not issued; a passing one is', async () => {
    const id = entryOf<DeviceJson>((await register('BWC-2026-201')).json).id;
    const flat = await f.call('custodian1', 'POST', `/devices/${id}/issue`, {
      holder: 'officer1',
      check: { ...GOOD_CHECK, batteryPercent: 5 },
    });
    expect(flat.status).toBe(422);
    expect(errorOf(flat.json)).toBe('422 efr.preUse.battery');
    const broken = await f.call('custodian1', 'POST', `/devices/${id}/issue`, {
      holder: 'officer1',
      check: { ...GOOD_CHECK, working: false },
    });
    expect(errorOf(broken.json)).toBe('422 efr.preUse.notWorking');
    // The clock is measured against the server: a device five minutes fast fails.
    const fast = new Date(Date.now() + 300_000).toISOString();
    const clock = await f.call('custodian1', 'POST', `/devices/${id}/issue`, {
      holder: 'officer1',
      check: { working: true, batteryPercent: 80, freeStorageMb: 9000, deviceTime: fast },
    });
    expect(errorOf(clock.json)).toBe('422 efr.preUse.clock');
    const noCheck = await f.call('custodian1', 'POST', `/devices/${id}/issue`, {
      holder: 'officer1',
    });
    expect(errorOf(noCheck.json)).toBe('422 efr.preUse.missing');
    let detail = entryOf<DeviceDetail>((await f.call('custodian1', 'GET', `/devices/${id}`)).json);
    expect(detail.status).toBe('available');
    expect(detail.checks.length).toBe(0);
    expect(detail.events.length).toBe(0);
    const failed = f.log().filter((e) => e.action === 'device.checkFailed');
    expect(failed.length).toBe(3);
    expect(failed[0].values.failed).toBe('efr.preUse.battery');

    const issued = await f.call('custodian1', 'POST', `/devices/${id}/issue`, {
      holder: 'officer1',
      check: {
        working: true,
        batteryPercent: 80,
        freeStorageMb: 9000,
        deviceTime: new Date().toISOString(),
      },
    });
    expect(issued.status).toBe(200);
    detail = entryOf<DeviceDetail>(issued.json);
    expect(detail.status).toBe('issued');
    expect(detail.holder).toBe('officer1');
    expect(detail.checks.length).toBe(1);
    expect(Math.abs(detail.checks[0].clockOffsetSeconds)).toBeLessThanOrEqual(2);
    expect(detail.events.map((e) => `${e.kind}:${e.holder}`)).toEqual(['issue:officer1']);
    expect(
      f.log().some((e) => e.action === 'device.issue' && e.values.holder === 'officer1'),
    ).toBeTrue();
    expect(f.chainOk()).toBeTrue();
  });

  it('R13.1: an issued device cannot be issued again; only an officer receives one', async () => {
    const id = entryOf<DeviceJson>((await register('BWC-2026-301')).json).id;
    const toLeader = await f.call('custodian1', 'POST', `/devices/${id}/issue`, {
      holder: 'leader1',
      check: GOOD_CHECK,
    });
    expect(errorOf(toLeader.json)).toBe('422 efr.device.holderNotOfficer');
    expect(
      (
        await f.call('custodian1', 'POST', `/devices/${id}/issue`, {
          holder: 'officer1',
          check: GOOD_CHECK,
        })
      ).status,
    ).toBe(200);
    const again = await f.call('custodian1', 'POST', `/devices/${id}/issue`, {
      holder: 'officer2',
      check: GOOD_CHECK,
    });
    expect(again.status).toBe(409);
    expect(errorOf(again.json)).toBe('409 efr.device.alreadyIssued');
    const byOfficer = await f.call('officer1', 'POST', `/devices/${id}/return`, {});
    expect(errorOf(byOfficer.json)).toBe('403 efr.device.notOffice');
    expect(
      f
        .log()
        .filter((e) => e.action === 'refused')
        .map((e) => e.values.code),
    ).toEqual(['efr.device.holderNotOfficer', 'efr.device.alreadyIssued', 'efr.device.notOffice']);
  });

  it('R13.1: return, repair, repaired, loss and retirement keep the full history', async () => {
    const id = entryOf<DeviceJson>((await register('BWC-2026-401')).json).id;
    const step = (user: string, s: string, body: unknown = {}) =>
      f.call(user, 'POST', `/devices/${id}/${s}`, body);
    expect(
      (await step('custodian1', 'issue', { holder: 'officer1', check: GOOD_CHECK })).status,
    ).toBe(200);
    expect((await step('custodian1', 'return', { note: '外勤结束' })).status).toBe(200);
    expect(errorOf((await step('custodian1', 'repair', {})).json)).toBe(
      '422 efr.device.reasonMissing',
    );
    expect((await step('custodian1', 'repair', { reason: '镜头起雾，送厂维修' })).status).toBe(200);
    expect(
      errorOf((await step('custodian1', 'issue', { holder: 'officer1', check: GOOD_CHECK })).json),
    ).toBe('409 efr.device.badState');
    expect((await step('custodian1', 'repaired', {})).status).toBe(200);
    expect(
      (await step('custodian1', 'issue', { holder: 'officer2', check: GOOD_CHECK })).status,
    ).toBe(200);
    // Whoever uses it is responsible (R12.1): the holder reports the loss.
    const lost = await step('officer2', 'lost', { reason: '巡查途中遗失' });
    expect(lost.status).toBe(200);
    const d = entryOf<DeviceDetail>(lost.json);
    expect(d.status).toBe('lost');
    expect(d.holder).toBeNull();
    expect(d.events.map((e) => e.kind).reverse()).toEqual([
      'issue',
      'return',
      'repair',
      'return',
      'issue',
      'lost',
    ]);
    expect(d.checks.length).toBe(2);
    expect(errorOf((await step('custodian1', 'retire', { reason: '已遗失' })).json)).toBe(
      '409 efr.device.badState',
    );
    const id2 = entryOf<DeviceJson>((await register('BWC-2026-402')).json).id;
    const retired = await f.call('custodian1', 'POST', `/devices/${id2}/retire`, {
      reason: '超过使用年限',
    });
    expect(entryOf<DeviceJson>(retired.json).status).toBe('retired');
    expect(
      f
        .log()
        .filter((e) => e.action.startsWith('device.'))
        .map((e) => e.action),
    ).toEqual([
      'device.register',
      'device.issue',
      'device.return',
      'device.repair',
      'device.repaired',
      'device.issue',
      'device.lost',
      'device.register',
      'device.retire',
    ]);
    expect(f.chainOk()).toBeTrue();
  });

  it('R9.1: one serviceable device is non-compliant until a second is registered', async () => {
    const first = entryOf<DeviceJson>((await register('BWC-2026-501', '婚姻登记处')).json).id;
    expect(await compliance('婚姻登记处')).toEqual({
      unit: '婚姻登记处',
      total: 1,
      serviceable: 1,
      compliant: false,
    });
    await register('BWC-2026-502', '婚姻登记处');
    expect((await compliance('婚姻登记处'))?.compliant).toBeTrue();
    // A device in repair does not count.
    await f.call('custodian1', 'POST', `/devices/${first}/repair`, { reason: '电池鼓包' });
    expect(await compliance('婚姻登记处')).toEqual({
      unit: '婚姻登记处',
      total: 2,
      serviceable: 1,
      compliant: false,
    });
  });

  it('R9.1: lists the register filtered by unit and status; bad input is a 400', async () => {
    await register('BWC-2026-601', '社会事务科');
    await register('BWC-2026-602', '社会组织管理科');
    const all = entriesOf<DeviceJson>((await f.call('officer1', 'GET', '/devices')).json);
    expect(all.map((d) => d.serial)).toEqual(['BWC-2026-601', 'BWC-2026-602']);
    const unit = entriesOf<DeviceJson>(
      (await f.call('officer1', 'GET', `/devices?unit=${encodeURIComponent('社会组织管理科')}`))
        .json,
    );
    expect(unit.map((d) => d.serial)).toEqual(['BWC-2026-602']);
    expect((await f.call('custodian1', 'GET', '/devices/not-a-node')).status).toBe(404);
    const id = all[0].id;
    const bad = await f.call('custodian1', 'POST', `/devices/${id}/issue`, {
      holder: 'officer1',
      check: { ...GOOD_CHECK, batteryPercent: '90' },
    });
    expect(bad.status).toBe(400);
  });

  it('R13.1: the node API cannot issue, rewrite history or delete (steps only)', async () => {
    const d = entryOf<DeviceJson>((await register('BWC-2026-701')).json);
    await f.call('custodian1', 'POST', `/devices/${d.id}/issue`, {
      holder: 'officer1',
      check: GOOD_CHECK,
    });
    const node = (method: 'PUT' | 'DELETE' | 'POST', path: string, body?: unknown) =>
      f.app.inject({
        method,
        url: `/alfresco/api/-default-/public/alfresco/versions/1/nodes/${path}`,
        headers: { ...basic('custodian1', 'pw'), 'content-type': 'application/json' },
        payload: body === undefined ? undefined : JSON.stringify(body),
      });
    const put = await node('PUT', d.id, { properties: { 'efr:deviceStatus': 'available' } });
    // 403, never 409: the Content App reads 409 as a name clash (issue 16).
    expect(put.statusCode).toBe(403);
    expect(put.json().error.errorKey).toBe('efr.workflow.stepsOnly');
    // Issue 16: no property of a workflow record changes through the node API.
    expect(
      (await node('PUT', d.id, { properties: { 'cm:title': '执法记录仪 701号' } })).statusCode,
    ).toBe(403);
    const detail = entryOf<{ events: { id: string }[] }>(
      (await f.call('custodian1', 'GET', `/devices/${d.id}`)).json,
    );
    const rewrite = await node('PUT', detail.events[0].id, {
      properties: { 'efr:eventNote': '改写' },
    });
    expect(rewrite.json().error.errorKey).toBe('efr.workflow.stepsOnly');
    const del = await node('DELETE', d.id);
    expect(del.statusCode).toBe(403);
    expect(del.json().error.errorKey).toBe('efr.workflow.stepsOnly');
    const made = await node('POST', `${f.t.repo.meta('efr_folder_devices')}/children`, {
      name: 'BWC-2026-702',
      nodeType: 'efr:device',
      properties: {
        'efr:deviceSerial': 'BWC-2026-702',
        'efr:deviceKind': 'bodyCamera',
        'efr:unit': '社会事务科',
        'efr:unitHead': 'unithead1',
        'efr:custodian': 'custodian1',
      },
    });
    expect(made.json().error.errorKey).toBe('efr.workflow.stepsOnly');
    expect(
      entryOf<DeviceJson>((await f.call('custodian1', 'GET', `/devices/${d.id}`)).json).status,
    ).toBe('issued');
    expect(
      f
        .log()
        .filter((e) => e.action === 'refused')
        .map((e) => e.values.code),
    ).toEqual([
      'efr.workflow.stepsOnly',
      'efr.workflow.stepsOnly',
      'efr.workflow.stepsOnly',
      'efr.workflow.stepsOnly',
      'efr.workflow.stepsOnly',
    ]);
  });
});
