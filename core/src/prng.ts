/**
 * EFR's own seeded pseudo-random generator, specified here so that any engine gives the same
 * numbers (Node, browsers, Rhino): pure 32-bit integer arithmetic with Math.imul and unsigned
 * shifts, no floating point in the stream.
 *
 * - Seed: FNV-1a 32-bit hash of the seed string's UTF-8 bytes (offset basis 0x811c9dc5,
 *   prime 0x01000193).
 * - Stream: splitmix32 (Steele, Lea, Flood 2014, 32-bit variant with the murmur3 finalizer):
 *   `s += 0x9e3779b9; z = s; z = (z ^ z>>>16) * 0x85ebca6b; z = (z ^ z>>>13) * 0xc2b2ae35;
 *   z ^= z>>>16`.
 * - Integers below n: rejection sampling on the 32-bit output (no modulo bias).
 * No library provides this exact, engine-independent stream in ES5, hence the few lines here.
 */

/** UTF-8 bytes of a string (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else {
        c = 0xfffd;
      }
    } else if (c >= 0xd800 && c <= 0xdfff) {
      c = 0xfffd;
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else {
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
  }
  return out;
}

/** FNV-1a 32-bit hash of the UTF-8 bytes of `text`, unsigned. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (const b of utf8Bytes(text)) {
    h ^= b;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A seeded generator of unsigned 32-bit integers. */
export interface Prng {
  /** The next unsigned 32-bit integer. */
  nextUint32(): number;
  /** A uniform integer in [0, n), n ≥ 1 and ≤ 2^32. */
  nextBelow(n: number): number;
}

/** splitmix32 seeded with an unsigned 32-bit integer. */
export function splitmix32(seed: number): Prng {
  let state = seed | 0;
  const nextUint32 = (): number => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  const nextBelow = (n: number): number => {
    if (!(n >= 1 && n <= 4294967296 && Math.floor(n) === n)) {
      throw new RangeError('nextBelow needs an integer in [1, 2^32]: ' + n);
    }
    // Largest multiple of n not above 2^32: values at or over it are redrawn.
    const limit = 4294967296 - (4294967296 % n);
    let r = nextUint32();
    while (r >= limit) r = nextUint32();
    return r % n;
  };
  return { nextUint32, nextBelow };
}

/** The generator for a seed string: splitmix32(fnv1a32(seed)). */
export function prngFromSeed(seed: string): Prng {
  return splitmix32(fnv1a32(seed));
}

/**
 * Picks `count` distinct items of `items` in a reproducible order (partial Fisher–Yates from
 * the front). `items` is not changed.
 */
export function pickDistinct<T>(items: readonly T[], count: number, prng: Prng): T[] {
  const pool = items.slice();
  const k = Math.min(count, pool.length);
  for (let i = 0; i < k; i++) {
    const j = i + prng.nextBelow(pool.length - i);
    const tmp = pool[i];
    pool[i] = pool[j];
    pool[j] = tmp;
  }
  return pool.slice(0, k);
}
