import { createHash } from 'node:crypto';
import {
  ADMIN,
  multipart,
  tempRepository,
  type TempRepository,
} from '../testing/temp-repository.js';
import { CORE } from './paths.js';

describe('upload and content (multipart, Range, HEAD, PUT)', () => {
  let t: TempRepository;
  const data = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
  const sha = createHash('sha256').update(data).digest('hex');
  beforeAll(async () => {
    t = await tempRepository(64 * 1024);
  });
  afterAll(async () => t.dispose());

  const upload = (
    fields: [string, string][],
    file?: { name: string; data: Buffer },
    fileFirst = true,
  ) => {
    const m = multipart(fields, file, fileFirst);
    return t.app.inject({
      method: 'POST',
      url: `${CORE}/nodes/-root-/children`,
      payload: m.body,
      headers: { ...ADMIN, ...m.headers },
    });
  };
  const stored = (): number => t.repo.store.listHashes().length;
  const nodes = (): number =>
    (t.repo.db.prepare('SELECT COUNT(*) AS n FROM nodes').get() as { n: number }).n;

  it('streams filedata to the store, takes properties from fields in any order', async () => {
    const r = await upload(
      [
        ['name', '录像 1.mp4'],
        ['cm:title', '标题'],
      ],
      { name: 'ignored.mp4', data },
      false,
    );
    expect(r.statusCode).toBe(201);
    const e = r.json().entry;
    expect(e.name).toBe('录像 1.mp4');
    expect(e.content).toEqual({
      mimeType: 'video/mp4',
      mimeTypeName: 'MPEG4 Video',
      sizeInBytes: 5000,
      encoding: 'UTF-8',
    });
    expect(e.properties['cm:title']).toBe('标题');
    expect(t.repo.store.listHashes()).toContain(sha);
    expect(t.repo.store.tempCount()).toBe(0);
  });

  it('serves Range requests with 206 and Content-Range, 416 beyond the end', async () => {
    const id = (await upload([], { name: 'range.bin', data })).json().entry.id;
    const r = await t.app.inject({
      url: `${CORE}/nodes/${id}/content`,
      headers: { ...ADMIN, range: 'bytes=100-199' },
    });
    expect(r.statusCode).toBe(206);
    expect(r.headers['content-range']).toBe('bytes 100-199/5000');
    expect(r.rawPayload.equals(data.subarray(100, 200))).toBeTrue();
    const tail = await t.app.inject({
      url: `${CORE}/nodes/${id}/content`,
      headers: { ...ADMIN, range: 'bytes=-10' },
    });
    expect(tail.rawPayload.equals(data.subarray(4990))).toBeTrue();
    const open = await t.app.inject({
      url: `${CORE}/nodes/${id}/content`,
      headers: { ...ADMIN, range: 'bytes=4990-' },
    });
    expect(open.headers['content-length']).toBe('10');
    const bad = await t.app.inject({
      url: `${CORE}/nodes/${id}/content`,
      headers: { ...ADMIN, range: 'bytes=5000-' },
    });
    expect(bad.statusCode).toBe(416);
    expect(bad.headers['content-range']).toBe('bytes */5000');
    expect(bad.json().error.statusCode).toBe(416);
  });

  it('serves the whole content with ETag, Last-Modified and Content-Disposition; HEAD has no body', async () => {
    const id = (await upload([], { name: '报告.pdf', data })).json().entry.id;
    const r = await t.app.inject({ url: `${CORE}/nodes/${id}/content`, headers: ADMIN });
    expect(r.statusCode).toBe(200);
    expect(r.rawPayload.equals(data)).toBeTrue();
    expect(r.headers.etag).toBe(`"${sha}"`);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.headers['last-modified']).toBeDefined();
    expect(r.headers['content-disposition']).toContain('attachment;');
    expect(r.headers['content-disposition']).toContain("filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf");
    const inline = await t.app.inject({
      url: `${CORE}/nodes/${id}/content?attachment=false`,
      headers: ADMIN,
    });
    expect(inline.headers['content-disposition']).toMatch(/^inline;/);
    const head = await t.app.inject({
      method: 'HEAD',
      url: `${CORE}/nodes/${id}/content`,
      headers: ADMIN,
    });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe('5000');
    expect(head.rawPayload.length).toBe(0);
    const cached = await t.app.inject({
      url: `${CORE}/nodes/${id}/content`,
      headers: { ...ADMIN, 'if-none-match': `"${sha}"` },
    });
    expect(cached.statusCode).toBe(304);
  });

  it('replaces content with PUT (new bytes stored, old bytes kept: write-once)', async () => {
    const id = (await upload([], { name: 'put.txt', data: Buffer.from('one') })).json().entry.id;
    const r = await t.app.inject({
      method: 'PUT',
      url: `${CORE}/nodes/${id}/content`,
      payload: 'two',
      headers: { ...ADMIN, 'content-type': 'text/plain' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().entry.content.sizeInBytes).toBe(3);
    const got = await t.app.inject({ url: `${CORE}/nodes/${id}/content`, headers: ADMIN });
    expect(got.body).toBe('two');
    expect(t.repo.store.listHashes()).toContain(createHash('sha256').update('one').digest('hex'));
  });

  it('refuses malformed multipart, missing filedata, unknown fields, traversal names: 4xx, nothing stored', async () => {
    const [n0, s0] = [nodes(), stored()];
    const bad = [
      await upload([['name', 'x.txt']]),
      await upload([['name', '../evil.txt']], { name: 'a.txt', data }),
      await upload([['name', 'a\u0001.txt']], { name: 'a.txt', data }),
      await upload([['bogus', '1']], { name: 'a.txt', data }),
      await upload([['cm:nope', '1']], { name: 'a.txt', data }),
      await upload([['autoRename', 'maybe']], { name: 'a.txt', data }),
      await t.app.inject({
        method: 'POST',
        url: `${CORE}/nodes/-root-/children`,
        payload: '--x\r\nbroken',
        headers: { ...ADMIN, 'content-type': 'multipart/form-data; boundary=x' },
      }),
    ];
    for (const r of bad) {
      expect(r.statusCode).withContext(r.body).toBe(400);
      expect(r.json().error.stackTrace).toBeDefined();
    }
    expect([nodes(), stored(), t.repo.store.tempCount()]).toEqual([n0, s0, 0]);
  });

  it('refuses an upload over the limit with 413 and a field over 64 KiB with 400', async () => {
    const [n0, s0] = [nodes(), stored()];
    const big = await upload([], { name: 'big.bin', data: Buffer.alloc(65 * 1024, 1) });
    expect(big.statusCode).toBe(413);
    const field = await upload([['cm:title', 'x'.repeat(70 * 1024)]], { name: 'f.bin', data });
    expect(field.statusCode).toBe(400);
    expect([nodes(), stored(), t.repo.store.tempCount()]).toEqual([n0, s0, 0]);
  });

  it('renames on autoRename and replaces on overwrite=true', async () => {
    await upload([['name', 'same.txt']], { name: 'x', data: Buffer.from('a') });
    expect(
      (await upload([['name', 'same.txt']], { name: 'x', data: Buffer.from('b') })).statusCode,
    ).toBe(409);
    const renamed = await upload(
      [
        ['name', 'same.txt'],
        ['autoRename', 'true'],
      ],
      { name: 'x', data: Buffer.from('c') },
    );
    expect(renamed.json().entry.name).toBe('same-1.txt');
    const over = await upload(
      [
        ['name', 'same.txt'],
        ['overwrite', 'true'],
      ],
      { name: 'x', data: Buffer.from('dd') },
    );
    expect(over.statusCode).toBe(201);
    expect(over.json().entry.content.sizeInBytes).toBe(2);
  });

  it('logs every content read and Range stream in the access log', async () => {
    const id = (await upload([], { name: 'logged.bin', data })).json().entry.id;
    await t.app.inject({ url: `${CORE}/nodes/${id}/content?attachment=false`, headers: ADMIN });
    await t.app.inject({
      url: `${CORE}/nodes/${id}/content`,
      headers: { ...ADMIN, range: 'bytes=0-9' },
    });
    await t.app.inject({ url: `${CORE}/nodes/${id}/content`, headers: ADMIN });
    const actions = (
      t.repo.db.prepare('SELECT action FROM access_log WHERE node_id = ? ORDER BY id').all(id) as {
        action: string;
      }[]
    ).map((r) => r.action);
    expect(actions).toEqual(['read', 'range', 'download']);
  });
});
