/**
 * The one answer every EFR rule gives: allowed, or refused with an HTTP status, a stable machine
 * code, the requirement id it enforces and a message in English and Chinese.
 *
 * Status meaning (shared by server/, behaviors/ and the screens):
 * - 403: the person may not do this;
 * - 409: the record's state forbids it now;
 * - 410: the record's content is gone for good (destroyed by disposition, issue 18);
 * - 422: the data itself breaks a rule.
 */
export type Verdict =
  | { allowed: true }
  | {
      allowed: false;
      status: 403 | 409 | 410 | 422;
      code: string;
      requirement: string;
      message: string;
      messageZh: string;
    };

/** A refused verdict. */
export type Refusal = Extract<Verdict, { allowed: false }>;

/** HTTP status of a refusal. */
export type RefusalStatus = Refusal['status'];

/** One problem found in a form or request body, addressed by a dotted path (`sessions.0.place`). */
export interface FieldError {
  /** Dotted path of the offending field, e.g. `sessions.1.endedAt`. */
  path: string;
  /** Stable machine key, e.g. `efr.handover.sameOfficer`. */
  code: string;
  /** Requirement id the rule enforces, e.g. `R15.2`. */
  requirement: string;
  /** English message for users. */
  message: string;
  /** Chinese message for users. */
  messageZh: string;
}

/** The verdict of an allowed action (a fresh object, so callers may not share mutations). */
export function allow(): Verdict {
  return { allowed: true };
}

/** Builds a refusal. */
export function refuse(
  status: RefusalStatus,
  code: string,
  requirement: string,
  message: string,
  messageZh: string,
): Verdict {
  return { allowed: false, status, code, requirement, message, messageZh };
}

/** Builds a field error. */
export function fieldError(
  path: string,
  code: string,
  requirement: string,
  message: string,
  messageZh: string,
): FieldError {
  return { path, code, requirement, message, messageZh };
}

/**
 * Turns a list of field errors into one verdict: allowed when empty, otherwise a 422 refusal
 * that carries the first error (the full list stays available to forms).
 */
export function verdictFromErrors(errors: readonly FieldError[]): Verdict {
  if (errors.length === 0) return allow();
  const first = errors[0];
  return refuse(422, first.code, first.requirement, first.message, first.messageZh);
}

/** Result of a state-machine step: the verdict, and the next state when allowed. */
export interface Transition<T> {
  /** Whether the step is allowed, and why not. */
  verdict: Verdict;
  /** The state after the step; absent when refused. */
  next?: T;
}

/** A refused transition (no next state). */
export function refusedTransition<T>(verdict: Verdict): Transition<T> {
  return { verdict };
}
