/**
 * R23.1 evidence disc: the image is streamed with bounded memory, each file must yield exactly
 * its declared size, and the packager's hooks see every byte so it can verify sealed hashes
 * while reading.
 */
import { createHash } from 'node:crypto';
import {
  DiscError,
  type DiscFile,
  imageSize,
  layoutDisc,
  writeDiscImage,
} from '../../core/src/disc/index.js';
import {
  VOLUME_DATE,
  countBytes,
  generatedFile,
  generatedStream,
  sha256OfStream,
} from './support.js';

const volume = { label: 'STREAM', date: VOLUME_DATE };
const MiB = 1024 * 1024;

/** A file whose stream yields `actual` bytes while it declares `declared`. */
function lyingFile(path: string, declared: number, actual: number): DiscFile {
  return { path, size: declared, open: () => generatedStream(actual, 7) };
}

async function failureOf(stream: ReadableStream<Uint8Array>): Promise<unknown> {
  try {
    await countBytes(stream);
  } catch (err) {
    // The stream error under test.
    return err;
  }
  return undefined;
}

describe('disc image streaming (R23.1)', () => {
  it('passes every content byte to the hooks, in order, and ends each file once', async () => {
    const files = [generatedFile('b.bin', 3 * MiB + 5, 11), generatedFile('a.bin', 4097, 12),
      generatedFile('z.bin', 0, 13)];
    const hashes = new Map<string, ReturnType<typeof createHash>>();
    const ended: string[] = [];
    const layout = layoutDisc(files, volume);
    const total = await countBytes(writeDiscImage(layout, {
      onFileChunk(file, chunk) {
        if (!hashes.has(file.path)) hashes.set(file.path, createHash('sha256'));
        hashes.get(file.path)?.update(chunk);
      },
      async onFileEnd(file) {
        ended.push(file.path);
      },
    }));
    expect(total).toBe(imageSize(layout));
    expect(ended.sort()).toEqual(['a.bin', 'b.bin', 'z.bin']);
    for (const f of files.filter((x) => x.size > 0)) {
      expect(hashes.get(f.path)?.digest('hex')).toBe(await sha256OfStream(f.open()));
    }
  });

  it('fails, naming the file, when a stream is shorter than its declared size', async () => {
    const layout = layoutDisc([lyingFile('short.mp4', 5000, 4000)], volume);
    const err = await failureOf(writeDiscImage(layout));
    expect(err instanceof DiscError && err.code).toBe('size-mismatch');
    expect(err instanceof DiscError && err.path).toBe('short.mp4');
  });

  it('fails as soon as a stream is longer than its declared size', async () => {
    const layout = layoutDisc([lyingFile('long.mp4', 5000, 3 * MiB)], volume);
    const err = await failureOf(writeDiscImage(layout));
    expect(err instanceof DiscError && err.code).toBe('size-mismatch');
  });

  it('stops the image when the packager rejects a file at its end (hash mismatch)', async () => {
    const files = [generatedFile('a.bin', 10_000, 1), generatedFile('b.bin', 10_000, 2)];
    const layout = layoutDisc(files, volume);
    let opened = 0;
    const counted = layout.files.map((p) => ({
      ...p, file: { ...p.file, open: () => { opened++; return p.file.open(); } },
    }));
    const err = await failureOf(writeDiscImage({ ...layout, files: counted }, {
      onFileEnd(file) {
        if (file.path === 'a.bin') throw new Error('sealed SHA-256 differs: a.bin');
      },
    }));
    expect(String(err)).toContain('sealed SHA-256 differs: a.bin');
    expect(opened).toBe(1);
  });

  it('opens nothing before it is read and releases the source when cancelled', async () => {
    let opened = 0;
    let cancelled = false;
    const file: DiscFile = {
      path: 'camera.mp4',
      size: 50 * MiB,
      open() {
        opened++;
        const inner = generatedStream(50 * MiB, 3).getReader();
        return new ReadableStream<Uint8Array>({
          async pull(c) {
            const { done, value } = await inner.read();
            if (done) c.close();
            else c.enqueue(value);
          },
          cancel() {
            cancelled = true;
          },
        });
      },
    };
    const stream = writeDiscImage(layoutDisc([file], volume));
    await new Promise((r) => setTimeout(r, 20));
    expect(opened).toBe(0);
    const reader = stream.getReader();
    let read = 0;
    while (read < 2 * MiB) read += (await reader.read()).value?.length ?? 0;
    expect(opened).toBe(1);
    await reader.cancel();
    expect(cancelled).toBeTrue();
  });

  it('keeps memory bounded while streaming 200 MB of generated content', async () => {
    const files: DiscFile[] = [0, 1].map((i) => ({
      path: `video/${i}.mp4`,
      size: 100 * MiB + i,
      open: () => generatedStream(100 * MiB + i, 100 + i, 256 * 1024),
    }));
    const layout = layoutDisc(files, volume);
    const before = process.memoryUsage().rss;
    let peak = before;
    let n = 0;
    const reader = writeDiscImage(layout).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      n += value.length;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    expect(n).toBe(imageSize(layout));
    expect(n).toBeGreaterThan(200 * MiB);
    // Bounded: well under half of what was streamed (measured 25-50 MiB of GC slack here);
    // a writer holding a whole 100 MiB file (or the image) would exceed it.
    expect(peak - before).toBeLessThan(100 * MiB);
  });
});
