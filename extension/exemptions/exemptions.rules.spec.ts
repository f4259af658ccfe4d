import { EfrRole, EfrUser } from '../shared/public-api';
import { Exemption, ExemptionForm } from './exemptions.model';
import {
  defaultView,
  exemptionActions,
  exemptionFilterFromParams,
  exemptionFilterToParams,
  exemptionFormVerdict,
  exemptionListArgs,
  exemptionsShown,
  inView,
  mayWriteExemption,
} from './exemptions.rules';

const user = (id: string, ...roles: EfrRole[]): EfrUser => ({
  id,
  displayName: id,
  roles,
  isAdmin: false,
});
const record = (o: Partial<Exemption> = {}): Exemption => ({
  id: 'e1',
  name: '免录-1',
  status: 'written',
  author: 'officer1',
  coOfficer: null,
  leader: 'leader1',
  actAt: '2026-11-26T01:00:00.000Z',
  activityType: 'routineInspection',
  location: '加油站',
  ground: 'explosionHazard',
  basis: '防爆区域不得使用非防爆设备。',
  writtenAt: '2026-11-26T02:00:00.000Z',
  acknowledgedAt: null,
  filedBy: null,
  filedAt: null,
  caseId: null,
  caseNumber: null,
  reminder: { waitingFor: 'leader', dueAt: '2026-11-27T02:00:00.000Z', overdue: false },
  ...o,
});
const officer = user('officer1', EfrRole.Officer);
const leader = user('leader1', EfrRole.Leader);
const office = user('custodian1', EfrRole.Custodian);

describe('exemptions.rules (issue 9, R11.2)', () => {
  it('R11.2: the named leader acknowledges, the office files, never the author', () => {
    expect(exemptionActions(record(), leader)).toEqual(['acknowledge']);
    expect(exemptionActions(record(), user('leader2', EfrRole.Leader))).toEqual([]);
    expect(exemptionActions(record(), officer)).toEqual([]);
    expect(exemptionActions(record(), office)).toEqual([]);
    const ack = record({ status: 'acknowledged' });
    expect(exemptionActions(ack, office)).toEqual(['file']);
    expect(exemptionActions(ack, leader)).toEqual([]);
    expect(exemptionActions(record({ status: 'filed' }), office)).toEqual([]);
    const selfLeader = record({ author: 'leader1' });
    expect(exemptionActions(selfLeader, leader)).toEqual([]);
  });

  it('filters views and picks a default per role', () => {
    expect(inView(record(), 'mine', officer)).toBeTrue();
    expect(inView(record(), 'todo', leader)).toBeTrue();
    expect(inView(record(), 'overdue', leader)).toBeFalse();
    expect(
      inView(
        record({ reminder: { waitingFor: 'leader', dueAt: null, overdue: true } }),
        'overdue',
        null,
      ),
    ).toBeTrue();
    expect(defaultView(leader)).toBe('todo');
    expect(defaultView(office)).toBe('todo');
    expect(defaultView(officer)).toBe('mine');
    expect(mayWriteExemption(officer)).toBeTrue();
    expect(mayWriteExemption(leader)).toBeFalse();
  });

  it('R11.1/R11.2: the form needs a ground, a basis, a time before now and the act', () => {
    const now = Date.parse('2026-11-26T03:00:00Z');
    const form: ExemptionForm = {
      actAt: '2026-11-26T01:00:00.000Z',
      activityType: 'routineInspection',
      location: '加油站',
      ground: 'explosionHazard',
      basis: '防爆区域不得使用非防爆设备。',
      leader: 'leader1',
      coOfficer: '',
      caseId: '',
    };
    const code = (f: ExemptionForm): string => {
      const v = exemptionFormVerdict(f, 'officer1', now);
      return v.allowed ? 'ok' : v.code;
    };
    expect(code(form)).toBe('ok');
    expect(code({ ...form, ground: '' })).toBe('efr.exemption.ground');
    expect(code({ ...form, basis: '太短' })).toBe('efr.exemption.basis');
    expect(code({ ...form, actAt: '2026-11-26T04:00:00.000Z' })).toBe(
      'efr.exemption.writtenBeforeAct',
    );
    expect(code({ ...form, location: ' ' })).toBe('efr.exemption.act');
    expect(code({ ...form, leader: '' })).toBe('efr.exemption.act');
    // With a case, the case's leader in charge receives it.
    expect(code({ ...form, leader: '', caseId: 'c1' })).toBe('ok');
  });

  it('R11.2: reads view, status and leader from a link, dropping what it does not know', () => {
    expect(
      exemptionFilterFromParams({ view: 'all', status: 'written', leader: 'leader1' }, officer),
    ).toEqual({ view: 'all', status: 'written', leader: 'leader1' });
    // No view: the user's default one; unknown values are left out.
    expect(exemptionFilterFromParams({ status: 'shredded', leader: '  ' }, leader)).toEqual({
      view: 'todo',
    });
    expect(exemptionFilterFromParams({ view: 'everything' }, officer)).toEqual({ view: 'mine' });
  });

  it('R11.2: writes a filter back as the same link and asks the repository to narrow', () => {
    const filter = { view: 'all' as const, status: 'written' as const, leader: 'leader1' };
    expect(exemptionFilterToParams(filter)).toEqual({
      view: 'all',
      status: 'written',
      leader: 'leader1',
    });
    expect(exemptionFilterFromParams(exemptionFilterToParams(filter), officer)).toEqual(filter);
    expect(exemptionListArgs(filter)).toEqual({ status: 'written', leader: 'leader1' });
    expect(exemptionListArgs({ view: 'todo' })).toEqual({});
  });

  it('R11.2: shows what view, status and leader all allow', () => {
    const mine = record({ id: 'a' });
    const other = record({ id: 'b', leader: 'leader2' });
    const acknowledged = record({ id: 'c', status: 'acknowledged' });
    const all = [mine, other, acknowledged];
    const ids = (f: Parameters<typeof exemptionsShown>[1]) =>
      exemptionsShown(all, f, leader).map((e) => e.id);
    expect(ids({ view: 'all', status: 'written', leader: 'leader1' })).toEqual(['a']);
    expect(ids({ view: 'all' })).toEqual(['a', 'b', 'c']);
    expect(ids({ view: 'todo' })).toEqual(['a']);
  });
});
