/**
 * R23.1 evidence disc, opt-in (EFR_BIG_DISC_TESTS=1, about 10 GB of disk traffic): a package
 * with a recording over 4 GiB is written, `efr disc verify`'s reader follows the ISO 9660
 * multi-extent records of that file, and a flipped byte beyond 4 GiB is found and named.
 * Without the variable this file defines no spec.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { writeImageFile } from '../../server/src/evidence/disc-cli.js';
import { verifyDiscImage } from '../../server/src/evidence/image-verify.js';
import { preparePackage } from '../../server/src/evidence/package-image.js';
import { fileFromDisk, removeDir, tempDir } from '../disc/support.js';
import { memorySource, offsetOf, flipByte } from './support.js';

const BIG = 4 * 1024 ** 3 + 123_457; // over 4 GiB, not sector-aligned

if (process.env['EFR_BIG_DISC_TESTS'] === '1') {
  describe('evidence disc with a recording over 4 GiB (R23.1, opt-in)', () => {
    let dir = '';

    beforeAll(async () => {
      dir = await tempDir();
    });

    afterAll(async () => {
      await removeDir(dir);
    });

    it('verifies across multi-extent records and names a flip beyond 4 GiB', async () => {
      const source = join(dir, 'big.mp4');
      const h = await open(source, 'w');
      await h.truncate(BIG); // sparse: no 4 GiB written to make the input
      await h.write(new Uint8Array([1, 2, 3]), 0, 3, BIG - 3);
      await h.close();
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(source)) hash.update(chunk as Buffer);
      const file = await fileFromDisk(source, 'big.mp4');
      const prepared = await preparePackage(memorySource([{ id: 'r1', name: '大文件录像.mp4',
        size: BIG, sha256: hash.digest('hex'), open: () => file.open() }]));
      const image = join(dir, 'big.iso');
      await writeImageFile(prepared.stream(), image);
      const ok = await verifyDiscImage(image);
      expect(ok).toEqual(jasmine.objectContaining({ ok: true, payloadFiles: 1,
        payloadBytes: BIG }));
      await flipByte(image, (await offsetOf(image, 'data/大文件录像.mp4')) + BIG - 2);
      const bad = await verifyDiscImage(image);
      expect(bad.ok).toBeFalse();
      expect(bad.ok ? '' : bad.path).toBe('data/大文件录像.mp4');
    }, 600_000);
  });
}
