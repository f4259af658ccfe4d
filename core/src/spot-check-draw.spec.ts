import {
  checkCampaign, DRAW_ALGORITHM, drawSample, fnv1a32, pickDistinct, prngFromSeed, sampleSize,
  splitmix32, utf8Bytes, verifyDraw,
} from './index.js';
import type { DrawItem } from './index.js';

const POPULATION: DrawItem[] = [
  { id: 'rec-07', unit: '执法一队', officer: '张伟' },
  { id: 'rec-01', unit: '执法一队', officer: '王芳' },
  { id: 'rec-02', unit: '执法一队', officer: '张伟' },
  { id: 'rec-03', unit: '执法二队', officer: '李娜' },
  { id: 'rec-04', unit: '执法二队', officer: '李娜' },
  { id: 'rec-05', unit: '执法二队', officer: '刘洋' },
  { id: 'rec-06', unit: '执法一队', officer: '王芳' },
  { id: 'rec-08', unit: '执法三队', officer: '陈静' },
];

/** 100 recordings over 3 units and 7 officers (an officer may work for several units). */
const BIG: DrawItem[] = [];
for (let i = 0; i < 100; i++) {
  BIG.push({ id: 'r' + String(i).padStart(3, '0'), unit: 'u' + (i % 3), officer: 'o' + (i % 7) });
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  return pickDistinct(items, items.length, splitmix32(seed));
}

describe('spot-check draw (R28.1)', () => {
  describe('the generator is ours and fixed', () => {
    it('FNV-1a 32 matches the published test vectors', () => {
      expect(fnv1a32('')).toBe(0x811c9dc5);
      expect(fnv1a32('a')).toBe(0xe40c292c);
      expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    });
    it('hashes the UTF-8 bytes of Chinese text', () => {
      expect(utf8Bytes('丹')).toEqual([0xe4, 0xb8, 0xb9]);
      expect(utf8Bytes('😀')).toEqual([0xf0, 0x9f, 0x98, 0x80]);
      expect(utf8Bytes('\ud800')).toEqual([0xef, 0xbf, 0xbd]);
      expect(fnv1a32('丹民罚〔2026〕12号')).toBe(fnv1a32('丹民罚〔2026〕12号'));
    });
    it('splitmix32 gives the fixed stream', () => {
      const r = splitmix32(0);
      expect([r.nextUint32(), r.nextUint32(), r.nextUint32(), r.nextUint32()])
        .toEqual([2462723854, 1020716019, 454327756, 1275600319]);
    });
    it('nextBelow stays in range and refuses bad bounds', () => {
      const r = prngFromSeed('EFR-2026-Q1');
      expect([1, 2, 3, 4, 5].map(() => r.nextBelow(10))).toEqual([1, 0, 0, 6, 5]);
      for (let i = 0; i < 1000; i++) {
        const v = r.nextBelow(7);
        expect(v >= 0 && v < 7 && Math.floor(v) === v).toBeTrue();
      }
      expect(() => r.nextBelow(0)).toThrowError(RangeError);
      expect(() => r.nextBelow(2.5)).toThrowError(RangeError);
      expect(r.nextBelow(1)).toBe(0);
    });
  });

  describe('sample size = ceil(proportion × N)', () => {
    it('rounds up, without floating-point surprises', () => {
      expect(sampleSize(30, 0.1)).toBe(3);
      expect(sampleSize(3, 1 / 3)).toBe(1);
      expect(sampleSize(10, 0.05)).toBe(1);
      expect(sampleSize(101, 0.1)).toBe(11);
      expect(sampleSize(1, 0.01)).toBe(1);
      expect(sampleSize(8, 1)).toBe(8);
      expect(sampleSize(0, 0.5)).toBe(0);
    });
    it('refuses proportions outside (0, 1]', () => {
      for (const p of [0, -0.1, 1.01, NaN]) {
        expect(() => sampleSize(10, p)).withContext(String(p)).toThrowError(RangeError);
      }
    });
  });

  describe('fixed vectors (' + DRAW_ALGORITHM + ')', () => {
    const vectors: [string, number, string[]][] = [
      ['EFR-2026-Q1', 0.1, ['rec-02']],
      ['EFR-2026-Q1', 0.25, ['rec-02', 'rec-08']],
      ['EFR-2026-Q1', 0.5, ['rec-01', 'rec-03', 'rec-05', 'rec-08']],
      ['EFR-2026-Q1', 0.75, ['rec-01', 'rec-03', 'rec-05', 'rec-06', 'rec-07', 'rec-08']],
    ];
    for (const [seed, proportion, expected] of vectors) {
      it(seed + ' at ' + proportion, () => {
        expect(drawSample({ seed, population: POPULATION, proportion })).toEqual(expected);
      });
    }
    it('100 recordings at 10 %', () => {
      expect(drawSample({ seed: 's', population: BIG, proportion: 0.1 })).toEqual(
        ['r020', 'r021', 'r059', 'r061', 'r078', 'r087', 'r088', 'r089', 'r091', 'r095']);
    });
  });

  describe('determinism', () => {
    it('does not depend on the order of the population', () => {
      const expected = drawSample({ seed: 'q', population: BIG, proportion: 0.2 });
      for (const s of [1, 2, 3]) {
        expect(drawSample({ seed: 'q', population: shuffled(BIG, s), proportion: 0.2 }))
          .toEqual(expected);
      }
    });
    it('treats the population as a set (duplicates ignored)', () => {
      const doubled = POPULATION.concat(POPULATION.slice(0, 3));
      expect(drawSample({ seed: 'EFR-2026-Q1', population: doubled, proportion: 0.5 }))
        .toEqual(drawSample({ seed: 'EFR-2026-Q1', population: POPULATION, proportion: 0.5 }));
    });
    it('keeps the same item of a duplicated id whatever the input order', () => {
      const a = { id: 'dup', unit: 'A', officer: 'x' };
      const b = { id: 'dup', unit: 'B', officer: 'y' };
      const other = { id: 'z', unit: 'B', officer: 'y' };
      // Proportion 0.5 of 2 draws 1: one per unit only if 'dup' stays in unit A.
      const ab = drawSample({ seed: 's', population: [a, b, other], proportion: 1 });
      const ba = drawSample({ seed: 's', population: [other, b, a], proportion: 1 });
      expect(ab).toEqual(['dup', 'z']);
      expect(ba).toEqual(ab);
      for (const seed of ['1', '2', '3', '4']) {
        expect(drawSample({ seed, population: [a, b, other], proportion: 0.5 }))
          .toEqual(drawSample({ seed, population: [b, other, a], proportion: 0.5 }));
      }
    });
    it('another seed gives another sample', () => {
      const a = drawSample({ seed: 'a', population: BIG, proportion: 0.1 });
      const b = drawSample({ seed: 'b', population: BIG, proportion: 0.1 });
      expect(a).not.toEqual(b);
    });
    it('survives ids such as __proto__', () => {
      const pop = [{ id: '__proto__', unit: 'u', officer: 'o' }, { id: 'x', unit: 'u',
        officer: 'o' }, { id: '__proto__', unit: 'u', officer: 'o' }];
      expect(drawSample({ seed: 's', population: pop, proportion: 1 })).toEqual(['__proto__', 'x']);
    });
  });

  describe('stratification', () => {
    it('the sample has the promised size, sorted, without duplicates', () => {
      for (const p of [0.01, 0.05, 0.1, 0.33, 0.5, 0.99, 1]) {
        const s = drawSample({ seed: 'size', population: BIG, proportion: p });
        expect(s.length).withContext(String(p)).toBe(sampleSize(100, p));
        expect(s.slice().sort()).toEqual(s);
        expect(new Set(s).size).toBe(s.length);
      }
    });
    it('every officer is represented once the sample is at least the number of officers', () => {
      const strata = new Set(BIG.map((i) => i.unit + '/' + i.officer));
      expect(strata.size).toBe(21);
      for (const seed of ['a', 'b', 'c', 'd']) {
        const ids = new Set(drawSample({ seed, population: BIG, proportion: 0.21 }));
        const covered = new Set(BIG.filter((i) => ids.has(i.id)).map((i) => i.unit + '/' +
          i.officer));
        expect(covered.size).withContext(seed).toBe(21);
      }
    });
    it('every unit is represented once the sample is at least the number of units', () => {
      for (const seed of ['a', 'b', 'c', 'd', 'e']) {
        const ids = new Set(drawSample({ seed, population: BIG, proportion: 0.03 }));
        expect(ids.size).toBe(3);
        expect(new Set(BIG.filter((i) => ids.has(i.id)).map((i) => i.unit)).size).toBe(3);
      }
    });
    it('with fewer slots than units, picks distinct units', () => {
      const pop = [
        { id: 'a1', unit: 'A', officer: 'x' }, { id: 'b1', unit: 'B', officer: 'y' },
        { id: 'c1', unit: 'C', officer: 'z' }, { id: 'c2', unit: 'C', officer: 'z' },
      ];
      const s = drawSample({ seed: 'few', population: pop, proportion: 0.5 });
      expect(s.length).toBe(2);
      expect(new Set(pop.filter((i) => s.includes(i.id)).map((i) => i.unit)).size).toBe(2);
    });
    it('an empty population gives an empty sample', () => {
      expect(drawSample({ seed: 'x', population: [], proportion: 0.5 })).toEqual([]);
    });
    it('a whole-population draw returns everything', () => {
      expect(drawSample({ seed: 'x', population: POPULATION, proportion: 1 }))
        .toEqual(POPULATION.map((i) => i.id).sort());
    });
  });

  describe('verifyDraw', () => {
    it('equal as sets', () => {
      expect(verifyDraw(['b', 'a'], ['a', 'b'])).toEqual({ ok: true });
    });
    it('names missing and extra ids', () => {
      expect(verifyDraw(['a', 'x'], ['a', 'b'])).toEqual({ ok: false, missing: ['b'],
        extra: ['x'] });
    });
    it('recomputing a stored draw verifies', () => {
      const input = { seed: 'campaign-7', population: BIG, proportion: 0.15 };
      expect(verifyDraw(drawSample(input), drawSample({ ...input,
        population: shuffled(BIG, 9) }))).toEqual({ ok: true });
    });
  });

  describe('checkCampaign', () => {
    const ok = { seed: '2026年3月抽查', proportion: 0.05, from: '2026-03-01T00:00:00+08:00',
      to: '2026-04-01T00:00:00+08:00' };
    it('accepts a complete campaign', () => {
      expect(checkCampaign(ok)).toEqual({ allowed: true });
      expect(checkCampaign({ ...ok, proportion: 1 }).allowed).toBeTrue();
    });
    it('refuses a blank seed, a bad proportion or period', () => {
      const code = (o: object): string => {
        const v = checkCampaign({ ...ok, ...o });
        return v.allowed ? 'allowed' : v.status + ' ' + v.code + ' ' + v.requirement;
      };
      expect(code({ seed: ' ' })).toBe('422 efr.spotCheck.seed R28.1');
      for (const proportion of [0, -1, 1.5, NaN]) {
        expect(code({ proportion })).toBe('422 efr.spotCheck.proportion R28.1');
      }
      expect(code({ to: ok.from })).toBe('422 efr.spotCheck.period R28.1');
      expect(code({ from: '2026-03-01' })).toBe('422 efr.spotCheck.period R28.1');
    });
  });
});
