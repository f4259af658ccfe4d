/**
 * Issue 16, item 10: the authorization matrix, run cell by cell against server/ with the demo
 * data, from the one table in authorization-matrix.ts; docs/security.md shows that table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AcsResponse } from '../support/acs-http.js';
import { CORE, ROOT, SEARCH } from '../support/server-harness.js';
import {
  MATRIX, MATRIX_MARKERS, MATRIX_ROLES, renderMatrix, type MatrixUser, type Outcome,
} from './authorization-matrix.js';
import { securityFixture, WS, type SecurityFixture } from './security-fixture.js';

type List = { list: { entries: { entry: { id: string } }[] } };

describe('authorization matrix (issue 16)', () => {
  let f: SecurityFixture;
  let request: string;
  let requestsFolder: string;
  let caseId: string;
  let casesFolder: string;

  beforeAll(async () => {
    f = await securityFixture();
    request = await f.registeredRequest('officer1');
    requestsFolder = (await f.as('admin').request<{ entry: { parentId: string } }>('get',
      `${CORE}/nodes/${request}`)).body.entry.parentId;
    const link = await f.as('admin').request<List>('get',
      `${CORE}/nodes/${f.recordingId}/sources?where=(assocType='efr:caseRecordings')`);
    caseId = link.body.list.entries[0].entry.id;
    casesFolder = (await f.as('admin').request<{ entry: { id: string } }>('get',
      `${CORE}/nodes/-root-?relativePath=${encodeURIComponent('EFR 执法记录/案件')}`)).body.entry.id;
  }, 60_000);
  afterAll(async () => f.close());

  const ok = (r: AcsResponse): Outcome => (r.status >= 200 && r.status < 300 ? 'allow' : 'deny');
  const listed = (r: AcsResponse<List>, id: string): Outcome =>
    (r.status === 200 && r.body.list.entries.some((e) => e.entry.id === id) ? 'allow' : 'deny');

  const probes: Record<string, (u: MatrixUser) => Promise<Outcome>> = {
    'request.read': async (u) => ok(await f.as(u).request('get', `${CORE}/nodes/${request}`)),
    'request.children': async (u) => listed(await f.as(u).request<List>('get',
      `${CORE}/nodes/${requestsFolder}/children?maxItems=1000`), request),
    'request.search': async (u) => listed(await f.as(u).request<List>('post', `${SEARCH}/search`,
      { json: { query: { query: "TYPE:'efr:accessRequest'" }, paging: { maxItems: 1000 } } }),
      request),
    'request.webscript': async (u) => ok(await f.as(u).request('get',
      `${WS}/access-requests/${request}`)),
    'request.props': async (u) => ok(await f.as(u).request('put', `${CORE}/nodes/${request}`,
      { json: { properties: { 'efr:purpose': 'litigation' } } })),
    'request.assoc': async (u) => ok(await f.as(u).request('post',
      `${CORE}/nodes/${request}/targets`,
      { json: { targetId: f.privateRecordingId, assocType: 'efr:requestRecordings' } })),
    'request.delete': async (u) => ok(await f.as(u).request('delete', `${CORE}/nodes/${request}`)),
    'audit.read': async (u) => ok(await f.as(u).request('get',
      `${CORE}/audit-applications/efr-access/audit-entries?maxItems=1`)),
    'recording.read': async (u) => ok(await f.as(u).request('get',
      `${CORE}/nodes/${f.recordingId}`)),
    'recording.permissions': async (u) => ok(await f.as(u).request('put',
      `${CORE}/nodes/${f.recordingId}`, { json: { permissions: { locallySet: [{
        authorityId: 'GROUP_EFR_SUPERVISORS', name: 'Consumer', accessStatus: 'DENIED' }] } } })),
    'recording.lock': async (u) => ok(await f.as(u).request('post',
      `${CORE}/nodes/${f.recordingId}/lock`, { json: { type: 'FULL' } })),
    'recording.unseal': async (u) => {
      const n = await f.as('admin').request<{ entry: { aspectNames: string[] } }>('get',
        `${CORE}/nodes/${f.recordingId}`);
      return ok(await f.as(u).request('put', `${CORE}/nodes/${f.recordingId}`, { json: {
        aspectNames: n.body.entry.aspectNames.filter((a) => a !== 'efr:sealed') } }));
    },
    'recording.delete': async (u) => ok(await f.as(u).request('delete',
      `${CORE}/nodes/${f.recordingId}`)),
    'recording.copy': async (u) => ok(await f.as(u).request('post',
      `${CORE}/nodes/${f.recordingId}/copy`, { json: { targetParentId: '-shared-',
        name: `copy-${u}.mp4` } })),
    'recording.move': async (u) => ok(await f.as(u).request('post',
      `${CORE}/nodes/${f.recordingId}/move`, { json: { targetParentId: '-shared-' } })),
    'case.delete': async (u) => ok(await f.as(u).request('delete', `${CORE}/nodes/${caseId}`)),
    'archive.permissions': async (u) => ok(await f.as(u).request('put',
      `${CORE}/nodes/${casesFolder}`, { json: { permissions: { locallySet: [{
        authorityId: 'GROUP_EFR_OFFICERS', name: 'Coordinator', accessStatus: 'ALLOWED' }] } } })),
  };

  it('has a probe for every row and a row for every probe', () => {
    expect(Object.keys(probes).sort()).toEqual(MATRIX.map((r) => r.id).sort());
  });

  for (const row of MATRIX) {
    it(`${row.id}: ${row.action}`, async () => {
      const got: Record<string, Outcome> = {};
      for (const [u] of MATRIX_ROLES) got[u] = await probes[row.id](u);
      expect(got).toEqual(row.expect);
    });
  }

  it('docs/security.md shows exactly this table', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'security.md'), 'utf8');
    const [start, end] = MATRIX_MARKERS;
    const a = doc.indexOf(start);
    const b = doc.indexOf(end);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(b).toBeGreaterThan(a);
    expect(doc.slice(a + start.length, b).trim()).toEqual(renderMatrix());
  });
});
