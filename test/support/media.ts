/**
 * Test media generated at test time (team rule: no binary fixtures in git). Video and audio come
 * from ffmpeg's synthetic sources (test pattern and a sine tone, like the demo recordings); large
 * files are streamed to disk chunk by chunk so that a 1 GiB file never sits in memory.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A file written by one of the generators, with the facts a spec compares against. */
export interface GeneratedFile {
  /** Absolute path of the file. */
  path: string;
  /** Size in bytes. */
  size: number;
  /** SHA-256 of the whole file, lower-case hex (the repository's fixity format). */
  sha256: string;
}

/** Options of the ffmpeg generators. */
export interface MediaOptions {
  /** Length in seconds (default 2). */
  seconds?: number;
  /** Sine frequency in Hz, to make two files differ (default 1000). */
  frequency?: number;
}

/** One MiB: the chunk size for streaming and hashing (1 MiB streams run about twice as fast). */
export const CHUNK = 1024 * 1024;

/**
 * Writes a short MP4 with an H.264 test-pattern video track and an AAC tone audio track, as a
 * body-worn camera would produce (faststart so that a Range read of the head finds the index).
 */
export async function makeMp4(dir: string, name = 'clip.mp4',
  opts: MediaOptions = {}): Promise<GeneratedFile> {
  const path = join(dir, name);
  const seconds = String(opts.seconds ?? 2);
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc=size=320x240:rate=25:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=${opts.frequency ?? 1000}:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-b:a', '64k', '-shortest', '-movflags', '+faststart', path]);
  return describeFile(path);
}

/** Writes an audio-only M4A (AAC tone), as a voice recorder would produce. */
export async function makeM4a(dir: string, name = 'voice.m4a',
  opts: MediaOptions = {}): Promise<GeneratedFile> {
  const path = join(dir, name);
  const seconds = String(opts.seconds ?? 2);
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `sine=frequency=${opts.frequency ?? 440}:duration=${seconds}`,
    '-c:a', 'aac', '-b:a', '64k', path]);
  return describeFile(path);
}

/**
 * Streams `bytes` bytes of random-ish data to `path` without holding them in memory: one random
 * MiB is generated once and each chunk is stamped with its index and the seed, so that no two
 * chunks (and no two files with different seeds) are equal, which defeats any deduplication.
 * The SHA-256 is computed while writing.
 */
export async function makeLargeFile(path: string, bytes: number,
  seed = 1): Promise<GeneratedFile> {
  const base = randomBytes(CHUNK);
  const hash = createHash('sha256');
  const out = createWriteStream(path, { highWaterMark: CHUNK });
  let written = 0;
  for (let index = 0; written < bytes; index++) {
    const size = Math.min(CHUNK, bytes - written);
    const chunk = Buffer.from(base.subarray(0, size));
    if (size >= 16) {
      chunk.writeUInt32BE(index >>> 0, 0);
      chunk.writeUInt32BE(seed >>> 0, 4);
      chunk.writeDoubleBE(index * 2654435761 + seed, 8);
    }
    hash.update(chunk);
    written += size;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { path, size: written, sha256: hash.digest('hex') };
}

/** SHA-256 of a file, streamed in 1 MiB chunks. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/** SHA-256 of bytes in memory, lower-case hex. */
export function sha256Of(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Size and hash of an existing file. */
export async function describeFile(path: string): Promise<GeneratedFile> {
  return { path, size: statSync(path).size, sha256: await sha256File(path) };
}

/** Stream count and codec names of a media file, read with ffprobe (to prove a file is real). */
export async function probeStreams(path: string): Promise<string[]> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type',
    '-of', 'csv=p=0', path]);
  return stdout.split('\n').map((s) => s.trim()).filter(Boolean);
}
