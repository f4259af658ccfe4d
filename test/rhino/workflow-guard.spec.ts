// The device register and exemption records change only through the EFR web scripts (R13.1,
// R11.2), as server/'s workflow-guard.ts rules: the module's behaviours (bound to the handover
// script, see behaviors/src/lib/workflow-behaviour.ts) refuse creates, step-field updates and
// deletes of efr:device, efr:deviceEvent, efr:deviceCheck and efr:exemption unless the
// transaction carries the web scripts' mark (AlfrescoTransactionSupport resource
// WORKFLOW_STEP_KEY), and the device and exemption POST controllers set that mark.
// Compiled from the module JAR, run in Debian's Rhino 1.7.14.
import { WORKFLOW_STEP_KEY } from '../../behaviors/src/lib/workflow-step.js';
import { runCalls, WS_USERS, type WsResult } from './webscript-features.js';
import { archiveNodes, USERS } from './fixtures.js';
import { runByName } from './rhino-run.js';
import type { FixtureNode, FixtureValue, Scenario, ScenarioResult } from './rhino-run.js';

const MARKED = { [WORKFLOW_STEP_KEY]: 'true' };
const USERS_WITH_ADMIN = { ...USERS, admin: ['GROUP_ALFRESCO_ADMINISTRATORS'] };

const DEVICE: Record<string, FixtureValue> = {
  'cm:name': 'BWC-DD-0007', 'efr:deviceSerial': 'BWC-DD-0007', 'efr:deviceStatus': 'available',
  'efr:custodian': 'wang.custodian', 'cm:description': '',
};
const EVENT: Record<string, FixtureValue> = {
  'cm:name': 'issue-1', 'efr:eventAt': { date: '2026-03-01T00:00:00.000Z' },
  'efr:eventBy': 'wang.custodian', 'efr:eventHolder': 'li.officer',
  'cm:description': '',
};
const EXEMPTION: Record<string, FixtureValue> = {
  'cm:name': '免录-1', 'efr:exemptionStatus': 'written', 'efr:officer': 'li.officer',
  'cm:description': '',
};

function nodes(): Record<string, FixtureNode> {
  return archiveNodes({ extra: {
    devices: { type: 'cm:folder', parent: 'archive', properties: { 'cm:name': '执法记录仪' } },
    dev1: { type: 'efr:device', supertypes: ['cm:folder'], parent: 'devices',
      properties: DEVICE },
    ev1: { type: 'efr:deviceEvent', supertypes: ['cm:content'], parent: 'dev1',
      properties: EVENT },
    chk1: { type: 'efr:deviceCheck', supertypes: ['cm:content'], parent: 'dev1',
      properties: { 'cm:name': 'check-1' } },
    ex1: { type: 'efr:exemption', supertypes: ['cm:content'], parent: 'archive',
      properties: EXEMPTION },
  } });
}

function scenario(name: string, policy: string, args: Scenario['args'], user = 'wang.custodian',
  extra: Partial<Scenario> = {}): Scenario {
  return { name, script: 'handover', policy, user, users: USERS_WITH_ADMIN, nodes: nodes(), args,
    ...extra };
}

function update(name: string, node: string, before: Record<string, FixtureValue>,
  change: Record<string, FixtureValue>, extra: Partial<Scenario> = {}): Scenario {
  return scenario(name, 'onUpdateProperties',
    [{ node }, { map: before }, { map: { ...before, ...change } }], 'wang.custodian', extra);
}

const create = (name: string, node: string, parent: string, user = 'wang.custodian',
  extra: Partial<Scenario> = {}): Scenario =>
  scenario(name, 'onCreateNode', [{ childAssoc: { parent, child: node } }], user, extra);

const SCENARIOS: Scenario[] = [
  update('device status via REST', 'dev1', DEVICE, { 'efr:deviceStatus': 'issued' }),
  update('device status in a step', 'dev1', DEVICE, { 'efr:deviceStatus': 'issued' },
    { transactionResources: MARKED }),
  { ...update('device status via REST, interpreted', 'dev1', DEVICE,
    { 'efr:deviceStatus': 'issued' }), optimizationLevel: -1 },
  update('device description via REST', 'dev1', DEVICE, { 'cm:description': '备用机' }),
  update('device touched by ACS only', 'dev1', DEVICE,
    { 'cm:modified': { date: '2026-03-02T00:00:00.000Z' } }),
  update('event rewritten via REST', 'ev1', EVENT, { 'cm:description': '改写' }),
  update('event rewritten in a step', 'ev1', EVENT, { 'cm:description': '改写' },
    { transactionResources: MARKED }),
  update('exemption filed via REST', 'ex1', EXEMPTION, { 'efr:exemptionStatus': 'filed' }),
  update('exemption filed in a step', 'ex1', EXEMPTION, { 'efr:exemptionStatus': 'filed' },
    { transactionResources: MARKED }),
  update('exemption mark of another key', 'ex1', EXEMPTION, { 'efr:exemptionStatus': 'filed' },
    { transactionResources: { 'org.efr.example.other': 'true' } }),
  create('device created via REST', 'dev1', 'devices'),
  create('device created in a step', 'dev1', 'devices', 'wang.custodian',
    { transactionResources: MARKED }),
  create('device loaded by an administrator', 'dev1', 'devices', 'admin'),
  create('device created by System', 'dev1', 'devices', 'wang.custodian',
    { user: null, runAs: 'System' }),
  create('check added via REST', 'chk1', 'dev1'),
  create('exemption created via REST', 'ex1', 'archive', 'li.officer'),
  scenario('device deleted', 'beforeDeleteNode', [{ node: 'dev1' }]),
  scenario('event deleted in a step', 'beforeDeleteNode', [{ node: 'ev1' }], 'wang.custodian',
    { transactionResources: MARKED }),
  scenario('exemption deleted', 'beforeDeleteNode', [{ node: 'ex1' }], 'admin'),
];

describe('workflow guard of the device register and exemptions in Rhino (module JAR)', () => {
  let results: Record<string, ScenarioResult>;
  let ws: Record<string, WsResult>;

  beforeAll(async () => {
    results = await runByName(SCENARIOS);
    ws = await runCalls(WS_USERS, [
      { name: 'register', script: 'devices.post', user: 'custodian1',
        body: { serial: 'BWC-2026-201', kind: 'bodyCamera', unit: '社会事务科',
          unitHead: 'unithead1' } },
      { name: 'list', script: 'devices.get', user: 'custodian1' },
    ]);
  });

  function outcome(name: string): string {
    const r = results[name];
    return r.outcome + (r.outcome === 'refused' ? ' ' + String(r.message).split(':')[0] :
      r.outcome === 'error' ? ' ' + String(r.message) : '');
  }

  it('R13.1: a device step field changes only inside a marked web script transaction', () => {
    expect(outcome('device status via REST')).toBe('refused efr.workflow.stepsOnly R13.1');
    expect(results['device status via REST'].message).toContain('efr:deviceStatus');
    expect(outcome('device status via REST, interpreted'))
      .toBe('refused efr.workflow.stepsOnly R13.1');
    expect(outcome('device status in a step')).toBe('allowed');
    expect(outcome('device description via REST')).toBe('allowed');
    expect(outcome('device touched by ACS only')).toBe('allowed');
  });

  it('R13.1: device history entries are append-only and added only by the web scripts', () => {
    expect(outcome('event rewritten via REST')).toBe('refused efr.workflow.stepsOnly R13.1');
    expect(outcome('event rewritten in a step')).toBe('allowed');
    expect(outcome('check added via REST')).toBe('refused efr.workflow.stepsOnly R13.1');
  });

  it('R11.2: an exemption is filed only through its web script (the mark key must match)', () => {
    expect(outcome('exemption filed via REST')).toBe('refused efr.workflow.stepsOnly R11.2');
    expect(outcome('exemption filed in a step')).toBe('allowed');
    expect(outcome('exemption mark of another key'))
      .toBe('refused efr.workflow.stepsOnly R11.2');
    expect(outcome('exemption created via REST')).toBe('refused efr.workflow.stepsOnly R11.2');
  });

  it('R13.1: outside a step only administrators and System load the register', () => {
    expect(outcome('device created via REST')).toBe('refused efr.workflow.stepsOnly R13.1');
    expect(outcome('device created in a step')).toBe('allowed');
    expect(outcome('device loaded by an administrator')).toBe('allowed');
    expect(outcome('device created by System')).toBe('allowed');
  });

  it('R13.1/R11.2: devices, their history and exemptions are never deleted', () => {
    expect(outcome('device deleted')).toBe('refused efr.workflow.historyKept R13.1');
    expect(outcome('event deleted in a step')).toBe('refused efr.workflow.historyKept R13.1');
    expect(outcome('exemption deleted')).toBe('refused efr.workflow.historyKept R11.2');
    expect(results['device deleted'].logs.some((l) => l.startsWith('warn: efr refused')))
      .toBeTrue();
  });

  it('R13.1: every EFR web script marks its transaction as a workflow step (issue 16)', () => {
    expect(ws.register.status).withContext(String(ws.register.error)).toBe(201);
    expect(ws.register.logs).toContain('tx: bind ' + WORKFLOW_STEP_KEY + '=true');
    expect(ws.list.logs).toContain('tx: bind ' + WORKFLOW_STEP_KEY + '=true');
    expect(ws.list.writes).toBe(0);
  });
});
