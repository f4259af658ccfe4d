import { hashFile } from './file-hasher';

/** Deterministic bytes, so the spec needs no fixture file. */
function bytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 2463534242;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function hex(buf: ArrayBuffer): string {
  return Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('hashFile (issue 5: hashing in the browser in chunks, R21.4)', () => {
  it("gives WebCrypto's SHA-256 while reading 1 MiB chunks, with rising progress", async () => {
    const data = bytes(5 * 1024 * 1024 + 123);
    const blob = new Blob([data]);
    const seen: number[] = [];
    const sha = await hashFile(blob, (b) => seen.push(b), 1024 * 1024);
    expect(sha).toBe(hex(await crypto.subtle.digest('SHA-256', data)));
    expect(seen.length).toBeGreaterThanOrEqual(6);
    expect(seen[seen.length - 1]).toBe(blob.size);
    expect(seen.every((v, i) => i === 0 || v >= seen[i - 1])).toBeTrue();
  });

  it('hashes an empty file and stops when cancelled', async () => {
    expect(await hashFile(new Blob([]), () => undefined)).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    await expectAsync(
      hashFile(
        new Blob([bytes(10)]),
        () => undefined,
        4,
        () => true,
      ),
    ).toBeRejectedWithError(/cancelled/);
  });
});
