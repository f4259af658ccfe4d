/**
 * R23.1 evidence disc: the size bound the planner trusts far from full holds: adding one file
 * to a package never grows the exact image by more than its data plus metadataBound, over
 * seeded random packages (long Chinese names, deep and new folders, multi-extent sizes).
 */
import { layoutDisc, type DiscFileSpec } from '../../core/src/disc/index.js';
import { metadataBound } from '../../core/src/disc/plan.js';
import { seededRandom } from '../support/seeded-random.js';

const volume = { label: 'BOUND', date: new Date(0) };
const WORDS = ['执法记录仪', '现场检查', '询问笔录', 'video', 'IMG_0001', '张三', 'a',
  '证'.repeat(40)];

function randomPath(rnd: ReturnType<typeof seededRandom>, i: number): string {
  const depth = rnd.int(0, 4);
  const parts: string[] = [];
  const word = (): string => WORDS[rnd.int(0, WORDS.length - 1)];
  for (let d = 0; d < depth; d++) parts.push(`${word()}${rnd.int(0, 3)}`);
  const base = Array.from({ length: rnd.int(1, 4) }, word).join('_');
  const ext = ['.mp4', '.pdf', '.txt', ''][rnd.int(0, 3)];
  parts.push(`${base}_${i}${ext}`);
  return parts.join('/');
}

function folderCount(path: string, files: readonly DiscFileSpec[]): number {
  const have = new Set<string>();
  for (const f of files) {
    const p = f.path.split('/');
    for (let i = 1; i < p.length; i++) have.add(p.slice(0, i).join('/'));
  }
  const p = path.split('/');
  let n = 0;
  for (let i = 1; i < p.length; i++) if (!have.has(p.slice(0, i).join('/'))) n++;
  return n;
}

describe('disc plan size bound (R23.1)', () => {
  it('holds for one more file over 300 seeded random packages', () => {
    const rnd = seededRandom(20261126);
    let worstSlack = Infinity;
    for (let round = 0; round < 300; round++) {
      const count = rnd.int(0, 60);
      const files: DiscFileSpec[] = [];
      for (let i = 0; i < count; i++) {
        files.push({ path: randomPath(rnd, i), size: rnd.int(0, 9000) });
      }
      const multiExtent = rnd.int(0, 9) === 0;
      const big = multiExtent ? 0xfffff800 * rnd.int(1, 3) + rnd.int(0, 5000) : rnd.int(0, 9000);
      const extra = { path: randomPath(rnd, 1000), size: big };
      const before = layoutDisc(files, volume).sectors;
      const after = layoutDisc([...files, extra], volume).sectors;
      const folders = folderCount(extra.path, files);
      const bound = Math.ceil(extra.size / 2048) + metadataBound(extra.size, folders);
      expect(after - before).withContext(`round ${round}`).toBeLessThanOrEqual(bound);
      worstSlack = Math.min(worstSlack, bound - (after - before));
    }
    expect(worstSlack).toBeGreaterThanOrEqual(0);
  });
});
