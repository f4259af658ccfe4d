/**
 * The violation register's web scripts (issue 8; R29.1, R30.1), once for both hosts:
 * - `GET /violations?status=&officer=&skipCount=&maxItems=` the register, paged (supervisors);
 * - `GET /violations/{id}` one violation with its measures (supervisors);
 * - `POST /violations/{id}/decision` confirm | dismiss with a reason;
 * - `POST /violations/{id}/measures` an R30.1 measure with its dates.
 * Reports and the automatic scan: ./violation-reports.ts (both hosts too).
 */
import {
  checkMeasure, GROUP_EFR_SUPERVISORS, isMember, refuse, transitionViolation,
  type ViolationAction,
} from '../../../core/src/index.js';
import { pagedList } from '../paging.js';
import type { RepositoryPort } from '../repository-port.js';
import {
  bodyText, invalidArgument, readableOfType, requiredArchiveFolder, type WebScriptDefinition,
} from '../web-script.js';
import {
  byCreated, measureJson, VIOLATIONS_FOLDER, violationJson, violationState,
} from './violation-json.js';

const AREA = 'spot-checks';
const STATUSES = ['proposed', 'confirmed', 'dismissed', 'all'];

/** Refuses (403) unless the caller is a supervisor (R29.1). */
export function requireSupervisor(port: RepositoryPort, step: string): void {
  const u = port.currentUser();
  port.enforce(isMember(u, GROUP_EFR_SUPERVISORS) ? { allowed: true } : refuse(403,
    'efr.violation.notSupervisor', 'R29.1', 'Only supervisors keep the violation register.',
    '仅监督人员可以登记违规。'), step, null);
}

/** Compact time of an ISO instant for entry names (`20260304050607089`). */
function stamp(iso: string): string {
  return iso.replace(/[-:.TZ]/g, '');
}

export const violationsGet: WebScriptDefinition = {
  id: 'violations', method: 'GET', path: '/violations', area: AREA,
  title: 'EFR violation register',
  handle(port, call) {
    requireSupervisor(port, 'listViolations');
    const status = call.query.status || 'all';
    if (STATUSES.indexOf(status) < 0) throw invalidArgument('Invalid status filter: ' + status);
    const officer = call.query.officer || '';
    const folder = port.archiveFolder(VIOLATIONS_FOLDER);
    const all = (folder === null ? [] : port.children(folder.id, 'efr:violation'))
      .sort(byCreated).reverse()
      .map((n) => violationJson(port, n))
      .filter((v) => (status === 'all' || v.status === status) &&
        (officer === '' || v.officer === officer));
    return { status: 200, body: pagedList(all, call.query) };
  },
};

export const violationGet: WebScriptDefinition = {
  id: 'violation', method: 'GET', path: '/violations/{id}', area: AREA,
  title: 'EFR violation',
  handle(port, call) {
    requireSupervisor(port, 'readViolation');
    const n = readableOfType(port, call.params.id, 'efr:violation');
    return { status: 200, body: { entry: violationJson(port, n) } };
  },
};

export const violationDecisionPost: WebScriptDefinition = {
  id: 'violation-decision', method: 'POST', path: '/violations/{id}/decision', area: AREA,
  title: 'EFR violation decision',
  handle(port, call) {
    const type = call.body.action;
    if (type !== 'confirm' && type !== 'dismiss') {
      throw invalidArgument('action must be confirm or dismiss');
    }
    const reason = bodyText(call.body, 'reason', 2000);
    const node = readableOfType(port, call.params.id, 'efr:violation');
    const action: ViolationAction = { type, reason };
    const now = port.now();
    const t = transitionViolation(violationState(node), action, port.currentUser(), now);
    port.enforce(t.verdict, 'violation.' + type, node.id);
    const next = t.next;
    if (next === undefined) throw new Error('core allowed a transition without a next state');
    const updated = port.updateNode(node.id, {
      'efr:violationStatus': next.status,
      'efr:decidedBy': next.decidedBy,
      'efr:decidedAt': now,
      'efr:decisionReason': next.decisionReason,
    }, ['efr:decided']);
    port.logStep('violation.' + type, node.id,
      { status: next.status, reason: next.decisionReason || '', requirement: 'R29.1' });
    return { status: 200, body: { entry: violationJson(port, updated) } };
  },
};

export const violationMeasuresPost: WebScriptDefinition = {
  id: 'violation-measures', method: 'POST', path: '/violations/{id}/measures', area: AREA,
  title: 'EFR accountability measure',
  handle(port, call) {
    const input = {
      measure: bodyText(call.body, 'measure', 40),
      startDate: bodyText(call.body, 'startDate', 10),
      endDate: bodyText(call.body, 'endDate', 10) || null,
    };
    const note = bodyText(call.body, 'note', 2000);
    const v = readableOfType(port, call.params.id, 'efr:violation');
    const user = port.currentUser();
    port.enforce(checkMeasure(violationState(v), input, user), 'violation.measure', v.id);
    const folder = requiredArchiveFolder(port, VIOLATIONS_FOLDER);
    const now = port.now();
    const count = port.sources(v.id, 'efr:accountabilityViolation').length;
    const m = port.createNode(folder.id, {
      name: '问责-' + stamp(now) + '-' + v.id.substring(0, 6) + '-' + (count + 1),
      type: 'efr:accountability',
      props: {
        'efr:measure': input.measure,
        'efr:startDate': input.startDate,
        'efr:endDate': input.endDate,
        'efr:measureNote': note === '' ? null : note,
        'efr:decidedBy': user.userName,
        'efr:decidedAt': now,
        'efr:officer': violationState(v).subject,
      },
    });
    port.createAssociation(m.id, v.id, 'efr:accountabilityViolation');
    port.logStep('violation.measure', v.id, { measureId: m.id, measure: input.measure,
      startDate: input.startDate, endDate: input.endDate || '', requirement: 'R30.1' });
    return { status: 201, body: { entry: measureJson(m) } };
  },
};

/** The register's web scripts written once. */
export const VIOLATION_WEB_SCRIPTS: readonly WebScriptDefinition[] = [
  violationsGet, violationGet, violationDecisionPost, violationMeasuresPost,
];
