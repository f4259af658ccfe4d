/**
 * Issue 19, point 11: the disc size the screen announces (core's estimatePackageBytes) against
 * the image the writer builds for the same recordings: never below it (the medium check must
 * hold), and close to it (a 22 KB recording was announced as 9.6 MiB for a 2.1 MiB disc).
 */
import { estimatePackageBytes } from '../../core/src/evidence/package-estimate.js';
import { preparePackage } from '../../server/src/evidence/package-image.js';
import { generatedRecording, memorySource } from './support.js';

describe('evidence disc size estimate (R23.1; issue 19, point 11)', () => {
  const cases: [number, number][] = [[1, 22_000], [3, 22_000], [1, 5_000_000], [20, 100_000]];
  for (const [n, size] of cases) {
    it(`${n} × ${size} bytes: at or above the built image, within 25 %`, async () => {
      const recs = [];
      for (let i = 0; i < n; i++) {
        recs.push(await generatedRecording(`r${i}`, `20261124_0930${i}_BWC-2026-001.mp4`, size, i));
      }
      const built = (await preparePackage(memorySource(recs))).size;
      const estimate = estimatePackageBytes(recs);
      expect(estimate).toBeGreaterThanOrEqual(built);
      expect(estimate).toBeLessThan(built * 1.25 + 64 * 1024);
    });
  }
});
