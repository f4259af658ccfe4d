/**
 * The evidence package's off-thread SHA-256 (issue 20): digests equal node:crypto's for chunks
 * of every shape (empty, tiny, across the 1 MiB slots, larger than the whole ring), with
 * several digests interleaved, and memory stays flat when the caller reuses one buffer.
 */
import { createHash } from 'node:crypto';
import { WorkerSha256 } from '../../server/src/evidence/hash-worker.js';

/** Deterministic bytes (xorshift32) so a wrong order or a lost slot changes the digest. */
function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('WorkerSha256 (issue 20)', () => {
  let hasher: WorkerSha256;

  beforeEach(() => {
    hasher = new WorkerSha256();
  });

  afterEach(async () => {
    await hasher.close();
  });

  it('gives the SHA-256 of chunks of every size, interleaved across digests', async () => {
    const sizes = [0, 1, 4095, (1 << 20) - 3, 1 << 20, 5, 9 * (1 << 20) + 17, 70_000];
    const expected = { a: createHash('sha256'), b: createHash('sha256') };
    for (const [i, size] of sizes.entries()) {
      const id = i % 3 === 2 ? 'b' : 'a';
      const chunk = bytes(size, i + 1);
      expected[id].update(chunk);
      await hasher.update(id, chunk);
      // The caller may reuse its buffer as soon as update returns or resolves.
      chunk.fill(0);
    }
    expect(await hasher.digest('a')).toBe(expected.a.digest('hex'));
    expect(await hasher.digest('b')).toBe(expected.b.digest('hex'));
    expect(await hasher.digest('never-updated')).toBe(createHash('sha256').digest('hex'));
  });

  it('keeps memory flat over 256 MiB through one reused buffer', async () => {
    const chunk = bytes(1 << 20, 7);
    const expected = createHash('sha256');
    const before = process.memoryUsage().arrayBuffers;
    let peak = 0;
    for (let i = 0; i < 256; i++) {
      chunk[0] = i;
      expected.update(chunk);
      await hasher.update('big', chunk);
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    }
    expect(await hasher.digest('big')).toBe(expected.digest('hex'));
    // The ring is 8 MiB; transferring a fresh buffer per slot grew this by the input size.
    expect(peak - before).toBeLessThan(64 * (1 << 20));
  });

  it('rejects updates and digests once closed', async () => {
    await hasher.close();
    expect(() => hasher.update('a', new Uint8Array(1))).toThrowError(/closed/);
    await expectAsync(hasher.digest('a')).toBeRejectedWithError(/closed/);
  });
});
