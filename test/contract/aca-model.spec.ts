/**
 * Contract (issue 17): the model API (alfresco-model.yaml: types, aspects) and the classic
 * dictionary web script `/alfresco/s/api/classes/{prefix_name}` that ACA's info drawer reads,
 * with EFR's labels in the request's locale.
 */
import { AcsHttp, expectAcsError, expectContract } from '../support/acs-http.js';
import { CORE } from '../support/server-harness.js';
import { adminClient } from './contract-target.js';

interface Cls { id: string; title: string; parentId?: string;
  properties?: { id: string; title: string; dataType: string }[]; mandatoryAspects?: string[] }

describe('contract: model API and classes web script (issue 17)', () => {
  let http: AcsHttp;

  beforeAll(async () => {
    http = await adminClient();
  });

  it('gets types/cm:content and types/efr:recording with their properties', async () => {
    const content = await http.get<{ entry: Cls }>(`${CORE}/types/cm:content`);
    expectContract(content, 200);
    expect(content.body.entry.properties?.map((p) => p.id)).toContain('cm:name');
    const rec = await http.get<{ entry: Cls }>(`${CORE}/types/efr:recording`,
      { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
    expectContract(rec, 200);
    expect(rec.body.entry.parentId).toBe('cm:content');
    expect(rec.body.entry.title).toBe('音像记录');
    expect(rec.body.entry.mandatoryAspects).toContain('efr:sealed');
    const en = await http.get<{ entry: Cls }>(`${CORE}/types/efr:recording`,
      { headers: { 'accept-language': 'en-US' } });
    expect(en.body.entry.title).toBe('Recording');
  });

  it('lists types and aspects, with where and include', async () => {
    const types = await http.get<{ list: { entries: { entry: Cls }[] } }>(`${CORE}/types?where=${
      encodeURIComponent("(parentId in ('cm:content'))")}&include=properties`);
    expectContract(types, 200);
    expect(types.body.list.entries.map((e) => e.entry.id)).toContain('efr:recording');
    const aspects = await http.get(`${CORE}/aspects?maxItems=5`);
    expectContract(aspects, 200);
    const sealed = await http.get(`${CORE}/aspects/efr:sealed`);
    expectContract(sealed, 200);
    const bad = await http.get(`${CORE}/types?where=${encodeURIComponent('(colour in (1))')}`);
    expectAcsError(bad);
    expect(bad.status).toBe(400);
  });

  it('answers unknown classes, and a type asked as an aspect, with 404', async () => {
    for (const path of ['types/efr:nothing', 'aspects/efr:recording', 'types/efr:sealed']) {
      const res = await http.get(`${CORE}/${path}`);
      expectAcsError(res);
      expect(res.status).withContext(path).toBe(404);
    }
  });

  it('serves /api/classes/efr_recording in the shape of class.get.json.ftl, in zh-CN', async () => {
    const res = await http.get<Record<string, unknown>>('/alfresco/s/api/classes/efr_recording',
      { headers: { 'accept-language': 'zh-CN' } });
    expect(res.status).toBe(200);
    const body = res.body as {
      name: string; isAspect: boolean; title: string; parent: { name: string };
      properties: Record<string, { name: string; title: string; dataType: string;
        mandatory: boolean; url: string }>;
      associations: Record<string, unknown>; childassociations: Record<string, unknown>;
      defaultAspects: Record<string, { name: string }>; url: string;
    };
    expect(body.name).toBe('efr:recording');
    expect(body.isAspect).toBeFalse();
    expect(body.title).toBe('音像记录');
    expect(body.parent.name).toBe('cm:content');
    expect(body.url).toBe('/api/classes/efr_recording');
    expect(body.properties['cm:name'].dataType).toBe('d:text');
    expect(Object.keys(body.defaultAspects)).toContain('efr:sealed');
    const sealed = await http.get<{ properties: Record<string, { title: string }> }>(
      '/alfresco/s/api/classes/efr_sealed', { headers: { 'accept-language': 'zh-CN' } });
    expect(sealed.body.properties['efr:sha256'].title).toMatch(/[\u4e00-\u9fff]/);
    const missing = await http.get('/alfresco/s/api/classes/efr_nothing');
    expect(missing.status).toBe(404);
  });
});
