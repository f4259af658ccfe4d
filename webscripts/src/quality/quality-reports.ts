/**
 * The quality assessment as a PDF (issue 15; R28.1), a generated document as the destruction
 * register is (../documents/documents.ts), the same in both hosts:
 *
 * - `POST /quality/reports` `{from, to, lang?}`: the gate and period of `GET /quality`; the
 *   assessment is computed NOW in the caller's context (it counts what the caller may read) and
 *   stored with the people's names, the reader's language, who asked and when on a new document
 *   `质量考评-<from>-<to>-<digits>.pdf` (kind `qualityReport`) in the archive folder
 *   `质量考评报告` (made by the repository when missing, under the archive root: readable as
 *   the root is; its requester is granted Consumer on the document); 202 with the document and its job. efr worker renders
 *   the stored assessment, never recomputing it as the repository.
 * - `GET /quality/reports/{id}`: 202 with the job's progress while efr worker renders it, the
 *   PDF as stored once rendered; 409 efr.document.failed; 404 for a node that is no quality
 *   report, that the caller may not read or did not request.
 */
import type { QualityReportInput } from '../../../contract/index.js';
import {
  compactName, documentLanguage, GROUP_EFR_WORKERS, refuse,
} from '../../../core/src/index.js';
import { documentJson, orderOf, storedInputOf } from '../documents/document-json.js';
import { requestDocument } from '../documents/documents.js';
import { madeArchiveFolder } from '../handovers/handover-json.js';
import type { PortNode, RepositoryPort } from '../repository-port.js';
import { invalidArgument, notFound, type WebScriptDefinition } from '../web-script.js';
import { assessmentOf } from './quality-facts.js';
import { qualityPeriod } from './quality.js';

/** The archive folder of the quality reports. */
export const QUALITY_REPORTS_FOLDER = '\u8d28\u91cf\u8003\u8bc4\u62a5\u544a';

/** `质量考评-<from day>-<to day>-<digits of the request time>.pdf`: no English in it. */
export function qualityReportName(period: { from: string; to: string }, at: string): string {
  return '\u8d28\u91cf\u8003\u8bc4-' + period.from.slice(0, 10) + '-' + period.to.slice(0, 10) +
    '-' + at.replace(/[^0-9]/g, '') + '.pdf';
}

/** The display names of the people an assessment names, by user name. */
function namesOf(port: RepositoryPort, ids: string[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const id of ids) {
    if (id && !Object.prototype.hasOwnProperty.call(names, id)) {
      names[id] = compactName(port.displayName(id)) || id;
    }
  }
  return names;
}

export const qualityReportsPost: WebScriptDefinition = {
  id: 'quality-reports', method: 'POST', path: '/quality/reports', area: 'quality',
  title: 'EFR quality assessment: request its PDF',
  handle(port, call) {
    const p = qualityPeriod(port, call.body.from, call.body.to);
    const raw = call.body.lang;
    if (raw !== undefined && raw !== null && (typeof raw !== 'string' || raw.length > 35)) {
      throw invalidArgument('lang must be a language tag such as zh-CN or en');
    }
    const lang = typeof raw === 'string' ? raw : null;
    // The caller's assessment: what they may read, as they read it now.
    const assessment = assessmentOf(port, p.from, p.to);
    const user = port.currentUser().userName;
    const at = port.now();
    const input: QualityReportInput = {
      assessment,
      names: namesOf(port, assessment.report.officers.map((f) => f.officer || '')
        .concat(assessment.violations.map((v) => v.officer))),
      language: documentLanguage(lang, call.acceptLanguage || null),
      requestedBy: user, requestedAt: at,
    };
    const folder = madeArchiveFolder(port, QUALITY_REPORTS_FOLDER);
    const doc = requestDocument(port, folder.id, qualityReportName(p, at), 'qualityReport',
      folder.id, input);
    // Its figures are what the requester may read (R28.1): nobody else reads the document, not
    // even through the generic API (the archive root's readers would by inheritance), but the
    // workers, who find it waiting and render it (its claim grants the one holding it more).
    port.stopInheritingPermissions(doc.id);
    port.setPermission(doc.id, user, 'Consumer');
    port.setPermission(doc.id, GROUP_EFR_WORKERS, 'Consumer');
    return { status: 202, body: { entry: documentJson(port.node(doc.id) || doc) } };
  },
};

/**
 * The quality report `id` the caller requested (404 otherwise, as for a node they cannot read:
 * its figures are what its requester could read, which another reader may not).
 */
function reportNode(port: RepositoryPort, id: string): PortNode {
  const n = port.node(id);
  const o = n === null ? null : orderOf(n);
  if (n === null || o === null || o.kind !== 'qualityReport') throw notFound(id);
  const input = storedInputOf(n) as QualityReportInput | null;
  if (input === null || input.requestedBy !== port.currentUser().userName) throw notFound(id);
  return n;
}

export const qualityReportGet: WebScriptDefinition = {
  id: 'quality-report', method: 'GET', path: '/quality/reports/{id}', area: 'quality',
  title: 'EFR quality assessment: its PDF', streams: true,
  handle(port, call) {
    const d = reportNode(port, call.params.id);
    const entry = documentJson(d);
    if (entry.job.state === 'failed') {
      port.enforce(refuse(409, 'efr.document.failed', 'R28.1',
        'The report could not be rendered: ' + (entry.job.error ? entry.job.error.message : ''),
        '\u8003\u8bc4\u62a5\u544a\u751f\u6210\u5931\u8d25\u3002'), 'quality.report', d.id);
    }
    // 202 while efr worker renders it: the job's progress (GET again later).
    if (entry.job.state !== 'built') return { status: 202, body: { entry } };
    port.logStep('quality.report', d.id, { requirement: 'R28.1' });
    return { status: 200, body: null, content: { nodeId: d.id, name: d.name } };
  },
};

/** The quality report web scripts written once. */
export const QUALITY_REPORT_WEB_SCRIPTS: readonly WebScriptDefinition[] = [
  qualityReportsPost, qualityReportGet,
];
