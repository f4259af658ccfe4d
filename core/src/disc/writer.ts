/**
 * Streams an image from a layout: metadata regions are rendered when reached, file contents
 * are pulled from each file's own stream in turn and passed through chunk by chunk, so memory
 * stays bounded whatever the file sizes. Each file must yield exactly its declared size.
 */
import { SECTOR } from './bytes.js';
import { DiscError, type DiscFile, type DiscLayout } from './types.js';

/** Hooks the packager uses to hash and verify content while it is written. */
export interface WriteHooks<F extends DiscFile> {
  /** Called with every content chunk of `file`, in order, before it goes downstream. */
  onFileChunk?(file: F, chunk: Uint8Array): void | Promise<void>;
  /** Called when `file` has yielded all its bytes; a rejection stops the image. */
  onFileEnd?(file: F): void | Promise<void>;
}

/**
 * Reads of a file's stream kept in flight ahead of the consumer, so that the source fetches
 * the next chunks while the current one is being written downstream (a read-then-write loop
 * leaves disk and output idle in turn). Memory stays within this many source chunks.
 */
const READ_AHEAD = 3;

/** Largest zero-fill chunk (padding and gaps between regions). */
const ZERO_CHUNK = 256 * 1024;

function* zeros(bytes: number): Generator<Uint8Array> {
  for (let left = bytes; left > 0; left -= ZERO_CHUNK) {
    yield new Uint8Array(Math.min(left, ZERO_CHUNK));
  }
}

type Item<F> =
  | { sector: number; region: DiscLayout<DiscFile>['regions'][number] }
  | { sector: number; file: F };

async function* imageChunks<F extends DiscFile>(
  layout: DiscLayout<F>, hooks: WriteHooks<F>,
): AsyncGenerator<Uint8Array> {
  const items: Item<F>[] = [
    ...layout.regions.map((region) => ({ sector: region.sector, region })),
    ...layout.files.filter((p) => p.file.size > 0).map((p) => ({ sector: p.sector, file: p.file })),
  ];
  items.sort((a, b) => a.sector - b.sector);
  let pos = 0;
  for (const item of items) {
    if (item.sector < pos) throw new Error(`overlapping layout at sector ${item.sector}`);
    yield* zeros((item.sector - pos) * SECTOR);
    if ('region' in item) {
      const bytes = item.region.render();
      if (bytes.length !== item.region.sectorCount * SECTOR) throw new Error('region size');
      yield bytes;
      pos = item.sector + item.region.sectorCount;
    } else {
      yield* fileChunks(item.file, hooks);
      pos = item.sector + Math.ceil(item.file.size / SECTOR);
    }
  }
  // Empty files are never opened: still let the packager hash them.
  for (const p of layout.files) {
    if (p.file.size === 0) await hooks.onFileEnd?.(p.file);
  }
  yield* zeros((layout.sectors - pos) * SECTOR);
}

async function* fileChunks<F extends DiscFile>(
  file: F, hooks: WriteHooks<F>,
): AsyncGenerator<Uint8Array> {
  const reader = file.open().getReader();
  const pending: Promise<ReadableStreamReadResult<Uint8Array>>[] = [];
  let count = 0;
  let finished = false;
  try {
    for (;;) {
      while (pending.length < READ_AHEAD) {
        const read = reader.read();
        // Each read is awaited in turn below; this only keeps a failed source from reporting
        // the rejections of reads not reached yet as unhandled.
        read.catch(() => undefined);
        pending.push(read);
      }
      const { done, value } = await pending.shift()!;
      if (done) break;
      if (!(value instanceof Uint8Array)) {
        throw new TypeError(`"${file.path}" yielded a non-byte chunk`);
      }
      if (value.length === 0) continue;
      count += value.length;
      if (count > file.size) {
        const message = `"${file.path}" is longer than ${file.size} bytes.`;
        throw new DiscError('size-mismatch', message, file.path);
      }
      await hooks.onFileChunk?.(file, value);
      yield value;
    }
    finished = true;
  } finally {
    // Stopping early (error, consumer cancel): release the source so it can free resources;
    // cancelling also settles the reads still in flight, so the lock can be released.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
  if (count !== file.size) {
    const message = `"${file.path}" has ${count} bytes, not ${file.size}.`;
    throw new DiscError('size-mismatch', message, file.path);
  }
  await hooks.onFileEnd?.(file);
  yield* zeros((SECTOR - (file.size % SECTOR)) % SECTOR);
}

/**
 * Streams the image. Pull-driven (high-water mark 0): no file is opened before the consumer
 * reaches it; from then on at most READ_AHEAD of its chunks are read ahead of the consumer.
 */
export function writeDiscImage<F extends DiscFile>(
  layout: DiscLayout<F>, hooks: WriteHooks<F> = {},
): ReadableStream<Uint8Array> {
  const chunks = imageChunks(layout, hooks);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
