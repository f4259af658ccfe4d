/**
 * DESIGN.md "Bad input, faults, load" and R4.1 (complete, no duplicates or gaps): concurrent
 * uploads racing for one name leave exactly one node and exactly its bytes; the losers get
 * 409 with the ACS error body and leave neither a node, nor a stored file, nor a temp file.
 * Concurrent uploads under distinct names all land, each with its own bytes.
 */
import { randomBytes } from 'node:crypto';
import { AcsHttp, basicAuth, expectAcsError } from '../support/acs-http.js';
import { brokenFileNodes, snapshot, storedFiles, tempFiles } from '../support/data-dir.js';
import { sha256Of } from '../support/media.js';
import { CORE, startInProcess, type TestServer } from '../support/server-harness.js';

describe('reliability: concurrent uploads (issue 3, R4.1)', () => {
  let server: TestServer;
  let http: AcsHttp;
  let folder: string;

  beforeAll(async () => {
    server = await startInProcess({ demo: false });
    http = new AcsHttp(server.url, basicAuth('admin', 'admin'));
    const res = await http.post<{ entry: { id: string } }>(`${CORE}/nodes/-root-/children`,
      { name: 'concurrency', nodeType: 'cm:folder' });
    folder = res.body.entry.id;
  });

  afterAll(async () => { await server.close(); });

  it('lets exactly one of eight same-name uploads win; the others change nothing', async () => {
    const dataDir = server.dataDir ?? '';
    const before = snapshot(dataDir);
    const bodies = Array.from({ length: 8 }, () => randomBytes(256 * 1024));
    const results = await Promise.all(bodies.map((b) => http.upload<{ entry: { id: string } }>(
      folder, b, 'same-name.bin')));
    const winners = results.filter((r) => r.status === 201);
    expect(winners.length).toBe(1);
    for (const loser of results.filter((r) => r.status !== 201)) {
      expect(loser.status).toBe(409);
      expectAcsError(loser);
    }
    const winner = bodies[results.indexOf(winners[0])];
    const read = await http.requestBytes('get',
      `${CORE}/nodes/${winners[0].body.entry.id}/content`);
    expect(sha256Of(read.bytes)).toBe(sha256Of(winner));
    const after = snapshot(dataDir);
    expect(after.nodes).toBe(before.nodes + 1);
    expect(after.contentFiles).toBe(before.contentFiles + 1);
    expect(tempFiles(dataDir)).toEqual([]);
  });

  it('stores every one of twelve concurrent uploads with distinct names', async () => {
    const dataDir = server.dataDir ?? '';
    const filesBefore = storedFiles(dataDir).length;
    const bodies = Array.from({ length: 12 }, (_, i) => randomBytes(64 * 1024 * (i + 1)));
    const results = await Promise.all(bodies.map((b, i) =>
      http.upload<{ entry: { id: string } }>(folder, b, `distinct-${i}.bin`)));
    expect(results.map((r) => r.status)).toEqual(bodies.map(() => 201));
    expect(storedFiles(dataDir).length).toBe(filesBefore + bodies.length);
    expect(await brokenFileNodes(dataDir, folder)).toEqual([]);
    expect(tempFiles(dataDir)).toEqual([]);
  });
});
