import { qualityGet } from '../../../../webscripts/src/quality/quality.js';
import {
  qualityReportsPost, QUALITY_REPORT_WEB_SCRIPTS,
} from '../../../../webscripts/src/quality/quality-reports.js';
import { jobRequests } from '../../worker/job-requests.js';
import { sendStoredContent } from '../documents/documents.module.js';
import { runPortWebScript } from '../port/port-routes.js';
import type { WebScriptModule } from '../web-script-host.js';

/**
 * `GET /quality?from=&to=&format=json|csv` (issue 8; R28.1, R29.1, R30.1): the gate, the
 * period, the assessment and its CSV are written once (webscripts/src/quality/): the JSON and
 * CSV answers are the shared definition's (the CSV named here, Content-Disposition). The PDF is
 * a generated document in both hosts (`POST /quality/reports`, `GET /quality/reports/{id}`,
 * webscripts/src/quality/quality-reports.ts), rendered by efr worker (told at once here).
 */
export const qualityModule: WebScriptModule = (ws, repo) => {
  ws.get('/quality', async (req) => {
    const format = typeof req.query.format === 'string' ? req.query.format : 'json';
    if (format !== 'csv') return runPortWebScript(repo, qualityGet, req);
    const csv = (await runPortWebScript(repo, qualityGet, req)).text;
    if (csv === undefined) throw new Error('the CSV answer has no text');
    return req.reply.code(200).header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${csv.fileName}"`).send(csv.text);
  });
  for (const def of QUALITY_REPORT_WEB_SCRIPTS) {
    const route = def.method === 'GET' ? ws.get : ws.post;
    route(def.path, async (req) => {
      const answer = await runPortWebScript(repo, def, req);
      if (answer.content) return sendStoredContent(repo, req, answer.content);
      if (def === qualityReportsPost) jobRequests.emit('requested', 'document');
      return answer;
    });
  }
};
