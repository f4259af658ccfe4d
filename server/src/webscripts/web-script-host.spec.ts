import { buildApp } from '../app.js';
import { ADMIN, tempRepository, type TempRepository } from '../testing/temp-repository.js';
import { unprocessable } from '../http/errors.js';
import type { WebScriptModule } from './web-script-host.js';

describe('EFR web script host (/alfresco/s/efr and /alfresco/service/efr)', () => {
  let t: TempRepository;
  const echo: WebScriptModule = (ws) => {
    ws.get('/echo/{id}', (req) => ({ body: { entry: { id: req.params.id, user: req.caller.userId } } }));
    ws.post('/echo', (req) => {
      const body = req.body as { value?: unknown };
      if (typeof body?.value !== 'string') throw unprocessable('value must be a string');
      return { status: 201, body: { entry: { value: body.value } } };
    });
  };
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    t = await tempRepository();
    app = await buildApp(t.repo, undefined, [echo]);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.dispose();
  });

  it('serves a handler under both prefixes as the authenticated user', async () => {
    for (const prefix of ['/alfresco/s/efr', '/alfresco/service/efr']) {
      const r = await app.inject({ url: `${prefix}/echo/42`, headers: ADMIN });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual({ entry: { id: '42', user: 'admin' } });
    }
  });

  it('answers 401 in the ACS error format without credentials', async () => {
    const r = await app.inject({ url: '/alfresco/s/efr/echo/1' });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.statusCode).toBe(401);
  });

  it('refuses a body that is not a JSON object with 400 and passes handler refusals through', async () => {
    const arr = await app.inject({ method: 'POST', url: '/alfresco/s/efr/echo',
      headers: { ...ADMIN, 'content-type': 'application/json' }, payload: '[1]' });
    expect(arr.statusCode).toBe(400);
    const bad = await app.inject({ method: 'POST', url: '/alfresco/s/efr/echo',
      headers: { ...ADMIN, 'content-type': 'application/json' }, payload: '{"value":1}' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.briefSummary).toContain('value must be a string');
    const ok = await app.inject({ method: 'POST', url: '/alfresco/s/efr/echo',
      headers: { ...ADMIN, 'content-type': 'application/json' }, payload: '{"value":"x"}' });
    expect(ok.statusCode).toBe(201);
  });
});
