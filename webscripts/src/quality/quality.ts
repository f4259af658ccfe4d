/**
 * `GET /quality?from=&to=&format=json|csv&lang=` (issue 8; R28.1, R29.1, R30.1): the
 * quality assessment of a period per officer and per unit, for supervisors and unit heads. The
 * gate, the period, the assessment and its CSV (./quality-csv.ts, in the reader's language:
 * `lang`, else Accept-Language) are written once for both hosts (issue 15). The PDF is a
 * generated document (./quality-reports.ts: `POST /quality/reports`, rendered by efr worker),
 * so `format=pdf` answers 400 naming it (docs/api.md "In the ACS module").
 */
import {
  compactName, documentLanguage, GROUP_EFR_SUPERVISORS, GROUP_EFR_UNIT_HEADS, isMemberOfAny,
  parseInstant, qualityFileName, refuse,
} from '../../../core/src/index.js';
import type { RepositoryPort } from '../repository-port.js';
import {
  invalidArgument, type WebScriptCall, type WebScriptDefinition,
} from '../web-script.js';
import { assessmentOf } from './quality-facts.js';
import { assessmentCsv, reportWords } from './quality-csv.js';

/** The formats of the assessment. */
export type QualityFormat = 'json' | 'csv';

/** A checked assessment request: who may read it decided, the period and format valid. */
export interface QualityRequest {
  from: string;
  to: string;
  format: QualityFormat;
}

/**
 * Refuses callers other than supervisors and unit heads (R28.1), then checks the period
 * (ISO 8601 date-times with a zone, from before to): the period, normalised to UTC.
 */
export function qualityPeriod(port: RepositoryPort, from: unknown, to: unknown):
  { from: string; to: string } {
  port.enforce(isMemberOfAny(port.currentUser(), [GROUP_EFR_SUPERVISORS, GROUP_EFR_UNIT_HEADS])
    ? { allowed: true } : refuse(403, 'efr.quality.forbidden', 'R28.1',
      'Only supervisors and unit heads see the assessment.',
      '仅监督人员和执法部门负责人可以查看考评。'), 'readQuality', null);
  const f = parseInstant(typeof from === 'string' ? from : '');
  const t = parseInstant(typeof to === 'string' ? to : '');
  if (f === null || t === null || !(f < t)) {
    throw invalidArgument('from and to must be ISO 8601 date-times with a zone, from before to');
  }
  return { from: new Date(f).toISOString(), to: new Date(t).toISOString() };
}

/** Refuses callers other than supervisors and unit heads (R28.1), then checks the query. */
export function qualityRequest(port: RepositoryPort, call: WebScriptCall): QualityRequest {
  const p = qualityPeriod(port, call.query.from, call.query.to);
  const format = call.query.format || 'json';
  if (format === 'pdf') {
    throw invalidArgument('The assessment as PDF is a generated document: ask for it with ' +
      'POST /quality/reports {from, to}, then read GET /quality/reports/{id}');
  }
  if (format !== 'json' && format !== 'csv') throw invalidArgument('format must be json or csv');
  return { from: p.from, to: p.to, format };
}

export const qualityGet: WebScriptDefinition = {
  id: 'quality', method: 'GET', path: '/quality', area: 'quality',
  title: 'EFR quality assessment',
  handle(port, call) {
    const q = qualityRequest(port, call);
    if (q.format === 'csv') {
      const a = assessmentOf(port, q.from, q.to);
      // People by name, coded values by label, times in the bureau's zone (issue 19).
      const words = reportWords((id) => compactName(port.displayName(id)) || id,
        documentLanguage(call.query.lang || null, call.acceptLanguage || null), port.zone());
      return { status: 200, body: null, text: { format: 'csv', text: assessmentCsv(a, words),
        fileName: qualityFileName(a, 'csv') } };
    }
    return { status: 200, body: { entry: assessmentOf(port, q.from, q.to) } };
  },
};
