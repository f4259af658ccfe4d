import { checkViolation, type ViolationKind } from '../../../../core/src/index.js';
import {
  violationJson as sharedViolationJson, type ViolationJson,
} from '../../../../webscripts/src/violations/violation-json.js';
import { nodeView, serverPort } from '../port/server-port.js';
import { formatAcsDate } from '../../model/property-values.js';
import type { NodeRow } from '../../repo/node-rows.js';
import { setLocalAces } from '../../repo/permissions.js';
import { SYSTEM_USER, type Caller, type Repository } from '../../repo/repository.js';
import { elevated, insertRecord, entrySuffix } from
  '../devices/record-writes.js';

/**
 * The violation register (R29.1) and its accountability measures (R30.1) as stored nodes:
 * `efr:violation` entries in the supervisors' register folder, each `efr:accountability`
 * beside them pointing at its violation by efr:accountabilityViolation.
 */

/** The JSON shapes are written once for both hosts (webscripts/src/violations/). */
export type { MeasureJson, ViolationJson } from
  '../../../../webscripts/src/violations/violation-json.js';

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

/** A violation as JSON, with its measures (the shared shape, read through the port). */
export function violationJson(repo: Repository, n: NodeRow): ViolationJson {
  return sharedViolationJson(serverPort(repo, repo.systemCaller('violation-json')),
    nodeView(repo, n));
}
