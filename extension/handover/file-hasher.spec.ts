import { hashFile } from './file-hasher';
import { hex, testBytes } from './mock/test-bytes.mock';

/** Deterministic bytes, so the spec needs no fixture file. */
const bytes = (n: number): Uint8Array => testBytes(n, 2463534242);

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
