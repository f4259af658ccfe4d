import { EXEMPTION_STEPS } from '../../../../contract/index.js';
import {
  ACTIVITY_TYPES,
  checkExemption,
  GROUP_EFR_LEADERS,
  isOneOf,
  GROUP_EFR_OFFICERS,
  isMember,
  refuse,
  transitionExemption,
  type ExemptionInput,
} from '../../../../core/src/index.js';
import { appendAccessLog } from '../../access-log/access-log.js';
import { badRequest } from '../../http/errors.js';
import { listBody, pageOf, parsePaging } from '../../http/paging.js';
import { formatAcsDate } from '../../model/property-values.js';
import type { NodeRow } from '../../repo/node-rows.js';
import { updateNode } from '../../repo/node-updates.js';
import type { Caller, Repository } from '../../repo/repository.js';
import { toInstant } from '../../rules/recording-state.js';
import {
  actorOf,
  archiveFolder,
  bodyOf,
  elevated,
  entrySuffix,
  insertRecord,
  isUserInGroup,
  nowAcs,
  nowIso,
  optText,
  readableOfType,
  textOf,
} from '../devices/record-writes.js';
import { inWorkflowStep } from '../devices/workflow-guard.js';
import type { WebScriptModule } from '../web-script-host.js';
import { exemptionJson, exemptionState, listExemptions } from './exemption-records.js';

/**
 * Exemption records (R11.1, R11.2), under /alfresco/s/efr:
 *
 * - `GET  /exemptions` (?status, ?overdue=true, ?author, ?leader): the list with reminders;
 * - `POST /exemptions`: an officer writes a record after the act;
 * - `GET  /exemptions/{id}`;
 * - `POST /exemptions/{id}/acknowledge`: the leader in charge (never the author);
 * - `POST /exemptions/{id}/file`: the office files it.
 */
export const exemptionsModule: WebScriptModule = (ws, repo) => {
  ws.get('/exemptions', (req) => {
    const paging = parsePaging(req.query);
    const q = req.query;
    const one = (k: string): string | undefined =>
      typeof q[k] === 'string' ? (q[k] as string) : undefined;
    const overdue = one('overdue');
    if (overdue !== undefined && overdue !== 'true' && overdue !== 'false') {
      throw badRequest('overdue must be true or false');
    }
    const now = nowIso(req.caller);
    const all = listExemptions(repo, req.caller)
      .map((n) => exemptionJson(repo, n, now))
      .filter(
        (e) =>
          (one('status') === undefined || e.status === one('status')) &&
          (one('author') === undefined || e.author === one('author')) &&
          (one('leader') === undefined || e.leader === one('leader')) &&
          (overdue === undefined || e.reminder.overdue === (overdue === 'true')),
      );
    return { body: listBody(pageOf(all, paging), paging, all.length) };
  });

  ws.post('/exemptions', (req) => {
    const node = writeExemption(repo, req.caller, bodyOf(req.body));
    return { status: 201, body: { entry: exemptionJson(repo, node, nowIso(req.caller)) } };
  });

  ws.get('/exemptions/{id}', (req) => {
    const node = readableOfType(repo, req.caller, req.params.id, 'efr:exemption');
    return { body: { entry: exemptionJson(repo, node, nowIso(req.caller)) } };
  });

  for (const step of EXEMPTION_STEPS) {
    ws.post(`/exemptions/{id}/${step}`, (req) => {
      const c = req.caller;
      const node = readableOfType(repo, c, req.params.id, 'efr:exemption');
      const before = exemptionState(node);
      const t = transitionExemption(before, { type: step }, actorOf(c), nowIso(c));
      repo.enforce(c, t.verdict, `exemption.${step}`, node);
      const changes: Record<string, unknown> =
        step === 'acknowledge'
          ? { 'efr:exemptionStatus': 'acknowledged', 'efr:acknowledgedAt': nowAcs(c) }
          : { 'efr:exemptionStatus': 'filed', 'efr:filedBy': c.userId, 'efr:filedAt': nowAcs(c) };
      const updated = inWorkflowStep(() =>
        repo.db.transaction(() => {
          const u = updateNode(repo, elevated(repo, c), node, { properties: changes });
          appendAccessLog(repo.db, {
            user: c.userId,
            action: `exemption.${step}`,
            nodeId: node.id,
            values: {
              from: before.status,
              to: String(changes['efr:exemptionStatus']),
              author: before.author,
              requirement: 'R11.2',
            },
          });
          return u;
        })(),
      );
      return { body: { entry: exemptionJson(repo, updated, nowIso(c)) } };
    });
  }
};

/** Resolves the case named by `caseId` (404 when missing or unreadable). */
function caseOf(repo: Repository, c: Caller, caseId: string | undefined): NodeRow | undefined {
  return caseId === undefined ? undefined : readableOfType(repo, c, caseId, 'efr:case');
}

/**
 * An officer writes the work record after the act (R11.1, R11.2): one of the four grounds,
 * the reason and its basis, the act's time, place and activity. It is reported to the
 * case's leader in charge, or, without a case, to the leader the officer names.
 */
export function writeExemption(repo: Repository, c: Caller, b: Record<string, unknown>): NodeRow {
  const folder = archiveFolder(repo, 'exemptions');
  if (!isMember(actorOf(c), GROUP_EFR_OFFICERS)) {
    repo.enforce(
      c,
      refuse(
        403,
        'efr.exemption.notOfficer',
        'R11.2',
        'Only enforcement officers write these records.',
        '仅执法人员可以填写免录记录。',
      ),
      'exemption.write',
      folder,
    );
  }
  const actAt = toInstant(b.actAt) ?? (typeof b.actAt === 'string' ? b.actAt : '');
  const input: ExemptionInput = {
    author: c.userId,
    ground: typeof b.ground === 'string' ? b.ground : '',
    basis: typeof b.basis === 'string' ? b.basis : '',
    actEndedAt: actAt,
    writtenAt: nowIso(c),
  };
  repo.enforce(c, checkExemption(input), 'exemption.write', folder);
  const location = optText(b, 'location', 500);
  if (!isOneOf(ACTIVITY_TYPES, b.activityType) || !location) {
    repo.enforce(
      c,
      refuse(
        422,
        'efr.exemption.act',
        'R10.1',
        'Describe the act: its activity type and place.',
        '请填写执法活动类型和地点。',
      ),
      'exemption.write',
      folder,
    );
  }
  const theCase = caseOf(repo, c, optText(b, 'caseId', 64));
  const leader =
    (theCase ? textOf(theCase, 'efr:leaderInCharge') : null) ?? optText(b, 'leader', 100);
  if (!leader || leader === c.userId || !isUserInGroup(repo, leader, GROUP_EFR_LEADERS)) {
    repo.enforce(
      c,
      refuse(
        422,
        'efr.exemption.leader',
        'R11.2',
        'Name the bureau leader in charge the record is reported to.',
        '请指定报告的局分管领导。',
      ),
      'exemption.write',
      folder,
    );
  }
  const coOfficer = optText(b, 'coOfficer', 100);
  const title = optText(b, 'title', 200);
  const caseNumber = theCase ? textOf(theCase, 'efr:caseNumber') : null;
  return inWorkflowStep(() =>
    repo.db.transaction(() => {
      const node = insertRecord(repo, elevated(repo, c), folder, {
        type: 'efr:exemption',
        name: `免录-${entrySuffix(c.rule.now)}`,
        aspects: caseNumber ? ['efr:caseNumbered'] : [],
        targets: theCase ? [{ targetId: theCase.id, assocType: 'efr:exemptionCase' }] : undefined,
        props: {
          'efr:actAt': formatAcsDate(Date.parse(actAt)),
          'efr:exemptionGround': input.ground,
          'efr:basis': input.basis.trim(),
          'efr:writtenAt': nowAcs(c),
          'efr:leader': leader,
          'efr:exemptionStatus': 'written',
          'efr:officer': c.userId,
          'efr:activityType': b.activityType,
          'efr:location': location,
          ...(coOfficer ? { 'efr:coOfficer': coOfficer } : {}),
          ...(title ? { 'cm:title': title } : {}),
          ...(caseNumber ? { 'efr:caseNumber': caseNumber } : {}),
        },
      });
      appendAccessLog(repo.db, {
        user: c.userId,
        action: 'exemption.write',
        nodeId: node.id,
        values: {
          ground: input.ground,
          leader: String(leader),
          requirement: 'R11.2',
          ...(caseNumber ? { caseNumber } : {}),
        },
      });
      return node;
    })(),
  );
}
