/**
 * Evidence package rules beyond the CLI (issue 7): a recording whose bytes differ from its
 * sealed SHA-256 stops the image (R26.1); a package too big for the medium is refused before
 * writing with a proposed split (R23.1); Chinese and over-long names survive in Joliet and UDF
 * and the manifest names what the readers show; verify.html checks a disc offline in Chromium.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { writeImageFile } from '../../server/src/evidence/disc-cli.js';
import {
  FixityError, PackageTooLargeError, preparePackage,
} from '../../server/src/evidence/package-image.js';
import { tempDir } from '../support/server-harness.js';
import { generatedRecording, memorySource, tool, validateBag } from './support.js';

const LONG = '执法记录仪现场执法全过程音像记录_丹东市民政局社会事务科_养老服务机构未按规定备案案_' +
  '现场检查与询问负责人及调取相关书证材料过程_第一段.mp4';

describe('evidence package image (issue 7)', () => {
  let dir: string;

  beforeAll(() => {
    dir = tempDir('evidence-pkg');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('stops at a recording that differs from its sealed SHA-256, naming it (R26.1)', async () => {
    const good = await generatedRecording('r1', 'a.mp4', 300_000, 1);
    const bad = await generatedRecording('r2', 'b.mp4', 300_000, 2, true);
    const prepared = await preparePackage(memorySource([good, bad]));
    const out = join(dir, 'stopped.iso');
    const err = await writeImageFile(prepared.stream(), out).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(FixityError);
    expect((err as FixityError).path).toBe('data/b.mp4');
    expect((err as FixityError).recordingId).toBe('r2');
    await expectAsync(stat(out)).toBeRejected();
    await expectAsync(stat(`${out}.part`)).toBeRejected();
  });

  it('refuses what does not fit the medium before reading, proposing a split (R23.1)', async () => {
    const big = (id: string, seed: number) => ({ id, name: `${id}.mp4`, size: 400_000_000,
      sha256: 'f'.repeat(64), open: (): ReadableStream<Uint8Array> => {
        throw new Error(`content of ${id} must not be read (seed ${seed})`);
      } });
    const err = await preparePackage(memorySource([big('r1', 1), big('r2', 2)],
      { medium: 'cd700' })).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(PackageTooLargeError);
    const split = (err as PackageTooLargeError).split ?? [];
    expect(split.length).toBe(2);
    expect(split.map((d) => d.recordingIds).flat().sort()).toEqual(['r1', 'r2']);
  });

  it('keeps Chinese names in Joliet and UDF; shortens long ones so the bag holds (R23.1)',
    async () => {
      const recs = [await generatedRecording('r1', '现场检查.mp4', 100_000, 3),
        await generatedRecording('r2', LONG, 100_000, 4)];
      const prepared = await preparePackage(memorySource(recs));
      const image = join(dir, 'names.iso');
      await writeImageFile(prepared.stream(), image);
      const shortName = prepared.payload.find((p) => p.recording.id === 'r2')?.path ?? '';
      expect(shortName.length).toBeLessThan(LONG.length);
      const joliet = await tool('xorriso', ['-indev', image, '-read_fs', 'norock', '-find',
        '/data', '-type', 'f']);
      expect(joliet).toContain('现场检查.mp4');
      expect(joliet).toContain(shortName.slice('data/'.length));
      const udf = await tool('7z', ['l', '-tudf', image]);
      expect(udf).toContain('现场检查.mp4');
      for (const [label, args] of [['joliet', ['-tiso']], ['udf', ['-tudf']]] as const) {
        const out = join(dir, `x-${label}`);
        await mkdir(out);
        await tool('7z', ['x', ...args, `-o${out}`, image]);
        expect(await validateBag(out)).withContext(label).toEqual([]);
      }
      const text = await readFile(join(dir, 'x-udf', 'description.txt'), 'utf8');
      expect(text).toContain(`原始文件名：${LONG}`);
    });

  describe('verify.html in Chromium (offline check)', () => {
    let browser: Browser;
    let folder: string;

    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--no-first-run'] });
      const recs = [await generatedRecording('r1', '现场检查.mp4', 3_000_000, 5),
        await generatedRecording('r2', 'b.m4a', 1_000_000, 6)];
      const image = join(dir, 'page.iso');
      await writeImageFile((await preparePackage(memorySource(recs))).stream(), image);
      folder = join(dir, 'page', 'EFR_DISC');
      await mkdir(folder, { recursive: true });
      await tool('7z', ['x', `-o${folder}`, image]);
    });

    afterAll(async () => {
      await browser?.close();
    });

    async function check(hash: string): Promise<string> {
      const page = await browser.newPage();
      try {
        await page.goto(pathToFileURL(join(folder, 'verify.html')).href + hash);
        await page.setInputFiles('#efr-pick', folder);
        await page.waitForFunction(() =>
          /^(ok|bad)$/.test(document.getElementById('efr-summary')?.className ?? ''));
        return await page.textContent('#efr-summary') ?? '';
      } finally {
        await page.close();
      }
    }

    it('passes an intact disc with WebCrypto and with the incremental hash', async () => {
      expect(await check('')).toContain('All 2 files match');
      expect(await check('#incremental')).toContain('All 2 files match');
    });

    it('names a file with one flipped byte', async () => {
      const path = join(folder, 'data', 'b.m4a');
      const bytes = await readFile(path);
      bytes[1234] ^= 0xff;
      await writeFile(path, bytes);
      const summary = await check('#incremental');
      expect(summary).toContain('data/b.m4a');
      expect(summary).not.toContain('现场检查');
    });
  });
});
