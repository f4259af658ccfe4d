import { CORE, SEARCH } from './paths.js';
import {
  ADMIN,
  basic,
  recordingProps,
  tempRepository,
  type TempRepository,
} from '../testing/temp-repository.js';
import { createNode } from '../repo/node-writes.js';
import type { NodeRow } from '../repo/node-rows.js';

describe('search (AFTS subset) and audit API over the access log', () => {
  let t: TempRepository;
  const names = (body: { list: { entries: { entry: { name: string } }[] } }): string[] =>
    body.list.entries.map((e) => e.entry.name).sort();
  const search = (query: unknown, headers = ADMIN) =>
    t.app.inject({ method: 'POST', url: `${SEARCH}/search`, payload: query as object, headers });

  beforeAll(async () => {
    t = await tempRepository();
    t.repo.addPerson({ id: 'user1', firstName: 'U', email: 'u@x', password: 'pw' });
    t.repo.auth.addMember('GROUP_EFR_SUPERVISORS', 'admin', 'PERSON');
    const c = t.repo.caller('admin');
    const home = t.repo.rows.get(t.repo.companyHomeId()) as NodeRow;
    const hidden = await createNode(t.repo, c, home, {
      name: 'hidden',
      nodeType: 'cm:folder',
      autoRename: false,
      fromText: false,
      permissions: { isInheritanceEnabled: false },
    });
    const cases: [string, string, string, NodeRow][] = [
      ['EFR-2026-0001', 'penalty', '2026-03-01T00:00:00Z', home],
      ['EFR-2026-0002', 'inspection', '2026-06-01T00:00:00Z', home],
      ['EFR-2026-0003', 'penalty', '2026-09-01T00:00:00Z', hidden],
    ];
    for (const [num, act, opened, parent] of cases) {
      await createNode(t.repo, c, parent, {
        name: num,
        nodeType: 'efr:case',
        autoRename: false,
        fromText: false,
        properties: {
          'efr:caseNumber': num,
          'efr:actType': act,
          'efr:handler': 'officer1',
          'efr:leaderInCharge': 'leader1',
          'efr:unit': '社会事务科',
          'efr:openedAt': opened,
          'efr:retentionYears': num.endsWith('1') ? 10 : 30,
        },
      });
    }
    await createNode(t.repo, c, home, {
      name: 'rec.mp4',
      nodeType: 'efr:recording',
      autoRename: false,
      fromText: false,
      properties: recordingProps(false),
    });
  });
  afterAll(async () => t.dispose());

  it('finds by TYPE (with subtypes) and returns ACS result rows', async () => {
    const r = await search({ query: { query: 'TYPE:"efr:case"' }, include: ['properties'] });
    expect(r.statusCode).toBe(200);
    const l = r.json().list;
    expect(l.pagination.totalItems).toBe(3);
    expect(l.entries[0].entry.search.score).toBe(1);
    expect(l.entries[0].entry.properties['efr:caseNumber']).toMatch(/^EFR-/);
    const folders = await search({ query: { query: 'TYPE:"cm:folder" AND cm:name:EFR*' } });
    // The three EFR folders and the home folder of the worker's service account `efr-worker`
    // (names match case-insensitively, as ACS's tokenised cm:name does).
    expect(folders.json().list.pagination.totalItems).toBe(4);
    expect(names(folders.json())).toContain('efr-worker');
    const recs = await search({ query: { query: 'TYPE:"efr:recording"' } });
    expect(names(recs.json())).toEqual(['rec.mp4']);
  });

  it('filters by exact values, ranges, NOT, OR, filterQueries; sorts and pages', async () => {
    expect(names((await search({ query: { query: '=efr:actType:penalty' } })).json())).toEqual([
      'EFR-2026-0001',
      'EFR-2026-0003',
    ]);
    expect(
      names((await search({ query: { query: 'efr:openedAt:[2026-05-01 TO 2026-12-31]' } })).json()),
    ).toEqual(['EFR-2026-0002', 'EFR-2026-0003']);
    expect(
      names((await search({ query: { query: 'efr:retentionYears:[20 TO MAX]' } })).json()),
    ).toEqual(['EFR-2026-0002', 'EFR-2026-0003']);
    expect(
      names(
        (await search({ query: { query: 'TYPE:"efr:case" AND NOT efr:actType:penalty' } })).json(),
      ),
    ).toEqual(['EFR-2026-0002']);
    expect(
      names(
        (
          await search({
            query: { query: 'efr:caseNumber:"EFR-2026-0001" OR efr:caseNumber:"EFR-2026-0002"' },
          })
        ).json(),
      ),
    ).toEqual(['EFR-2026-0001', 'EFR-2026-0002']);
    const fq = await search({
      query: { query: 'TYPE:"efr:case"' },
      filterQueries: [{ query: '=efr:actType:inspection' }],
    });
    expect(names(fq.json())).toEqual(['EFR-2026-0002']);
    const sorted = await search({
      query: { query: 'TYPE:"efr:case"' },
      sort: [{ type: 'FIELD', field: 'cm:name', ascending: false }],
      paging: { maxItems: 1, skipCount: 1 },
    });
    expect(
      sorted.json().list.entries.map((e: { entry: { name: string } }) => e.entry.name),
    ).toEqual(['EFR-2026-0002']);
    expect(sorted.json().list.pagination.hasMoreItems).toBeTrue();
  });

  it('returns only what the caller may read', async () => {
    const r = await search({ query: { query: 'TYPE:"efr:case"' } }, basic('user1', 'pw'));
    expect(names(r.json())).toEqual(['EFR-2026-0001', 'EFR-2026-0002']);
    expect(r.json().list.pagination.totalItems).toBe(2);
  });

  it('refuses bad search requests with 400', async () => {
    for (const body of [
      {},
      { query: { query: 'TYPE:"x" AND (' } },
      { query: { query: 'x', language: 'cmis' } },
      { query: { query: 'efr:nope:1' } },
      { query: { query: 'x' }, paging: { maxItems: -1 } },
      { query: { query: 'x' }, sort: [{ field: 'x;drop' }] },
      { query: { query: 'efr:retentionYears:abc' } },
    ]) {
      expect((await search(body)).statusCode)
        .withContext(JSON.stringify(body))
        .toBe(400);
    }
  });

  it('lists the efr-access audit application and its hash-chained entries', async () => {
    const apps = await t.app.inject({ url: `${CORE}/audit-applications`, headers: ADMIN });
    expect(apps.json().list.entries[0].entry).toEqual(
      jasmine.objectContaining({ id: 'efr-access', name: 'EFR access log' }),
    );
    const app = await t.app.inject({
      url: `${CORE}/audit-applications/efr-access`,
      headers: ADMIN,
    });
    expect(app.json().entry.maxEntryId).toBeGreaterThan(0);
    const entries = await t.app.inject({
      url: `${CORE}/audit-applications/efr-access/audit-entries?include=values&orderBy=createdAt DESC&maxItems=2`,
      headers: ADMIN,
    });
    const l = entries.json().list;
    expect(l.entries.length).toBe(2);
    expect(l.entries[0].entry.values['/efr-access/action']).toBe('create');
    expect(l.entries[0].entry.values['/efr-access/prevHash']).toBe(
      l.entries[1].entry.values['/efr-access/hash'],
    );
    const byKey = await t.app.inject({
      url:
        `${CORE}/audit-applications/efr-access/audit-entries?where=` +
        encodeURIComponent("(valuesKey='/efr-access/type' and valuesValue='efr:recording')"),
      headers: ADMIN,
    });
    expect(byKey.json().list.pagination.totalItems).toBe(1);
    const byUser = await t.app.inject({
      url:
        `${CORE}/audit-applications/efr-access/audit-entries?where=` +
        encodeURIComponent(
          "(createdByUser='admin' and createdAt BETWEEN ('2000-01-01T00:00:00.000+0000' , '2100-01-01T00:00:00.000+0000'))",
        ),
      headers: ADMIN,
    });
    expect(byUser.json().list.pagination.totalItems).toBe(4);
    const one = await t.app.inject({
      url: `${CORE}/audit-applications/efr-access/audit-entries/1`,
      headers: ADMIN,
    });
    expect(one.json().entry.id).toBe('1');
  });

  it("lists a node's audit entries; refuses non-auditors, deletes and bad where (403/400/404)", async () => {
    const rec = (await search({ query: { query: 'TYPE:"efr:recording"' } })).json().list.entries[0]
      .entry.id;
    const r = await t.app.inject({
      url: `${CORE}/nodes/${rec}/audit-entries?include=values`,
      headers: ADMIN,
    });
    expect(
      r
        .json()
        .list.entries.map(
          (e: { entry: { values: Record<string, string> } }) =>
            e.entry.values['/efr-access/nodeId'],
        ),
    ).toEqual([rec]);
    expect(
      (await t.app.inject({ url: `${CORE}/audit-applications`, headers: basic('user1', 'pw') }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `${CORE}/audit-applications/efr-access/audit-entries/1`,
          headers: ADMIN,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          url: `${CORE}/audit-applications/efr-access/audit-entries?where=(1=1)`,
          headers: ADMIN,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await t.app.inject({ url: `${CORE}/audit-applications/alfresco-access`, headers: ADMIN }))
        .statusCode,
    ).toBe(404);
  });
});
