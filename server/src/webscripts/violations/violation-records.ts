import type { MeasureEntry, Violation } from '../../../../contract/index.js';
import {
  checkViolation,
  type ViolationKind,
  type ViolationState,
  type ViolationStatus,
} from '../../../../core/src/index.js';
import { formatAcsDate } from '../../model/property-values.js';
import type { NodeRow } from '../../repo/node-rows.js';
import { setLocalAces } from '../../repo/permissions.js';
import { SYSTEM_USER, type Caller, type Repository } from '../../repo/repository.js';
import { toInstant } from '../../rules/recording-state.js';
import { elevated, insertRecord, entrySuffix, sourcesOf, targetOf } from
  '../devices/record-writes.js';

/**
 * The violation register (R29.1) and its accountability measures (R30.1) as stored nodes:
 * `efr:violation` entries in the supervisors' register folder, each `efr:accountability`
 * beside them pointing at its violation by efr:accountabilityViolation.
 */

const str = (n: NodeRow, k: string): string | null =>
  typeof n.props[k] === 'string' ? (n.props[k] as string) : null;

/**
 * The supervisors' violation register: meta `efr_folder_violations`, or a `违规记录` folder
 * made under the archive root, where supervisors coordinate and the archive's other groups
 * inherit read access. Late handovers and spot-check proposals share it. Runs inside the
 * caller's transaction.
 */
export function registerFolder(repo: Repository): NodeRow {
  const id = repo.meta('efr_folder_violations');
  const known = id ? repo.rows.get(id) : undefined;
  if (known) return known;
  const rootId = repo.meta('efr_archive') ?? repo.companyHomeId();
  const existing = repo.rows.childByName(rootId, '违规记录');
  const folder = existing ?? repo.newFolderRow(rootId, '违规记录', SYSTEM_USER, Date.now());
  if (!existing) {
    folder.aclLocal = true;
    folder.props = { 'cm:title': 'Violations register' };
    folder.aspects = [...folder.aspects, 'cm:titled'];
    repo.rows.insert(folder);
    setLocalAces(repo.db, folder.id, [
      { authorityId: 'GROUP_EFR_SUPERVISORS', name: 'Coordinator', accessStatus: 'ALLOWED' },
    ]);
  }
  repo.setMeta('efr_folder_violations', folder.id);
  return folder;
}

/** What a proposal is made of. */
export interface Proposal {
  kind: ViolationKind | string;
  officer: string;
  coOfficer?: string | null;
  unit: string;
  description: string;
  /** `finding:<id>`, `handover:<id>`, `log:<seq>`, `report`. */
  sourceReference: string;
  /** The node the violation is about (finding, handover, recording), if any. */
  subjectId?: string;
  /** Who proposes: a user name or `system`. */
  proposedBy: string;
}

/** The violation already proposed for a source reference, if any (proposals are idempotent). */
export function violationBySource(repo: Repository, ref: string): NodeRow | undefined {
  const r = repo.db
    .prepare(`SELECT p.node_id FROM node_props p JOIN nodes n ON n.id = p.node_id
      WHERE p.qname = 'efr:sourceReference' AND p.v_text = ? AND n.type = 'efr:violation'
      LIMIT 1`)
    .get(ref) as { node_id: string } | undefined;
  return r ? repo.rows.get(r.node_id) : undefined;
}

/**
 * Proposes a violation (status `proposed`) in the register, inside the caller's transaction;
 * core's checkViolation decides first. Returns the existing one for a known source.
 */
export function proposeViolation(repo: Repository, c: Caller, p: Proposal): NodeRow {
  const known = violationBySource(repo, p.sourceReference);
  if (known) return known;
  repo.enforce(c, checkViolation({ kind: p.kind, subject: p.officer, description: p.description }),
    'proposeViolation', null);
  const now = c.rule.now;
  return insertRecord(repo, elevated(repo, c), registerFolder(repo), {
    type: 'efr:violation',
    name: `违规-${entrySuffix(now)}`,
    props: {
      'efr:violationKind': p.kind,
      'efr:violationStatus': 'proposed',
      'efr:violationDescription': p.description.trim(),
      'efr:sourceReference': p.sourceReference,
      'efr:proposedBy': p.proposedBy,
      'efr:proposedAt': formatAcsDate(now),
      'efr:officer': p.officer,
      'efr:coOfficer': p.coOfficer ?? null,
      'efr:unit': p.unit || '-',
    },
    targets: p.subjectId ? [{ targetId: p.subjectId, assocType: 'efr:violationSubject' }] : [],
  });
}

/** The violation as core's state machine sees it. */
export function violationState(n: NodeRow): ViolationState {
  return {
    id: n.id,
    kind: (str(n, 'efr:violationKind') ?? 'otherSerious') as ViolationKind,
    status: (str(n, 'efr:violationStatus') ?? 'proposed') as ViolationStatus,
    subject: str(n, 'efr:officer') ?? '',
    reportedBy: str(n, 'efr:proposedBy') ?? n.createdBy,
    decidedBy: str(n, 'efr:decidedBy'),
    decidedAt: toInstant(n.props['efr:decidedAt']),
    decisionReason: str(n, 'efr:decisionReason'),
  };
}

/** The measures recorded for a violation, oldest first. */
export function measuresOf(repo: Repository, violationId: string): NodeRow[] {
  return sourcesOf(repo, violationId, 'efr:accountabilityViolation')
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** A measure as JSON. */
export function measureJson(m: NodeRow): MeasureEntry {
  return {
    id: m.id,
    measure: str(m, 'efr:measure') ?? '',
    startDate: str(m, 'efr:startDate')?.slice(0, 10) ?? null,
    endDate: str(m, 'efr:endDate')?.slice(0, 10) ?? null,
    note: str(m, 'efr:measureNote'),
    recordedBy: str(m, 'efr:decidedBy') ?? m.createdBy,
    recordedAt: toInstant(m.props['efr:decidedAt']),
  };
}

/** A violation as JSON, with its measures. */
export function violationJson(repo: Repository, n: NodeRow): Violation {
  const s = violationState(n);
  return {
    id: n.id,
    name: n.name,
    kind: s.kind,
    status: s.status,
    description: str(n, 'efr:violationDescription') ?? '',
    officer: s.subject,
    unit: str(n, 'efr:unit') ?? '-',
    sourceReference: str(n, 'efr:sourceReference'),
    subjectId: targetOf(repo, n.id, 'efr:violationSubject')?.id ?? null,
    proposedBy: s.reportedBy,
    proposedAt: toInstant(n.props['efr:proposedAt']),
    decidedBy: s.decidedBy,
    decidedAt: s.decidedAt,
    decisionReason: s.decisionReason,
    measures: measuresOf(repo, n.id).map(measureJson),
  };
}

/** Every violation of the register, newest first. */
export function listViolations(repo: Repository): NodeRow[] {
  const raw = repo.db
    .prepare(`SELECT * FROM nodes WHERE type = 'efr:violation' ORDER BY created_at DESC, id`)
    .all();
  return repo.rows.fromRawRows(raw as Parameters<typeof repo.rows.fromRawRows>[0]);
}
