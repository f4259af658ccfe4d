import {
  proposeViolation as sharedProposeViolation, type Proposal,
} from '../../../../webscripts/src/violations/violation-proposal.js';
import {
  violationJson as sharedViolationJson, VIOLATIONS_FOLDER, type ViolationJson,
} from '../../../../webscripts/src/violations/violation-json.js';
import { nodeView, serverPort } from '../port/server-port.js';
import type { NodeRow } from '../../repo/node-rows.js';
import { setLocalAces } from '../../repo/permissions.js';
import { SYSTEM_USER, type Caller, type Repository } from '../../repo/repository.js';

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

/** What a proposal is made of (written once: webscripts/src/violations/violation-proposal.ts). */
export type { Proposal } from '../../../../webscripts/src/violations/violation-proposal.js';

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
 * core's checkViolation decides first. Returns the existing one for a known source. Written
 * once for both hosts (webscripts/src/violations/violation-proposal.ts), run over server/'s
 * port; the register is made first where an older repository has none yet.
 */
export function proposeViolation(repo: Repository, c: Caller, p: Proposal): NodeRow {
  const port = serverPort(repo, c);
  // server/'s register wherever registerFolder keeps it (a repository without the archive's
  // folders, as the fixity audit may run in, has it under Company Home).
  const register = nodeView(repo, registerFolder(repo));
  const v = sharedProposeViolation({ ...port, archiveFolder: (name) =>
    (name === VIOLATIONS_FOLDER ? register : port.archiveFolder(name)) }, p);
  return repo.rows.get(v.id) as NodeRow;
}

/** A violation as JSON, with its measures (the shared shape, read through the port). */
export function violationJson(repo: Repository, n: NodeRow): ViolationJson {
  return sharedViolationJson(serverPort(repo, repo.systemCaller('violation-json')),
    nodeView(repo, n));
}
