// The efr:handover and efr:accessRequest script behaviours, compiled into the module JAR, run
// in Debian's Rhino 1.7.14 (test/acs-runtime): receipts by two distinct custodians (R21.4) and the
// viewing-request state machine with separation of duties (R24.1, R24.2).
import { archiveNodes, handoverProps, hoursFromNow, OTHER_SHA, SHA, USERS } from './fixtures.js';
import { runByName } from './rhino-run.js';
import type { FixtureValue, Scenario, ScenarioResult } from './rhino-run.js';

const LINE = SHA + '  执法记录-20260301-0001.mp4';

/** The handover after the first receipt by wang.custodian. */
const pending = handoverProps({
  'efr:handoverStatus': 'pending', 'efr:receipt2By': null, 'efr:receipt2At': null,
  'efr:receipt2Hashes': null,
});
/** The handover before any receipt. */
const open = handoverProps({
  'efr:handoverStatus': 'open', 'efr:receipt1By': null, 'efr:receipt1At': null,
  'efr:receipt1Hashes': null, 'efr:receipt2By': null, 'efr:receipt2At': null,
  'efr:receipt2Hashes': null,
});

function handoverUpdate(
  name: string,
  user: string,
  before: Record<string, FixtureValue>,
  changes: Record<string, FixtureValue>,
): Scenario {
  const after = { ...before, ...changes };
  return { name, script: 'handover', policy: 'onUpdateProperties', user, users: USERS,
    nodes: archiveNodes({ handover: after }),
    args: [{ node: 'ho1' }, { map: before }, { map: after }] };
}

function secondReceipt(by: string, hashes: string[]): Record<string, FixtureValue> {
  return { 'efr:handoverStatus': 'sealed', 'efr:receipt2By': by,
    'efr:receipt2At': { date: '2026-03-01T09:30:00.000Z' }, 'efr:receipt2Hashes': hashes };
}

/** A request reviewed by zhou.director, waiting for the leader in charge (sun.leader). */
function reviewedRequest(requester: string): Record<string, FixtureValue> {
  return {
    'cm:name': '调阅申请-0001', 'cm:created': { date: '2026-11-01T01:00:00.000Z' },
    'efr:requester': requester, 'efr:purpose': 'work', 'efr:reason': '案件复核需要调阅录像',
    'efr:requestStatus': 'reviewed', 'efr:reviewer': 'zhou.director',
    'efr:reviewedAt': { date: '2026-11-02T01:00:00.000Z' },
  };
}

function requestUpdate(
  name: string,
  user: string,
  before: Record<string, FixtureValue>,
  changes: Record<string, FixtureValue>,
): Scenario {
  const after = { ...before, ...changes };
  return { name, script: 'access-request', policy: 'onUpdateProperties', user, users: USERS,
    nodes: archiveNodes({ extra: { req1: { type: 'efr:accessRequest',
      supertypes: ['cm:cmobject'], parent: 'archive', aspects: ['efr:reviewed'],
      properties: after, assocs: { 'efr:requestRecordings': ['rec1'] } } } }),
    args: [{ node: 'req1' }, { map: before }, { map: after }] };
}

const approve = (by: string): Record<string, FixtureValue> => ({
  'efr:requestStatus': 'approved', 'efr:approver': by,
  'efr:approvedAt': { date: '2026-11-03T01:00:00.000Z' },
});

const approved = { ...reviewedRequest('li.officer'), ...approve('sun.leader') };

const SCENARIOS: Scenario[] = [
  handoverUpdate('second receipt by same custodian', 'wang.custodian', pending,
    secondReceipt('wang.custodian', [LINE])),
  handoverUpdate('second receipt by another custodian', 'zhao.custodian', pending,
    secondReceipt('zhao.custodian', [LINE])),
  handoverUpdate('second receipt with wrong hash', 'zhao.custodian', pending,
    secondReceipt('zhao.custodian', [OTHER_SHA + '  执法记录-20260301-0001.mp4'])),
  handoverUpdate('receipt written for someone else', 'zhao.custodian', pending,
    secondReceipt('wang.custodian', [LINE])),
  { ...handoverUpdate('receipt written by the repository', 'System', pending,
    secondReceipt('zhao.custodian', [LINE])), user: null, runAs: 'System' },
  { ...handoverUpdate('repository writes a receipt for an officer', 'System', pending,
    secondReceipt('chen.officer', [LINE])), user: null, runAs: 'System' },
  handoverUpdate('receipt time rewritten', 'wang.custodian', pending,
    { 'efr:receipt1At': { date: '2026-03-01T08:00:00.000Z' } }),
  handoverUpdate('first receipt by an officer', 'chen.officer', open, {
    'efr:handoverStatus': 'pending', 'efr:receipt1By': 'chen.officer', 'efr:receipt1Hashes': [LINE],
  }),
  handoverUpdate('first receipt', 'wang.custodian', open, {
    'efr:handoverStatus': 'pending', 'efr:receipt1By': 'wang.custodian',
    'efr:receipt1At': { date: '2026-03-01T09:00:00.000Z' }, 'efr:receipt1Hashes': [LINE],
  }),
  handoverUpdate('sealed without receipts', 'wang.custodian', open,
    { 'efr:handoverStatus': 'sealed' }),
  handoverUpdate('sealed handover edited', 'wang.custodian', handoverProps(),
    { 'efr:declaredHashes': [OTHER_SHA + '  x.mp4'] }),
  requestUpdate('approval by requester', 'sun.leader', reviewedRequest('sun.leader'),
    approve('sun.leader')),
  requestUpdate('approval by leader in charge', 'sun.leader', reviewedRequest('li.officer'),
    approve('sun.leader')),
  requestUpdate('approval by a director', 'zhou.director', reviewedRequest('li.officer'),
    approve('zhou.director')),
  requestUpdate('approval recorded for another', 'sun.leader', reviewedRequest('li.officer'),
    approve('wu.supervisor')),
  requestUpdate('registration by custodian', 'wang.custodian', approved, {
    'efr:requestStatus': 'registered', 'efr:registrar': 'wang.custodian',
    'efr:registeredAt': { date: hoursFromNow(0) }, 'efr:viewer': 'li.officer',
    'efr:viewReason': '案件复核', 'efr:windowFrom': { date: hoursFromNow(0) },
    'efr:windowTo': { date: hoursFromNow(4) },
  }),
  requestUpdate('registration with a window too long', 'wang.custodian', approved, {
    'efr:requestStatus': 'registered', 'efr:registrar': 'wang.custodian',
    'efr:viewer': 'li.officer', 'efr:viewReason': '案件复核',
    'efr:windowFrom': { date: hoursFromNow(0) }, 'efr:windowTo': { date: hoursFromNow(400) },
  }),
  requestUpdate('approval rewritten', 'wang.custodian', approved,
    { 'efr:approver': 'wu.supervisor' }),
  requestUpdate('back to submitted', 'zhou.director', reviewedRequest('li.officer'),
    { 'efr:requestStatus': 'submitted' }),
];

describe('efr:handover and efr:accessRequest behaviours in Rhino 1.7.14 (module JAR)', () => {
  let results: Record<string, ScenarioResult>;

  beforeAll(async () => {
    results = await runByName(SCENARIOS);
  });

  function expectRefused(name: string, code: string, requirement: string): void {
    const r = results[name];
    expect(r.outcome).withContext(`${name}: ${r.message}`).toBe('refused');
    expect((r.message ?? '').startsWith(code + ' ' + requirement + ': '))
      .withContext(`${name}: ${r.message}`).toBeTrue();
  }

  function expectAllowed(name: string): void {
    const r = results[name];
    expect(r.outcome).withContext(`${name}: ${r.message}`).toBe('allowed');
  }

  it('R21.4: refuses a second receipt by the same custodian', () => {
    expectRefused('second receipt by same custodian', 'efr.handover.sameCustodian', 'R21.4');
  });

  it('R21.4: seals with a second, different custodian and matching hashes', () => {
    expectAllowed('second receipt by another custodian');
    expectAllowed('first receipt');
  });

  it('R21.4: refuses wrong hashes, receipts for others and officers of the act', () => {
    expectRefused('second receipt with wrong hash', 'efr.handover.hashMismatch', 'R21.4');
    expectRefused('receipt written for someone else', 'efr.handover.receiptForOther', 'R21.4');
    expectRefused('first receipt by an officer', 'efr.handover.notCustodian', 'R21.4');
  });

  it('R21.4: the repository may write a receipt only for a custodian', () => {
    expectAllowed('receipt written by the repository');
    expectRefused('repository writes a receipt for an officer', 'efr.handover.notCustodian',
      'R21.4');
  });

  it('R21.4: a recorded receipt is never rewritten', () => {
    expectRefused('receipt time rewritten', 'efr.handover.receiptFixed', 'R21.4');
  });

  it('R21.4: the status follows the receipts; a sealed handover stays as it is', () => {
    expectRefused('sealed without receipts', 'efr.handover.statusByReceipt', 'R21.4');
    expectRefused('sealed handover edited', 'efr.handover.receiptFixed', 'R21.4');
  });

  it('R24.1: refuses approval by the requester', () => {
    expectRefused('approval by requester', 'efr.access.separationOfDuties', 'R24.1');
  });

  it('R24.1: approval is by the leader in charge of the case, recorded under their name', () => {
    expectAllowed('approval by leader in charge');
    expectRefused('approval by a director', 'efr.access.notLeaderInCharge', 'R24.1');
    expectRefused('approval recorded for another', 'efr.access.actorMismatch', 'R24.1');
  });

  it('R24.2: a custodian registers viewer, reason and a bounded window', () => {
    expectAllowed('registration by custodian');
    expectRefused('registration with a window too long', 'efr.access.badWindow', 'R24.2');
  });

  it('R24.1: recorded decisions are not rewritten and steps do not go back', () => {
    expectRefused('approval rewritten', 'efr.access.decisionFixed', 'R24.1');
    expectRefused('back to submitted', 'efr.access.badState', 'R24.1');
  });
});
