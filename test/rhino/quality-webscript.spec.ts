/**
 * The quality assessment in the ACS module (issue 8: R28.1, R29.1, R30.1; issue 15): the JSON
 * written once (webscripts/src/quality/), run as the module's controller in the ACS-like
 * runtime; CSV and PDF are server/'s documents and answer 501 here.
 */
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
      folders: ['EFR 执法记录/违规记录', 'EFR 执法记录/移交记录', 'EFR 执法记录/执法记录仪'],
      folderAces: { 'EFR 执法记录': ['ALLOWED;GROUP_EFR_UNIT_HEADS;Consumer',
        'ALLOWED;GROUP_EFR_SUPERVISORS;Consumer'] } },
    { officer1: ['GROUP_EFR_OFFICERS'], unithead1: ['GROUP_EFR_UNIT_HEADS'],
      supervisor1: ['GROUP_EFR_SUPERVISORS'] }, [
      { name: 'officer', script: 'quality.get', user: 'officer1', args: period },
      { name: 'badPeriod', script: 'quality.get', user: 'unithead1',
        args: { from: period.to, to: period.from } },
      { name: 'pdf', script: 'quality.get', user: 'unithead1', args: { ...period, format: 'pdf' } },
      { name: 'json', script: 'quality.get', user: 'unithead1', args: period },
    ], [
      { folder: 'EFR 执法记录/移交记录', name: '移交-逾期', type: 'efr:handover',
        properties: { 'efr:officer': 'officer1', 'efr:unit': '婚姻登记处',
          'efr:handoverStatus': 'sealed', 'efr:late': true,
          'efr:fieldWorkEnd': iso(now - 2 * DAY) } },
      { folder: 'EFR 执法记录/违规记录', name: '违规-1', type: 'efr:violation',
        properties: { 'efr:violationKind': 'lentDevice', 'efr:violationStatus': 'confirmed',
          'efr:violationDescription': '借出记录仪。', 'efr:proposedBy': 'supervisor1',
          'efr:proposedAt': iso(now - DAY), 'efr:officer': 'officer1',
          'efr:unit': '婚姻登记处' } },
    ]);
  });

  it('R28.1: supervisors and unit heads only; a valid period', () => {
    expect(code(r.officer)).toBe('403 efr.quality.forbidden');
    expect(code(r.badPeriod)).toBe('400 framework.exception.InvalidArgument');
    expect(code(r.pdf)).toBe('501 efr.quality.formatNotInModule');
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
});
