import { checkViolation, type ViolationKind } from '../../../../core/src/index.js';
import { formatAcsDate } from '../../model/property-values.js';
import { createNode } from '../../repo/node-writes.js';
import type { NodeRow } from '../../repo/node-rows.js';
import type { Repository } from '../../repo/repository.js';
import { toInstant } from '../../rules/recording-state.js';
import { registerFolder } from '../violations/violation-records.js';
import { violationOf } from './handover-view.js';

/**
 * The R29.1 kind of a late handover. R29.1 lists (1) deleting evidence … (7) losing or damaging
 * recordings by poor storage and (8) other serious breaches. A late handover breaks R21.1/R21.2
 * and leaves footage outside the archive, but it is not "(3) not recording as required" (the
 * footage exists) nor yet a loss (7); so the register receives it as (8) `otherSerious`, status
 * `proposed`: the supervisor decides whether it is serious (confirm) or dismisses it with a
 * reason (core's transitionViolation).
 */
export const LATE_HANDOVER_KIND: ViolationKind = 'otherSerious';

/** Who reports automatic violations (core's ViolationState.reportedBy). */
export const SYSTEM_REPORTER = 'system';

/** The supervisors' violation register (one folder, shared with spot checks' proposals). */
function violationRegister(repo: Repository): NodeRow {
  return repo.db.transaction(() => registerFolder(repo))();
}

/**
 * Opens the violation of a late handover in the supervisors' register (R21.1, R21.2, R29.1)
 * as the repository itself, linked to the handover by efr:violationSubject. Idempotent: a
 * handover gets one violation.
 */
export async function openLateViolation(repo: Repository, h: NodeRow): Promise<string> {
  const existing = violationOf(repo, h);
  if (existing) return existing;
  const officer = typeof h.props['efr:officer'] === 'string' ? h.props['efr:officer'] : '';
  const deadline = toInstant(h.props['efr:deadline']) ?? '';
  const sealedAt = toInstant(h.props['efr:receipt2At']) ?? '';
  const description =
    `Handover ${h.name} sealed at ${sealedAt}, after its deadline ${deadline} ` +
    `(R21.1/R21.2). / 移交 ${h.name} 于 ${sealedAt} 封存，超过移交时限 ${deadline}。`;
  const verdict = checkViolation({ kind: LATE_HANDOVER_KIND, subject: officer, description });
  if (!verdict.allowed) throw new Error(`late-handover violation refused by core: ${verdict.code}`);
  const system = repo.systemCaller('late-handover');
  const now = Date.now();
  const v = await createNode(repo, system, violationRegister(repo), {
    name: `逾期移交-${h.name}`,
    nodeType: 'efr:violation',
    autoRename: true,
    fromText: false,
    properties: {
      'efr:violationKind': LATE_HANDOVER_KIND,
      'efr:violationStatus': 'proposed',
      'efr:violationDescription': description,
      'efr:sourceReference': `handover:${h.id}`,
      'efr:proposedBy': SYSTEM_REPORTER,
      'efr:proposedAt': formatAcsDate(now),
      'efr:officer': officer,
      'efr:coOfficer': h.props['efr:coOfficer'] ?? null,
      'efr:unit': typeof h.props['efr:unit'] === 'string' ? h.props['efr:unit'] : '-',
    },
    targets: [{ targetId: h.id, assocType: 'efr:violationSubject' }],
  });
  repo.log({
    user: SYSTEM_REPORTER,
    action: 'lateHandover',
    nodeId: h.id,
    values: {
      violationId: v.id,
      kind: LATE_HANDOVER_KIND,
      deadline,
      sealedAt,
      requirement: 'R29.1',
    },
  });
  return v.id;
}
