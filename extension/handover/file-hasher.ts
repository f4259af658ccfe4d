import { createSHA256 } from 'hash-wasm';

/**
 * Bytes read per step: large enough that reading (the browser process hands the bytes over)
 * costs little next to hashing, small enough to keep memory flat (two chunks at a time). The
 * hashing bench (`EFR_BENCH_ONLY=hashing npm run bench`, docs/benchmarks.md) compares sizes
 * in Chromium: over 1 GiB, 16 MiB chunks took 5.4-5.6 CPU-seconds, 8 MiB 5.8, 4 MiB 6.1-6.6.
 */
export const HASH_CHUNK = 16 * 1024 * 1024;

/**
 * SHA-256 of a file, streamed in chunks (WebCrypto's digest needs the whole file in memory;
 * hash-wasm keeps an incremental state). The next chunk is read while the current one is
 * hashed, so at most two chunks are held at a time and a 4 GB recording hashes in constant
 * memory. `onProgress` gets the bytes hashed so far; `isCancelled` stops at the next chunk.
 * The wizard runs this inside its Web Worker (`hash.worker.ts`), off the main thread.
 */
export async function hashFile(
  blob: Blob,
  onProgress: (bytes: number) => void,
  chunkSize = HASH_CHUNK,
  isCancelled: () => boolean = () => false,
): Promise<string> {
  const hasher = await createSHA256();
  hasher.init();
  const read = (offset: number): Promise<ArrayBuffer> | null =>
    offset < blob.size ? blob.slice(offset, offset + chunkSize).arrayBuffer() : null;
  let next = read(0);
  try {
    for (let offset = 0; next !== null; offset += chunkSize) {
      if (isCancelled()) throw new Error('hashing cancelled');
      const chunk = new Uint8Array(await next);
      next = read(offset + chunkSize);
      hasher.update(chunk);
      onProgress(Math.min(blob.size, offset + chunk.byteLength));
    }
  } finally {
    // A read still under way when hashing stops (cancelled, unreadable): nobody awaits it.
    next?.catch(() => undefined);
  }
  onProgress(blob.size);
  return hasher.digest('hex');
}

/**
 * The media duration in seconds from the file's metadata (the browser reads only the header
 * through an object URL), or null when it cannot decode the file or takes too long.
 */
export function mediaDuration(file: File, timeoutMs = 5000): Promise<number | null> {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const media = document.createElement(file.type.startsWith('audio/') ? 'audio' : 'video');
    const done = (value: number | null): void => {
      clearTimeout(timer);
      media.removeAttribute('src');
      URL.revokeObjectURL(url);
      resolve(value);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    media.preload = 'metadata';
    media.onloadedmetadata = () => done(Number.isFinite(media.duration) ? media.duration : null);
    media.onerror = () => done(null);
    media.src = url;
  });
}
