import {
  checkExemption, GROUP_EFR_CUSTODIANS, GROUP_EFR_LEADERS, GROUP_EFR_OFFICERS,
  transitionExemption,
} from './index.js';
import type { Actor, ExemptionInput, ExemptionState, Verdict } from './index.js';

const refusal = (v: Verdict): string =>
  (v.allowed ? 'allowed' : v.status + ' ' + v.code + ' ' + v.requirement);
const actor = (userName: string, ...groups: string[]): Actor => ({ userName, groups });
const NOW = '2026-03-02T01:00:00Z';

function input(o: Partial<ExemptionInput> = {}): ExemptionInput {
  return { author: 'zhangwei', ground: 'explosionHazard',
    basis: '加油站油气区域，现场记录仪非防爆型，依规定不得使用。',
    actEndedAt: '2026-03-01T03:00:00Z', writtenAt: '2026-03-01T05:00:00Z', ...o };
}

function state(o: Partial<ExemptionState> = {}): ExemptionState {
  return { id: 'ex-1', status: 'written', author: 'zhangwei', leaderInCharge: 'lingdao',
    acknowledgedBy: null, acknowledgedAt: null, filedBy: null, filedAt: null, ...o };
}

describe('exemptions (R11.1, R11.2)', () => {
  it('R11.1: each of the four grounds is accepted', () => {
    for (const ground of ['explosionHazard', 'secrecyOrPrivacy', 'emergency', 'otherObjective']) {
      expect(checkExemption(input({ ground }))).toEqual({ allowed: true });
    }
  });
  it('R11.2: the author is named', () => {
    expect(refusal(checkExemption(input({ author: ' ' })))).toBe('422 efr.exemption.author R11.2');
  });
  it('R11.1: any other ground is refused', () => {
    expect(refusal(checkExemption(input({ ground: 'forgot' }))))
      .toBe('422 efr.exemption.ground R11.1');
  });
  it('R11.2: the basis has at least 10 characters (trimmed)', () => {
    expect(refusal(checkExemption(input({ basis: '  九个字九个字九个字  ' }))))
      .toBe('422 efr.exemption.basis R11.2');
    expect(checkExemption(input({ basis: '十个字十个字十个字十' })).allowed).toBeTrue();
  });
  it('R11.2: written after the act, with valid dates', () => {
    expect(refusal(checkExemption(input({ writtenAt: '2026-03-01T02:59:59Z' }))))
      .toBe('422 efr.exemption.writtenBeforeAct R11.2');
    expect(checkExemption(input({ writtenAt: '2026-03-01T03:00:00Z' })).allowed).toBeTrue();
    expect(refusal(checkExemption(input({ actEndedAt: 'x' }))))
      .toBe('422 efr.exemption.dates R11.2');
  });

  describe('written → acknowledged → filed', () => {
    const leader = actor('lingdao', GROUP_EFR_LEADERS);
    const office = actor('baoguan', GROUP_EFR_CUSTODIANS);
    it('the leader in charge acknowledges, the office files', () => {
      const a = transitionExemption(state(), { type: 'acknowledge' }, leader, NOW);
      expect(a.verdict.allowed).toBeTrue();
      expect([a.next?.status, a.next?.acknowledgedBy, a.next?.acknowledgedAt])
        .toEqual(['acknowledged', 'lingdao', NOW]);
      const f = transitionExemption(a.next as ExemptionState, { type: 'file' }, office, NOW);
      expect([f.next?.status, f.next?.filedBy]).toEqual(['filed', 'baoguan']);
    });
    it('another leader may not acknowledge; any leader when none is recorded', () => {
      const other = actor('lingdao2', GROUP_EFR_LEADERS);
      expect(refusal(transitionExemption(state(), { type: 'acknowledge' }, other, NOW).verdict))
        .toBe('403 efr.exemption.notLeader R11.2');
      expect(transitionExemption(state({ leaderInCharge: null }), { type: 'acknowledge' }, other,
        NOW).verdict.allowed).toBeTrue();
      expect(refusal(transitionExemption(state(), { type: 'acknowledge' },
        actor('lingdao', GROUP_EFR_OFFICERS), NOW).verdict))
        .toBe('403 efr.exemption.notLeader R11.2');
    });
    it('the author never acknowledges or files their own record', () => {
      const authorLeader = actor('zhangwei', GROUP_EFR_LEADERS, GROUP_EFR_CUSTODIANS);
      expect(refusal(transitionExemption(state({ leaderInCharge: 'zhangwei' }),
        { type: 'acknowledge' }, authorLeader, NOW).verdict))
        .toBe('403 efr.exemption.selfAcknowledge R11.2');
      expect(refusal(transitionExemption(state({ status: 'acknowledged' }), { type: 'file' },
        authorLeader, NOW).verdict)).toBe('403 efr.exemption.selfFile R11.2');
    });
    it('only the office files', () => {
      expect(refusal(transitionExemption(state({ status: 'acknowledged' }), { type: 'file' },
        leader, NOW).verdict)).toBe('403 efr.exemption.notOffice R11.2');
    });
    it('steps out of order are 409', () => {
      expect(refusal(transitionExemption(state(), { type: 'file' }, office, NOW).verdict))
        .toBe('409 efr.exemption.badState R11.2');
      expect(refusal(transitionExemption(state({ status: 'filed' }), { type: 'acknowledge' },
        leader, NOW).verdict)).toBe('409 efr.exemption.badState R11.2');
      expect(refusal(transitionExemption(state({ status: 'acknowledged' }),
        { type: 'acknowledge' }, leader, NOW).verdict)).toBe('409 efr.exemption.badState R11.2');
    });
  });
});
