import { appendAccessLog } from '../../access-log/access-log.js';
import { badRequest } from '../../http/errors.js';
import { listBody, pageOf, parsePaging } from '../../http/paging.js';
import { bodyOf, nowIso } from '../devices/record-writes.js';
import type { WebScriptModule } from '../web-script-host.js';
import { registerPdf } from './destruction-register.js';
import {
  batchJson, batchNode, eligibleRecordings, listBatches, recordingJson, requireBatchReader,
  requireCustodian,
} from './disposition-records.js';
import { DISPOSITION_STEPS, proposeBatch, stepBatch } from './disposition-steps.js';

const STATUS_FILTER = new Set(['proposed', 'reviewed', 'approved', 'executed', 'rejected']);

/**
 * Disposition after retention (issue 18; R22.1, R22.2, R14.2, R26.1), under /alfresco/s/efr:
 *
 * - `GET  /disposition/eligible`: recordings whose retention ended and nothing keeps (custodians);
 * - `GET  /disposition/batches` (?status): the batches, newest first;
 * - `POST /disposition/batches`: a custodian proposes `{recordingIds, reason}`;
 * - `GET  /disposition/batches/{id}`;
 * - `POST /disposition/batches/{id}/review|approve|reject`: one step of core's state machine;
 *   `approve` executes the batch (bytes destroyed, tombstones kept);
 * - `GET  /disposition/batches/{id}/register`: the destruction register (销毁清册) as PDF.
 *
 * Each handler maps the request, calls core through the step functions and answers JSON, so
 * that the module's web scripts over the repository port can take the same logic.
 */
export const dispositionModule: WebScriptModule = (ws, repo) => {
  ws.get('/disposition/eligible', (req) => {
    requireCustodian(req.caller);
    const paging = parsePaging(req.query);
    const now = nowIso(req.caller);
    const all = eligibleRecordings(repo, now);
    const page = pageOf(all, paging).map((n) => recordingJson(repo, n, now));
    return { body: listBody(page, paging, all.length) };
  });

  ws.get('/disposition/batches', (req) => {
    requireBatchReader(req.caller);
    const paging = parsePaging(req.query);
    const status = req.query.status;
    if (status !== undefined && (typeof status !== 'string' || !STATUS_FILTER.has(status))) {
      throw badRequest('status must be one of ' + [...STATUS_FILTER].join(', '));
    }
    const now = nowIso(req.caller);
    const all = listBatches(repo).filter((n) => status === undefined ||
      n.props['efr:batchStatus'] === status);
    return { body: listBody(pageOf(all, paging).map((n) => batchJson(repo, n, now)), paging,
      all.length) };
  });

  ws.post('/disposition/batches', (req) => {
    const node = proposeBatch(repo, req.caller, bodyOf(req.body));
    return { status: 201, body: { entry: batchJson(repo, node, nowIso(req.caller)) } };
  });

  ws.get('/disposition/batches/{id}', (req) => {
    const node = batchNode(repo, req.caller, req.params.id);
    return { body: { entry: batchJson(repo, node, nowIso(req.caller)) } };
  });

  for (const step of DISPOSITION_STEPS) {
    ws.post(`/disposition/batches/{id}/${step}`, async (req) => {
      const node = batchNode(repo, req.caller, req.params.id);
      const r = await stepBatch(repo, req.caller, node, step, bodyOf(req.body));
      return { body: { entry: { ...batchJson(repo, r.node, nowIso(req.caller)),
        bytesDestroyed: r.destroyed } } };
    });
  }

  ws.get('/disposition/batches/{id}/register', async (req) => {
    const node = batchNode(repo, req.caller, req.params.id);
    const pdf = await registerPdf(repo, node);
    repo.db.transaction(() => appendAccessLog(repo.db, {
      user: req.caller.userId, action: 'disposition.register', nodeId: node.id,
      values: { bytes: String(pdf.length), requirement: 'R22.1' },
    }))();
    return req.reply.header('content-type', 'application/pdf')
      .header('content-disposition',
        `attachment; filename="register.pdf"; filename*=UTF-8''${encodeURIComponent(
          `销毁清册-${node.name}.pdf`)}`)
      .send(Buffer.from(pdf));
  });
};
