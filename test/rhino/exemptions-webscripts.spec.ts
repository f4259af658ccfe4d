import { runCalls, WS_USERS, type WsCall, type WsResult } from './webscript-features.js';

const actAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
const record = (o: Record<string, unknown> = {}): Record<string, unknown> => ({
  actAt,
  activityType: 'routineInspection',
  location: '丹东市振兴区某加油站',
  ground: 'explosionHazard',
  basis: '加油站油气区域属防爆区，现场记录仪非防爆型，依安全规定不得开机。',
  leader: 'leader1',
  ...o,
});
const write = (name: string, body: unknown, user = 'officer1'): WsCall => ({
  name,
  script: 'exemptions.post',
  user,
  body,
});
const step = (name: string, rec: string, s: string, user: string): WsCall => ({
  name,
  script: 'exemption-step.post',
  user,
  templateArgs: { id: `@${rec}`, step: s },
});
const code = (r: WsResult): string => `${r.status} ${r.body?.error?.errorKey ?? ''}`.trim();

describe('module web scripts in Rhino: exemptions (issue 9: R11.1, R11.2)', () => {
  let r: Record<string, WsResult>;
  beforeAll(async () => {
    r = await runCalls(
      WS_USERS,
      [
        write('write', record()),
        write('noGround', record({ ground: undefined })),
        write('noBasis', record({ basis: '' })),
        write('future', record({ actAt: new Date(Date.now() + 3_600_000).toISOString() })),
        write('byOffice', record(), 'custodian1'),
        write('withCase', record({ caseId: '#丹民罚〔2026〕12号', leader: undefined })),
        step('self', 'write', 'acknowledge', 'officer1'),
        step('otherLeader', 'write', 'acknowledge', 'leader2'),
        step('fileEarly', 'write', 'file', 'custodian1'),
        step('ack', 'write', 'acknowledge', 'leader1'),
        step('file', 'write', 'file', 'custodian1'),
        { name: 'list', script: 'exemptions.get', user: 'custodian1', args: { status: 'filed' } },
        {
          name: 'overdue',
          script: 'exemptions.get',
          user: 'custodian1',
          args: { overdue: 'true' },
        },
        { name: 'page', script: 'exemptions.get', user: 'custodian1',
          args: { maxItems: '1', skipCount: '1' } },
        {
          name: 'badOverdue',
          script: 'exemptions.get',
          user: 'custodian1',
          args: { overdue: 'maybe' },
        },
      ],
      [
        {
          folder: 'EFR 执法记录/案件',
          name: '丹民罚〔2026〕12号',
          type: 'efr:case',
          properties: {
            'efr:caseNumber': '丹民罚〔2026〕12号',
            'efr:leaderInCharge': 'leader2',
            'efr:unit': '社会事务科',
          },
        },
      ],
    );
  });

  it('R11.2: the exemption POST controllers mark their transaction as a workflow step', () => {
    for (const k of [r.write, r.ack, r.file]) {
      expect(k.logs.some((l) => /^tx: bind org\.efr\.example\.workflowStep=true$/.test(l)))
        .toBeTrue();
    }
  });

  it('R11.1/R11.2: no ground, no basis, before the act or not an officer: refused', () => {
    expect(r.write.status).toBe(201);
    expect(r.write.body?.entry).toEqual(
      jasmine.objectContaining({
        status: 'written',
        author: 'officer1',
        leader: 'leader1',
        ground: 'explosionHazard',
      }),
    );
    expect(code(r.noGround)).toBe('422 efr.exemption.ground');
    expect(code(r.noBasis)).toBe('422 efr.exemption.basis');
    expect(code(r.future)).toBe('422 efr.exemption.writtenBeforeAct');
    expect(code(r.byOffice)).toBe('403 efr.exemption.notOfficer');
    expect(r.noGround.logs.join()).toContain('efr refused exemption.write');
  });

  it('R11.2: the case leader receives a record of a case act', () => {
    expect(r.withCase.status).toBe(201);
    expect(r.withCase.body?.entry).toEqual(
      jasmine.objectContaining({ leader: 'leader2', caseNumber: '丹民罚〔2026〕12号' }),
    );
  });

  it('R11.2: officer → leader → office, never the author, each step logged', () => {
    expect(code(r.self)).toBe('403 efr.exemption.selfAcknowledge');
    expect(code(r.otherLeader)).toBe('403 efr.exemption.notLeader');
    expect(code(r.fileEarly)).toBe('409 efr.exemption.badState');
    expect(r.ack.body?.entry?.status).toBe('acknowledged');
    expect(r.file.body?.entry).toEqual(
      jasmine.objectContaining({ status: 'filed', filedBy: 'custodian1' }),
    );
    expect(r.write.logs.join()).toContain('efr exemption.write');
    expect(r.ack.logs.join()).toContain('efr exemption.acknowledge');
    expect(r.file.logs.join()).toContain('efr exemption.file');
    expect(r.list.body?.list?.entries.map((e) => e.entry.id)).toEqual([r.write.body?.entry?.id]);
    expect(r.overdue.body?.list?.entries.length).toBe(0);
    expect(code(r.badOverdue)).toBe('400 framework.exception.InvalidArgument');
  });

  it('issue 15: the list is paged as server/ pages it (one source)', () => {
    const list = r.page.body?.list as unknown as { pagination: Record<string, unknown>;
      entries: unknown[] };
    expect(list.pagination).toEqual({ count: 1, hasMoreItems: false, totalItems: 2,
      skipCount: 1, maxItems: 1 });
    expect(list.entries.length).toBe(1);
  });
});
