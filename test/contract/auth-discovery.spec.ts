/**
 * Contract (issue 3): tickets and discovery answer with the ACS JSON of alfresco-auth.yaml and
 * alfresco-discovery.yaml, and authentication failures with the ACS error body. The flows are
 * the ones ADF performs (login, reload with a stored ticket, logout), see notes/adf-app.md.
 */
import { AcsHttp, basicAuth, expectAcsError, expectContract, ticketAuth }
  from '../support/acs-http.js';
import { AUTH, CORE, DISCOVERY } from '../support/server-harness.js';
import { sharedTarget } from './contract-target.js';

describe('contract: tickets and discovery (issue 3)', () => {
  let anon: AcsHttp;
  let admin: { user: string; password: string };

  beforeAll(async () => {
    const target = await sharedTarget();
    anon = new AcsHttp(target.url);
    admin = target.admin;
  });

  it('creates, validates and deletes a ticket (login, reload, logout)', async () => {
    const created = await anon.post<{ entry: { id: string; userId: string } }>(
      `${AUTH}/tickets`, { userId: admin.user, password: admin.password });
    expectContract(created, 201);
    expect(created.body.entry.userId).toBe(admin.user);
    const ticket = created.body.entry.id;

    const valid = await anon.get<{ entry: { id: string } }>(`${AUTH}/tickets/-me-`,
      { auth: ticketAuth(ticket) });
    expectContract(valid, 200);
    expect(valid.body.entry.id).toBe(ticket);

    const usable = await anon.get(`${CORE}/nodes/-root-`, { auth: ticketAuth(ticket) });
    expectContract(usable, 200);

    const deleted = await anon.delete(`${AUTH}/tickets/-me-`, { auth: ticketAuth(ticket) });
    expectContract(deleted, 204);

    const after = await anon.get(`${AUTH}/tickets/-me-`, { auth: ticketAuth(ticket) });
    expect(after.status).toBe(401);
    expectAcsError(after);
  });

  it('accepts the ticket the way js-api sends it in Node (ROLE_TICKET:<ticket>)', async () => {
    const ticket = await anon.createTicket(admin.user, admin.password);
    const res = await anon.get(`${AUTH}/tickets/-me-`,
      { auth: basicAuth('ROLE_TICKET', ticket) });
    expectContract(res, 200);
  });

  it('refuses a wrong password with 403 and a missing body field with 400', async () => {
    const wrong = await anon.post(`${AUTH}/tickets`,
      { userId: admin.user, password: 'not-the-password' });
    expect(wrong.status).toBe(403);
    expectAcsError(wrong);
    const missing = await anon.post(`${AUTH}/tickets`, { userId: admin.user });
    expect(missing.status).toBe(400);
    expectAcsError(missing);
  });

  it('answers 401 with an error body to calls without or with bad credentials', async () => {
    const none = await anon.get(`${CORE}/nodes/-root-`);
    expect(none.status).toBe(401);
    expectAcsError(none);
    const bad = await anon.get(`${CORE}/nodes/-root-`, { auth: basicAuth(admin.user, 'nope') });
    expect(bad.status).toBe(401);
    expectAcsError(bad);
  });

  it('describes the repository on /alfresco/api/discovery', async () => {
    const res = await anon.get<{ entry: { repository: { version: { major: string } } } }>(
      DISCOVERY, { auth: basicAuth(admin.user, admin.password) });
    expectContract(res, 200);
    expect(Number(res.body.entry.repository.version.major)).toBeGreaterThanOrEqual(7);
  });
});
