/**
 * Self-tests of the cross-tier test support (issue 3): the OpenAPI validator must accept what
 * ACS documents and reject what it does not, otherwise every contract spec proves nothing; the
 * media generators must produce real, playable files of the requested shape.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { routeOf, schemaFor, validateResponse } from './openapi.js';
import { makeLargeFile, makeM4a, makeMp4, probeStreams, sha256File } from './media.js';

const user = { id: 'admin', displayName: 'Administrator' };
const node = {
  id: '5f1c2b9e-0000-4000-8000-000000000001', name: 'clip.mp4', nodeType: 'efr:recording',
  isFolder: false, isFile: true, createdAt: '2026-11-26T20:33:33.000+0000',
  modifiedAt: '2026-11-26T20:33:33.000Z', createdByUser: user, modifiedByUser: user,
  content: { mimeType: 'video/mp4', sizeInBytes: 1234 },
};
const acsError = { error: { errorKey: 'framework.exception.ApiDefault', statusCode: 404,
  briefSummary: '07260001 The entity with id: x was not found', stackTrace: 'For security…',
  descriptionURL: 'https://api-explorer.alfresco.com' } };

describe('test support: ACS OpenAPI validator (issue 3)', () => {
  it('accepts a documented node entry, including ACS +0000 timestamps', () => {
    const r = validateResponse('alfresco-core.yaml', 'get', '/nodes/{nodeId}', 200,
      { entry: node });
    expect(r.errors).toEqual([]);
    expect(r.valid).toBeTrue();
  });

  it('rejects a node without its required fields or with a forbidden name', () => {
    const { createdByUser: _dropped, ...partial } = node;
    expect(validateResponse('alfresco-core.yaml', 'get', '/nodes/{nodeId}', 200,
      { entry: partial }).valid).toBeFalse();
    expect(validateResponse('alfresco-core.yaml', 'get', '/nodes/{nodeId}', 200,
      { entry: { ...node, name: 'a:b' } }).valid).toBeFalse();
    expect(validateResponse('alfresco-core.yaml', 'get', '/nodes/{nodeId}', 200,
      { entry: { ...node, content: { sizeInBytes: 1.5, mimeType: 'x' } } }).valid).toBeFalse();
  });

  it('validates undocumented error statuses against the default Error schema', () => {
    expect(validateResponse('alfresco-core.yaml', 'get', '/nodes/{nodeId}', 404, acsError)
      .errors).toEqual([]);
    const bare = validateResponse('alfresco-core.yaml', 'get', '/nodes/{nodeId}', 409,
      { error: { statusCode: 409 } });
    expect(bare.valid).toBeFalse();
    expect(bare.errors.join()).toContain('briefSummary');
  });

  it('checks list envelopes and their pagination', () => {
    const list = { list: { pagination: { count: 1, hasMoreItems: false, totalItems: 1,
      skipCount: 0, maxItems: 100 }, entries: [{ entry: node }] } };
    expect(validateResponse('alfresco-core.yaml', 'get', '/nodes/{nodeId}/children', 200, list)
      .errors).toEqual([]);
    const search = validateResponse('alfresco-search.yaml', 'post', '/search', 200,
      { list: { pagination: { count: 0 }, entries: [] } });
    expect(search.errors.join()).toContain('hasMoreItems');
  });

  it('demands an empty body for 204 and refuses to validate binary content as JSON', () => {
    expect(validateResponse('alfresco-auth.yaml', 'delete', '/tickets/-me-', 204, '').valid)
      .toBeTrue();
    expect(validateResponse('alfresco-auth.yaml', 'delete', '/tickets/-me-', 204, '{}').valid)
      .toBeFalse();
    expect(() => schemaFor('alfresco-core.yaml', 'get', '/nodes/{nodeId}/content', 200))
      .toThrowError(/binary/);
  });

  it('applies the documented erratum: a single audit application comes in an entry', () => {
    const app = { id: 'efr-access', name: 'EFR access log', isEnabled: true };
    const path = '/audit-applications/{auditApplicationId}';
    expect(validateResponse('alfresco-core.yaml', 'get', path, 200, { entry: app }).errors)
      .toEqual([]);
    expect(validateResponse('alfresco-core.yaml', 'get', path, 200, app).valid).toBeFalse();
  });

  it('routes URLs to the file and path template that define them', () => {
    const v1 = '/alfresco/api/-default-/public/alfresco/versions/1';
    expect(routeOf('/alfresco/api/discovery', 'get').file).toBe('alfresco-discovery.yaml');
    expect(routeOf('/alfresco/api/-default-/public/authentication/versions/1/tickets/-me-',
      'get')).toEqual({ file: 'alfresco-auth.yaml', template: '/tickets/-me-' });
    expect(routeOf(`${v1}/nodes/-root-/children?maxItems=5`, 'post').template)
      .toBe('/nodes/{nodeId}/children');
    expect(routeOf(`${v1}/audit-applications/efr-access/audit-entries`, 'get').template)
      .toBe('/audit-applications/{auditApplicationId}/audit-entries');
    expect(routeOf('/alfresco/api/-default-/public/search/versions/1/search', 'post').file)
      .toBe('alfresco-search.yaml');
  });
});

describe('test support: media generated at test time (issue 3)', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'efr-media-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes an MP4 with a video and an audio track, and an audio-only M4A', async () => {
    const mp4 = await makeMp4(dir);
    expect((await probeStreams(mp4.path)).sort()).toEqual(['audio', 'video']);
    expect(mp4.sha256).toMatch(/^[0-9a-f]{64}$/);
    const m4a = await makeM4a(dir);
    expect(await probeStreams(m4a.path)).toEqual(['audio']);
  });

  it('streams a large file of exactly N bytes whose hash matches its content', async () => {
    const size = 5 * 1024 * 1024 + 123;
    const a = await makeLargeFile(join(dir, 'a.bin'), size, 1);
    const b = await makeLargeFile(join(dir, 'b.bin'), size, 2);
    expect(statSync(a.path).size).toBe(size);
    expect(a.size).toBe(size);
    expect(await sha256File(a.path)).toBe(a.sha256);
    expect(b.sha256).not.toBe(a.sha256);
  });
});
