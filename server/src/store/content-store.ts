import { createHash, randomUUID } from 'node:crypto';
import {
  createReadStream, createWriteStream, mkdirSync, readdirSync, statSync, unlinkSync,
} from 'node:fs';
import { link, open, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

/** Chunk size for reading and hashing: 1 MiB streams run about twice as fast as 64 KiB. */
export const CHUNK = 1 << 20;

/** A file streamed into the temp area, hashed, fsynced, not yet visible under its hash. */
export interface StagedContent {
  /** Absolute path of the temp file. */
  tempPath: string;
  /** SHA-256 of the bytes, lower-case hex. */
  sha256: string;
  /** Number of bytes. */
  size: number;
}

/** Thrown when a stream is longer than the configured limit (answered with 413). */
export class ContentTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Content exceeds the upload limit of ${limit} bytes`);
  }
}

/**
 * Write-once content-addressed store under `<dataDir>/content/`. Bytes are streamed to a temp
 * file while hashed, fsynced, then hard-linked to `<h0h1>/<h2h3>/<hash>`. `link()` never
 * replaces an existing file (EEXIST means the same bytes are already stored), unlike
 * `rename()`, so stored evidence is never overwritten.
 */
export class ContentStore {
  readonly root: string;
  private readonly tmp: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'content');
    this.tmp = join(this.root, 'tmp');
    mkdirSync(this.tmp, { recursive: true });
  }

  /** Removes temp files left by a process killed mid-upload; returns how many. */
  removeStrayTempFiles(): number {
    let removed = 0;
    for (const name of readdirSync(this.tmp)) {
      unlinkSync(join(this.tmp, name));
      removed++;
    }
    return removed;
  }

  /** Path of the stored file for a hash. */
  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /**
   * Streams `source` to a temp file while hashing it; the temp file is fsynced before this
   * resolves. Fails with ContentTooLargeError beyond `limit` bytes (the temp file is removed).
   */
  async stage(source: Readable, limit = Number.POSITIVE_INFINITY): Promise<StagedContent> {
    const tempPath = join(this.tmp, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      highWaterMark: CHUNK,
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > limit) {
          done(new ContentTooLargeError(limit));
          return;
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      // 'wx': a temp name that exists already is never reused.
      const out = createWriteStream(tempPath, { flags: 'wx', highWaterMark: CHUNK });
      await pipeline(source, meter, out);
      const fh = await open(tempPath, 'r+');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
    } catch (err) {
      await unlink(tempPath).catch(() => undefined); // never created or already gone
      throw err;
    }
    return { tempPath, sha256: hash.digest('hex'), size };
  }

  /**
   * Makes staged bytes durable under their hash: link (never overwrite), unlink the temp,
   * fsync both directories. Only after this may a DB row reference the hash.
   */
  async commit(staged: StagedContent): Promise<string> {
    const dest = this.pathOf(staged.sha256);
    const dir = join(dest, '..');
    mkdirSync(dir, { recursive: true });
    try {
      await link(staged.tempPath, dest);
    } catch (err) {
      // EEXIST: identical bytes are already stored (content addressing); keep the old file.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    await unlink(staged.tempPath);
    await fsyncDir(dir);
    await fsyncDir(join(dir, '..'));
    await fsyncDir(this.tmp);
    return dest;
  }

  /** Discards a staged file (bad input after the bytes arrived). */
  async discard(staged: StagedContent): Promise<void> {
    await unlink(staged.tempPath).catch(() => undefined); // discarded twice: fine
  }

  /** Streams `source` straight into the store; convenience for seeding and PUT content. */
  async put(source: Readable, limit?: number): Promise<StagedContent> {
    const staged = await this.stage(source, limit);
    await this.commit(staged);
    return staged;
  }

  /** Size of a stored file, or undefined when missing. */
  async sizeOf(sha256: string): Promise<number | undefined> {
    try {
      return (await stat(this.pathOf(sha256))).size;
    } catch {
      return undefined; // ENOENT: not stored
    }
  }

  /** Opens a read stream over [start, end] inclusive of a stored file. */
  read(sha256: string, start?: number, end?: number): Readable {
    return createReadStream(this.pathOf(sha256), { start, end, highWaterMark: CHUNK });
  }

  /**
   * Destroys a stored file for good (issue 18): unlink, then fsync its directory. The only
   * caller is the execution of an approved disposition batch (the port's `destroyContent`,
   * server/src/webscripts/disposition/content-destruction.ts), after the commit that took
   * the file's last reference away. Returns the bytes removed (0 when it was already gone).
   */
  async destroy(sha256: string): Promise<number> {
    const path = this.pathOf(sha256);
    let size = 0;
    try {
      size = (await stat(path)).size;
      await unlink(path);
    } catch (err) {
      // ENOENT: a start-up sweep after a crash removed it already.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      return 0;
    }
    await fsyncDir(join(path, '..'));
    return size;
  }

  /** Lists every stored hash (for specs and the verifier). */
  listHashes(): string[] {
    const out: string[] = [];
    for (const a of safeReaddir(this.root)) {
      if (a === 'tmp') continue;
      for (const b of safeReaddir(join(this.root, a))) {
        for (const h of safeReaddir(join(this.root, a, b))) out.push(h);
      }
    }
    return out;
  }

  /**
   * Removes stored files that no node references (issue 16): a process killed between making
   * the bytes durable and committing the row leaves them behind. Run at start only, when
   * nothing is writing. Returns how many files and bytes were removed.
   */
  sweepOrphans(isReferenced: (sha256: string) => boolean): { files: number; bytes: number } {
    let files = 0;
    let bytes = 0;
    for (const a of safeReaddir(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(a)) continue;
      for (const b of safeReaddir(join(this.root, a))) {
        if (!/^[0-9a-f]{2}$/.test(b)) continue;
        for (const h of safeReaddir(join(this.root, a, b))) {
          if (!/^[0-9a-f]{64}$/.test(h) || !h.startsWith(a + b) || isReferenced(h)) continue;
          const path = join(this.root, a, b, h);
          bytes += statSync(path).size;
          unlinkSync(path);
          files++;
        }
      }
    }
    return { files, bytes };
  }

  /** Number of files currently in the temp area. */
  tempCount(): number {
    return readdirSync(this.tmp).length;
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return []; // ENOTDIR/ENOENT: not a fan-out directory
  }
}

async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
