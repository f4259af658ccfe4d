/**
 * Issue 16, item 7 (server/): a case linked to sealed recordings is not deleted (R22.2), nor is a
 * registered viewing request (R24.2: it stays in the custodian's register). Refusals logged.
 */
import { CORE, SEARCH } from '../support/server-harness.js';
import { outcome, securityFixture, WS, type SecurityFixture } from './security-fixture.js';

describe('records that are kept: cases with sealed recordings, registered requests', () => {
  let f: SecurityFixture;

  beforeAll(async () => {
    f = await securityFixture();
  });
  afterAll(async () => f.close());

  it('R22.2: deleting a case linked to sealed recordings is refused, even for admin', async () => {
    const cases = await f.as('admin').request<{ list: { entries: { entry: { id: string } }[] } }>(
      'post', `${SEARCH}/search`, { json: { query: { query: "TYPE:'efr:case'" } } });
    let refused = 0;
    for (const { entry } of cases.body.list.entries) {
      const t = await f.as('admin').request<{ list: { entries: unknown[] } }>('get',
        `${CORE}/nodes/${entry.id}/targets?where=(assocType='efr:caseRecordings')`);
      if (t.body.list.entries.length === 0) continue;
      const r = await f.as('admin').request('delete', `${CORE}/nodes/${entry.id}`);
      expect(outcome(r)).toBe('403 efr.case.hasSealedRecordings');
      expect((await f.as('admin').request('get', `${CORE}/nodes/${entry.id}`)).status).toBe(200);
      expect((await f.refusals(entry.id)).map((x) => x.code))
        .toContain('efr.case.hasSealedRecordings');
      refused++;
    }
    expect(refused).toBeGreaterThan(0);
  });

  it('R26.1: moving the folder that holds sealed recordings out of the archive is refused',
    async () => {
      const rec = await f.as('admin').request<{ entry: { parentId: string;
        path: { name: string } } }>('get', `${CORE}/nodes/${f.recordingId}?include=path`);
      const folder = rec.body.entry.parentId;
      for (const u of ['custodian1', 'admin']) {
        const r = await f.as(u).request('post', `${CORE}/nodes/${folder}/move`,
          { json: { targetParentId: '-shared-' } });
        expect(outcome(r)).withContext(u).toMatch(/^4\d\d efr\.recording\.leavesArchive$/);
      }
      const after = await f.as('admin').request<{ entry: { path: { name: string } } }>('get',
        `${CORE}/nodes/${f.recordingId}?include=path`);
      expect(after.body.entry.path.name).toBe(rec.body.entry.path.name);
      expect((await f.refusals(folder)).map((x) => x.code)).toContain('efr.recording.leavesArchive');
      // Inside the archive the folder still moves (custodians file and refile).
      const archive = await f.as('admin').request<{ entry: { id: string } }>('get',
        `${CORE}/nodes/-root-?relativePath=${encodeURIComponent('EFR 执法记录/录像档案')}`);
      const sub = await f.as('custodian1').request<{ entry: { id: string } }>('post',
        `${CORE}/nodes/${archive.body.entry.id}/children`,
        { json: { name: '归档-二', nodeType: 'cm:folder' } });
      const inside = await f.as('custodian1').request('post', `${CORE}/nodes/${folder}/move`,
        { json: { targetParentId: sub.body.entry.id } });
      expect(inside.status).withContext(inside.text).toBe(200);
    });

  it('R24.2: a registered request stays in the register', async () => {
    const id = await f.registeredRequest('officer2');
    for (const u of ['admin', 'custodian1', 'officer2']) {
      const r = await f.as(u).request('delete', `${CORE}/nodes/${id}`);
      expect(r.status).withContext(u).toBe(403);
    }
    const reg = await f.as('custodian1').request<{ list: { entries: { entry: { id: string } }[] } }>(
      'get', `${WS}/access-requests?queue=registry`);
    expect(reg.body.list.entries.map((e) => e.entry.id)).toContain(id);
  });
});
