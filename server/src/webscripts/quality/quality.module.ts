import {
  documentLanguage, personDisplayName, qualityFileName,
} from '../../../../core/src/index.js';
import { reportWords } from '../../../../webscripts/src/quality/quality-csv.js';
import { assessmentOf } from '../../../../webscripts/src/quality/quality-facts.js';
import { qualityGet, qualityRequest } from '../../../../webscripts/src/quality/quality.js';
import type { Assessment } from '../../../../contract/index.js';
import { runPortWebScript } from '../port/port-routes.js';
import type { WebScriptModule } from '../web-script-host.js';
import { bureauZone } from '../port/bureau-zone.js';
import { assessmentPdf } from '../../documents/quality-assessment-pdf.js';

/**
 * `GET /quality?from=&to=&format=json|csv|pdf` (issue 8; R28.1, R29.1, R30.1): the gate, the
 * period, the assessment and its CSV are written once (webscripts/src/quality/): the JSON and
 * CSV answers are the shared definition's (the CSV named here, Content-Disposition); the PDF is
 * made here from the same assessment.
 */
export const qualityModule: WebScriptModule = (ws, repo) => {
  /** The shared gate and assessment, in one port call, for the documents. */
  const documentOf = {
    ...qualityGet,
    handle: (port: Parameters<typeof qualityGet.handle>[0],
      call: Parameters<typeof qualityGet.handle>[1]) => {
      const q = qualityRequest(port, call);
      return { status: 200, body: { format: q.format, a: assessmentOf(port, q.from, q.to) } };
    },
  };
  ws.get('/quality', async (req) => {
    const format = typeof req.query.format === 'string' ? req.query.format : 'json';
    if (format === 'csv') {
      const csv = (await runPortWebScript(repo, qualityGet, req)).text;
      if (csv === undefined) throw new Error('the CSV answer has no text');
      return req.reply.code(200).header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csv.fileName}"`).send(csv.text);
    }
    if (format !== 'pdf') return runPortWebScript(repo, qualityGet, req);
    const { a } = (await runPortWebScript(repo, documentOf, req)).body as { a: Assessment };
    // People by name (the directory's display name, written as core writes names).
    // In the reader's language (`lang`, else Accept-Language; zh-CN by default): issue 19.
    const words = reportWords((id) => {
      const p = repo.auth.person(id);
      return p ? personDisplayName({ id, firstName: p.firstName, lastName: p.lastName }) : id;
    }, documentLanguage(typeof req.query.lang === 'string' ? req.query.lang : null,
      req.raw.headers['accept-language']), bureauZone());
    const pdf = await assessmentPdf(a, words);
    return req.reply.code(200).header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${qualityFileName(a, 'pdf')}"`)
      .send(pdf);
  });
};
