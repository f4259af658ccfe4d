import { hashFile } from './file-hasher';
import type { HashAnswer, HashCommand } from './hash-worker.protocol';

/**
 * The handover wizard's hashing worker: SHA-256 of dropped files with hash-wasm, off the main
 * thread, so that hashing a 4 GB recording never freezes the screen (issue 20). It reads the
 * File itself (the main thread only passes the reference), posts progress per chunk, and stops
 * at the next chunk boundary when told to cancel. Jobs run one after another in arrival order.
 */
const cancelled = new Set<number>();
let queue: Promise<void> = Promise.resolve();

function answer(message: HashAnswer): void {
  postMessage(message);
}

async function run(id: number, file: Blob, chunkSize: number): Promise<void> {
  try {
    const sha256 = await hashFile(
      file,
      (bytes) => answer({ type: 'efr-hash:progress', id, bytes }),
      chunkSize,
      () => cancelled.has(id),
    );
    answer({ type: 'efr-hash:done', id, sha256 });
  } catch (error: unknown) {
    // The file became unreadable (moved, unplugged card: NotReadableError) or was cancelled.
    const message = error instanceof Error ? error.message : String(error);
    answer({ type: 'efr-hash:failed', id, cancelled: cancelled.has(id), message });
  } finally {
    cancelled.delete(id);
  }
}

addEventListener('message', (event: MessageEvent<HashCommand>) => {
  const command = event.data;
  if (command.type === 'efr-hash:cancel') {
    cancelled.add(command.id);
    return;
  }
  if (command.type !== 'efr-hash:start') return; // a message of no known kind: nothing to do
  const { id, file, chunkSize } = command;
  queue = queue.then(() => run(id, file, chunkSize));
});
