/**
 * The quality assessment as PDF in the ACS module (issue 15; R28.1): `POST /quality/reports`
 * and `GET /quality/reports/{id}` written once (webscripts/src/quality/quality-reports.ts), run
 * as the module's controllers in the ACS-like runtime: the assessment is computed in the
 * requester's context and stored on the document, efr worker claims it (the order carries the
 * stored assessment), uploads the PDF and the stored bytes stream as StreamContent streams them.
 */
import { createHash } from 'node:crypto';
import { confirmedViolation, QUALITY_FOLDERS } from './quality-fixtures.js';
import { runWebScripts, type WsCall, type WsResult } from './webscript-run.js';

const code = (r: WsResult): string => `${r.status} ${r.body?.error?.errorKey ?? ''}`.trim();
const DAY = 86400000;
const PDF = '%PDF-1.4 EFR quality report in the ACS-like runtime';
const PDF_SHA = createHash('sha256').update(PDF).digest('hex');

describe('module web scripts in Rhino: the quality report as a generated document (issue 15)', () => {
  let r: Record<string, WsResult>;
  const now = Date.now();
  const iso = (ms: number): string => new Date(ms).toISOString();
  const period = { from: iso(now - 7 * DAY), to: iso(now + DAY) };
  const ws = (name: string, script: string, user: string, extra: Partial<WsCall> = {}): WsCall =>
    ({ name, script, user, ...extra });
  const report = { templateArgs: { id: '@post' } };
  beforeAll(async () => {
    r = await runWebScripts({ areas: ['quality', 'documents'],
      folders: QUALITY_FOLDERS,
      folderAces: { 'EFR 执法记录': ['ALLOWED;GROUP_EFR_UNIT_HEADS;Consumer',
        'ALLOWED;GROUP_EFR_SUPERVISORS;Consumer', 'ALLOWED;GROUP_EFR_WORKERS;Consumer'] } },
    { officer1: ['GROUP_EFR_OFFICERS'], unithead1: ['GROUP_EFR_UNIT_HEADS'],
      supervisor1: ['GROUP_EFR_SUPERVISORS'], worker1: ['GROUP_EFR_WORKERS'] }, [
      ws('byOfficer', 'quality-reports.post', 'officer1', { body: period }),
      ws('badPeriod', 'quality-reports.post', 'unithead1',
        { body: { from: period.to, to: period.from } }),
      ws('post', 'quality-reports.post', 'unithead1', { body: { ...period, lang: 'en' } }),
      ws('waiting', 'quality-report.get', 'unithead1', report),
      ws('byOther', 'quality-report.get', 'officer1', report),
      ws('claim', 'document-claim.post', 'worker1', { templateArgs: { id: '@post' }, body: {} }),
      ws('rendering', 'quality-report.get', 'unithead1', report),
      { name: 'upload', user: 'worker1', rest: { op: 'putContent', node: '@post', text: PDF,
        mimetype: 'application/pdf' } },
      ws('result', 'document-result.post', 'worker1', { templateArgs: { id: '@post' },
        body: { sha256: PDF_SHA, size: PDF.length } }),
      ws('pdf', 'quality-report.get', 'unithead1', report),
      // Another reader of the archive root does not inherit the report (R28.1).
      { name: 'otherReads', user: 'supervisor1', rest: { op: 'content', node: '@post' } },
      ws('notAReport', 'quality-report.get', 'unithead1', { templateArgs: { id: '@claim' } }),
    ], [
      confirmedViolation(iso(now - DAY)),
    ]);
  });

  it('R28.1: supervisors and unit heads only, a valid period, nothing written otherwise', () => {
    expect(code(r.byOfficer)).toBe('403 efr.quality.forbidden');
    expect(code(r.badPeriod)).toBe('400 framework.exception.InvalidArgument');
  });

  it('issue 15: the request stores the requester\'s assessment; efr worker renders it', () => {
    expect(r.post.status).withContext(JSON.stringify(r.post)).toBe(202);
    const doc = r.post.body?.entry as unknown as { id: string; name: string; kind: string;
      job: { state: string } };
    expect([doc.kind, doc.job.state]).toEqual(['qualityReport', 'requested']);
    expect(doc.name).toMatch(/^质量考评-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d-\d+\.pdf$/);
    expect(r.waiting.status).toBe(202);
    expect(code(r.byOther)).toBe('404 framework.exception.EntityNotFound');
    expect(r.claim.status).withContext(JSON.stringify(r.claim)).toBe(200);
    const order = (r.claim.body as unknown as { order: { kind: string; name: string; quality: {
      language: string; requestedBy: string; names: Record<string, string>;
      assessment: { violations: { officer: string }[] } } } }).order;
    expect([order.kind, order.name]).toEqual(['qualityReport', doc.name]);
    expect([order.quality.language, order.quality.requestedBy]).toEqual(['en', 'unithead1']);
    expect(order.quality.assessment.violations.map((v) => v.officer)).toEqual(['officer1']);
    expect(Object.keys(order.quality.names)).toContain('officer1');
    expect((r.rendering.body?.entry as unknown as { job: { state: string } }).job.state)
      .toBe('building');
    expect(r.upload.status).withContext(JSON.stringify(r.upload)).toBe(200);
    expect(r.result.status).withContext(JSON.stringify(r.result)).toBe(200);
    expect(r.pdf.status).withContext(JSON.stringify(r.pdf)).toBe(200);
    expect(r.pdf.body as unknown).toEqual({ stream: { node: doc.id,
      mimetype: 'application/pdf', size: PDF.length, contentDisposition: 'attachment' } });
    expect(r.pdf.logs.join('\n')).toContain('efr quality.report');
    expect(r.otherReads.status).withContext(JSON.stringify(r.otherReads)).not.toBe(200);
  });
});
