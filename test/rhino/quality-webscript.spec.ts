/**
 * The quality assessment in the ACS module (issue 8: R28.1, R29.1, R30.1; issue 15): the JSON
 * and the CSV written once (webscripts/src/quality/), run as the module's controller in the
 * ACS-like runtime, the CSV rendered through the descriptor's csv template as Surf does (its
 * Content-Type from the format; no file name); the PDF is a generated document
 * (quality-reports-webscripts.spec.ts).
 */
import { ASIA_SHANGHAI } from '../../core/src/index.js';
import type { Assessment } from '../../contract/index.js';
import { assessmentCsv, reportWords } from '../../webscripts/src/quality/quality-csv.js';
import { confirmedViolation, QUALITY_FOLDERS } from './quality-fixtures.js';
import { runWebScripts, type WsResult } from './webscript-run.js';

const code = (r: WsResult): string => `${r.status} ${r.body?.error?.errorKey ?? ''}`.trim();
const DAY = 86400000;

interface Line { unit: string; officer: string | null; timelyHandoverRate: number | null;
  violations: number }

describe('module web script in Rhino: quality assessment (R28.1, issue 15)', () => {
  let r: Record<string, WsResult>;
  const now = Date.now();
  const iso = (ms: number): string => new Date(ms).toISOString();
  const period = { from: iso(now - 7 * DAY), to: iso(now + DAY) };
  beforeAll(async () => {
    r = await runWebScripts({ areas: ['quality'],
      folders: QUALITY_FOLDERS,
      folderAces: { 'EFR 执法记录': ['ALLOWED;GROUP_EFR_UNIT_HEADS;Consumer',
        'ALLOWED;GROUP_EFR_SUPERVISORS;Consumer'] } },
    { officer1: ['GROUP_EFR_OFFICERS'], unithead1: ['GROUP_EFR_UNIT_HEADS'],
      supervisor1: ['GROUP_EFR_SUPERVISORS'] }, [
      { name: 'officer', script: 'quality.get', user: 'officer1', args: period },
      { name: 'badPeriod', script: 'quality.get', user: 'unithead1',
        args: { from: period.to, to: period.from } },
      { name: 'pdf', script: 'quality.get', user: 'unithead1', args: { ...period, format: 'pdf' } },
      { name: 'json', script: 'quality.get', user: 'unithead1', args: period },
      { name: 'csvZh', script: 'quality.get', user: 'unithead1', args: { ...period, format: 'csv' },
        headers: { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' } },
      { name: 'csvEn', script: 'quality.get', user: 'supervisor1',
        args: { ...period, format: 'csv' }, headers: { 'accept-language': 'en-US,en;q=0.9' } },
      { name: 'csvLang', script: 'quality.get', user: 'supervisor1',
        args: { ...period, format: 'csv', lang: 'zh-CN' }, headers: { 'Accept-Language': 'en' } },
      { name: 'csvOfficer', script: 'quality.get', user: 'officer1',
        args: { ...period, format: 'csv' } },
    ], [
      { folder: 'EFR 执法记录/移交记录', name: '移交-逾期', type: 'efr:handover',
        properties: { 'efr:officer': 'officer1', 'efr:unit': '婚姻登记处',
          'efr:handoverStatus': 'sealed', 'efr:late': true,
          'efr:fieldWorkEnd': iso(now - 2 * DAY) } },
      confirmedViolation(iso(now - DAY)),
    ]);
  });

  it('R28.1: supervisors and unit heads only; a valid period', () => {
    expect(code(r.officer)).toBe('403 efr.quality.forbidden');
    expect(code(r.badPeriod)).toBe('400 framework.exception.InvalidArgument');
    // Surf knows no pdf format (webscripts.formats): DeclarativeWebScript refuses the request
    // before the controller runs (l. 55-59), so the module's 501 never reaches a client.
    expect(r.pdf.status).toBe(500);
    expect(r.pdf.error).toBe("Web Script format 'pdf' is not registered");
  });

  it('R28.1, R29.1: the late handover and the confirmed violation count for the officer', () => {
    expect(r.json.status).withContext(r.json.error ?? '').toBe(200);
    const a = r.json.body?.entry as unknown as { report: { officers: Line[] };
      violations: { officer: string }[] };
    const o1 = a.report.officers.find((o) => o.officer === 'officer1');
    expect(o1).toEqual(jasmine.objectContaining({ unit: '婚姻登记处', timelyHandoverRate: 0,
      violations: 1 }));
    expect(a.violations.map((v) => v.officer)).toEqual(['officer1']);
  });

  it('issue 15: the CSV is the one webscripts/ writes, in the reader\'s language, as text/csv', () => {
    const a = r.json.body?.entry as unknown as Assessment;
    const text = (x: WsResult): string => String((x.body as { unparsable?: string }).unparsable);
    expect(r.csvZh.status).withContext(r.csvZh.error ?? '').toBe(200);
    expect(r.csvZh.contentType).toBe('text/csv;charset=UTF-8');
    expect(text(r.csvZh)).toBe(assessmentCsv(a, reportWords((id) => id, 'zh-CN', ASIA_SHANGHAI)));
    expect(text(r.csvZh).startsWith('\ufeff级别,执法部门,执法人员,')).toBeTrue();
    expect(text(r.csvZh)).toContain('擅自借给其他人员使用');
    expect(text(r.csvEn)).toBe(assessmentCsv(a, reportWords((id) => id, 'en', ASIA_SHANGHAI)));
    expect(text(r.csvEn)).toContain('Lending a device to others');
    expect(text(r.csvEn)).not.toContain('lentDevice');
    // `lang` wins over Accept-Language, as on server/.
    expect(text(r.csvLang)).toBe(text(r.csvZh));
    // A refusal keeps its code and JSON body; Surf answers it under the csv format's type.
    expect(r.csvOfficer.status).toBe(403);
    expect(r.csvOfficer.contentType).toBe('text/csv;charset=UTF-8');
    expect(code(r.csvOfficer)).toBe('403 efr.quality.forbidden');
  });
});
