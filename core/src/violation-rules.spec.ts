import {
  checkMeasure, checkViolation, GROUP_EFR_OFFICERS, GROUP_EFR_SUPERVISORS, MEASURES,
  transitionViolation, VIOLATION_KINDS,
} from './index.js';
import type { Actor, MeasureInput, Verdict, ViolationState } from './index.js';

const refusal = (v: Verdict): string =>
  (v.allowed ? 'allowed' : v.status + ' ' + v.code + ' ' + v.requirement);
const actor = (userName: string, ...groups: string[]): Actor => ({ userName, groups });
const supervisor = actor('jiandu', GROUP_EFR_SUPERVISORS);
const NOW = '2026-03-02T01:00:00Z';

function violation(o: Partial<ViolationState> = {}): ViolationState {
  return { id: 'v-1', kind: 'notRecorded', status: 'proposed', subject: 'zhangwei',
    reportedBy: 'system', decidedBy: null, decidedAt: null, decisionReason: null, ...o };
}

describe('violations (R29.1) and measures (R30.1)', () => {
  it('R29.1: the eight kinds are accepted, others refused', () => {
    expect(VIOLATION_KINDS.length).toBe(8);
    for (const kind of VIOLATION_KINDS) {
      expect(checkViolation({ kind, subject: 'zhangwei', description: '未按规定录像' }).allowed)
        .toBeTrue();
    }
    expect(refusal(checkViolation({ kind: 'late', subject: 'zhangwei', description: 'x' })))
      .toBe('422 efr.violation.kind R29.1');
    // A system proposal before anyone is found responsible (待查明, a fixity alert).
    expect(checkViolation({ kind: 'falsifiedOrEdited', subject: null, description: 'x' })
      .allowed).toBeTrue();
    expect(refusal(checkViolation({ kind: 'misuse', subject: ' ', description: 'x' })))
      .toBe('422 efr.violation.subject R29.1');
    expect(refusal(checkViolation({ kind: 'misuse', subject: 'a', description: '' })))
      .toBe('422 efr.violation.description R29.1');
  });
  it('R29.1: a supervisor confirms or dismisses (with a reason)', () => {
    const c = transitionViolation(violation(), { type: 'confirm' }, supervisor, NOW);
    expect([c.next?.status, c.next?.decidedBy, c.next?.decidedAt, c.next?.decisionReason])
      .toEqual(['confirmed', 'jiandu', NOW, null]);
    const d = transitionViolation(violation(), { type: 'dismiss', reason: '设备故障，非本人原因' },
      supervisor, NOW);
    expect([d.next?.status, d.next?.decisionReason]).toEqual(['dismissed', '设备故障，非本人原因']);
    expect(refusal(transitionViolation(violation(), { type: 'dismiss', reason: ' ' }, supervisor,
      NOW).verdict)).toBe('422 efr.violation.dismissReason R29.1');
  });
  it('R29.1: only supervisors decide, never on their own case, once', () => {
    expect(refusal(transitionViolation(violation(), { type: 'confirm' },
      actor('x', GROUP_EFR_OFFICERS), NOW).verdict)).toBe('403 efr.violation.notSupervisor R29.1');
    expect(refusal(transitionViolation(violation({ subject: 'jiandu' }), { type: 'confirm' },
      supervisor, NOW).verdict)).toBe('403 efr.violation.ownCase R29.1');
    for (const status of ['confirmed', 'dismissed'] as const) {
      expect(refusal(transitionViolation(violation({ status }), { type: 'confirm' }, supervisor,
        NOW).verdict)).toBe('409 efr.violation.decided R29.1');
    }
  });

  describe('R30.1 measures', () => {
    const confirmed = violation({ status: 'confirmed' });
    const m = (o: Partial<MeasureInput> = {}): MeasureInput => ({ measure: 'criticism',
      startDate: '2026-03-05', endDate: null, ...o });
    it('each of the five measures on a confirmed violation', () => {
      expect(MEASURES.length).toBe(5);
      for (const measure of MEASURES) {
        const input = m({ measure, endDate: measure === 'suspension' ? '2026-04-04' : null });
        expect(checkMeasure(confirmed, input, supervisor).allowed).withContext(measure).toBeTrue();
      }
    });
    it('only on confirmed violations', () => {
      for (const status of ['proposed', 'dismissed'] as const) {
        expect(refusal(checkMeasure(violation({ status }), m(), supervisor)))
          .toBe('409 efr.measure.notConfirmed R30.1');
      }
    });
    it('start ≤ end; a suspension needs an end date', () => {
      expect(checkMeasure(confirmed, m({ endDate: '2026-03-05' }), supervisor).allowed).toBeTrue();
      expect(refusal(checkMeasure(confirmed, m({ endDate: '2026-03-04' }), supervisor)))
        .toBe('422 efr.measure.endBeforeStart R30.1');
      expect(refusal(checkMeasure(confirmed, m({ measure: 'suspension' }), supervisor)))
        .toBe('422 efr.measure.endDate R30.1');
      expect(refusal(checkMeasure(confirmed, m({ startDate: '2026-02-30' }), supervisor)))
        .toBe('422 efr.measure.startDate R30.1');
      expect(refusal(checkMeasure(confirmed, m({ endDate: '2026-13-01' }), supervisor)))
        .toBe('422 efr.measure.endBeforeStart R30.1');
    });
    it('refuses unknown measures and non-supervisors', () => {
      expect(refusal(checkMeasure(confirmed, m({ measure: 'fine' }), supervisor)))
        .toBe('422 efr.measure.kind R30.1');
      expect(refusal(checkMeasure(confirmed, m(), actor('x', GROUP_EFR_OFFICERS))))
        .toBe('403 efr.measure.notSupervisor R30.1');
    });
  });
});
