/**
 * Contract (issue 17): what ACA's viewer, version manager and comments tab ask of a node:
 * renditions (an empty list, so the viewer plays the content; none ever made of a
 * recording), versions (the current state as 1.0) and comments (stored; refused on EFR
 * workflow records).
 */
import { AcsHttp, expectAcsError, expectContract } from '../support/acs-http.js';
import { CORE, DEMO_PASSWORD, SEARCH } from '../support/server-harness.js';
import { adminClient, createWorkFolder } from './contract-target.js';

interface Entry { id: string; name: string; content?: string; canEdit?: boolean }
interface Paging { list: { pagination: { totalItems: number }; entries: { entry: Entry }[] } }

describe('contract: renditions, versions and comments (issue 17)', () => {
  let http: AcsHttp;
  let work: string;
  let file: string;
  let recording: string;

  const firstOf = async (type: string): Promise<string> => (await http.post<Paging>(
    `${SEARCH}/search`, { query: { query: `TYPE:"${type}"`, language: 'afts' },
      paging: { maxItems: 1 } })).body.list.entries[0].entry.id;

  beforeAll(async () => {
    http = await adminClient();
    work = await createWorkFolder(http, 'contract-extras');
    file = (await http.upload<{ entry: Entry }>(work, Buffer.from('%PDF-1.4'), 'doc.pdf'))
      .body.entry.id;
    recording = await firstOf('efr:recording');
  });

  afterAll(async () => {
    await http.delete(`${CORE}/nodes/${work}?permanent=true`);
  });

  it('lists no renditions (200, empty) and answers one rendition with 404', async () => {
    for (const id of [file, recording]) {
      const list = await http.get<Paging>(`${CORE}/nodes/${id}/renditions`);
      expectContract(list, 200);
      expect(list.body.list.entries).toEqual([]);
      const one = await http.get(`${CORE}/nodes/${id}/renditions/imgpreview`);
      expectAcsError(one);
      expect(one.status).toBe(404);
    }
  });

  it('never renders a recording (403, logged); for others generation is off', async () => {
    const rec = await http.post(`${CORE}/nodes/${recording}/renditions`, { id: 'doclib' });
    expectAcsError(rec);
    expect(rec.status).toBe(403);
    expect((rec.body as { error: { errorKey: string } }).error.errorKey)
      .toBe('efr.recording.noRendition');
    const log = await http.get<Paging & { list: { entries: { entry: { values: Record<string,
      string> } }[] } }>(`/alfresco/api/-default-/public/alfresco/versions/1/audit-applications/` +
      `efr-access/audit-entries?include=values&orderBy=createdAt%20DESC&maxItems=1`);
    expect(JSON.stringify(log.body.list.entries[0].entry.values)).toContain('createRendition');
    const other = await http.post(`${CORE}/nodes/${file}/renditions`, { id: 'doclib' });
    expectAcsError(other, 5);
    expect(other.status).toBe(501);
  });

  it('lists the current state as version 1.0 and gets it', async () => {
    const list = await http.get<Paging>(`${CORE}/nodes/${file}/versions?include=properties`);
    expectContract(list, 200);
    expect(list.body.list.entries.map((e) => e.entry.id)).toEqual(['1.0']);
    const one = await http.get(`${CORE}/nodes/${file}/versions/1.0`);
    expectContract(one, 200);
    const none = await http.get(`${CORE}/nodes/${file}/versions/2.0`);
    expectAcsError(none);
    expect(none.status).toBe(404);
    const folder = await http.get<Paging>(`${CORE}/nodes/${work}/versions`);
    expectContract(folder, 200);
    expect(folder.body.list.entries).toEqual([]);
  });

  it('refuses ADF\'s Upload New Version on a recording as any content update (R26.1)', async () => {
    // ADF UploadService.getUploadPromise: PUT nodes/{id}/content with overwrite, majorVersion,
    // comment and name when a new version of a known node is uploaded.
    const opts = 'include=allowableOperations&overwrite=true&majorVersion=true&comment=v2';
    const rec = await http.request('put', `${CORE}/nodes/${recording}/content?${opts}` +
      '&name=x.mp4', { body: 'tampered', headers: { 'content-type': 'video/mp4' } });
    expectAcsError(rec);
    expect(rec.status).toBe(403);
    const plain = await http.request('put', `${CORE}/nodes/${file}/content?${opts}&name=doc.pdf`,
      { body: '%PDF-1.5', headers: { 'content-type': 'application/pdf' } });
    expectContract(plain, 200);
    const versions = await http.get<Paging>(`${CORE}/nodes/${file}/versions`);
    expect(versions.body.list.entries.map((e) => e.entry.id)).toEqual(['1.0']);
  });

  it('creates, lists, updates and deletes comments', async () => {
    const created = await http.post<{ entry: Entry }>(`${CORE}/nodes/${file}/comments`,
      { content: '请核对' });
    expectContract(created, 201);
    const id = created.body.entry.id;
    const list = await http.get<Paging>(`${CORE}/nodes/${file}/comments`);
    expectContract(list, 200);
    expect(list.body.list.entries.map((e) => e.entry.content)).toEqual(['请核对']);
    const updated = await http.put<{ entry: Entry & { edited: boolean } }>(
      `${CORE}/nodes/${file}/comments/${id}`, { content: '已核对' });
    expectContract(updated, 200);
    expect(updated.body.entry.edited).toBeTrue();
    const reader = http.as('officer1', DEMO_PASSWORD);
    const refused = await reader.post(`${CORE}/nodes/${file}/comments`, { content: 'x' });
    expect(refused.status).toBe(403);
    const bad = await http.post(`${CORE}/nodes/${file}/comments`, { content: '' });
    expectAcsError(bad);
    expect(bad.status).toBe(400);
    const del = await http.delete(`${CORE}/nodes/${file}/comments/${id}`);
    expectContract(del, 204);
    expect((await http.delete(`${CORE}/nodes/${file}/comments/${id}`)).status).toBe(404);
  });

  it('refuses comments on EFR workflow records, and logs the refusal', async () => {
    const handover = await firstOf('efr:handover');
    const res = await http.post(`${CORE}/nodes/${handover}/comments`, { content: 'note' });
    expectAcsError(res);
    expect((res.body as { error: { errorKey: string } }).error.errorKey)
      .toBe('efr.workflow.noComments');
    const log = await http.get<{ list: { entries: { entry: { values: Record<string,
      string> } }[] } }>(`${CORE}/audit-applications/efr-access/audit-entries?include=values` +
      '&orderBy=createdAt%20DESC&maxItems=1');
    expect(JSON.stringify(log.body.list.entries[0].entry.values))
      .toContain('efr.workflow.noComments');
    const list = await http.get<Paging>(`${CORE}/nodes/${handover}/comments`);
    expectContract(list, 200);
    expect(list.body.list.entries).toEqual([]);
  });

  it('lists a node\'s tags and categories from its own properties (ACA\'s tags column and '
    + 'properties tab)', async () => {
    for (const id of [file, recording, work]) {
      const tags = await http.get<Paging>(`${CORE}/nodes/${id}/tags`);
      expectContract(tags, 200);
      expect(tags.body.list.entries).toEqual([]);
      const cats = await http.get<Paging>(`${CORE}/nodes/${id}/category-links`);
      expectContract(cats, 200);
      expect(cats.body.list.entries).toEqual([]);
    }
    // A tag and a category are nodes the properties point at (TaggingServiceImpl reads
    // cm:taggable under its aspect, CategoriesImpl cm:categories).
    const mk = async (name: string): Promise<string> => (await http.post<{ entry: Entry }>(
      `${CORE}/nodes/${work}/children`, { name, nodeType: 'cm:folder' })).body.entry.id;
    const [evidence, alpha, category] = [await mk('证据'), await mk('alpha'), await mk('执法类')];
    const tagged = await http.put(`${CORE}/nodes/${file}`, {
      aspectNames: ['cm:taggable', 'cm:generalclassifiable'],
      properties: { 'cm:taggable': [evidence, alpha], 'cm:categories': [category] } });
    expect(tagged.status).withContext(tagged.text).toBe(200);
    const tags = await http.get<Paging>(`${CORE}/nodes/${file}/tags`);
    expectContract(tags, 200);
    expect(tags.body.list.entries.map((e) => (e.entry as unknown as { tag: string }).tag))
      .toEqual(['alpha', '证据']);
    const cats = await http.get<Paging>(`${CORE}/nodes/${file}/category-links`);
    expectContract(cats, 200);
    expect(cats.body.list.entries.map((e) => e.entry.name)).toEqual(['执法类']);
    // Tagging is not served: refused as an unknown API, the node unchanged.
    const tagRecording = await http.post(`${CORE}/nodes/${recording}/tags`, { tag: 'x' });
    expectAcsError(tagRecording);
    expect(tagRecording.status).toBe(404);
    const after = await http.get<Paging>(`${CORE}/nodes/${recording}/tags`);
    expect(after.body.list.entries).toEqual([]);
    const missing = await http.get(`${CORE}/nodes/no-such-node/tags`);
    expectAcsError(missing);
    expect(missing.status).toBe(404);
  });
});
