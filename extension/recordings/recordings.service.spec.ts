import { TestBed } from '@angular/core/testing';
import { EfrApiService } from '../shared/public-api';
import { createEfrApiMock, paging } from '../shared/mock/efr-api.mock';
import { RecordingsService } from './recordings.service';

describe('RecordingsService against a mocked API', () => {
  let api: ReturnType<typeof createEfrApiMock>;
  let service: RecordingsService;

  beforeEach(() => {
    api = createEfrApiMock();
    TestBed.configureTestingModule({ providers: [{ provide: EfrApiService, useValue: api }] });
    service = TestBed.inject(RecordingsService);
  });

  it('searches recordings with filter, sort and paging and marks late handovers', async () => {
    api.search.search.and.callFake(async (body: unknown) => {
      const query = (body as { query: { query: string } }).query.query;
      if (query.startsWith('TYPE:"efr:handover"')) return paging([{ id: 'h-late' }]);
      return paging(
        [
          { id: 'r1', name: 'a.mp4', properties: { 'efr:handoverId': 'h-late' } },
          { id: 'r2', name: 'b.mp4', properties: { 'efr:handoverId': 'h-ok' } },
        ],
        57,
      );
    });
    const page = await service.search({ unit: 'u1' }, { key: 'name', ascending: true }, 25, 25);
    expect(page.total).toBe(57);
    expect(page.items.map((r) => [r.id, r.lateHandover])).toEqual([
      ['r1', true],
      ['r2', false],
    ]);
    const body = api.search.search.calls
      .all()
      .map((c) => c.args[0] as Record<string, unknown>)
      .find((b) => JSON.stringify(b).includes('efr:recording'));
    expect(body).toEqual(
      jasmine.objectContaining({
        query: { query: 'TYPE:"efr:recording" AND efr:unit:"u1"', language: 'afts' },
        sort: [{ type: 'FIELD', field: 'cm:name', ascending: true }],
        paging: { skipCount: 25, maxItems: 25 },
      }),
    );
  });

  it('reads the chain of custody from the node audit entries of efr-access only', async () => {
    api.audit.listAuditEntriesForNode.and.resolveTo(
      paging([
        { id: '1', auditApplicationId: 'efr-access', values: { '/efr-access/action': 'view' } },
        { id: '2', auditApplicationId: 'alfresco-access', values: {} },
      ]),
    );
    const entries = await service.custody('r1');
    expect(entries.map((e) => e.action)).toEqual(['view']);
    expect(api.audit.listAuditEntriesForNode).toHaveBeenCalledWith(
      'r1',
      jasmine.objectContaining({ include: ['values'], orderBy: ['createdAt ASC'] }),
    );
  });

  it('finds linked cases as sources of efr:caseRecordings', async () => {
    api.nodes.listSourceAssociations.and.resolveTo(
      paging([{ id: 'c1', name: 'c1', properties: { 'efr:caseNumber': 'EFR-2026-0001' } }]),
    );
    const cases = await service.linkedCases('r1');
    expect(cases[0].caseNumber).toBe('EFR-2026-0001');
    expect(api.nodes.listSourceAssociations).toHaveBeenCalledWith(
      'r1',
      jasmine.objectContaining({ where: "(assocType='efr:caseRecordings')" }),
    );
  });

  it('reports a late handover on the detail page from the handover node', async () => {
    api.nodes.getNode.and.callFake(async (id: unknown) =>
      id === 'r1'
        ? { entry: { id: 'r1', name: 'a.mp4', properties: { 'efr:handoverId': 'h1' } } }
        : { entry: { id: 'h1', name: 'h1', properties: { 'efr:late': true } } },
    );
    const detail = await service.getRecording('r1');
    expect(detail.lateHandover).toBeTrue();
  });
});
