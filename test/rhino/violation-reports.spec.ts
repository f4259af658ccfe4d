/**
 * How violations enter the register in the ACS module (issue 8: R29.1; issues 15/18): a
 * supervisor's report and the scan, written once (webscripts/src/violations/violation-reports.ts)
 * and run as the module's controllers in the ACS-like runtime. In ACS the scan reads the
 * efr-access audit application, where no refused attempt is (rolled back with its transaction),
 * so it proposes late handovers only.
 */
import { runSpotCheckCalls as run, type WsResult } from './webscript-features.js';

const code = (r: WsResult): string => `${r.status} ${r.body?.error?.errorKey ?? ''}`.trim();

describe('module web scripts in Rhino: violation reports and scan (R29.1, issue 15)', () => {
  let r: Record<string, WsResult>;
  beforeAll(async () => {
    const report = { kind: 'lentDevice', officer: 'officer1', unit: '社会事务科',
      description: '将执法记录仪借给协管员使用。' };
    r = await run([
      { name: 'byOfficer', script: 'violations.post', user: 'officer1', body: report },
      { name: 'badKind', script: 'violations.post', user: 'supervisor1',
        body: { ...report, kind: 'x' } },
      { name: 'report', script: 'violations.post', user: 'supervisor1', body: report },
      { name: 'scanOfficer', script: 'violations-scan.post', user: 'officer1', body: {} },
      { name: 'scan', script: 'violations-scan.post', user: 'supervisor1', body: {} },
      { name: 'again', script: 'violations-scan.post', user: 'supervisor2', body: {} },
      { name: 'list', script: 'violations.get', user: 'supervisor1' },
    ], [{ folder: 'EFR 执法记录/移交记录', name: '移交-逾期', type: 'efr:handover',
      properties: { 'efr:officer': 'officer1', 'efr:unit': '婚姻登记处',
        'efr:handoverStatus': 'sealed', 'efr:late': true } }]);
  });

  it('R29.1: only supervisors report, of one of the eight kinds', () => {
    expect(code(r.byOfficer)).toBe('403 efr.violation.notSupervisor');
    expect(code(r.badKind)).toBe('422 efr.violation.kind');
    expect(r.report.status).toBe(201);
    expect(r.report.body?.entry).toEqual(jasmine.objectContaining({ kind: 'lentDevice',
      status: 'proposed', officer: 'officer1', proposedBy: 'supervisor1', measures: [] }));
    expect(r.report.logs.join()).toContain('efr violation.report');
  });

  it('R21.1, R29.1: the scan proposes a late handover once, as the system', () => {
    expect(code(r.scanOfficer)).toBe('403 efr.violation.notSupervisor');
    expect(r.scan.status).toBe(200);
    const made = r.scan.body?.list?.entries.map((e) => e.entry) ?? [];
    expect(made.map((v) => [v.kind, v.officer, v.unit, v.proposedBy])).toEqual([
      ['otherSerious', 'officer1', '婚姻登记处', 'system']]);
    expect(r.again.body?.list?.entries.length).toBe(0);
    expect(r.list.body?.list?.entries.length).toBe(2);
  });
});
