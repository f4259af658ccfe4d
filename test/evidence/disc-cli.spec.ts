/**
 * Issue 7 "Done when" through the CLI (R23.1): `efr disc build` against server/ with the demo
 * case writes an image that xorriso, isoinfo (Joliet), udfinfo and 7-Zip read; the files match
 * their sealed hashes and the bag; `efr disc verify` passes, and fails naming the file after
 * one payload byte is flipped. Two builds of the same package are byte-identical.
 */
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { startInProcess, tempDir, type TestServer } from '../support/server-harness.js';
import { efr, flipByte, offsetOf, sha256OfFile, tool, validateBag } from './support.js';

const CASE = '丹民罚〔2026〕12号';
const SEARCH = '/alfresco/api/-default-/public/search/versions/1/search';

describe('efr disc build | verify against server/ (issue 7, R23.1)', () => {
  let server: TestServer;
  let dir: string;
  let image: string;
  let extractionTime: string;
  let sealed: Map<string, string>;

  beforeAll(async () => {
    server = await startInProcess({ demo: true });
    dir = tempDir('evidence-cli');
    image = join(dir, 'case.iso');
    // After the demo seed, before the first read of a build: both builds extract the same log.
    extractionTime = new Date().toISOString();
    const auth = `Basic ${Buffer.from('admin:admin').toString('base64')}`;
    sealed = new Map();
    const search = await fetch(`${server.url}${SEARCH}`,
      { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ query: { query: 'TYPE:"efr:recording"' },
          include: ['properties'] }) });
    const hits = (await search.json()) as { list: { entries: { entry: {
      name: string; properties: Record<string, string> } }[] } };
    for (const { entry } of hits.list.entries) {
      sealed.set(entry.name, entry.properties['efr:sha256']);
    }
    const r = await efr(['disc', 'build', '--case', CASE, '--out', image, '--url', server.url,
      '--producer', '张丽', '--extractor', '周敏', '--extraction-time', extractionTime,
      '--label', 'EFR 丹民罚2026-12'], { EFR_USER: 'admin', EFR_PASSWORD: 'admin' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes an image every independent reader lists, with the Chinese label (R23.1)', async () => {
    const found = await tool('xorriso', ['-indev', image, '-find', '/', '-type', 'f']);
    expect(found).toContain('/data/20261124_093000_BWC-2026-001.mp4');
    expect(found).toContain('/verify.html');
    const joliet = await tool('isoinfo', ['-J', '-l', '-i', image]);
    expect(joliet).toContain('description.pdf');
    expect(joliet).toContain('manifest-sha256.txt');
    const udf = await tool('udfinfo', [image]);
    expect(udf).toContain('EFR 丹民罚2026-12');
    const listing = await tool('7z', ['l', image]);
    expect(listing).toContain('tagmanifest-sha256.txt');
  });

  it('holds the sealed recordings byte for byte and a valid bag (R23.1, R26.1)', async () => {
    const out = join(dir, 'x');
    await mkdir(out);
    await tool('7z', ['x', `-o${out}`, image]);
    expect(await validateBag(out)).toEqual([]);
    for (const name of ['20261124_093000_BWC-2026-001.mp4', '20261124_103000_BWC-2026-001.mp4']) {
      expect(await sha256OfFile(join(out, 'data', name))).toBe(sealed.get(name) as string);
    }
    const text = await readFile(join(out, 'description.txt'), 'utf8');
    for (const fact of ['制作人：张丽', '提取人：周敏', '提取时间', CASE]) {
      expect(text).toContain(fact);
    }
    const pdf = await tool('pdftotext', [join(out, 'description.pdf'), '-']);
    expect(pdf).toContain('制作人：张丽');
    expect(pdf).toContain('某养老服务机构未按规定备案案');
    const log = (await readFile(join(out, 'access-log.jsonl'), 'utf8')).trim().split('\n')
      .map((l) => JSON.parse(l) as { seq: number; entry: { values: Record<string, string> } });
    expect(log.length).toBeGreaterThan(0);
    // server/'s entries carry their chain link among the values the leaf covers.
    expect(log.every((l) => /^[0-9a-f]{64}$/.test(l.entry.values['/efr-access/hash'])))
      .toBeTrue();
  });

  it('verifies, then names the file after one payload byte is flipped (R26.1)', async () => {
    const ok = await efr(['disc', 'verify', image]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('intact: 2 payload files');
    const broken = join(dir, 'broken.iso');
    await copyFile(image, broken);
    await flipByte(broken, (await offsetOf(broken, 'data/20261124_103000_BWC-2026-001.mp4')) + 100);
    const bad = await efr(['disc', 'verify', broken]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('data/20261124_103000_BWC-2026-001.mp4');
  });

  it('gives the same image for the same package twice (R23.1 rebuild check)', async () => {
    const again = join(dir, 'again.iso');
    const r = await efr(['disc', 'build', '--case', CASE, '--out', again, '--url', server.url,
      '--producer', '张丽', '--extractor', '周敏', '--extraction-time', extractionTime,
      '--label', 'EFR 丹民罚2026-12', '--user', 'admin', '--password', 'admin']);
    expect(r.code).toBe(0);
    expect(await sha256OfFile(again)).toBe(await sha256OfFile(image));
  }, 60_000);

  it('refuses a case that does not exist, writing nothing', async () => {
    const none = join(dir, 'none.iso');
    const r = await efr(['disc', 'build', '--case', 'EFR-2026-9999', '--out', none,
      '--url', server.url, '--user', 'admin', '--password', 'admin']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('EFR-2026-9999');
    await expectAsync(readFile(none)).toBeRejected();
  });
});
