/**
 * SHA-256 on a worker thread (issue 20): the evidence package hashes every recording and the
 * whole image while it writes them; on the main thread that is ~1.4 s of CPU per GB per hash
 * in series with the write. Here the main thread only copies each chunk into a 1 MiB slot of
 * a SharedArrayBuffer ring (a memcpy) and posts the slot number; the worker hashes the slot in
 * place, in parallel with the write, and hands it back. Nothing is allocated per chunk:
 * transferring ArrayBuffers back and forth instead kept every one alive until a GC that a
 * main thread doing only I/O rarely runs (RSS grew by the file size).
 *
 * Several named digests may be open at once (keyed by `id`); one worker hashes them in the
 * order their bytes arrive. Memory is fixed (`SLOTS` × `SLOT` bytes); `update` returns a
 * promise only while every slot waits for the worker (backpressure).
 */
import { Worker } from 'node:worker_threads';

/** Bytes per slot handed to the worker: few messages per GB. */
const SLOT = 1 << 20;

/** Slots in the ring: how far the worker may fall behind before `update` waits. */
const SLOTS = 8;

/** The worker, as CommonJS source (no loader needed: the CLI runs TypeScript through tsx). */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hashes = new Map();
let ring;
parentPort.on('message', (m) => {
  if (m.op === 'ring') {
    ring = new Uint8Array(m.ring);
  } else if (m.op === 'update') {
    let h = hashes.get(m.id);
    if (!h) hashes.set(m.id, h = createHash('sha256'));
    h.update(ring.subarray(m.slot * ${SLOT}, m.slot * ${SLOT} + m.length));
    parentPort.postMessage({ op: 'ack', slot: m.slot });
  } else {
    const h = hashes.get(m.id) ?? createHash('sha256');
    hashes.delete(m.id);
    parentPort.postMessage({ op: 'digest', id: m.id, hex: h.digest('hex') });
  }
});
`;

type Reply = { op: 'ack'; slot: number } | { op: 'digest'; id: string; hex: string };

/** SHA-256 digests computed on one worker thread; `close()` it when done. */
export class WorkerSha256 {
  private readonly worker: Worker;
  private readonly ring = new Uint8Array(new SharedArrayBuffer(SLOTS * SLOT));
  private readonly free: number[] = Array.from({ length: SLOTS }, (_, i) => i);
  /** The slot being filled, if any. */
  private slot = -1;
  private stageId = '';
  private staged = 0;
  private drained: (() => void) | undefined;
  private readonly digests = new Map<string, (hex: string) => void>();
  private failure: Error | undefined;
  private readonly failed: Set<(err: Error) => void> = new Set();

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true });
    // A cancelled image must not keep the process alive through its hasher.
    this.worker.unref();
    this.worker.postMessage({ op: 'ring', ring: this.ring.buffer });
    this.worker.on('message', (m: Reply) => {
      if (m.op === 'ack') {
        this.free.push(m.slot);
        if (this.drained) {
          const resume = this.drained;
          this.drained = undefined;
          resume();
        }
      } else {
        this.digests.get(m.id)?.(m.hex);
        this.digests.delete(m.id);
      }
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', () => this.fail(new Error('hash worker exited')));
  }

  /**
   * Adds `chunk` to digest `id`. Its bytes are copied before this returns or, when every slot
   * waits for the worker, before the returned promise resolves; await that promise before the
   * next `update` (one caller at a time).
   */
  update(id: string, chunk: Uint8Array): void | Promise<void> {
    if (this.failure) throw this.failure;
    if (this.staged > 0 && id !== this.stageId) this.flush();
    this.stageId = id;
    const copied = this.copy(chunk, 0);
    if (copied === chunk.length) return;
    return this.copyLater(chunk, copied);
  }

  /** The hex SHA-256 of everything given to `id` (empty input if none); `id` is then free. */
  digest(id: string): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.staged > 0 && id === this.stageId) this.flush();
    return this.waitFor<string>((resolve) => {
      this.digests.set(id, resolve);
      this.worker.postMessage({ op: 'digest', id });
    });
  }

  /** Stops the worker (pending digests reject). */
  async close(): Promise<void> {
    this.failure ??= new Error('hash worker closed');
    await this.worker.terminate();
  }

  /** Copies `chunk` from `offset` into free slots; returns where it stopped (no slot free). */
  private copy(chunk: Uint8Array, offset: number): number {
    while (offset < chunk.length) {
      if (this.slot < 0) {
        if (this.free.length === 0) return offset;
        this.slot = this.free.shift()!;
      }
      const n = Math.min(SLOT - this.staged, chunk.length - offset);
      this.ring.set(chunk.subarray(offset, offset + n), this.slot * SLOT + this.staged);
      this.staged += n;
      offset += n;
      if (this.staged === SLOT) this.flush();
    }
    return offset;
  }

  /** The rest of a chunk, slot by slot as the worker frees them (one caller at a time). */
  private async copyLater(chunk: Uint8Array, offset: number): Promise<void> {
    while (offset < chunk.length) {
      await this.waitFor((resolve) => {
        this.drained = resolve;
      });
      offset = this.copy(chunk, offset);
    }
  }

  private flush(): void {
    this.worker.postMessage({ op: 'update', id: this.stageId, slot: this.slot,
      length: this.staged });
    this.slot = -1;
    this.staged = 0;
  }

  private waitFor<T = void>(register: (resolve: (v: T) => void) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onFail = (err: Error): void => reject(err);
      this.failed.add(onFail);
      register((v) => {
        this.failed.delete(onFail);
        resolve(v);
      });
    });
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const reject of this.failed) reject(this.failure);
    this.failed.clear();
  }
}
