import {
  DISPOSITION_WEB_SCRIPTS, dispositionBatchesPost,
} from '../../../../webscripts/src/disposition/disposition.js';
import {
  BATCH_FOLDER, requireBatchReader,
} from '../../../../webscripts/src/disposition/disposition-json.js';
import { readableOfType } from '../../../../webscripts/src/web-script.js';
import { isWebScriptError } from '../../../../webscripts/src/web-script.js';
import { AcsError } from '../../http/errors.js';
import type { Repository } from '../../repo/repository.js';
import { subFolder } from '../devices/record-writes.js';
import { runPortWebScript } from '../port/port-routes.js';
import { serverPort } from '../port/server-port.js';
import type { WebScriptModule } from '../web-script-host.js';
import { registerPdf } from './destruction-register.js';

/**
 * Disposition after retention (issue 18; R22.1, R22.2, R14.2, R26.1), under /alfresco/s/efr.
 * The eligible list, the batches, the proposal and the steps (review, approve: executes,
 * reject) are written once for both hosts (webscripts/src/disposition/disposition.ts); server/
 * alone renders the destruction register (销毁清册) as PDF from what the execution wrote:
 * - `GET /disposition/batches/{id}/register`.
 */
export const dispositionModule: WebScriptModule = (ws, repo) => {
  for (const def of DISPOSITION_WEB_SCRIPTS) {
    const route = def.method === 'GET' ? ws.get : ws.post;
    route(def.path, (req) => {
      if (def === dispositionBatchesPost) ensureBatchFolder(repo);
      return runPortWebScript(repo, def, req);
    });
  }

  ws.get('/disposition/batches/{id}/register', async (req) => {
    const port = serverPort(repo, req.caller);
    let node;
    try {
      node = repo.db.transaction(() => {
        requireBatchReader(port);
        return readableOfType(port, req.params.id, 'efr:dispositionBatch');
      })();
    } catch (e) {
      if (isWebScriptError(e)) throw new AcsError(e.status, e.errorKey, e.summary);
      throw e;
    }
    const pdf = await registerPdf(repo, req.caller, node);
    repo.log({ user: req.caller.userId, action: 'disposition.register', nodeId: node.id,
      values: { bytes: String(pdf.length), requirement: 'R22.1' } });
    return req.reply.header('content-type', 'application/pdf')
      .header('content-disposition',
        `attachment; filename="register.pdf"; filename*=UTF-8''${encodeURIComponent(
          `销毁清册-${node.name}.pdf`)}`)
      .send(Buffer.from(pdf));
  });
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
