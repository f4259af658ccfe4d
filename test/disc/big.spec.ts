/**
 * R23.1 evidence disc, opt-in (EFR_BIG_DISC_TESTS=1, about 10 GB of disk traffic): a sparse
 * file over 4 GiB round-trips through the UDF tree and through ISO 9660 multi-extent records.
 * Without the variable this file defines no spec.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { layoutDisc, writeDiscImage } from '../../core/src/disc/index.js';
import { VOLUME_DATE, fileFromDisk, removeDir, tempDir, tool, writeToFile } from './support.js';

const BIG = 4 * 1024 ** 3 + 123_457; // over 4 GiB, not sector-aligned

/** SHA-256 of one member extracted by 7-Zip to stdout, hashed as it streams. */
function sha256Of7z(type: string, image: string, member: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const child = spawn('7z', ['e', `-t${type}`, '-so', image, member], {
      env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    child.stdout.on('data', (c: Buffer) => hash.update(c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(hash.digest('hex'));
      else reject(new Error(`7z exit ${code}`));
    });
  });
}

if (process.env['EFR_BIG_DISC_TESTS'] === '1') {
  describe('disc image with a file over 4 GiB (R23.1, opt-in)', () => {
    let dir = '';

    beforeAll(async () => {
      dir = await tempDir();
    });

    afterAll(async () => {
      await removeDir(dir);
    });

    it('round-trips through UDF and ISO 9660 multi-extent records', async () => {
      const source = join(dir, 'source.mp4');
      const handle = await open(source, 'w');
      await handle.truncate(BIG);
      // Markers around the 4 GiB - 2 KiB extent boundary and at both ends catch misplaced extents.
      for (const at of [0, 0xfffff800 - 3, 0xfffff800, 2 ** 32, BIG - 16]) {
        await handle.write(Buffer.from(`@${at.toString(16)}!`), 0, undefined, at);
      }
      await handle.close();
      const file = await fileFromDisk(source, '视频/执法记录仪_大文件.mp4');
      const layout = layoutDisc([file], { label: 'BIG-4GIB', date: VOLUME_DATE });
      expect(layout.multiExtent).toBeTrue();
      const image = join(dir, 'big.iso');
      const hash = createHash('sha256');
      const stream = writeDiscImage(layout, { onFileChunk: (_f, c) => void hash.update(c) });
      await writeToFile(stream, image);
      const sealed = hash.digest('hex');

      const info = await tool('udfinfo', [image]);
      expect(info).toContain('numfiles=1');
      expect(info).toContain(`blocks=${layout.sectors}`);
      const listed = await tool('7z', ['l', '-tudf', image]);
      expect(listed).toContain(String(BIG));
      expect(await sha256Of7z('udf', image, file.path)).toBe(sealed);
      const lsdl = await tool('xorriso', ['-indev', image, '-find', '/', '-exec', 'lsdl']);
      expect(lsdl).toContain(` ${BIG} `);
      expect(await sha256Of7z('iso', image, file.path)).toBe(sealed);
    }, 900_000);
  });
}
