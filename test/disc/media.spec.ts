/**
 * R23.1 evidence disc: a package that does not fit the chosen medium is refused before
 * writing, or split across discs with every disc's exact size known in advance.
 */
import {
  type DiscFileSpec,
  MEDIA,
  imageSize,
  layoutDisc,
  mediumBytes,
  planDiscs,
} from '../../core/src/disc/index.js';

const MB = 1_000_000;
const spec = (path: string, size: number): DiscFileSpec => ({ path, size });
const volume = { label: 'PLAN', date: new Date(0) };

describe('disc media and split plans (R23.1)', () => {
  it('uses the user-data sector counts of real blanks', () => {
    expect(MEDIA.cd700.sectors).toBe(359_849); // (79 × 60 + 59) × 75 + 74 − 150
    expect(MEDIA.dvd5.sectors).toBe(2_295_104);
    expect(MEDIA.dvd9.sectors).toBe(4_171_712);
    expect(MEDIA.bd25.sectors).toBe(12_219_392);
    expect(MEDIA.bd50.sectors).toBe(24_438_784);
    expect(mediumBytes('bd25')).toBe(25_025_314_816);
  });

  it('computes the exact image size from names and sizes alone', () => {
    const layout = layoutDisc([spec('a.mp4', 2049), spec('b/c.mp4', 2048), spec('d', 0)], volume);
    const data = 2 + 1;
    expect(imageSize(layout)).toBe(layout.sectors * 2048);
    expect(layout.sectors).toBeGreaterThan(257 + data);
    expect(layout.files.map((f) => f.file.path)).toEqual(['a.mp4', 'b/c.mp4', 'd']);
    expect(layout.files[1].sector).toBe(layout.files[0].sector + 2);
    expect(layout.files[2].sector).toBe(0);
  });

  it('refuses a file that cannot fit the medium on its own', () => {
    const plan = planDiscs([spec('small.mp4', 10 * MB), spec('huge.mp4', 800 * MB)], 'cd700');
    expect(plan.ok).toBeFalse();
    if (!plan.ok) {
      expect(plan.error.code).toBe('exceeds-medium');
      expect(plan.error.path).toBe('huge.mp4');
    }
  });

  it('fits a file up to the last sector, counting the layout overhead', () => {
    const overhead = layoutDisc([spec('x.mp4', 0)], volume).sectors;
    const exact = (MEDIA.cd700.sectors - overhead) * 2048;
    expect(planDiscs([spec('x.mp4', exact)], 'cd700').ok).toBeTrue();
    expect(planDiscs([spec('x.mp4', exact + 1)], 'cd700').ok).toBeFalse();
  });

  it('splits first-fit decreasing and lists each disc with its exact size', () => {
    const files = [spec('a.mp4', 300 * MB), spec('b.mp4', 300 * MB), spec('c.mp4', 300 * MB),
      spec('d.txt', 50 * MB)];
    const plan = planDiscs(files, 'cd700');
    expect(plan.ok).toBeTrue();
    if (!plan.ok) return;
    expect(plan.discs.map((d) => d.files.map((f) => f.path))).toEqual([
      ['a.mp4', 'b.mp4', 'd.txt'],
      ['c.mp4'],
    ]);
    for (const d of plan.discs) {
      expect(d.imageBytes).toBeLessThanOrEqual(mediumBytes('cd700'));
      expect(d.imageBytes).toBe(imageSize(layoutDisc(d.files, volume)));
    }
  });

  it('fills discs to the last file with many small files in many folders', () => {
    const files = Array.from({ length: 1250 }, (_, i) =>
      spec(`案卷${i % 40}/视频_${String(i).padStart(4, '0')}.mp4`, 600_000 + (i % 7)));
    const plan = planDiscs(files, 'cd700');
    expect(plan.ok).toBeTrue();
    if (!plan.ok) return;
    expect(plan.discs.length).toBe(2);
    const all = plan.discs.flatMap((d) => d.files.map((f) => f.path)).sort();
    expect(all).toEqual(files.map((f) => f.path).sort());
    for (const d of plan.discs) {
      expect(d.imageBytes).toBe(imageSize(layoutDisc(d.files, volume)));
      expect(d.imageBytes).toBeLessThanOrEqual(mediumBytes('cd700'));
    }
    // Full: not even the smallest file of the second disc would still fit the first.
    const first = plan.discs[0];
    const moved = [...first.files, plan.discs[1].files[0]];
    expect(imageSize(layoutDisc(moved, volume))).toBeGreaterThan(mediumBytes('cd700'));
  });

  it('keeps room on every disc for the files the packager adds later', () => {
    const files = [spec('a.mp4', 350 * MB), spec('b.mp4', 350 * MB)];
    const reserve = [spec('DISC-INDEX.txt', 40 * MB)];
    const plain = planDiscs(files, 'cd700');
    const reserved = planDiscs(files, 'cd700', { reserve });
    expect(plain.ok && plain.discs.length).toBe(1);
    expect(reserved.ok && reserved.discs.length).toBe(2);
    if (reserved.ok) {
      for (const d of reserved.discs) {
        const size = imageSize(layoutDisc([...d.files, ...reserve], volume));
        expect(size).toBeLessThanOrEqual(mediumBytes('cd700'));
      }
    }
  });

  it('returns bad names as an error instead of throwing', () => {
    const plan = planDiscs([spec('a.mp4', 1), spec('a.mp4', 2)], 'dvd5');
    expect(plan.ok).toBeFalse();
    if (!plan.ok) expect(plan.error.code).toBe('duplicate-path');
  });
});
