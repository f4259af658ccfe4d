import { FileHashService, HASH_MEASURE } from './file-hash.service';
import { hex, testBytes } from './mock/test-bytes.mock';

/** Deterministic bytes, so the spec needs no fixture file. */
const bytes = (n: number): Uint8Array => testBytes(n, 88172645);

const MiB = 1024 * 1024;

describe('FileHashService: hashing in a Web Worker (issue 20)', () => {
  let hasher: FileHashService;

  beforeEach(() => {
    hasher = new FileHashService();
    performance.clearMeasures(HASH_MEASURE);
  });

  afterEach(() => hasher.ngOnDestroy());

  it('gives the FIPS 180-2 SHA-256 vectors', async () => {
    const text = (s: string) => new Blob([new TextEncoder().encode(s)]);
    expect(await hasher.hash(new Blob([]), () => undefined)).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(await hasher.hash(text('abc'), () => undefined)).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(
      await hasher.hash(
        text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
        () => undefined,
      ),
    ).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(await hasher.hash(text('a'.repeat(1_000_000)), () => undefined)).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it("runs in a worker: WebCrypto's digest over 1 MiB chunks, rising progress", async () => {
    const created = spyOn(window, 'Worker').and.callThrough();
    const data = bytes(9 * MiB + 77);
    const seen: number[] = [];
    const sha = await hasher.hash(new Blob([data]), (b) => seen.push(b), undefined, MiB);
    expect(sha).toBe(hex(await crypto.subtle.digest('SHA-256', data)));
    expect(seen.length).toBeGreaterThanOrEqual(10);
    expect(seen[seen.length - 1]).toBe(data.byteLength);
    expect(seen.every((v, i) => i === 0 || v >= seen[i - 1])).toBeTrue();
    expect(created).toHaveBeenCalledTimes(1);
    expect(created.calls.mostRecent().args[1]).toEqual({ type: 'module' });
    const runs = performance.getEntriesByName(HASH_MEASURE, 'measure') as PerformanceMeasure[];
    expect(runs.length).toBe(1);
    expect((runs[0].detail as { size: number }).size).toBe(data.byteLength);
  });

  it('hashes files one after another on the same worker', async () => {
    const created = spyOn(window, 'Worker').and.callThrough();
    const a = bytes(3 * MiB);
    const b = bytes(2 * MiB + 5);
    const [ha, hb] = await Promise.all([
      hasher.hash(new Blob([a]), () => undefined, undefined, MiB),
      hasher.hash(new Blob([b]), () => undefined, undefined, MiB),
    ]);
    expect(ha).toBe(hex(await crypto.subtle.digest('SHA-256', a)));
    expect(hb).toBe(hex(await crypto.subtle.digest('SHA-256', b)));
    expect(created).toHaveBeenCalledTimes(1);
  });

  it('stops mid-file when cancelled, and the worker goes on with the next file', async () => {
    const big = new Blob([bytes(4 * MiB)]);
    const controller = new AbortController();
    const seen: number[] = [];
    const run = hasher.hash(
      big,
      (b) => {
        seen.push(b);
        if (seen.length === 2) controller.abort();
      },
      controller.signal,
      256 * 1024,
    );
    await expectAsync(run).toBeRejectedWithError(/cancelled/);
    expect(seen[seen.length - 1]).toBeLessThan(big.size);
    const after = seen.length;
    const small = bytes(1000);
    expect(await hasher.hash(new Blob([small]), () => undefined)).toBe(
      hex(await crypto.subtle.digest('SHA-256', small)),
    );
    // Nothing of the cancelled file reached its caller after the cancel.
    expect(seen.length).toBe(after);
    expect(performance.getEntriesByName(HASH_MEASURE, 'measure').length).toBe(1);
    await expectAsync(
      hasher.hash(big, () => undefined, controller.signal),
    ).toBeRejectedWithError(/cancelled/);
  });

  it('rejects files still being hashed when the screen ends the worker', async () => {
    const run = hasher.hash(new Blob([bytes(8 * MiB)]), () => undefined, undefined, 64 * 1024);
    hasher.ngOnDestroy();
    await expectAsync(run).toBeRejectedWithError(/cancelled/);
  });
});
