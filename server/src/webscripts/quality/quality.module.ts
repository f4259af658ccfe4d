import {
  GROUP_EFR_SUPERVISORS, GROUP_EFR_UNIT_HEADS, documentLanguage, isMemberOfAny, parseInstant,
  personDisplayName, refuse,
} from '../../../../core/src/index.js';
import { badRequest } from '../../http/errors.js';
import type { WebScriptModule } from '../web-script-host.js';
import { actorOf } from '../devices/record-writes.js';
import { bureauZone } from '../handovers/handover-zone.js';
import { assessmentCsv, assessmentPdf, reportWords } from './quality-export.js';
import { assessment } from './quality-facts.js';

/**
 * `GET /quality?from=&to=&format=json|csv|pdf` (issue 8; R28.1, R29.1, R30.1): the quality
 * assessment of a period per officer and per unit, for supervisors and unit heads.
 */
export const qualityModule: WebScriptModule = (ws, repo) => {
  ws.get('/quality', async (req) => {
    repo.enforce(req.caller, isMemberOfAny(actorOf(req.caller),
      [GROUP_EFR_SUPERVISORS, GROUP_EFR_UNIT_HEADS]) ? { allowed: true } : refuse(403,
      'efr.quality.forbidden', 'R28.1', 'Only supervisors and unit heads see the assessment.',
      '仅监督人员和执法部门负责人可以查看考评。'), 'readQuality', null);
    const from = typeof req.query.from === 'string' ? req.query.from : '';
    const to = typeof req.query.to === 'string' ? req.query.to : '';
    const f = parseInstant(from);
    const t = parseInstant(to);
    if (f === null || t === null || !(f < t)) {
      throw badRequest('from and to must be ISO 8601 date-times with a zone, from before to');
    }
    const format = req.query.format ?? 'json';
    const a = assessment(repo, new Date(f).toISOString(), new Date(t).toISOString());
    if (format === 'json') return { body: { entry: a } };
    const name = `efr-quality-${a.from.slice(0, 10)}-${a.to.slice(0, 10)}`;
    // People by name (the directory's display name, written as core writes names).
    // In the reader's language (`lang`, else Accept-Language; zh-CN by default): issue 19.
    const words = reportWords((id) => {
      const p = repo.auth.person(id);
      return p ? personDisplayName({ id, firstName: p.firstName, lastName: p.lastName }) : id;
    }, documentLanguage(typeof req.query.lang === 'string' ? req.query.lang : null,
      req.raw.headers['accept-language']), bureauZone());
    if (format === 'csv') {
      return req.reply.code(200).header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(assessmentCsv(a, words));
    }
    if (format === 'pdf') {
      const pdf = await assessmentPdf(a, words);
      return req.reply.code(200).header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}.pdf"`).send(pdf);
    }
    throw badRequest('format must be json, csv or pdf');
  });
};
