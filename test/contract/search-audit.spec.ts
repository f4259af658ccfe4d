/**
 * Contract (issue 3): AFTS search (alfresco-search.yaml ResultSetPaging), association targets
 * and sources, and the audit API through which the access log (application `efr-access`) is
 * read (AuditAppPaging, AuditApp, AuditEntryPaging, node audit entries).
 */
import { AcsHttp, expectAcsError, expectContract } from '../support/acs-http.js';
import { CORE, SEARCH } from '../support/server-harness.js';
import { adminClient } from './contract-target.js';

interface Row { entry: { id: string; name: string; nodeType: string;
  properties?: Record<string, unknown> } }
interface Paging<T> {
  list: { pagination: { count: number; totalItems?: number; hasMoreItems: boolean;
    skipCount: number; maxItems: number }; entries: { entry: T }[] };
}

/** AFTS search body as the screens send it. */
function afts(query: string, extra: object = {}): object {
  return { query: { query, language: 'afts' }, include: ['properties'], ...extra };
}

describe('contract: search, associations and audit (issue 3)', () => {
  let http: AcsHttp;
  let recordings: Row[];

  beforeAll(async () => {
    http = await adminClient();
    const res = await http.post<{ list: { entries: Row[] } }>(`${SEARCH}/search`,
      afts('TYPE:"efr:recording"', { paging: { maxItems: 100, skipCount: 0 } }));
    recordings = res.body?.list?.entries ?? [];
  });

  it('finds recordings with TYPE:"efr:recording" in a ResultSetPaging', async () => {
    const res = await http.post<{ list: { entries: Row[] } }>(`${SEARCH}/search`,
      afts('TYPE:"efr:recording"'));
    expectContract(res, 200);
    expect(res.body.list.entries.length).toBeGreaterThan(0);
    for (const row of res.body.list.entries) expect(row.entry.nodeType).toBe('efr:recording');
  });

  it('pages and sorts search results', async () => {
    const sort = [{ type: 'FIELD', field: 'cm:name', ascending: false }];
    const res = await http.post<Paging<Row['entry']>>(`${SEARCH}/search`,
      afts('TYPE:"efr:recording"', { paging: { maxItems: 1, skipCount: 1 }, sort }));
    expectContract(res, 200);
    const { pagination, entries } = res.body.list;
    expect(entries.length).toBe(1);
    expect(pagination.skipCount).toBe(1);
    expect(pagination.maxItems).toBe(1);
    const names = recordings.map((r) => r.entry.name).sort().reverse();
    expect(entries[0].entry.name).toBe(names[1]);
  });

  it('combines TYPE with NOT and an exact property match', async () => {
    const first = recordings[0].entry;
    const res = await http.post<Paging<Row['entry']>>(`${SEARCH}/search`,
      afts(`TYPE:"efr:recording" AND =cm:name:"${first.name}"`));
    expectContract(res, 200);
    expect(res.body.list.entries.map((e) => e.entry.id)).toEqual([first.id]);
    const none = await http.post<Paging<Row['entry']>>(`${SEARCH}/search`,
      afts(`TYPE:"efr:recording" AND NOT TYPE:"efr:recording"`));
    expectContract(none, 200);
    expect(none.body.list.entries).toEqual([]);
  });

  it('answers 400 with an error body to a search without a query', async () => {
    const res = await http.post(`${SEARCH}/search`, { paging: { maxItems: 10 } });
    expect(res.status).toBe(400);
    expectAcsError(res);
  });

  it('lists association targets and sources as NodeAssociationPaging', async () => {
    let linked = 0;
    for (const row of recordings) {
      const targets = await http.get<Paging<unknown>>(`${CORE}/nodes/${row.entry.id}/targets`);
      expectContract(targets, 200);
      const sources = await http.get<Paging<unknown>>(`${CORE}/nodes/${row.entry.id}/sources`);
      expectContract(sources, 200);
      linked += targets.body.list.entries.length + sources.body.list.entries.length;
    }
    // Demo recordings are linked to their cases (DESIGN.md: recording–case association).
    expect(linked).toBeGreaterThan(0);
  });

  it('creates (201, AssociationEntry) and removes (204) a case–recording association',
    async () => {
      const cases = await http.post<Paging<Row['entry']>>(`${SEARCH}/search`,
        afts('TYPE:"efr:case"'));
      expectContract(cases, 200);
      const caseId = cases.body.list.entries[0].entry.id;
      const linked = await http.get<Paging<{ id: string }>>(
        `${CORE}/nodes/${caseId}/targets?maxItems=1000`);
      const taken = new Set(linked.body.list.entries.map((e) => e.entry.id));
      const free = recordings.find((r) => !taken.has(r.entry.id));
      expect(free).withContext('a demo recording not yet linked to the first case').toBeDefined();
      const targetId = free?.entry.id ?? '';
      const created = await http.post(`${CORE}/nodes/${caseId}/targets`,
        { targetId, assocType: 'efr:caseRecordings' });
      expectContract(created, 201);
      const again = await http.post(`${CORE}/nodes/${caseId}/targets`,
        { targetId, assocType: 'efr:caseRecordings' });
      expect(again.status).toBe(409);
      expectAcsError(again);
      const sources = await http.get<Paging<{ id: string }>>(
        `${CORE}/nodes/${targetId}/sources?where=` +
        encodeURIComponent("(assocType='efr:caseRecordings')"));
      expectContract(sources, 200);
      expect(sources.body.list.entries.map((e) => e.entry.id)).toContain(caseId);
      const removed = await http.delete(
        `${CORE}/nodes/${caseId}/targets/${targetId}?assocType=efr:caseRecordings`);
      expectContract(removed, 204);
    });

  it('lists audit applications and gets efr-access', async () => {
    const apps = await http.get<Paging<{ id: string }>>(`${CORE}/audit-applications`);
    expectContract(apps, 200);
    expect(apps.body.list.entries.map((e) => e.entry.id)).toContain('efr-access');
    const app = await http.get(`${CORE}/audit-applications/efr-access`);
    expectContract(app, 200);
    const missing = await http.get(`${CORE}/audit-applications/no-such-app`);
    expect(missing.status).toBe(404);
    expectAcsError(missing);
  });

  it('logs a content read and finds it by user, value, time range and node', async () => {
    const id = recordings[0].entry.id;
    const read = await http.requestBytes('get', `${CORE}/nodes/${id}/content`,
      { range: 'bytes=0-15' });
    expect(read.status).toBe(206);

    const where = encodeURIComponent("(createdByUser='admin')");
    const entries = await http.get<Paging<{ id: string; values?: object }>>(
      `${CORE}/audit-applications/efr-access/audit-entries?where=${where}` +
      '&include=values&orderBy=createdAt%20DESC&maxItems=50');
    expectContract(entries, 200);
    expect(entries.body.list.entries.some((e) => JSON.stringify(e.entry.values ?? {})
      .includes(id))).toBeTrue();

    const key = entries.body.list.entries.find((e) => JSON.stringify(e.entry.values ?? {})
      .includes(id))?.entry.values as Record<string, string> | undefined;
    const nodeKey = Object.keys(key ?? {}).find((k) => key?.[k] === id) ?? '';
    const byValue = await http.get<Paging<{ id: string; values?: object }>>(
      `${CORE}/audit-applications/efr-access/audit-entries?include=values&where=` +
      encodeURIComponent(`(valuesKey='${nodeKey}' and valuesValue='${id}')`));
    expectContract(byValue, 200);
    expect(byValue.body.list.entries.length).toBeGreaterThan(0);
    for (const e of byValue.body.list.entries) {
      expect(JSON.stringify(e.entry.values)).toContain(id);
    }

    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const recent = await http.get<Paging<{ id: string; createdAt: string }>>(
      `${CORE}/audit-applications/efr-access/audit-entries?where=` +
      encodeURIComponent(`(createdAt BETWEEN ('${from}' , '${to}'))`));
    expectContract(recent, 200);
    expect(recent.body.list.entries.length).toBeGreaterThan(0);
    const future = await http.get<Paging<{ id: string }>>(
      `${CORE}/audit-applications/efr-access/audit-entries?where=` +
      encodeURIComponent(`(createdAt BETWEEN ('${to}' , '${to}'))`));
    expectContract(future, 200);
    expect(future.body.list.entries).toEqual([]);

    const byNode = await http.get<Paging<{ id: string }>>(
      `${CORE}/nodes/${id}/audit-entries?include=values`);
    expectContract(byNode, 200);
    expect(byNode.body.list.entries.length).toBeGreaterThan(0);
  });
});
