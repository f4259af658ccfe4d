import {
  checkMeasure,
  GROUP_EFR_SUPERVISORS,
  isMember,
  refuse,
  transitionViolation,
  type ViolationAction,
  type ViolationKind,
} from '../../../../core/src/index.js';
import { badRequest } from '../../http/errors.js';
import { formatAcsDate } from '../../model/property-values.js';
import type { NodeRow } from '../../repo/node-rows.js';
import { updateNode } from '../../repo/node-updates.js';
import type { Caller, Repository } from '../../repo/repository.js';
import {
  actorOf, bodyOf, elevated, entrySuffix, insertRecord, nowIso, optText, readableOfType,
} from '../devices/record-writes.js';
import { UnitResolver, nodesOfType, text } from '../spot-checks/spot-check-population.js';
import { proposeViolation, registerFolder, violationBySource, violationState } from
  './violation-records.js';

/**
 * The supervisors' steps on the register (R29.1, R30.1): report, confirm or dismiss, record a
 * measure, and collect the automatic proposals (late handovers, refused tampering). Each runs
 * in one transaction and writes its own access-log entry; refusals are logged by the error
 * handler.
 */

/** Refuses unless the caller is a supervisor (R29.1). */
export function requireSupervisor(repo: Repository, c: Caller, step: string): void {
  repo.enforce(c, isMember(actorOf(c), GROUP_EFR_SUPERVISORS) ? { allowed: true } : refuse(403,
    'efr.violation.notSupervisor', 'R29.1', 'Only supervisors keep the violation register.',
    '仅监督人员可以登记违规。'), step, null);
}

/** POST /violations: a supervisor reports a violation (proposed). */
export function reportViolation(repo: Repository, c: Caller, raw: unknown): NodeRow {
  const b = bodyOf(raw);
  return repo.db.transaction(() => {
    requireSupervisor(repo, c, 'reportViolation');
    const officer = optText(b, 'officer', 100) ?? '';
    const subjectId = optText(b, 'subjectId', 64);
    const v = proposeViolation(repo, c, {
      kind: optText(b, 'kind', 40) ?? '',
      officer,
      unit: optText(b, 'unit', 100) ?? '-',
      description: optText(b, 'description') ?? '',
      sourceReference: `report:${entrySuffix(c.rule.now)}`,
      subjectId: subjectId && repo.rows.get(subjectId) ? subjectId : undefined,
      proposedBy: c.userId,
    });
    repo.log({ user: c.userId, action: 'violation.report', nodeId: v.id,
      values: { kind: text(v, 'efr:violationKind'), officer, requirement: 'R29.1' } });
    return v;
  })();
}

/** POST /violations/{id}/decision: confirm or dismiss with a reason (R29.1). */
export function decideViolation(repo: Repository, c: Caller, id: string, raw: unknown): NodeRow {
  const b = bodyOf(raw);
  const type = b.action;
  if (type !== 'confirm' && type !== 'dismiss') {
    throw badRequest('action must be confirm or dismiss');
  }
  const reason = optText(b, 'reason') ?? '';
  return repo.db.transaction(() => {
    const node = readableOfType(repo, c, id, 'efr:violation');
    const action: ViolationAction = { type, reason };
    const t = transitionViolation(violationState(node), action, actorOf(c), nowIso(c));
    repo.enforce(c, t.verdict, `violation.${type}`, node);
    const next = t.next;
    if (!next) throw new Error('core allowed a transition without a next state');
    const updated = updateNode(repo, elevated(repo, c), node, {
      aspectNames: [...new Set([...node.aspects, 'efr:decided'])],
      properties: {
        'efr:violationStatus': next.status,
        'efr:decidedBy': next.decidedBy,
        'efr:decidedAt': formatAcsDate(c.rule.now),
        'efr:decisionReason': next.decisionReason,
      },
    });
    repo.log({ user: c.userId, action: `violation.${type}`, nodeId: id,
      values: { status: next.status, reason: next.decisionReason ?? '', requirement: 'R29.1' } });
    return updated;
  })();
}

/** POST /violations/{id}/measures: an accountability measure with its dates (R30.1). */
export function recordMeasure(repo: Repository, c: Caller, id: string, raw: unknown): NodeRow {
  const b = bodyOf(raw);
  const input = {
    measure: optText(b, 'measure', 40) ?? '',
    startDate: optText(b, 'startDate', 10) ?? '',
    endDate: optText(b, 'endDate', 10) ?? null,
  };
  const note = optText(b, 'note');
  return repo.db.transaction(() => {
    const v = readableOfType(repo, c, id, 'efr:violation');
    repo.enforce(c, checkMeasure(violationState(v), input, actorOf(c)), 'violation.measure', v);
    const m = insertRecord(repo, elevated(repo, c), registerFolder(repo), {
      type: 'efr:accountability',
      name: `问责-${entrySuffix(c.rule.now)}`,
      props: {
        'efr:measure': input.measure,
        'efr:startDate': input.startDate,
        'efr:endDate': input.endDate,
        'efr:measureNote': note ?? null,
        'efr:decidedBy': c.userId,
        'efr:decidedAt': formatAcsDate(c.rule.now),
        'efr:officer': text(v, 'efr:officer'),
      },
      targets: [{ targetId: v.id, assocType: 'efr:accountabilityViolation' }],
    });
    repo.log({ user: c.userId, action: 'violation.measure', nodeId: v.id,
      values: { measureId: m.id, measure: input.measure, startDate: input.startDate,
        endDate: input.endDate ?? '', requirement: 'R30.1' } });
    return m;
  })();
}

/** Kind of a refused attempt on a recording: a deletion or an edit (R29.1 (1), (5)). */
function tamperKind(attempted: string): ViolationKind | null {
  if (attempted === 'delete') return 'deletedEvidence';
  if (['update', 'updateContent', 'move', 'removeAssoc'].includes(attempted)) {
    return 'falsifiedOrEdited';
  }
  return null;
}

/**
 * POST /violations/scan: proposes the automatic violations not proposed yet: refused
 * attempts to change or delete a recording (from the access log) and late handovers (their
 * web script proposes them at sealing; this catches handovers sealed before that existed).
 * Idempotent by source reference. Returns the new proposals.
 */
export function scanViolations(repo: Repository, c: Caller): NodeRow[] {
  return repo.db.transaction(() => {
    requireSupervisor(repo, c, 'scanViolations');
    const units = new UnitResolver(repo);
    const made: NodeRow[] = [];
    const refusals = repo.db
      .prepare(`SELECT l.id, l.entry_json FROM access_log l JOIN nodes n ON n.id = l.node_id
        WHERE l.action = 'refused' AND n.type = 'efr:recording' ORDER BY l.id`)
      .all() as { id: number; entry_json: string }[];
    for (const r of refusals) {
      const e = JSON.parse(r.entry_json) as { user: string; at: string; nodeId: string;
        values: Record<string, string> };
      const kind = tamperKind(e.values.attempted ?? '');
      const ref = `log:${r.id}`;
      if (!kind || violationBySource(repo, ref)) continue;
      const rec = repo.rows.get(e.nodeId);
      if (!rec) continue;
      made.push(proposeViolation(repo, c, {
        kind, officer: e.user, unit: units.ofRecording(rec), sourceReference: ref,
        subjectId: rec.id, proposedBy: 'system',
        description: `Refused ${e.values.attempted} of recording ${rec.name} at ${e.at} ` +
          `(${e.values.code ?? ''}). / ${e.at} 试图${e.values.attempted === 'delete' ? '删除' :
          '修改'}录像 ${rec.name} 被拒绝。`,
      }));
    }
    for (const h of nodesOfType(repo, 'efr:handover')) {
      if (h.props['efr:late'] !== true || violationBySource(repo, `handover:${h.id}`)) continue;
      made.push(proposeViolation(repo, c, {
        kind: 'otherSerious', officer: text(h, 'efr:officer'), unit: units.ofHandover(h),
        sourceReference: `handover:${h.id}`, subjectId: h.id, proposedBy: 'system',
        description: `Handover ${h.name} sealed after its deadline (R21.1/R21.2). / ` +
          `移交 ${h.name} 超过移交时限。`,
      }));
    }
    repo.log({ user: c.userId, action: 'violation.scan', nodeId: null,
      values: { proposed: String(made.length), requirement: 'R29.1' } });
    return made;
  })();
}
