import type { WebScriptModule } from '../web-script-host.js';
import {
  TREE_HEAD_WEB_SCRIPTS, treeHeadsPost,
} from '../../../../webscripts/src/access-log/tree-heads.js';
import { ACCESS_LOG_PROOF_WEB_SCRIPTS } from '../../../../webscripts/src/access-log/proofs.js';
import { jobRequests } from '../../worker/job-requests.js';
import { portWebScripts } from '../port/port-routes.js';

/**
 * The access log's Merkle tree (issue 18; RFC 9162), written once for both hosts: the signed
 * heads (webscripts/src/access-log/tree-heads.ts; efr worker signs them) and the verification
 * and proofs over the audit entries the REST API serves (webscripts/src/access-log/proofs.ts:
 * `GET /access-log/verify`, `/proof`, `/consistency`). server/'s stored tree
 * (../../access-log/log-tree.ts) computes the same roots and proofs for `efr audit verify`
 * (core/src/merkle/hex-tree.spec.ts).
 */
const treeHeadRoutes = portWebScripts(TREE_HEAD_WEB_SCRIPTS, (def) => {
  // A request wakes server/'s in-process worker at once, as ACS's event stream does beside ACS.
  if (def === treeHeadsPost) jobRequests.emit('requested', 'tree-head');
});

export const treeHeadsModule: WebScriptModule = (ws, repo) => {
  treeHeadRoutes(ws, repo);
  portWebScripts(ACCESS_LOG_PROOF_WEB_SCRIPTS)(ws, repo);
};
