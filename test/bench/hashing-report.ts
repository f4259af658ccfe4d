/**
 * The docs/benchmarks.md section of the browser hashing benchmark (run-bench.ts writes the
 * file): what was measured, how, and the table.
 */
import type { HashingResult, HashingRow } from './hashing-bench.js';
import { table } from './markdown.js';

/** Goals of DESIGN.md "What the numbers must be" and issue 20. */
export const HASHING_TARGET_MIBS = 400;
export const LONG_TASK_LIMIT_MS = 50;

const MiB = 1024 * 1024;

function best(row: HashingRow): number {
  return Math.min(...row.seconds);
}

/** MiB per CPU-second of a row's least costly run. */
export function mibPerCpuSecond(result: HashingResult, row: HashingRow): number {
  return result.bytes / MiB / Math.min(...row.cpuSeconds);
}

/** MiB/s of a row's best run. */
export function mibPerSecond(result: HashingResult, row: HashingRow): number {
  return result.bytes / MiB / best(row);
}

/** One row per contender: best time, throughput, ratio to sha256sum, main-thread figures. */
export function hashingTable(result: HashingResult): string {
  const sum = result.rows.find((r) => r.label === 'sha256sum');
  return table(['contender', 'runs s', 'CPU s', 'best MiB/s', 'MiB per CPU-s', 'of sha256sum',
    'longest main-thread task ms', 'progress messages', 'goal met'],
  result.rows.map((r) => [r.label, r.seconds.map((s) => s.toFixed(2)).join(', '),
    r.cpuSeconds.map((s) => s.toFixed(2)).join(', '),
    mibPerSecond(result, r).toFixed(0), mibPerCpuSecond(result, r).toFixed(0),
    sum ? `${(best(sum) / best(r)).toFixed(2)}×` : '',
    r.longestTaskMs === null ? '' : r.longestTaskMs === 0 ? `none > ${LONG_TASK_LIMIT_MS}`
      : r.longestTaskMs.toFixed(0),
    r.progressMessages === null ? '' : String(r.progressMessages),
    r.browser ? (mibPerSecond(result, r) >= HASHING_TARGET_MIBS &&
      (r.longestTaskMs ?? 0) <= LONG_TASK_LIMIT_MS ? 'yes' : 'no') : '']));
}

/** Body of the hashing section. */
export function hashingBody(result: HashingResult, measured: string, reps: number,
  loads: number[]): string {
  const load = loads.length
    ? ` The 1-min load average during this part ranged ${Math.min(...loads).toFixed(1)}–` +
      `${Math.max(...loads).toFixed(1)} (2 cores).`
    : '';
  return `${measured}${load}

A temp file of ${(result.bytes / MiB).toFixed(0)} MiB of random bytes is set on an
\`<input type=file>\` of a minimal page that server/ serves beside a copy of the built app, in
headless ${result.browser}. The page starts the wizard's hashing worker from the built bundle
(extension/handover/hash.worker.ts, file-hasher.ts and hash-wasm, as the handover wizard loads
it; this run: \`${result.workerFile}\`) and sends it the File with the messages
FileHashService sends; the worker reads the file in chunks and posts progress per chunk.
Seconds run from posting the File to the digest arriving on the main thread. Long
main-thread tasks come from a \`longtask\` PerformanceObserver, checked first with a
deliberate 100 ms task (it reported ${result.observerCheckMs.toFixed(0)} ms). One more run at
the wizard's ${result.traced.chunkMiB} MiB chunks, under a DevTools trace (category \`toplevel\`;
not timed with the others, tracing costs CPU), took ${result.traced.seconds.toFixed(2)} s: the
longest task of the page's main thread lasted ${result.traced.wallMs.toFixed(0)} ms of wall
time, and no such task used more than ${result.traced.cpuMs.toFixed(0)} ms of thread (CPU)
time. On a loaded machine a task can be long in wall time while it waits for a core; the goal
column takes the observer's wall figure. \`sha256sum\`,
Node's crypto and hash-wasm in Node hash the same file (in the page cache) as references; the
${reps} runs of each are interleaved. Every contender gave the same digest:
${result.digestsAgree ? 'yes' : '**no**'}.

CPU seconds are user + system time from /proc: for Chromium every process of the browser
(browser, renderer with the worker, utilities), for the references their own process. With
other work on the machine, MiB per CPU-second is nearer to what an idle core gives than MiB/s
of wall time; the "of sha256sum" ratio and the goal use wall time.

${hashingTable(result)}`;
}
