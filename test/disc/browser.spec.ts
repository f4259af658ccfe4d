/**
 * R23.1 evidence disc: the writer is browser code too. Bundled for the browser (no Node
 * built-ins may resolve) and run in Chromium, it gives the same image, byte for byte, as in
 * Node, so an image built in the screen can be rebuilt and compared anywhere.
 */
import { createHash } from 'node:crypto';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { layoutDisc, writeDiscImage } from '../../core/src/disc/index.js';
import { VOLUME_DATE, generatedFile, sha256OfStream } from './support.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--no-first-run'];

/** [path, size, seed] of the package built on both sides. */
const PACKAGE: [string, number, number][] = [
  ['执法记录仪_张三_2026-11-26_现场检查.mp4', 70_001, 1],
  ['案卷/a/b/c/笔录.pdf', 2049, 2],
  ['空文件.txt', 0, 3],
  [`${'很长的文件名'.repeat(12)}.mov`, 2048, 4],
];
const LABEL = '浏览器 2026';

/** Runs in the page: builds the image with the bundled writer, returns it as base64. */
const BROWSER_BUILD = `async ({ pkg, label, date, mtime }) => {
  // Same generator as support.ts generatedStream (xorshift32 words, 1 MiB pieces).
  const stream = (size, seed) => {
    let produced = 0;
    let x = seed >>> 0 || 0x9e3779b9;
    return new ReadableStream({
      pull(c) {
        if (produced >= size) return c.close();
        const n = Math.min(1 << 20, size - produced);
        const words = new Uint32Array(Math.ceil(n / 4));
        for (let i = 0; i < words.length; i++) {
          x ^= x << 13;
          x ^= x >>> 17;
          x ^= x << 5;
          words[i] = x >>> 0;
        }
        produced += n;
        c.enqueue(new Uint8Array(words.buffer, 0, n));
      },
    });
  };
  const input = pkg.map(([path, size, seed]) => ({
    path, size, mtime: new Date(mtime), open: () => stream(size, seed),
  }));
  const l = EfrDisc.layoutDisc(input, { label, date: new Date(date), utcOffsetMinutes: 480 });
  const bytes = new Uint8Array(await new Response(EfrDisc.writeDiscImage(l)).arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}`;

describe('disc writer in the browser (R23.1)', () => {
  let browser: Browser | undefined;

  afterAll(async () => {
    await browser?.close();
  });

  it('bundles without Node built-ins and gives the same bytes in Chromium as in Node', async () => {
    const bundle = await build({
      entryPoints: ['core/src/disc/index.ts'], bundle: true, write: false, format: 'iife',
      globalName: 'EfrDisc', platform: 'browser', target: 'es2022', logLevel: 'silent',
    });
    const code = bundle.outputFiles[0].text;
    expect(code).not.toMatch(/require\(["']node:/);

    const files = PACKAGE.map(([path, size, seed]) => generatedFile(path, size, seed));
    const layout = layoutDisc(files, { label: LABEL, date: VOLUME_DATE, utcOffsetMinutes: 480 });
    const inNode = await sha256OfStream(writeDiscImage(layout));

    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    await page.addScriptTag({ content: code });
    const args = { pkg: PACKAGE, label: LABEL, date: VOLUME_DATE.getTime(),
      mtime: files[0].mtime?.getTime() };
    // Passed as source text: tsx's transform would add helpers the page does not have.
    const base64 = await page.evaluate<string>(`(${BROWSER_BUILD})(${JSON.stringify(args)})`);
    const inBrowser = createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex');
    expect(inBrowser).toBe(inNode);
  }, 120_000);
});
