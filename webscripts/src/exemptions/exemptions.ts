/**
 * Exemption records (R11.1, R11.2), once for both hosts:
 * - `GET  /exemptions` (?status, ?overdue=true|false, ?author, ?leader, paged): with reminders;
 * - `POST /exemptions`: an officer writes a record after the act;
 * - `GET  /exemptions/{id}`;
 * - `POST /exemptions/{id}/{step}`: `acknowledge` by the leader in charge (never the author),
 *   `file` by the office.
 */
import {
  ACTIVITY_TYPES, checkExemption, GROUP_EFR_LEADERS, GROUP_EFR_OFFICERS, isMember, isOneOf,
  refuse, transitionExemption, type Verdict,
} from '../../../core/src/index.js';
import { pagedList } from '../paging.js';
import type { PortValue, RepositoryPort } from '../repository-port.js';
import {
  bodyText, invalidArgument, notFound, readableOfType, WebScriptError, type WebScriptDefinition,
} from '../web-script.js';
import {
  EXEMPTIONS_FOLDER, exemptionJson, exemptionState, remindHours,
} from './exemption-json.js';

const AREA = 'exemptions';

function folderOf(port: RepositoryPort) {
  const f = port.archiveFolder(EXEMPTIONS_FOLDER);
  if (f === null) {
    throw new WebScriptError(503, 'efr.archive.notSetUp',
      'The archive folder ' + EXEMPTIONS_FOLDER + ' is not set up');
  }
  return f;
}

export const exemptionsGet: WebScriptDefinition = {
  id: 'exemptions', method: 'GET', path: '/exemptions', area: AREA,
  title: 'EFR exemption records',
  handle(port, call) {
    const q = call.query;
    const overdue = q.overdue;
    if (overdue !== undefined && overdue !== 'true' && overdue !== 'false') {
      throw invalidArgument('overdue must be true or false');
    }
    const now = port.now();
    const hours = remindHours(port);
    const match = (k: string, v: string): boolean => q[k] === undefined || q[k] === v;
    const created = (id: string, at: PortValue | undefined): string => String(at || '') + id;
    const all = port.children(folderOf(port).id, 'efr:exemption')
      .sort((a, b) => (created(a.id, a.props['cm:created']) < created(b.id,
        b.props['cm:created']) ? 1 : -1))
      .map((n) => exemptionJson(port, n, now, hours))
      .filter((e) => match('status', e.status) && match('author', e.author) &&
        match('leader', e.leader) &&
        (overdue === undefined || e.reminder.overdue === (overdue === 'true')));
    return { status: 200, body: pagedList(all, q) };
  },
};

export const exemptionGet: WebScriptDefinition = {
  id: 'exemption', method: 'GET', path: '/exemptions/{id}', area: AREA,
  title: 'EFR exemption record',
  handle(port, call) {
    const n = readableOfType(port, call.params.id, 'efr:exemption');
    return { status: 200, body: { entry: exemptionJson(port, n, port.now(), remindHours(port)) } };
  },
};

/** Six random digits for entry names (two records in one millisecond keep distinct names). */
function suffix(): string {
  return String(1000000 + Math.floor(Math.random() * 1000000)).substring(1);
}

export const exemptionsPost: WebScriptDefinition = {
  id: 'exemptions', method: 'POST', path: '/exemptions', area: AREA,
  title: 'EFR exemption record: write',
  handle(port, call) {
    const b = call.body;
    const folder = folderOf(port);
    const user = port.currentUser();
    const refuseWrite = (v: Verdict): void => port.enforce(v, 'exemption.write', folder.id);
    if (!isMember(user, GROUP_EFR_OFFICERS)) {
      refuseWrite(refuse(403, 'efr.exemption.notOfficer', 'R11.2',
        'Only enforcement officers write these records.',
        '仅执法人员可以填写免录记录。'));
    }
    const now = port.now();
    const rawAct = typeof b.actAt === 'string' ? b.actAt : '';
    const actMs = Date.parse(rawAct);
    const actAt = isNaN(actMs) ? rawAct : new Date(actMs).toISOString();
    const ground = bodyText(b, 'ground', 100);
    const basis = bodyText(b, 'basis', 4000);
    refuseWrite(checkExemption({ author: user.userName, ground, basis, actEndedAt: actAt,
      writtenAt: now }));
    const location = bodyText(b, 'location', 500);
    if (!isOneOf(ACTIVITY_TYPES, b.activityType) || location === '') {
      refuseWrite(refuse(422, 'efr.exemption.act', 'R10.1',
        'Describe the act: its activity type and place.',
        '请填写执法活动类型和地点。'));
    }
    const caseId = bodyText(b, 'caseId', 64);
    const theCase = caseId === '' ? null : readableOfType(port, caseId, 'efr:case');
    const caseLeader = theCase === null ? null : theCase.props['efr:leaderInCharge'];
    const leader = typeof caseLeader === 'string' && caseLeader !== '' ? caseLeader
      : bodyText(b, 'leader', 100);
    if (leader === '' || leader === user.userName || !port.personExists(leader) ||
      port.groupsOf(leader).indexOf(GROUP_EFR_LEADERS) < 0) {
      refuseWrite(refuse(422, 'efr.exemption.leader', 'R11.2',
        'Name the bureau leader in charge the record is reported to.',
        '请指定报告的局分管领导。'));
    }
    const coOfficer = bodyText(b, 'coOfficer', 100);
    const title = bodyText(b, 'title', 200);
    const num = theCase === null ? null : theCase.props['efr:caseNumber'];
    const caseNumber = typeof num === 'string' && num !== '' ? num : null;
    const props: Record<string, PortValue> = {
      'efr:actAt': actAt,
      'efr:exemptionGround': ground,
      'efr:basis': basis,
      'efr:writtenAt': now,
      'efr:leader': leader,
      'efr:exemptionStatus': 'written',
      'efr:officer': user.userName,
      'efr:activityType': String(b.activityType),
      'efr:location': location,
    };
    if (coOfficer !== '') props['efr:coOfficer'] = coOfficer;
    if (title !== '') props['cm:title'] = title;
    if (caseNumber !== null) props['efr:caseNumber'] = caseNumber;
    const node = port.createNode(folder.id, {
      name: '免录-' + now.replace(/[-:TZ.]/g, '').substring(0, 17) + '-' + suffix(),
      type: 'efr:exemption',
      props,
      aspects: caseNumber !== null ? ['efr:caseNumbered'] : [],
    });
    if (theCase !== null) port.createAssociation(node.id, theCase.id, 'efr:exemptionCase');
    const values: Record<string, string> = { ground, leader, requirement: 'R11.2' };
    if (caseNumber !== null) values.caseNumber = caseNumber;
    port.logStep('exemption.write', node.id, values);
    return { status: 201, body: { entry: exemptionJson(port, node, now, remindHours(port)) } };
  },
};

export const exemptionStepPost: WebScriptDefinition = {
  id: 'exemption-step', method: 'POST', path: '/exemptions/{id}/{step}', area: AREA,
  title: 'EFR exemption record: acknowledge or file',
  handle(port, call) {
    const step = call.params.step;
    if (step !== 'acknowledge' && step !== 'file') throw notFound(step);
    const node = readableOfType(port, call.params.id, 'efr:exemption');
    const user = port.currentUser();
    const now = port.now();
    const before = exemptionState(node);
    const t = transitionExemption(before, { type: step }, user, now);
    port.enforce(t.verdict, 'exemption.' + step, node.id);
    const changes: Record<string, PortValue> = step === 'acknowledge'
      ? { 'efr:exemptionStatus': 'acknowledged', 'efr:acknowledgedAt': now }
      : { 'efr:exemptionStatus': 'filed', 'efr:filedBy': user.userName, 'efr:filedAt': now };
    const updated = port.updateNode(node.id, changes);
    port.logStep('exemption.' + step, node.id, { from: before.status,
      to: String(changes['efr:exemptionStatus']), author: before.author, requirement: 'R11.2' });
    return { status: 200,
      body: { entry: exemptionJson(port, updated, now, remindHours(port)) } };
  },
};

/** The exemption records' web scripts written once. */
export const EXEMPTION_WEB_SCRIPTS: readonly WebScriptDefinition[] = [
  exemptionsGet, exemptionsPost, exemptionGet, exemptionStepPost,
];
