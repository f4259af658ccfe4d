import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ContentStore, ContentTooLargeError } from './content-store.js';

/** Bytes of a readable stream, for comparison. */
async function readAll(r: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of r) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('ContentStore (write-once evidence store, R26.1)', () => {
  let dir: string;
  let store: ContentStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'efr-store-'));
    store = new ContentStore(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('hashes with SHA-256 while streaming and stores under <h0h1>/<h2h3>/<hash>', async () => {
    const data = Buffer.alloc(3 * (1 << 20) + 17, 7); // spans several 1 MiB chunks
    const staged = await store.put(Readable.from([data.subarray(0, 1000), data.subarray(1000)]));
    const expected = createHash('sha256').update(data).digest('hex');
    expect(staged.sha256).toBe(expected);
    expect(staged.size).toBe(data.length);
    const path = join(dir, 'content', expected.slice(0, 2), expected.slice(2, 4), expected);
    expect(store.pathOf(expected)).toBe(path);
    expect(readFileSync(path).equals(data)).toBeTrue();
    expect(store.tempCount()).toBe(0);
  });

  it('never overwrites a stored file: storing the same hash again keeps the original inode', async () => {
    const first = await store.put(Readable.from([Buffer.from('evidence')]));
    const path = store.pathOf(first.sha256);
    const inode = statSync(path).ino;
    const second = await store.put(Readable.from([Buffer.from('evidence')]));
    expect(second.sha256).toBe(first.sha256);
    expect(statSync(path).ino).toBe(inode);
    expect(store.listHashes()).toEqual([first.sha256]);
  });

  it('stages without publishing: discarded bytes never appear in the store', async () => {
    const staged = await store.stage(Readable.from([Buffer.from('not committed')]));
    expect(existsSync(staged.tempPath)).toBeTrue();
    expect(existsSync(store.pathOf(staged.sha256))).toBeFalse();
    await store.discard(staged);
    expect(existsSync(staged.tempPath)).toBeFalse();
    expect(store.listHashes()).toEqual([]);
  });

  it('refuses a stream beyond the limit and leaves no temp file', async () => {
    await expectAsync(store.stage(Readable.from([Buffer.alloc(2048)]), 1024)).toBeRejectedWithError(
      ContentTooLargeError,
    );
    expect(store.tempCount()).toBe(0);
  });

  it('removes stray temp files (a process killed mid-upload) on start', () => {
    writeFileSync(join(dir, 'content', 'tmp', 'x.part'), 'half');
    expect(new ContentStore(dir).removeStrayTempFiles()).toBe(1);
    expect(store.tempCount()).toBe(0);
  });

  it('reads byte ranges of stored content', async () => {
    const staged = await store.put(Readable.from([Buffer.from('0123456789')]));
    expect((await readAll(store.read(staged.sha256, 2, 5))).toString()).toBe('2345');
  });

  it('rejects a path for something that is not a SHA-256 (no traversal)', () => {
    expect(() => store.pathOf('../../etc/passwd')).toThrow();
  });
});
