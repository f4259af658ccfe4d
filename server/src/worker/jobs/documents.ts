/**
 * Generated documents in `efr worker` (issue 15): the PDFs a web script cannot render in ACS's
 * Rhino, rendered here for both hosts with the one renderer server/ has (../../documents/).
 * Through the REST API only, as the service user:
 *
 * 1. lists the documents waiting (`GET /s/efr/documents/jobs?state=requested`);
 * 2. claims each (`POST /s/efr/documents/{id}/claim`; another worker may win: 409), which
 *    answers what to render (the destruction register as the execution signed it, or a
 *    quality report's assessment as stored when it was requested);
 * 3. renders it, uploads it with `PUT /nodes/{id}/content` (the claim granted it Write on that
 *    node only) and hands back its SHA-256 and size, which the repository checks against its own
 *    digest of the stored bytes (`POST …/result`);
 * 4. or reports the failure with its code (`POST …/failure`), which the requester sees.
 */
import { createHash } from 'node:crypto';
import type { DocumentOrder, QualityReportInput } from '../../../../contract/index.js';
import type { RegisterInput } from '../../../../core/src/index.js';
import { reportWords } from '../../../../webscripts/src/quality/quality-csv.js';
import { registerPdf } from '../../documents/destruction-register-pdf.js';
import { assessmentPdf } from '../../documents/quality-assessment-pdf.js';
import { bureauZone } from '../../webscripts/port/bureau-zone.js';
import { RestError, restCall, restJson, type RestConnection } from '../../evidence/rest-source.js';
import {
  failureOf, workWaiting, type JobContext, type JobOutcome, type WorkerJobKind,
} from '../efr-worker.js';

const EFR = '/alfresco/s/efr';
const CORE = '/alfresco/api/-default-/public/alfresco/versions/1';

function post(value: unknown): RequestInit {
  return { method: 'POST', body: JSON.stringify(value) };
}

/** The bytes of a document as ordered. */
export function renderDocument(order: DocumentOrder): Promise<Uint8Array> {
  if (order.kind === 'destructionRegister') return registerPdf(order.register as RegisterInput);
  if (order.kind === 'qualityReport') {
    // The assessment as its requester could read it, stored when asked: never recomputed here.
    const q = order.quality as QualityReportInput;
    return assessmentPdf(q.assessment,
      reportWords((id) => q.names[id] || id, q.language, bureauZone()));
  }
  return Promise.reject(new Error(`no renderer for documents of kind ${String(order.kind)}`));
}

/** The generated-document job kind. */
export function documentJobs(): WorkerJobKind {
  async function runDocument(c: RestConnection, ctx: JobContext, id: string):
    Promise<JobOutcome> {
    let order: DocumentOrder;
    try {
      order = (await restJson<{ order: DocumentOrder }>(c, `${EFR}/documents/${id}/claim`,
        post({}))).order;
    } catch (err) {
      // Another worker took it first, or it is gone: nothing to do.
      if (err instanceof RestError && (err.status === 409 || err.status === 404)) {
        return { id, state: 'skipped' };
      }
      throw err;
    }
    try {
      const bytes = await renderDocument(order);
      await restCall(c, `${EFR}/documents/${id}/progress`,
        post({ bytesDone: 0, bytesTotal: bytes.byteLength }));
      await restCall(c, `${CORE}/nodes/${id}/content`, { method: 'PUT',
        body: Buffer.from(bytes), headers: { 'content-type': 'application/pdf' } });
      const result = { sha256: createHash('sha256').update(bytes).digest('hex'),
        size: bytes.byteLength };
      await restCall(c, `${EFR}/documents/${id}/result`, post(result));
      ctx.say(`rendered ${order.kind} ${id} (${order.name}): ${result.size} bytes`);
      return { id, state: 'built', ...result };
    } catch (err) {
      const failure = failureOf(err);
      ctx.say(`failed ${order.kind} ${id}: ${failure.code} ${failure.message}`);
      try {
        await restCall(c, `${EFR}/documents/${id}/failure`, post(failure));
      } catch (report) {
        // The lease was lost or the repository is gone: claimed again once the lease lapses.
        ctx.say(`could not report the failure of ${id}: ${(report as Error).message}`);
      }
      return { id, state: 'failed', code: failure.code };
    }
  }

  return {
    name: 'documents',
    runWaiting: (c, ctx) => workWaiting(c, `${EFR}/documents/jobs?state=requested&maxItems=10`,
      ctx.stopped, (id) => runDocument(c, ctx, id)),
  };
}
