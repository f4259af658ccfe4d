/**
 * Acts not recorded (R11.1, R11.2): the officer writes a work record naming one of the four
 * grounds and its basis after the act, the leader in charge acknowledges it, the office files
 * it. written → acknowledged → filed.
 */
import { EXEMPTION_GROUNDS, isOneOf } from './enums.js';
import type { ExemptionGround, ExemptionStatus } from './enums.js';
import { GROUP_EFR_CUSTODIANS, GROUP_EFR_LEADERS, isMember } from './roles.js';
import type { Actor } from './roles.js';
import { allow, refuse } from './verdict.js';
import type { Transition, Verdict } from './verdict.js';
import { parseInstant, requireInstant, trimmedLength } from './validation.js';

/** Minimum length of the basis text, in characters (trimmed). */
export const MIN_BASIS_LENGTH = 10;

/** A new exemption record. */
export interface ExemptionInput {
  /** Officer who writes it. */
  author: string;
  /** The ground (R11.1). */
  ground: ExemptionGround | string;
  /** Reason and its basis (R11.2), at least {@link MIN_BASIS_LENGTH} characters. */
  basis: string;
  /** When the act ended (ISO date-time). */
  actEndedAt: string;
  /** When the record is written (ISO date-time), normally `now`. */
  writtenAt: string;
}

/** An exemption record as stored. */
export interface ExemptionState {
  /** Node id. */
  id: string;
  /** Status (R11.2). */
  status: ExemptionStatus;
  /** Officer who wrote it. */
  author: string;
  /** Leader in charge who must acknowledge it; null when the case has none recorded. */
  leaderInCharge: string | null;
  /** Who acknowledged. */
  acknowledgedBy: string | null;
  /** When. */
  acknowledgedAt: string | null;
  /** Who filed. */
  filedBy: string | null;
  /** When. */
  filedAt: string | null;
}

/** The steps of an exemption record. */
export type ExemptionAction = { type: 'acknowledge' } | { type: 'file' };

/** Validates a new exemption record (R11.1, R11.2). */
export function checkExemption(input: ExemptionInput): Verdict {
  if (trimmedLength(input.author) === 0) {
    return refuse(422, 'efr.exemption.author', 'R11.2',
      'The officer who writes the record is missing.', '缺少填写记录的执法人员。');
  }
  if (!isOneOf(EXEMPTION_GROUNDS, input.ground)) {
    return refuse(422, 'efr.exemption.ground', 'R11.1',
      'Choose one of the four grounds for not recording.', '请选择四种不录像情形之一。');
  }
  if (trimmedLength(input.basis) < MIN_BASIS_LENGTH) {
    return refuse(422, 'efr.exemption.basis', 'R11.2',
      'State the reason and its basis (at least ' + MIN_BASIS_LENGTH + ' characters).',
      '请写明理由和依据（不少于 ' + MIN_BASIS_LENGTH + ' 个字）。');
  }
  const act = parseInstant(input.actEndedAt);
  const written = parseInstant(input.writtenAt);
  if (act === null || written === null) {
    return refuse(422, 'efr.exemption.dates', 'R11.2',
      'The act end and writing time must be date-times.', '执法结束时间和填写时间须为有效时间。');
  }
  if (written < act) {
    return refuse(422, 'efr.exemption.writtenBeforeAct', 'R11.2',
      'The work record is written after the act.', '工作记录须在执法行为结束后填写。');
  }
  return allow();
}

/** Moves an exemption record one step (R11.2). */
export function transitionExemption(
  state: ExemptionState,
  action: ExemptionAction,
  actor: Actor,
  now: string,
): Transition<ExemptionState> {
  requireInstant(now, 'now');
  const next = Object.assign({}, state) as ExemptionState;
  if (action.type === 'acknowledge') {
    if (state.status !== 'written') return { verdict: badState(state.status) };
    if (actor.userName === state.author) {
      return { verdict: refuse(403, 'efr.exemption.selfAcknowledge', 'R11.2',
        'The author cannot acknowledge their own record.', '填写人不得自行确认。') };
    }
    const isTheLeader = state.leaderInCharge === null
      ? isMember(actor, GROUP_EFR_LEADERS)
      : actor.userName === state.leaderInCharge && isMember(actor, GROUP_EFR_LEADERS);
    if (!isTheLeader) {
      return { verdict: refuse(403, 'efr.exemption.notLeader', 'R11.2',
        'Only the bureau leader in charge acknowledges this record.', '仅分管领导可以确认。') };
    }
    next.status = 'acknowledged';
    next.acknowledgedBy = actor.userName;
    next.acknowledgedAt = now;
    return { verdict: allow(), next };
  }
  if (action.type === 'file') {
    if (state.status !== 'acknowledged') return { verdict: badState(state.status) };
    if (!isMember(actor, GROUP_EFR_CUSTODIANS)) {
      return { verdict: refuse(403, 'efr.exemption.notOffice', 'R11.2',
        'Only the bureau office files exemption records.', '仅局办公室可以归档。') };
    }
    if (actor.userName === state.author) {
      return { verdict: refuse(403, 'efr.exemption.selfFile', 'R11.2',
        'The author cannot file their own record.', '填写人不得自行归档。') };
    }
    next.status = 'filed';
    next.filedBy = actor.userName;
    next.filedAt = now;
    return { verdict: allow(), next };
  }
  return { verdict: refuse(422, 'efr.exemption.badAction', 'R11.2', 'Unknown action.', '未知操作。') };
}

function badState(status: ExemptionStatus): Verdict {
  return refuse(409, 'efr.exemption.badState', 'R11.2',
    'Not possible while the record is ' + status + '.', '当前状态（' + status + '）不允许此操作。');
}
