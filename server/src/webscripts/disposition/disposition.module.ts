import {
  DISPOSITION_WEB_SCRIPTS, dispositionBatchesPost, dispositionBatchStepPost,
} from '../../../../webscripts/src/disposition/disposition.js';
import { BATCH_FOLDER } from '../../../../webscripts/src/disposition/disposition-json.js';
import type { Repository } from '../../repo/repository.js';
import { jobRequests } from '../../worker/job-requests.js';
import { subFolder } from '../devices/record-writes.js';
import { sendStoredContent } from '../documents/documents.module.js';
import { runPortWebScript } from '../port/port-routes.js';
import type { WebScriptModule } from '../web-script-host.js';

/**
 * Disposition after retention (issue 18; R22.1, R22.2, R14.2, R26.1), under /alfresco/s/efr,
 * written once for both hosts (webscripts/src/disposition/disposition.ts): the eligible list,
 * the batches, the proposal, the steps (review, approve: executes, reject) and the destruction
 * register (销毁清册), whose PDF efr worker renders once the approval committed (the in-process
 * worker is told at once) and `GET …/register` streams as stored.
 */
export const dispositionModule: WebScriptModule = (ws, repo) => {
  for (const def of DISPOSITION_WEB_SCRIPTS) {
    const route = def.method === 'GET' ? ws.get : ws.post;
    route(def.path, async (req) => {
      if (def === dispositionBatchesPost) ensureBatchFolder(repo);
      const answer = await runPortWebScript(repo, def, req);
      if (answer.content) return sendStoredContent(repo, req, answer.content);
      if (def === dispositionBatchStepPost && req.params.step === 'approve') {
        jobRequests.emit('requested', 'document');
      }
      return answer;
    });
  }
};

/**
 * The archive folder of batches, `EFR 执法记录/处置批次`, made with the first proposal as
 * before (the module expects it set up with the archive: docs/api.md, "In the ACS module").
 */
function ensureBatchFolder(repo: Repository): void {
  const rootId = repo.meta('efr_archive');
  const root = rootId === undefined ? undefined : repo.rows.get(rootId);
  if (root) repo.db.transaction(() => subFolder(repo, root, BATCH_FOLDER, Date.now()))();
}
