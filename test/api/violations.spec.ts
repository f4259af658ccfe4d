/**
 * The violation register through its web scripts (issue 8: R29.1, R30.1): reports, the
 * automatic proposal of late handovers, who may decide, and what the assessment counts.
 * A real repository in a temp dir with the demo users, over HTTP (Fastify inject).
 */
import type { FastifyInstance } from 'fastify';
import { verifyChain } from '../../server/src/access-log/access-log.js';
import { buildApp } from '../../server/src/app.js';
import { ensureArchiveFolders, ensureGroups } from '../../server/src/demo/seed.js';
import { DEMO_USERS } from '../../server/src/demo/users.js';
import { formatAcsDate } from '../../server/src/model/property-values.js';
import { createNode } from '../../server/src/repo/node-writes.js';
import type { NodeRow } from '../../server/src/repo/node-rows.js';
import {
  basic, tempRepository, type TempRepository,
} from '../../server/src/testing/temp-repository.js';
import { qualityModule } from '../../server/src/webscripts/quality/quality.module.js';
import { violationsModule } from '../../server/src/webscripts/violations/violations.module.js';
import type { Violation as ViolationJson } from '../../contract/index.js';

const DAY = 86_400_000;

interface Res { status: number; json: unknown }

const entry = <T>(r: Res): T => (r.json as { entry: T }).entry;
const entries = <T>(r: Res): T[] =>
  (r.json as { list: { entries: { entry: T }[] } }).list.entries.map((e) => e.entry);
const error = (r: Res): string => {
  const e = (r.json as { error: { statusCode: number; errorKey: string } }).error;
  return `${e.statusCode} ${e.errorKey}`;
};

describe('violation register web scripts (issue 8: R29.1, R30.1)', () => {
  let t: TempRepository;
  let app: FastifyInstance;
  let late: NodeRow;

  const call = async (user: string, method: 'GET' | 'POST', path: string,
    body?: unknown): Promise<Res> => {
    const r = await app.inject({ method, url: `/alfresco/s/efr${path}`,
      headers: { ...basic(user, 'pw'), 'content-type': 'application/json' },
      payload: body === undefined ? undefined : JSON.stringify(body) });
    return { status: r.statusCode, json: r.body ? r.json() : {} };
  };

  beforeAll(async () => {
    t = await tempRepository();
    ensureGroups(t.repo);
    for (const u of DEMO_USERS) {
      t.repo.addPerson({ id: u.id, firstName: u.firstName, email: `${u.id}@efr.example.org`,
        password: 'pw' });
      t.repo.auth.addMember(u.group, u.id, 'PERSON');
    }
    // A second supervisor, so that a report about a supervisor can still be decided.
    t.repo.addPerson({ id: 'supervisor2', firstName: 's2', email: 's2@efr.example.org',
      password: 'pw' });
    t.repo.auth.addMember('GROUP_EFR_SUPERVISORS', 'supervisor2', 'PERSON');
    const folders = await ensureArchiveFolders(t.repo);
    // A handover sealed after its deadline before the automatic proposal existed.
    late = await createNode(t.repo, t.repo.caller('admin'), folders.get('handovers') as NodeRow, {
      name: '移交-逾期', nodeType: 'efr:handover', autoRename: false, fromText: false,
      aspectNames: ['efr:owningUnit'],
      properties: { 'efr:officer': 'officer2', 'efr:coOfficer': 'officer1',
        'efr:deviceSerial': 'BWC-X', 'efr:unit': '婚姻登记处',
        'efr:returnedAt': formatAcsDate(Date.now() - 3 * DAY), 'efr:awayWork': false,
        'efr:fieldWorkEnd': formatAcsDate(Date.now() - 3 * DAY),
        'efr:deadline': formatAcsDate(Date.now() - 3 * DAY + 3_600_000),
        'efr:handoverStatus': 'sealed', 'efr:late': true,
        'efr:receipt1By': 'custodian1', 'efr:receipt1At': formatAcsDate(Date.now() - DAY),
        'efr:receipt2By': 'custodian2', 'efr:receipt2At': formatAcsDate(Date.now() - DAY) },
    });
    app = await buildApp(t.repo, undefined, [violationsModule, qualityModule]);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.dispose();
  });

  it('R29.1: only supervisors report; the kind must be one of the eight', async () => {
    const body = { kind: 'lentDevice', officer: 'officer1', unit: '社会事务科',
      description: '将执法记录仪借给协管员使用。' };
    expect(error(await call('officer2', 'POST', '/violations', body)))
      .toBe('403 efr.violation.notSupervisor');
    expect(error(await call('officer2', 'GET', '/violations')))
      .toBe('403 efr.violation.notSupervisor');
    expect(error(await call('supervisor1', 'POST', '/violations', { ...body, kind: 'x' })))
      .toBe('422 efr.violation.kind');
    expect(error(await call('supervisor1', 'POST', '/violations',
      { ...body, description: ' ' }))).toBe('422 efr.violation.description');
    const r = await call('supervisor1', 'POST', '/violations', body);
    expect(r.status).toBe(201);
    expect(entry<ViolationJson>(r)).toEqual(jasmine.objectContaining({ kind: 'lentDevice',
      status: 'proposed', officer: 'officer1', proposedBy: 'supervisor1', measures: [] }));
  });

  it('R21.1, R29.1: the scan proposes a late handover once, as the system', async () => {
    const first = entries<ViolationJson>(await call('supervisor1', 'POST', '/violations/scan'));
    expect(first.map((v) => [v.kind, v.officer, v.unit, v.subjectId, v.proposedBy])).toEqual([
      ['otherSerious', 'officer2', '婚姻登记处', late.id, 'system']]);
    expect(entries(await call('supervisor1', 'POST', '/violations/scan')).length).toBe(0);
  });

  it('R29.1: nobody decides their own case; a decided violation stays decided', async () => {
    const own = entry<ViolationJson>(await call('supervisor2', 'POST', '/violations', {
      kind: 'leakedContent', officer: 'supervisor1', unit: '机关党委',
      description: '将抽查录像截图发至个人群聊。' }));
    expect(error(await call('supervisor1', 'POST', `/violations/${own.id}/decision`,
      { action: 'confirm' }))).toBe('403 efr.violation.ownCase');
    const ok = await call('supervisor2', 'POST', `/violations/${own.id}/decision`,
      { action: 'dismiss', reason: '经核查系工作群，内容已删除。' });
    expect(entry<ViolationJson>(ok)).toEqual(jasmine.objectContaining({ status: 'dismissed',
      decidedBy: 'supervisor2', decisionReason: '经核查系工作群，内容已删除。' }));
    expect(error(await call('supervisor2', 'POST', `/violations/${own.id}/decision`,
      { action: 'confirm' }))).toBe('409 efr.violation.decided');
    expect(error(await call('supervisor2', 'POST', `/violations/${own.id}/measures`,
      { measure: 'criticism', startDate: '2026-12-01' }))).toBe('409 efr.measure.notConfirmed');
  });

  it('R30.1: measures on confirmed violations count in the assessment; dismissed do not',
    async () => {
      const [handover] = entries<ViolationJson>(await call('supervisor1', 'GET',
        '/violations?status=proposed&officer=officer2'));
      await call('supervisor1', 'POST', `/violations/${handover.id}/decision`,
        { action: 'confirm', reason: '逾期两天移交。' });
      expect(error(await call('supervisor1', 'POST', `/violations/${handover.id}/measures`,
        { measure: 'criticism', startDate: '2026-12-10', endDate: '2026-12-01' })))
        .toBe('422 efr.measure.endBeforeStart');
      expect((await call('supervisor1', 'POST', `/violations/${handover.id}/measures`,
        { measure: 'selfExamination', startDate: '2026-12-01' })).status).toBe(201);
      const from = new Date(Date.now() - 7 * DAY).toISOString();
      const to = new Date(Date.now() + DAY).toISOString();
      const a = entry<{ report: { officers: { officer: string; violations: number;
        timelyHandoverRate: number | null }[] }; violations: ViolationJson[] }>(
        await call('unithead1', 'GET', `/quality?from=${from}&to=${to}`));
      const o2 = a.report.officers.find((o) => o.officer === 'officer2');
      expect(o2).toEqual(jasmine.objectContaining({ violations: 1, timelyHandoverRate: 0 }));
      expect(a.report.officers.find((o) => o.officer === 'supervisor1')).toBeUndefined();
      expect(a.violations.map((v) => [v.officer, v.measures.map((m) => m.measure)]))
        .toEqual([['officer2', ['selfExamination']]]);
      expect(verifyChain(t.repo.db).ok).toBeTrue();
    });
});
