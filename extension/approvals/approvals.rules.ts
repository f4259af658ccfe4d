import { EfrRole, EfrUser, hasAnyRole } from '../shared/public-api';
import {
  AccessLogRow,
  AccessRequestView,
  Decision,
  Queue,
  RegistrationForm,
  RequestForm,
} from './approvals.model';

/** Minimum length of a reason (core MIN_REASON_LENGTH, R24.1). */
export const MIN_REASON = 4;

/**
 * `approvals.queues`: the queues a user works on, in order (R24.1, R24.2): everybody has
 * their own requests and the viewings registered for them; directors review, leaders
 * approve, custodians register and keep the register; supervisors see every request.
 */
export function queuesFor(user: EfrUser | null): Queue[] {
  // Everybody may be a registered viewer: 可调阅 lists the open viewing windows (issue 19).
  const out: Queue[] = user ? ['mine', 'viewing'] : ['mine'];
  if (hasAnyRole(user, [EfrRole.OfficeDirector])) out.push('review');
  if (hasAnyRole(user, [EfrRole.Leader])) out.push('approve');
  if (hasAnyRole(user, [EfrRole.Custodian])) out.push('register');
  if (hasAnyRole(user, [EfrRole.Supervisor, EfrRole.Custodian, EfrRole.OfficeDirector])) {
    out.push('all');
  }
  return out;
}

/**
 * `approvals.queueFromParam`: the queue a `?queue=` parameter opens (a dashboard tile, a shared
 * link), if the user works on it; otherwise the user's own turn (directors review, leaders
 * approve, custodians register), else their own requests.
 */
export function queueFromParam(raw: string | null | undefined, user: EfrUser | null): Queue {
  const queues = queuesFor(user);
  const asked = queues.find((q) => q === raw);
  if (asked) return asked;
  return queues.find((q) => q !== 'all' && q !== 'mine' && q !== 'viewing') ?? 'mine';
}

/**
 * `approvals.queueArgs`: the arguments of `GET …/access-requests` for a queue, the same for
 * the queue's list and for the dashboard's count of it.
 */
export function queueArgs(queue: Queue): Record<string, string> {
  return { queue };
}

/**
 * `approvals.decisions`: the one-click decisions offered on a request (the server decides
 * again with core's state machine; this only hides buttons that would fail). Nobody decides
 * on their own request or twice on one (R24.1).
 */
export function decisionsFor(r: AccessRequestView, user: EfrUser | null): Decision[] {
  if (!user) return [];
  const involved = [r.requester, r.reviewedBy, r.approvedBy].includes(user.id);
  if (r.status === 'submitted' && hasAnyRole(user, [EfrRole.OfficeDirector]) && !involved) {
    return ['review', 'reject'];
  }
  if (
    r.status === 'reviewed' &&
    hasAnyRole(user, [EfrRole.Leader]) &&
    !involved &&
    (r.approvers === null || r.approvers.includes(user.id))
  ) {
    return ['approve', 'reject'];
  }
  // Issue 19, point 8: the requester withdraws a request nobody has approved yet.
  if ((r.status === 'submitted' || r.status === 'reviewed') && r.requester === user.id) {
    return ['withdraw'];
  }
  const custodian = hasAnyRole(user, [EfrRole.Custodian]);
  if (r.status === 'approved' && custodian && !involved) return ['register', 'close'];
  if (r.status === 'registered' && (custodian || r.requester === user.id)) return ['close'];
  if (r.status === 'approved' && r.requester === user.id) return ['close'];
  return [];
}

/** Whether a reason is long enough (requests and rejections, R24.1). */
export function reasonValid(reason: string | null | undefined): boolean {
  return (reason ?? '').trim().length >= MIN_REASON;
}

/** `approvals.formErrors`: the i18n keys of what is missing in a request form. */
export function requestFormErrors(f: RequestForm): string[] {
  const errors: string[] = [];
  if (f.recordingIds.length === 0 && !f.caseId) errors.push('EFR_APPROVALS.FORM.NO_RECORDINGS');
  if (!reasonValid(f.reason)) errors.push('EFR_APPROVALS.FORM.NO_REASON');
  if (
    f.requestedFrom &&
    f.requestedTo &&
    Date.parse(f.requestedFrom) >= Date.parse(f.requestedTo)
  ) {
    errors.push('EFR_APPROVALS.FORM.BAD_WINDOW');
  }
  return errors;
}

/**
 * `approvals.registrationErrors`: the i18n keys of what is missing in a registration (R24.2):
 * a viewer, a reason, a window end in the future. The form stays open while any is missing
 * (issue 19, point 9: an empty viewer closed it and lost the input).
 */
export function registrationErrors(f: RegistrationForm, now: number): string[] {
  const errors: string[] = [];
  if (!f.viewer.trim()) errors.push('EFR_APPROVALS.REGISTER.NO_VIEWER');
  if (!reasonValid(f.reason)) errors.push('EFR_APPROVALS.REGISTER.NO_REASON');
  const until = Date.parse(f.viewingUntil);
  if (Number.isNaN(until) || until <= now) errors.push('EFR_APPROVALS.REGISTER.BAD_UNTIL');
  return errors;
}

/**
 * `approvals.statusKey`: the i18n key of a request's state as people read it: a registered
 * request is either within its viewing window, past it, or before it, never "调阅中或已到期"
 * (issue 19, point 11).
 */
export function requestStatusKey(r: AccessRequestView): string {
  if (r.status === 'registered') {
    if (r.windowOpen) return 'EFR_APPROVALS.STATUS.viewing';
    if (r.expired) return 'EFR_APPROVALS.STATUS.windowEnded';
  }
  return `EFR_APPROVALS.STATUS.${r.status}`;
}

/** Whether the user may play this request's recordings now (the registered viewer, open window). */
export function mayPlay(r: AccessRequestView, user: EfrUser | null): boolean {
  return user !== null && r.status === 'registered' && r.viewer === user.id && r.windowOpen;
}

/** `approvals.mayAuditLog`: supervisors, the office and legal staff read the access log. */
export function mayReadAccessLog(user: EfrUser | null): boolean {
  return hasAnyRole(user, [EfrRole.Supervisor, EfrRole.Custodian, EfrRole.Legal]);
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading = + - @ makes spreadsheets run a formula: prefix a quote (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV text (CRLF lines, UTF-8 BOM so that spreadsheet programs read Chinese right). */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * How the access-log CSV reads, in the reader's language (issue 19): column titles, people by
 * name, actions as phrases, the shown details as the screen shows them, times with their
 * offset. Login ids, node ids and codes stay on the screen's tooltip, not in the document.
 */
export interface AccessLogCsvWords {
  /** The seven column titles: number, time, person, action, object, details, hash. */
  readonly header: readonly string[];
  /** The time of an entry. */
  time(iso: string): string;
  /** A person's name from the login id. */
  person(userId: string): string;
  /** The phrase of a logged action. */
  action(code: string): string;
  /** What the entry is about (its record's name or case number). */
  object(row: AccessLogRow): string;
  /** The shown details, labelled. */
  details(row: AccessLogRow): string;
}

/** `accessLog.csv`: the access-log rows as CSV in one language. */
export function accessLogCsv(rows: readonly AccessLogRow[], w: AccessLogCsvWords): string {
  return toCsv(
    w.header,
    rows.map((r) => [r.id, w.time(r.at), w.person(r.user), w.action(r.action), w.object(r),
      w.details(r), r.hash]),
  );
}

/** Flattens one audit entry of application efr-access into a log row. */
export function accessLogRow(entry: {
  id: string;
  createdAt?: string | Date;
  createdByUser?: { id?: string };
  values?: Record<string, string>;
}): AccessLogRow {
  const v = entry.values ?? {};
  const key = (k: string): string => v[`/efr-access/${k}`] ?? '';
  const skip = new Set(['action', 'user', 'nodeId', 'prevHash', 'hash']);
  const details = Object.keys(v)
    .filter((k) => k.startsWith('/efr-access/'))
    .map((k) => k.slice('/efr-access/'.length))
    .filter((k) => !skip.has(k))
    .sort()
    .map((k) => `${k}=${key(k)}`)
    .join('; ');
  const at =
    entry.createdAt instanceof Date ? entry.createdAt.toISOString() : (entry.createdAt ?? '');
  const values: Record<string, string> = {};
  for (const k of Object.keys(v)) {
    if (k.startsWith('/efr-access/')) values[k.slice('/efr-access/'.length)] = v[k];
  }
  return {
    id: entry.id,
    at,
    user: key('user') || entry.createdByUser?.id || '',
    action: key('action'),
    nodeId: key('nodeId'),
    details,
    hash: key('hash'),
    values,
  };
}

/** The audit `where` of a log search (user, action or node id, time range). */
export function accessLogWhere(f: {
  user?: string;
  value?: string;
  from?: string;
  to?: string;
}): string | undefined {
  const parts: string[] = [];
  const clean = (s: string): string => s.replace(/'/g, '');
  if (f.user?.trim()) parts.push(`createdByUser='${clean(f.user.trim())}'`);
  if (f.from || f.to) {
    const from = clean(f.from || '2000-01-01T00:00:00.000Z');
    const to = clean(f.to || '2999-12-31T23:59:59.999Z');
    parts.push(`createdAt BETWEEN ('${from}' , '${to}')`);
  }
  if (f.value?.trim()) parts.push(`valuesValue='${clean(f.value.trim())}'`);
  return parts.length ? `(${parts.join(' and ')})` : undefined;
}
