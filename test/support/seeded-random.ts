/**
 * A seeded pseudo-random generator, so that a failing kill test can be replayed exactly with
 * the seed it prints. Mulberry32 (public domain, six lines) is used instead of a dependency: it
 * only has to spread kill points and sizes, not be unpredictable.
 */

/** A generator of floats in [0, 1) plus integer helpers. */
export interface SeededRandom {
  /** Next float in [0, 1). */
  next(): number;
  /** Next integer in [min, max] inclusive. */
  int(min: number, max: number): number;
}

/** Creates a generator from a 32-bit seed. */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min, max) => min + Math.floor(next() * (max - min + 1)) };
}
