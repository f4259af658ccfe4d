/**
 * The violation register web scripts of the ACS module (issue 8: R29.1, R30.1) compiled as the
 * module build compiles them (core bundled, ES5, linted) and run in Debian's Rhino against the
 * repository of the ACS-like runtime (webscript-run.ts, test/acs-runtime).
 */
import { runSpotCheckCalls as run, type WsCall, type WsResult } from './webscript-features.js';

const REGISTER = 'EFR 执法记录/违规记录';

const violation = (name: string, officer: string) => ({
  folder: REGISTER, name, type: 'efr:violation',
  properties: { 'efr:violationKind': 'lentDevice', 'efr:violationStatus': 'proposed',
    'efr:violationDescription': '将执法记录仪借给协管员使用。', 'efr:proposedBy': 'supervisor2',
    'efr:proposedAt': '2026-11-25T02:00:00.000Z', 'efr:officer': officer,
    'efr:unit': '社会事务科' },
});
const code = (r: WsResult): string => `${r.status} ${r.body?.error?.errorKey ?? ''}`.trim();

describe('module web scripts in Rhino: violation register (issue 8: R29.1, R30.1)', () => {
  let r: Record<string, WsResult>;
  beforeAll(async () => {
    const decide = (name: string, v: string, user: string, body: unknown): WsCall =>
      ({ name, script: 'violation-decision.post', user, templateArgs: { id: `#${v}` }, body });
    const measure = (name: string, body: unknown): WsCall =>
      ({ name, script: 'violation-measures.post', user: 'supervisor1',
        templateArgs: { id: '#v1' }, body });
    r = await run([
      { name: 'listOfficer', script: 'violations.get', user: 'officer1' },
      measure('measureEarly', { measure: 'criticism', startDate: '2026-12-01' }),
      decide('dismissBare', 'v1', 'supervisor1', { action: 'dismiss' }),
      decide('byOfficer', 'v1', 'officer1', { action: 'confirm' }),
      decide('confirm', 'v1', 'supervisor1', { action: 'confirm', reason: '经核实属实。' }),
      decide('again', 'v1', 'supervisor2', { action: 'dismiss', reason: '重复' }),
      decide('own', 'v2', 'supervisor1', { action: 'confirm' }),
      measure('noEnd', { measure: 'suspension', startDate: '2026-12-01' }),
      measure('measure', { measure: 'suspension', startDate: '2026-12-01',
        endDate: '2026-12-31', note: '暂停一个月' }),
      { name: 'confirmed', script: 'violations.get', user: 'supervisor1',
        args: { status: 'confirmed' } },
      { name: 'one', script: 'violation.get', user: 'supervisor1', templateArgs: { id: '#v1' } },
      { name: 'oneOfficer', script: 'violation.get', user: 'officer1',
        templateArgs: { id: '#v1' } },
      { name: 'oneMissing', script: 'violation.get', user: 'supervisor1',
        templateArgs: { id: 'no-such-node' } },
      { name: 'page1', script: 'violations.get', user: 'supervisor1', args: { maxItems: '1' } },
      { name: 'page2', script: 'violations.get', user: 'supervisor1',
        args: { maxItems: '1', skipCount: '1' } },
      { name: 'badPage', script: 'violations.get', user: 'supervisor1', args: { maxItems: '0' } },
    ], [violation('v1', 'officer1'), violation('v2', 'supervisor1')]);
  });

  it('R29.1: only supervisors read and decide; a dismissal needs a reason', () => {
    expect(code(r.listOfficer)).toBe('403 efr.violation.notSupervisor');
    expect(code(r.dismissBare)).toBe('422 efr.violation.dismissReason');
    expect(code(r.byOfficer)).toBe('403 efr.violation.notSupervisor');
    expect(code(r.own)).toBe('403 efr.violation.ownCase');
    expect(r.confirm.status).toBe(200);
    expect(r.confirm.body?.entry).toEqual(jasmine.objectContaining({ status: 'confirmed',
      decidedBy: 'supervisor1', decisionReason: '经核实属实。' }));
    expect(code(r.again)).toBe('409 efr.violation.decided');
    expect(r.confirm.logs.join()).toContain('efr violation.confirm');
  });

  it('R30.1: measures only on confirmed violations, with their dates, in the register', () => {
    expect(code(r.measureEarly)).toBe('409 efr.measure.notConfirmed');
    expect(code(r.noEnd)).toBe('422 efr.measure.endDate');
    expect(r.measure.status).toBe(201);
    const list = r.confirmed.body?.list?.entries.map((e) => e.entry) ?? [];
    expect(list.length).toBe(1);
    expect(list[0].measures).toEqual([jasmine.objectContaining({ measure: 'suspension',
      startDate: '2026-12-01', endDate: '2026-12-31', recordedBy: 'supervisor1' })]);
  });

  it('issue 15: GET /violations/{id} runs in the module from the one source, supervisors only', () => {
    expect(r.one.status).toBe(200);
    expect(r.one.body?.entry).toEqual(jasmine.objectContaining({ status: 'confirmed',
      officer: 'officer1', proposedAt: '2026-11-25T02:00:00.000Z' }));
    expect((r.one.body?.entry as { measures: unknown[] }).measures.length).toBe(1);
    expect(code(r.oneOfficer)).toBe('403 efr.violation.notSupervisor');
    expect(code(r.oneMissing)).toBe('404 framework.exception.EntityNotFound');
  });

  it('issue 15: the register is paged with skipCount and maxItems as in server/', () => {
    const p1 = r.page1.body?.list as unknown as { pagination: Record<string, unknown>;
      entries: { entry: { id: string } }[] };
    const p2 = r.page2.body?.list as unknown as typeof p1;
    expect(p1.pagination).toEqual({ count: 1, hasMoreItems: true, totalItems: 2, skipCount: 0,
      maxItems: 1 });
    expect(p2.pagination).toEqual({ count: 1, hasMoreItems: false, totalItems: 2, skipCount: 1,
      maxItems: 1 });
    expect(p1.entries[0].entry.id).not.toBe(p2.entries[0].entry.id);
    expect(code(r.badPage)).toBe('400 framework.exception.InvalidArgument');
  });
});
