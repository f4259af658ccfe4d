import type { ViolationKind } from '../../../../core/src/index.js';
import { requireSupervisor as sharedRequireSupervisor } from
  '../../../../webscripts/src/violations/violations.js';
import type { NodeRow } from '../../repo/node-rows.js';
import type { Caller, Repository } from '../../repo/repository.js';
import { bodyOf, entrySuffix, optText } from '../devices/record-writes.js';
import { serverPort } from '../port/server-port.js';
import { unitResolver } from '../../../../webscripts/src/recording-unit.js';
import { nodesOfType, text } from '../row-reads.js';
import { proposeViolation, violationBySource } from './violation-records.js';

/**
 * The supervisors' steps on the register that server/ alone has (R29.1): report, and collect
 * the automatic proposals (late handovers, refused tampering). Each runs
 * in one transaction and writes its own access-log entry; refusals are logged by the error
 * handler.
 */

/** Refuses unless the caller is a supervisor (R29.1): the shared gate of the register. */
export function requireSupervisor(repo: Repository, c: Caller, step: string): void {
  sharedRequireSupervisor(serverPort(repo, c), step);
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
    const units = unitResolver(serverPort(repo, repo.systemCaller('violation-scan')));
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
