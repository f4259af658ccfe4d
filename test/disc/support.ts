/**
 * Node-side helpers for the disc-writer specs: the Node adapter that turns files on disk into
 * the writer's input shape, generated content streams (no temp input files), image writing,
 * streaming hashes and running the independent reader tools.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import type { DiscFile } from '../../core/src/disc/index.js';

const run = promisify(execFile);

/** Fixed dates so every build of a spec is reproducible. */
export const VOLUME_DATE = new Date('2026-11-26T10:00:00Z');
export const FILE_DATE = new Date('2026-11-20T08:30:00Z');

/** Runs a tool and returns its stdout (throws with stderr on a non-zero exit). */
export async function tool(cmd: string, args: readonly string[]): Promise<string> {
  // A UTF-8 locale, or isoinfo and xorriso print non-ASCII names as '_' or escapes.
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
  const options = { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' as const, env };
  const { stdout } = await run(cmd, [...args], options);
  return stdout;
}

/** Makes a fresh temporary directory; remove it with `removeDir`. */
export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'efr-disc-'));
}

/** Removes a temporary directory. */
export function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/**
 * Deterministic pseudo-random bytes (xorshift32 per 32-bit word) generated on the fly:
 * `seed` picks the content, `chunk` the piece size.
 */
export function generatedStream(
  size: number, seed: number, chunk = 1 << 20,
): ReadableStream<Uint8Array> {
  let produced = 0;
  let x = seed >>> 0 || 0x9e3779b9;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (produced >= size) {
        controller.close();
        return;
      }
      const n = Math.min(chunk, size - produced);
      const words = new Uint32Array(Math.ceil(n / 4));
      for (let i = 0; i < words.length; i++) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        words[i] = x >>> 0;
      }
      produced += n;
      controller.enqueue(new Uint8Array(words.buffer, 0, n));
    },
  });
}

/** A generated input file of the writer. */
export function generatedFile(
  path: string, size: number, seed: number, mtime = FILE_DATE,
): DiscFile {
  return { path, size, mtime, open: () => generatedStream(size, seed) };
}

/** SHA-256 (hex) of everything a stream yields. */
export async function sha256OfStream(stream: ReadableStream<Uint8Array>): Promise<string> {
  const hash = createHash('sha256');
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hash.update(value);
  }
  return hash.digest('hex');
}

/** SHA-256 (hex) of a file, read as a stream. */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Bytes read from disk per pull. */
const READ_CHUNK = 1 << 20;

/**
 * The Node adapter: a file on disk as writer input, placed at `discPath`. Reads with a
 * FileHandle on each pull rather than `Readable.toWeb(createReadStream())`, whose queue in
 * Node 20 counts chunks instead of bytes and so buffers far ahead of the consumer.
 */
export async function fileFromDisk(fsPath: string, discPath = basename(fsPath)): Promise<DiscFile> {
  const info = await stat(fsPath);
  return {
    path: discPath,
    size: info.size,
    mtime: info.mtime,
    open(): ReadableStream<Uint8Array> {
      let handle: FileHandle | undefined;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          handle ??= await open(fsPath, 'r');
          // Not zero-filled: every byte handed on is read from the file (issue 20: the memset
          // of a fresh 1 MiB chunk per read showed in the profile).
          const buf = Buffer.allocUnsafeSlow(READ_CHUNK);
          const { bytesRead } = await handle.read(buf, 0, READ_CHUNK, null);
          if (bytesRead === 0) {
            await handle.close();
            controller.close();
          } else controller.enqueue(buf.subarray(0, bytesRead));
        },
        async cancel() {
          await handle?.close();
        },
      }, { highWaterMark: 0 });
    },
  };
}

/** Writes an image stream to `path`, awaiting each write (backpressure to the writer). */
export async function writeToFile(stream: ReadableStream<Uint8Array>, path: string): Promise<void> {
  const handle = await open(path, 'w');
  try {
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      await handle.write(value);
    }
  } finally {
    await handle.close();
  }
}

/** Drains a stream, returning the byte count (for specs that need no output file). */
export async function countBytes(stream: ReadableStream<Uint8Array>): Promise<number> {
  let n = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return n;
    n += value.length;
  }
}
