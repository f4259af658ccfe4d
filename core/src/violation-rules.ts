/**
 * The violation register (R29.1) and accountability measures (R30.1).
 * proposed → confirmed | dismissed, decided by a supervisor who is not the person concerned;
 * a dismissal needs a reason; measures apply only to confirmed violations.
 */
import { isOneOf, MEASURES, VIOLATION_KINDS } from './enums.js';
import type { Measure, ViolationKind, ViolationStatus } from './enums.js';
import { GROUP_EFR_SUPERVISORS, isMember } from './roles.js';
import type { Actor } from './roles.js';
import { allow, refuse } from './verdict.js';
import type { Transition, Verdict } from './verdict.js';
import { isIsoDate, isNonBlank, requireInstant } from './validation.js';

/** A violation as stored. */
export interface ViolationState {
  /** Node id. */
  id: string;
  /** Kind (R29.1). */
  kind: ViolationKind;
  /** Status. */
  status: ViolationStatus;
  /** The officer concerned. */
  subject: string;
  /** Who reported it (a person, or `system` for automatic ones such as late handovers). */
  reportedBy: string;
  /** Who decided. */
  decidedBy: string | null;
  /** When. */
  decidedAt: string | null;
  /** Reason of the decision (mandatory for dismissal). */
  decisionReason: string | null;
}

/** A new violation report. */
export interface ViolationInput {
  /** Kind (R29.1). */
  kind: ViolationKind | string;
  /**
   * The officer concerned; null only on a proposal the system makes before anyone is found
   * responsible (a fixity alert: 待查明). A person who registers one names the officer.
   */
  subject: string | null;
  /** What happened. */
  description: string;
}

/** Decisions on a proposed violation. */
export type ViolationAction =
  | { type: 'confirm'; reason?: string }
  | { type: 'dismiss'; reason: string };

/** An accountability measure (R30.1). */
export interface MeasureInput {
  /** Measure (R30.1). */
  measure: Measure | string;
  /** First day (YYYY-MM-DD). */
  startDate: string;
  /** Last day (YYYY-MM-DD); null for one-off measures. */
  endDate: string | null;
}

/** Validates a new violation report (R29.1). */
export function checkViolation(input: ViolationInput): Verdict {
  if (!isOneOf(VIOLATION_KINDS, input.kind)) {
    return refuse(422, 'efr.violation.kind', 'R29.1', 'Choose the kind of violation.', '请选择违规情形。');
  }
  if (input.subject !== null && !isNonBlank(input.subject)) {
    return refuse(422, 'efr.violation.subject', 'R29.1', 'Name the person concerned.', '请填写当事人。');
  }
  if (!isNonBlank(input.description)) {
    return refuse(422, 'efr.violation.description', 'R29.1',
      'Describe what happened.', '请填写违规事实。');
  }
  return allow();
}

/** Confirms or dismisses a proposed violation (R29.1). */
export function transitionViolation(
  state: ViolationState,
  action: ViolationAction,
  actor: Actor,
  now: string,
): Transition<ViolationState> {
  requireInstant(now, 'now');
  if (!isMember(actor, GROUP_EFR_SUPERVISORS)) {
    return { verdict: refuse(403, 'efr.violation.notSupervisor', 'R29.1',
      'Only supervisors decide on violations.', '仅监督人员可以认定违规。') };
  }
  if (actor.userName === state.subject) {
    return { verdict: refuse(403, 'efr.violation.ownCase', 'R29.1',
      'Nobody decides on their own violation.', '不得认定本人的违规。') };
  }
  if (state.status !== 'proposed') {
    return { verdict: refuse(409, 'efr.violation.decided', 'R29.1',
      'The violation is already ' + state.status + '.', '该违规已处理（' + state.status + '）。') };
  }
  if (action.type === 'dismiss' && !isNonBlank(action.reason)) {
    return { verdict: refuse(422, 'efr.violation.dismissReason', 'R29.1',
      'A dismissal needs a reason.', '不予认定须说明理由。') };
  }
  const next = Object.assign({}, state) as ViolationState;
  next.status = action.type === 'confirm' ? 'confirmed' : 'dismissed';
  next.decidedBy = actor.userName;
  next.decidedAt = now;
  next.decisionReason = isNonBlank(action.reason) ? (action.reason as string).trim() : null;
  return { verdict: allow(), next };
}

/** Measures that run over a period and therefore need an end date. */
export const PERIOD_MEASURES: readonly Measure[] = ['suspension'];

/** Checks a measure against its violation (R30.1). */
export function checkMeasure(
  violation: ViolationState,
  input: MeasureInput,
  actor: Actor,
): Verdict {
  if (!isMember(actor, GROUP_EFR_SUPERVISORS)) {
    return refuse(403, 'efr.measure.notSupervisor', 'R30.1',
      'Only supervisors record accountability measures.', '仅监督人员可以登记问责措施。');
  }
  if (violation.status !== 'confirmed') {
    return refuse(409, 'efr.measure.notConfirmed', 'R30.1',
      'Measures apply only to confirmed violations.', '仅可对已认定的违规采取问责措施。');
  }
  if (!isOneOf(MEASURES, input.measure)) {
    return refuse(422, 'efr.measure.kind', 'R30.1', 'Choose a measure.', '请选择问责措施。');
  }
  if (!isIsoDate(input.startDate)) {
    return refuse(422, 'efr.measure.startDate', 'R30.1', 'Give the start date.', '请填写开始日期。');
  }
  const needsEnd = PERIOD_MEASURES.indexOf(input.measure) >= 0;
  if (input.endDate === null || input.endDate === undefined) {
    if (needsEnd) {
      return refuse(422, 'efr.measure.endDate', 'R30.1',
        'A suspension needs an end date.', '暂停执法须填写结束日期。');
    }
    return allow();
  }
  // YYYY-MM-DD strings compare in calendar order.
  if (!isIsoDate(input.endDate) || input.endDate < input.startDate) {
    return refuse(422, 'efr.measure.endBeforeStart', 'R30.1',
      'The end date must not be before the start date.', '结束日期不得早于开始日期。');
  }
  return allow();
}
