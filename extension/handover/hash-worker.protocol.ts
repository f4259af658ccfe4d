/**
 * Messages between the handover wizard and its hashing worker (`hash.worker.ts`). The type
 * strings carry an `efr-hash:` prefix so that the worker's chunk can be found in the built
 * bundle by the hashing bench (test/bench/hashing-bench.ts), minified or not.
 */

/** Main thread → worker: hash this file (a File is passed by reference, never copied). */
export interface HashRequest {
  type: 'efr-hash:start';
  /** The job's id, echoed in every answer. */
  id: number;
  file: Blob;
  /** Bytes read per step. */
  chunkSize: number;
}

/** Main thread → worker: stop the job at the next chunk boundary. */
export interface HashCancel {
  type: 'efr-hash:cancel';
  id: number;
}

/** Worker → main thread: bytes hashed so far. */
export interface HashProgress {
  type: 'efr-hash:progress';
  id: number;
  bytes: number;
}

/** Worker → main thread: the SHA-256 in lowercase hex. */
export interface HashDone {
  type: 'efr-hash:done';
  id: number;
  sha256: string;
}

/** Worker → main thread: the job ended without a digest (unreadable file, cancelled). */
export interface HashFailed {
  type: 'efr-hash:failed';
  id: number;
  /** Whether it ended because it was cancelled. */
  cancelled: boolean;
  message: string;
}

export type HashCommand = HashRequest | HashCancel;
export type HashAnswer = HashProgress | HashDone | HashFailed;
