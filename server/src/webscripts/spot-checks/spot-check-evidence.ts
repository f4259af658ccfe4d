import type { Evidence } from '../../../../contract/index.js';
import type { NodeRow } from '../../repo/node-rows.js';
import type { Repository } from '../../repo/repository.js';
import { evidenceFor as sharedEvidenceFor } from
  '../../../../webscripts/src/spot-checks/finding-evidence.js';
import { nodeView, serverPort } from '../port/server-port.js';
import type { Scope } from '../../../../webscripts/src/spot-checks/campaign-scope.js';

/**
 * The automatic evidence of a drawn recording is written once for both hosts
 * (webscripts/src/spot-checks/finding-evidence.ts, over the port's access log); this runs it
 * over server/'s port as the repository, the route having found the campaign for its caller.
 */
export { GAP_TOLERANCE_SECONDS } from
  '../../../../webscripts/src/spot-checks/finding-evidence.js';

/** Gathers the evidence of the three items of R28.2 for a drawn recording. */
export function evidenceFor(repo: Repository, scope: Scope, rec: NodeRow): Evidence {
  return sharedEvidenceFor(serverPort(repo, repo.systemCaller('finding-evidence')), scope,
    nodeView(repo, rec));
}
