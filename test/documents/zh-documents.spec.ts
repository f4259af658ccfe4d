/**
 * Issue 19, "Done when": no user id, raw code or English fragment on a zh-CN document. Every
 * document EFR generates is made here the way a user gets it, from the demo repository (people
 * with Chinese names, recordings with coded facts): the evidence disc's description.txt and
 * description.pdf through `efr disc build`, the quality assessment's CSV through `GET /quality`
 * and its PDF through `POST /quality/reports` (rendered by efr worker), the destruction
 * register through an executed disposition batch. The PDFs' text is read back with
 * pdfjs-dist (the PDF reader the screens already ship); each text is then held to the same
 * word check as the e2e screen review (test/support/zh-words.ts).
 */
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { multipart, recordingProps } from '../../server/src/testing/temp-repository.js';
import { efr, tool } from '../evidence/support.js';
import {
  CORE, DEMO_PASSWORD, SEARCH, startInProcess, tempDir, type TestServer,
} from '../support/server-harness.js';
import { DEMO_LOGIN_ID, zhWordProblems } from '../support/zh-words.js';

const CASE = '丹民罚〔2026〕12号';
const HAN = /[\u4e00-\u9fff]/;

/**
 * The text of a PDF as pdfjs-dist lays it out: one line per text line of the page, but a line
 * that ends in a hyphen goes on with the next.
 */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false,
    isEvalSupported: false }).promise;
  let out = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items) {
      if ('str' in item) out += item.str + (item.hasEOL ? '\n' : '');
    }
    out += '\n';
  }
  await doc.destroy();
  // A name the layout wrapped at its hyphen (manifest-⏎sha256.txt) is read back whole.
  return out.replace(/([A-Za-z0-9]-)\n(?=[A-Za-z0-9])/g, '$1');
}

describe('generated documents in zh-CN carry no login id, raw code or English (issue 19)', () => {
  let server: TestServer;
  let dir: string;
  const basic = (user: string): string => `Basic ${Buffer.from(
    `${user}:${user === 'admin' ? 'admin' : DEMO_PASSWORD}`).toString('base64')}`;
  const get = async (user: string, path: string, headers: Record<string, string> = {}) => {
    const r = await fetch(`${server.url}${path}`, { headers: { authorization: basic(user),
      ...headers } });
    return { status: r.status, type: r.headers.get('content-type') ?? '',
      bytes: new Uint8Array(await r.arrayBuffer()) };
  };
  const post = async (user: string, path: string, body: unknown) => {
    const r = await fetch(`${server.url}/alfresco/s/efr${path}`, { method: 'POST',
      headers: { authorization: basic(user), 'content-type': 'application/json' },
      body: JSON.stringify(body) });
    const json = (await r.json()) as { entry?: { id: string; status: string } };
    expect(r.status).withContext(`${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
    return json.entry as { id: string; status: string };
  };
  const utf8 = (b: Uint8Array): string => new TextDecoder().decode(b);

  beforeAll(async () => {
    server = await startInProcess({ demo: true });
    dir = tempDir('zh-documents');
  }, 120_000);

  // Closing waits for efr worker's pass in hand (the register it rendered, a tree head): on a
  // loaded machine that went past Jasmine's default 60 s once in three runs.
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it('the evidence disc description (text and PDF) is Chinese only (R23.1)', async () => {
    const image = join(dir, 'case.iso');
    const r = await efr(['disc', 'build', '--case', CASE, '--out', image, '--url', server.url,
      '--producer', '张丽', '--extractor', '周敏', '--label', 'EFR 丹民罚2026-12'],
    { EFR_USER: 'admin', EFR_PASSWORD: 'admin' });
    expect(r.stderr).toBe('');
    const out = join(dir, 'x');
    await tool('7z', ['x', `-o${out}`, image, 'description.txt', 'description.pdf']);
    const text = await readFile(join(out, 'description.txt'), 'utf8');
    const pdf = await pdfText(await readFile(join(out, 'description.pdf')));
    if (process.env.EFR_DUMP_DOCS) console.log(text, pdf);
    for (const [what, t] of [['description.txt', text], ['description.pdf', pdf]]) {
      expect(t).withContext(what).toContain('制作人：张丽');
      expect(t).withContext(what).toContain('执法记录仪');
      // The officers and the two custodians of the seal by name (the demo's people).
      expect(t).withContext(what).toMatch(/移交封存：.*[\u4e00-\u9fff]{2,3}、[\u4e00-\u9fff]{2,3}/);
      expect(zhWordProblems(t)).withContext(what).toEqual([]);
    }
  }, 120_000);

  it('the quality assessment follows the reader: Chinese CSV and PDF by default', async () => {
    const q = '/alfresco/s/efr/quality?from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z';
    const csv = await get('supervisor1', `${q}&format=csv`);
    expect(csv.status).toBe(200);
    // The PDF is a generated document (issue 15): asked for, read once efr worker rendered it.
    const asked = await fetch(`${server.url}/alfresco/s/efr/quality/reports`, { method: 'POST',
      headers: { authorization: basic('supervisor1'), 'content-type': 'application/json',
        'accept-language': 'en-US,en;q=0.9' },
      body: JSON.stringify({ from: '2020-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z',
        lang: 'zh-CN' }) });
    expect(asked.status).toBe(202);
    const report = ((await asked.json()) as { entry: { id: string; name: string } }).entry;
    expect(zhWordProblems(report.name)).withContext(report.name).toEqual([]);
    const url = `/alfresco/s/efr/quality/reports/${report.id}`;
    let pdf = await get('supervisor1', url);
    for (let i = 0; i < 100 && pdf.status === 202; i++) {
      await new Promise((done) => setTimeout(done, 200));
      pdf = await get('supervisor1', url);
    }
    expect(pdf.status).toBe(200);
    const csvText = utf8(csv.bytes);
    const pdfOut = await pdfText(pdf.bytes);
    expect(csvText).toContain('执法人员,');
    expect(pdfOut).toContain('执法质量考评');
    if (process.env.EFR_DUMP_DOCS) console.log(csvText, pdfOut);
    for (const [what, t] of [['quality.csv', csvText], ['quality.pdf', pdfOut]]) {
      expect(zhWordProblems(t)).withContext(what).toEqual([]);
    }
    // An English reader (the screen passes its language) gets English headers only.
    const en = utf8((await get('supervisor1', `${q}&format=csv&lang=en`)).bytes);
    expect(en.split(/\r?\n/)[0]).toContain('Recording rate (%)');
    expect(HAN.test(en.split(/\r?\n/)[0])).toBeFalse();
    expect(en).not.toMatch(DEMO_LOGIN_ID);
  }, 60_000);

  it('the destruction register of an executed batch is Chinese only (issue 18, R22)', async () => {
    const hits = (await (await fetch(`${server.url}${SEARCH}/search`, { method: 'POST',
      headers: { authorization: basic('admin'), 'content-type': 'application/json' },
      body: JSON.stringify({ query: { query: 'TYPE:"efr:recording"' } }) })).json()) as
      { list: { entries: { entry: { parentId: string } }[] } };
    const folder = hits.list.entries[0].entry.parentId;
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const m = multipart([
        ['name', `r-${randomBytes(4).toString('hex')}.mp4`], ['nodeType', 'efr:recording'],
        ...Object.entries(recordingProps(true, { 'efr:retainUntil': '2025-01-01' }))
          .map(([k, v]): [string, string] => [k, Array.isArray(v) ? v.join(',') : String(v)]),
      ], { name: 'v.mp4', data: randomBytes(4096), type: 'video/mp4' });
      const up = await fetch(`${server.url}${CORE}/nodes/${folder}/children`, { method: 'POST',
        headers: { authorization: basic('admin'), ...m.headers }, body: m.body });
      expect(up.status).toBe(201);
      ids.push(((await up.json()) as { entry: { id: string } }).entry.id);
    }
    const batch = await post('custodian1', '/disposition/batches',
      { recordingIds: ids, reason: '保存期限届满' });
    await post('director1', `/disposition/batches/${batch.id}/review`, { opinion: '同意销毁' });
    // A hold placed meanwhile spares the second one: its reason is printed too.
    await post('supervisor1', '/holds', { recordingIds: [ids[1]], reason: '批次办理中收到投诉' });
    const done = await post('leader1', `/disposition/batches/${batch.id}/approve`,
      { opinion: '批准' });
    expect(done.status).toBe('executed');
    // efr worker (in-process) renders it once the approval committed: 202 until then.
    let pdf = await get('director1', `/alfresco/s/efr/disposition/batches/${batch.id}/register`,
      { 'accept-language': 'en' });
    for (let i = 0; i < 100 && pdf.status === 202; i++) {
      await new Promise((done) => setTimeout(done, 200));
      pdf = await get('director1', `/alfresco/s/efr/disposition/batches/${batch.id}/register`,
        { 'accept-language': 'en' });
    }
    expect(pdf.status).toBe(200);
    const text = await pdfText(pdf.bytes);
    if (process.env.EFR_DUMP_DOCS) console.log(text);
    expect(text).toContain('执法音视频记录销毁清册');
    expect(text).toContain('第二十二条');
    expect(text).toContain('批次办理期间被保全');
    expect(zhWordProblems(text)).toEqual([]);
  }, 120_000);
});
