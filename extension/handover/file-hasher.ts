import { createSHA256 } from 'hash-wasm';

/** Bytes read per step: large enough for WASM throughput, small enough to keep memory flat. */
export const HASH_CHUNK = 4 * 1024 * 1024;

/**
 * SHA-256 of a file in the browser, streamed in chunks (WebCrypto's digest needs the whole
 * file in memory; hash-wasm keeps an incremental state). Only one chunk is held at a time, so a
 * 4 GB recording hashes in constant memory. `onProgress` gets the bytes hashed so far;
 * `isCancelled` lets the screen stop when the user leaves.
 */
export async function hashFile(
  blob: Blob,
  onProgress: (bytes: number) => void,
  chunkSize = HASH_CHUNK,
  isCancelled: () => boolean = () => false,
): Promise<string> {
  const hasher = await createSHA256();
  hasher.init();
  for (let offset = 0; offset < blob.size; offset += chunkSize) {
    if (isCancelled()) throw new Error('hashing cancelled');
    const chunk = new Uint8Array(await blob.slice(offset, offset + chunkSize).arrayBuffer());
    hasher.update(chunk);
    onProgress(Math.min(blob.size, offset + chunk.byteLength));
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
