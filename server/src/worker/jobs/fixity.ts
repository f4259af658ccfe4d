/**
 * Fixity rounds in `efr worker` (issue 18, R26.1; the worker of issue 15): the one code path of
 * the scheduled fixity audits in both hosts. Through the REST API only, as the service user:
 *
 * 1. every `roundMinutes` (EFR_FIXITY_ROUND_MINUTES, default 10) it asks for a round
 *    (`POST /s/efr/fixity/run`; a round already waiting is answered instead of a new one);
 * 2. it claims each requested round (`POST /s/efr/fixity/rounds/{id}/claim`), which answers the
 *    round's plan (core planFixityRound) and the policy's rate;
 * 3. it re-reads each recording's stored bytes with `GET /nodes/{id}/content` (which the
 *    repository lets it read only while it holds the round: core mayWorkerRead) through SHA-256,
 *    no faster than the rate (bytes per hour), reporting progress every second (which renews
 *    the lease) and each check (`POST …/checks`): the web script compares it with the seal and
 *    records it (access-log event, efr:fixityAudited, on a mismatch a violation and an alert);
 * 4. it finishes the round (`POST …/done`).
 */
import type { FixityOrder } from '../../../../contract/index.js';
import { WorkerSha256 } from '../../evidence/hash-worker.js';
import { RestError, restCall, restJson, type RestConnection } from '../../evidence/rest-source.js';
import {
  workWaiting, type JobContext, type JobOutcome, type WorkerJobKind,
} from '../efr-worker.js';

const EFR = '/alfresco/s/efr';
const CORE = '/alfresco/api/-default-/public/alfresco/versions/1';

/** How the fixity rounds of one worker run. */
export interface FixityJobOptions {
  /** Minutes between the rounds it asks for (default EFR_FIXITY_ROUND_MINUTES or 10; 0: never). */
  roundMinutes?: number;
  /** Whether it reads as fast as it can (benchmarks): the policy's rate is not applied. */
  unpaced?: boolean;
}

function post(value: unknown): RequestInit {
  return { method: 'POST', body: JSON.stringify(value) };
}

/** The round length from the environment (minutes, 1…1440), or 10. */
export function roundMinutesFromEnv(env = process.env): number {
  const m = Number(env.EFR_FIXITY_ROUND_MINUTES ?? 10);
  if (!(m >= 1 && m <= 1440)) {
    throw new Error('EFR_FIXITY_ROUND_MINUTES must be a number of minutes from 1 to 1440');
  }
  return m;
}

/** Sleeps `ms` milliseconds. */
function pause(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/**
 * Reads a recording's content through SHA-256 at most `bytesPerSecond`, counting into
 * `progress`; answers null when the repository has no bytes to give (404, 410). The digest is
 * computed by `hasher` on its worker thread while this thread reads the response (in server/,
 * the same thread also serves it: hashing here was a third of its time per byte).
 */
async function hashContent(c: RestConnection, hasher: WorkerSha256, id: string,
  bytesPerSecond: number, progress: (bytes: number) => void):
  Promise<{ sha256: string | null; bytes: number }> {
  let res: Response;
  try {
    res = await restCall(c, `${CORE}/nodes/${id}/content`, { headers: { accept: '*/*' } });
  } catch (err) {
    if (err instanceof RestError && (err.status === 404 || err.status === 410)) {
      return { sha256: null, bytes: 0 };
    }
    throw err;
  }
  const start = Date.now();
  let bytes = 0;
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    const copying = hasher.update(id, next.value);
    if (copying) await copying;
    bytes += next.value.byteLength;
    progress(next.value.byteLength);
    const ahead = bytes / bytesPerSecond * 1000 - (Date.now() - start);
    if (ahead > 5) await pause(ahead);
  }
  return { sha256: await hasher.digest(id), bytes };
}

/** The fixity round job kind. */
export function fixityJobs(opts: FixityJobOptions = {}): WorkerJobKind {
  const every = (opts.roundMinutes ?? roundMinutesFromEnv()) * 60_000;
  // The first scheduled round comes one interval after the start, as a timer's would.
  let lastAsked = Date.now();

  async function runRound(c: RestConnection, ctx: JobContext, id: string): Promise<JobOutcome> {
    let order: FixityOrder;
    try {
      order = (await restJson<{ order: FixityOrder }>(c, `${EFR}/fixity/rounds/${id}/claim`,
        post({}))).order;
    } catch (err) {
      // Another worker took it first, or it is gone: nothing to do.
      if (err instanceof RestError && (err.status === 409 || err.status === 404)) {
        return { id, state: 'skipped' };
      }
      throw err;
    }
    const total = order.recordings.reduce((s, r) => s + r.size, 0);
    ctx.say(`fixity round ${id}: ${order.recordings.length} recordings, ${total} bytes`);
    const rate = opts.unpaced ? Infinity : order.bytesPerHour / 3600;
    let done = 0;
    let reported = -1;
    const report = async (): Promise<void> => {
      if (done === reported) return;
      reported = done;
      await restCall(c, `${EFR}/fixity/rounds/${id}/progress`,
        post({ bytesDone: done, bytesTotal: Math.max(total, done) }));
    };
    let reporting: Promise<void> = Promise.resolve();
    let lost: unknown;
    const tick = setInterval(() => {
      reporting = reporting.then(report).catch((err: unknown) => {
        lost = err;
      });
    }, ctx.progressMs);
    let mismatches = 0;
    const hasher = new WorkerSha256();
    try {
      for (const r of order.recordings) {
        if (lost) throw lost;
        const t0 = Date.now();
        const read = await hashContent(c, hasher, r.id, rate, (n) => {
          done += n;
        });
        await reporting;
        await report();
        const check = await restJson<{ entry: { result: string } }>(c,
          `${EFR}/fixity/rounds/${id}/checks`, post({ recordingId: r.id, sha256: read.sha256,
            bytes: read.bytes, busyMs: Date.now() - t0 }));
        if (check.entry.result === 'mismatch' || check.entry.result === 'missing') {
          mismatches++;
          ctx.say(`fixity round ${id}: ${r.name} (${r.id}) ${check.entry.result}`);
        }
      }
    } finally {
      clearInterval(tick);
      await hasher.close();
    }
    await reporting;
    if (lost) throw lost;
    await restCall(c, `${EFR}/fixity/rounds/${id}/done`, post({}));
    ctx.say(`fixity round ${id} done: ${order.recordings.length} checked, ${mismatches} failed`);
    return { id, state: 'built', size: done };
  }

  return {
    name: 'fixity',
    async runWaiting(c, ctx) {
      if (every > 0 && Date.now() - lastAsked >= every) {
        lastAsked = Date.now();
        await restCall(c, `${EFR}/fixity/run`, post({ roundMinutes: every / 60_000 }));
      }
      return workWaiting(c, `${EFR}/fixity/rounds?state=requested&maxItems=10`, ctx.stopped,
        async (id) => {
          try {
            return await runRound(c, ctx, id);
          } catch (err) {
            // The lease was lost or the repository went away mid-round: the round is claimed
            // again once its lease lapses and goes on with what it has not checked.
            ctx.say(`fixity round ${id} stopped: ${(err as Error).message}`);
            return { id, state: 'failed', code: 'efr.fixity.interrupted' };
          }
        });
    },
  };
}
