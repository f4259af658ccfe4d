/**
 * Issue 16, item 1 (server/): workflow records change only through their web scripts. Every
 * generic act of the node API on a viewing request (and the other workflow records) is refused
 * with 403 and the EFR code, changes nothing and is logged; the web scripts still work.
 */
import { CORE } from '../support/server-harness.js';
import { outcome, securityFixture, WS, type SecurityFixture } from './security-fixture.js';

describe('workflow records change only through their web scripts (issue 16, R24.1)', () => {
  let f: SecurityFixture;
  let requestId: string;

  beforeAll(async () => {
    f = await securityFixture();
    requestId = await f.registeredRequest('officer1');
  });
  afterAll(async () => f.close());

  const targetsOf = async (id: string): Promise<string[]> => {
    const r = await f.as('admin').request<{ list: { entries: { entry: { id: string } }[] } }>(
      'get', `${CORE}/nodes/${id}/targets`);
    return r.body.list.entries.map((e) => e.entry.id).sort();
  };

  it('refuses POST /nodes/{request}/targets: no recording joins a registered request', async () => {
    const before = await targetsOf(requestId);
    const r = await f.as('officer1').request('post', `${CORE}/nodes/${requestId}/targets`, {
      json: { targetId: f.privateRecordingId, assocType: 'efr:requestRecordings' },
    });
    expect(outcome(r)).toBe('403 efr.workflow.stepsOnly');
    expect(await targetsOf(requestId)).toEqual(before);
    const read = await f.as('officer1').request('get',
      `${CORE}/nodes/${f.privateRecordingId}/content`, { headers: { range: 'bytes=0-10' } });
    expect(read.status).toBe(403);
    const del = await f.as('officer1').request('delete',
      `${CORE}/nodes/${requestId}/targets/${f.recordingId}`);
    expect(outcome(del)).toBe('403 efr.workflow.stepsOnly');
  });

  it('refuses properties, aspects, permissions, lock, move, copy and delete; logs each', async () => {
    const officer = f.as('officer1');
    const custodian = f.as('custodian1');
    const own = await f.registeredRequest('custodian1');
    const tries: [string, Promise<import('../support/acs-http.js').AcsResponse>][] = [
      ['purpose', officer.request('put', `${CORE}/nodes/${requestId}`,
        { json: { properties: { 'efr:purpose': 'litigation' } } })],
      ['requester', custodian.request('put', `${CORE}/nodes/${own}`,
        { json: { properties: { 'efr:requester': 'officer2' } } })],
      ['aspects', officer.request('put', `${CORE}/nodes/${requestId}`,
        { json: { aspectNames: ['cm:titled'] } })],
      ['permissions', officer.request('put', `${CORE}/nodes/${requestId}`, { json: {
        permissions: { locallySet: [{ authorityId: 'officer2', name: 'Coordinator',
          accessStatus: 'ALLOWED' }] } } })],
      ['admin props', f.as('admin').request('put', `${CORE}/nodes/${requestId}`,
        { json: { properties: { 'efr:reason': 'rewritten' } } })],
      ['move', custodian.request('post', `${CORE}/nodes/${own}/move`,
        { json: { targetParentId: '-shared-' } })],
      ['copy', custodian.request('post', `${CORE}/nodes/${own}/copy`,
        { json: { targetParentId: '-shared-' } })],
      ['delete', officer.request('delete', `${CORE}/nodes/${requestId}`)],
      ['admin delete', f.as('admin').request('delete', `${CORE}/nodes/${own}`)],
    ];
    for (const [what, p] of tries) {
      const r = await p;
      expect(r.status).withContext(`${what}: ${r.text}`).toBe(403);
      expect(outcome(r)).withContext(what).toMatch(/^403 efr\./);
    }
    const after = await f.as('admin').request<{ entry: { properties: Record<string, unknown>;
      aspectNames: string[] } }>('get', `${CORE}/nodes/${requestId}`);
    expect(after.body.entry.properties['efr:purpose']).toBe('work');
    expect(after.body.entry.aspectNames).not.toContain('cm:titled');
    const mine = await f.as('admin').request<{ entry: { properties: Record<string, unknown> } }>(
      'get', `${CORE}/nodes/${own}`);
    expect(mine.body.entry.properties['efr:requester']).toBe('custodian1');
    const logged = await f.refusals(requestId);
    expect(logged.filter((l) => l.code === 'efr.workflow.stepsOnly').length).toBeGreaterThanOrEqual(4);
  });

  it('never answers 409 to a generic act on a workflow record (ACA reads 409 as a name clash)',
    async () => {
      const r = await f.as('admin').request('put', `${CORE}/nodes/${requestId}`,
        { json: { properties: { 'efr:approver': 'leader1' } } });
      expect(r.status).toBe(403);
    });

  it('refuses generic changes of a device; its web scripts still change it', async () => {
    const list = await f.as('custodian1').request<{ list: { entries: { entry: { id: string } }[] } }>(
      'get', `${WS}/devices`);
    expect(list.status).withContext(list.text).toBe(200);
    const device = list.body.list.entries[0].entry.id;
    const r = await f.as('admin').request('put', `${CORE}/nodes/${device}`,
      { json: { properties: { 'cm:title': 'renamed' } } });
    expect(outcome(r)).toBe('403 efr.workflow.stepsOnly');
    const lock = await f.as('custodian1').request('post', `${CORE}/nodes/${device}/lock`, { json: {} });
    expect(lock.status).toBeGreaterThanOrEqual(400);
    expect(lock.status).toBeLessThan(500);
  });
});
