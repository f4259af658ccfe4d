import { Injectable, OnDestroy } from '@angular/core';
import { HASH_CHUNK, hashFile } from './file-hasher';
import type { HashAnswer, HashCommand } from './hash-worker.protocol';

/** Name of the User Timing measure recorded for each hash run (DevTools, specs, bench). */
export const HASH_MEASURE = 'efr-hash';

/** One file being hashed by the worker. */
interface Job {
  resolve(sha256: string): void;
  reject(error: Error): void;
  onProgress(bytes: number): void;
  started: number;
  size: number;
}

/**
 * SHA-256 of dropped files in a Web Worker (`hash.worker.ts`, hash-wasm), so that the main
 * thread only receives progress while gigabytes are hashed (issue 20). Provided by the
 * handover wizard: its worker ends with the screen. Each finished run is recorded as a User
 * Timing measure named `efr-hash` (detail: the file's size), which shows in DevTools and lets
 * the specs count hash runs. Where no Worker exists, the same code runs on the main thread.
 */
@Injectable()
export class FileHashService implements OnDestroy {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly jobs = new Map<number, Job>();

  /**
   * The file's SHA-256 in lowercase hex. `onProgress` gets the bytes hashed so far; aborting
   * `signal` stops the worker at its next chunk and rejects with "hashing cancelled".
   */
  hash(
    file: Blob,
    onProgress: (bytes: number) => void,
    signal?: AbortSignal,
    chunkSize = HASH_CHUNK,
  ): Promise<string> {
    if (signal?.aborted) return Promise.reject(new Error('hashing cancelled'));
    const started = performance.now();
    if (typeof Worker === 'undefined') {
      return hashFile(file, onProgress, chunkSize, () => signal?.aborted === true).then((sha) =>
        this.measured(sha, started, file.size),
      );
    }
    const worker = this.ensureWorker();
    const id = ++this.nextId;
    return new Promise<string>((resolve, reject) => {
      const abort = (): void => {
        if (!this.jobs.delete(id)) return;
        this.post(worker, { type: 'efr-hash:cancel', id });
        reject(new Error('hashing cancelled'));
      };
      signal?.addEventListener('abort', abort, { once: true });
      const settle = <T>(fn: (value: T) => void) => (value: T) => {
        signal?.removeEventListener('abort', abort);
        fn(value);
      };
      this.jobs.set(id, {
        resolve: settle(resolve),
        reject: settle(reject),
        onProgress,
        started,
        size: file.size,
      });
      this.post(worker, { type: 'efr-hash:start', id, file, chunkSize });
    });
  }

  /** Ends the worker; files still being hashed are rejected as cancelled. */
  ngOnDestroy(): void {
    this.worker?.terminate();
    this.worker = null;
    this.failAll('hashing cancelled');
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // The builder bundles the worker as its own chunk (Angular's esbuild application builder).
    const worker = new Worker(new URL('./hash.worker', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (e: MessageEvent<HashAnswer>) => this.received(e.data));
    worker.addEventListener('error', (e: ErrorEvent) => {
      // The worker's script could not load or threw at start (a CSP without worker-src 'self').
      e.preventDefault();
      worker.terminate();
      if (this.worker === worker) this.worker = null;
      this.failAll(`hashing worker failed: ${e.message || 'could not start'}`);
    });
    this.worker = worker;
    return worker;
  }

  private post(worker: Worker, command: HashCommand): void {
    worker.postMessage(command);
  }

  private received(message: HashAnswer): void {
    const job = this.jobs.get(message.id);
    if (!job) return; // cancelled here already: the worker's late answers are dropped
    if (message.type === 'efr-hash:progress') {
      job.onProgress(message.bytes);
      return;
    }
    this.jobs.delete(message.id);
    if (message.type === 'efr-hash:done') {
      job.onProgress(job.size);
      job.resolve(this.measured(message.sha256, job.started, job.size));
    } else {
      job.reject(new Error(message.message));
    }
  }

  private measured(sha256: string, started: number, size: number): string {
    performance.measure(HASH_MEASURE, { start: started, detail: { size } });
    return sha256;
  }

  private failAll(message: string): void {
    const jobs = [...this.jobs.values()];
    this.jobs.clear();
    for (const job of jobs) job.reject(new Error(message));
  }
}
