import { checkExemption, type Verdict } from '../../core/src/index';
import { EfrRole, EfrUser, hasAnyRole } from '../shared/public-api';
import {
  Exemption,
  ExemptionFilter,
  ExemptionForm,
  ExemptionStatusKey,
  ExemptionStep,
  ExemptionView,
} from './exemptions.model';

/**
 * `exemptions.actions`: the step a user is offered (R11.2): the named leader acknowledges a
 * written record, the office files an acknowledged one; never the author. The server decides
 * again (core exemption-rules).
 */
export function exemptionActions(e: Exemption, user: EfrUser | null): ExemptionStep[] {
  if (!user || user.id === e.author) return [];
  if (e.status === 'written' && user.id === e.leader && user.roles.includes(EfrRole.Leader)) {
    return ['acknowledge'];
  }
  if (e.status === 'acknowledged' && user.roles.includes(EfrRole.Custodian)) return ['file'];
  return [];
}

/** `exemptions.mayWrite`: officers write these records (R11.2). */
export function mayWriteExemption(user: EfrUser | null): boolean {
  return user !== null && user.roles.includes(EfrRole.Officer);
}

/** `exemptions.view`: whether a record belongs in a list view for the user. */
export function inView(e: Exemption, view: ExemptionView, user: EfrUser | null): boolean {
  switch (view) {
    case 'mine':
      return user !== null && e.author === user.id;
    case 'todo':
      return exemptionActions(e, user).length > 0;
    case 'overdue':
      return e.reminder.overdue;
    default:
      return true;
  }
}

/** The default view: what the user must act on, or what they wrote. */
export function defaultView(user: EfrUser | null): ExemptionView {
  if (hasAnyRole(user, [EfrRole.Leader, EfrRole.Custodian])) return 'todo';
  return mayWriteExemption(user) ? 'mine' : 'all';
}

const VIEWS: readonly ExemptionView[] = ['todo', 'mine', 'overdue', 'all'];
const STATUSES: readonly ExemptionStatusKey[] = ['written', 'acknowledged', 'filed'];

/**
 * `exemptions.filterFromParams`: the list's filter from URL query parameters (`view`, `status`,
 * `leader`), as a dashboard tile or a shared link gives them; unknown values are dropped and a
 * missing view is the user's default one.
 */
export function exemptionFilterFromParams(
  params: Record<string, string | null | undefined>,
  user: EfrUser | null,
): ExemptionFilter {
  const filter: ExemptionFilter = {
    view: VIEWS.find((v) => v === params['view']) ?? defaultView(user),
  };
  const status = STATUSES.find((s) => s === params['status']);
  if (status) filter.status = status;
  const leader = params['leader']?.trim().slice(0, 100);
  if (leader) filter.leader = leader;
  return filter;
}

/** `exemptions.filterToParams`: the query parameters that reproduce a filter. */
export function exemptionFilterToParams(filter: ExemptionFilter): Record<string, string> {
  return { view: filter.view, ...exemptionListArgs(filter) };
}

/**
 * `exemptions.listArgs`: the arguments of `GET …/exemptions` for a filter (the repository
 * narrows by status and leader; the view is the user's own and applies on top).
 */
export function exemptionListArgs(filter: ExemptionFilter): Record<string, string> {
  const args: Record<string, string> = {};
  if (filter.status) args['status'] = filter.status;
  if (filter.leader) args['leader'] = filter.leader;
  return args;
}

/**
 * `exemptions.shown`: the records a filter shows, the same for the list and for the dashboard's
 * count. Status and leader are checked again here, so that a record acknowledged on the page
 * leaves a "written" list at once, as it leaves the "todo" view.
 */
export function exemptionsShown(
  records: readonly Exemption[],
  filter: ExemptionFilter,
  user: EfrUser | null,
): Exemption[] {
  return records.filter(
    (e) =>
      inView(e, filter.view, user) &&
      (!filter.status || e.status === filter.status) &&
      (!filter.leader || e.leader === filter.leader),
  );
}

/**
 * `exemptions.formVerdict`: core's check of a new record (R11.1 ground, R11.2 basis, written
 * after the act) plus the act's place and activity, before the form is sent.
 */
export function exemptionFormVerdict(form: ExemptionForm, author: string, now: number): Verdict {
  const v = checkExemption({
    author,
    ground: form.ground,
    basis: form.basis,
    actEndedAt: form.actAt,
    writtenAt: new Date(now).toISOString(),
  });
  if (!v.allowed) return v;
  if (
    form.activityType === '' ||
    form.location.trim() === '' ||
    (form.caseId === '' && form.leader.trim() === '')
  ) {
    return {
      allowed: false,
      status: 422,
      code: 'efr.exemption.act',
      requirement: 'R10.1',
      message: 'Describe the act (activity, place) and name the leader in charge.',
      messageZh: '请填写执法活动类型、地点和分管领导。',
    };
  }
  return v;
}
