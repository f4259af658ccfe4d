/**
 * `efr worker` (issue 15; DESIGN.md "Web scripts are written once"): does the work too heavy for
 * a web script. Beside ACS it runs as its own process; server/ runs the same class in-process
 * (server/src/worker/in-process.ts). Either way it works only through the repository's REST API
 * as a service user in `GROUP_EFR_WORKERS`, so one code path serves both hosts:
 *
 * 1. learns of jobs from the repository's event stream (ACS's `alfresco.repo.event2` topic on
 *    ActiveMQ, ./event-stream.ts) and polls as a fallback (events can be missed while
 *    disconnected; a poll finds every job still requested);
 * 2. claims a job (`POST /s/efr/evidence-packages/{id}/claim`; another worker may win: 409);
 * 3. reads the case and its sealed recordings through the REST API (../evidence/rest-source.ts),
 *    lays out and streams the disc image (../evidence/package-image.ts), checking each recording
 *    against its sealed SHA-256 while it is read (R26.1);
 * 4. uploads the image with `PUT /nodes/{id}/content` while hashing it, reporting progress every
 *    second (which renews its lease), then hands back the SHA-256 and size, which the repository
 *    checks against its own hash of the stored bytes;
 * 5. or reports the failure with its EFR code (does not fit the medium, a recording differs
 *    from its seal), so the requester sees why.
 *
 * Other job kinds live in ./jobs/: the access log's signed tree heads (./jobs/tree-head.ts,
 * with the deployment key), run before the disc jobs on each wake, and the kinds listed in
 * {@link defaultJobKinds} (a {@link WorkerJobKind} each), run after them: the generated
 * documents (./jobs/documents.ts, issue 15) and the fixity rounds (./jobs/fixity.ts, issue 18).
 */
import { createHash } from 'node:crypto';
import {
  FixityError, PackageTooLargeError, preparePackage,
} from '../evidence/package-image.js';
import {
  RestError, restCall, restJson, restPackageSource, type RestConnection,
} from '../evidence/rest-source.js';
import type { LogSigner } from '../access-log/tree-heads.js';
import { runTreeHeadJobs, SETTLE_MS } from './jobs/tree-head.js';
import { fixityJobs } from './jobs/fixity.js';
import { documentJobs } from './jobs/documents.js';

const EFR = '/alfresco/s/efr';
const CORE = '/alfresco/api/-default-/public/alfresco/versions/1';

/** A source of "something changed, look for jobs" signals (the event stream). */
export interface JobSignals {
  /** Calls `wake` on every event that may mean a new job. */
  subscribe(wake: () => void): void;
  /** Whether events currently arrive (the worker polls faster while they do not). */
  readonly connected: boolean;
  close(): Promise<void>;
}

/** What one worker is set up with. */
export interface WorkerOptions {
  /** The repository, as the worker's service user. */
  connection: RestConnection;
  /** Poll interval while events arrive (default 60 s). */
  pollMs?: number;
  /** Poll interval without events (default 5 s). */
  fallbackPollMs?: number;
  /** Interval of progress reports (default 1 s; each renews the job's lease). */
  progressMs?: number;
  /** The event stream, if any. */
  signals?: JobSignals;
  /** Name of the repository written as the disc's publisher. */
  source?: string;
  /** Where the worker says what it did (default: nowhere). */
  log?: (line: string) => void;
  // --- access-log ---
  /** The deployment key that signs the access log's tree heads (none: no heads are signed). */
  logSigner?: LogSigner;
  /** Interval of the scheduled tree heads (default a day). */
  treeHeadEveryMs?: number;
  /** How old an audit entry must be before a head covers it (default 60 s; server/: 0). */
  treeHeadSettleMs?: number;
  /** The job kinds besides discs (default {@link defaultJobKinds}). */
  jobs?: readonly WorkerJobKind[];
}

/** What a job kind gets from the worker running it. */
export interface JobContext {
  /** Whether stop() was called: finish the job in hand, take no other. */
  stopped(): boolean;
  say(line: string): void;
  /** Interval of progress reports (each renews the job's lease). */
  progressMs: number;
}

/**
 * A kind of job besides discs, in a file of its own under ./jobs/: on each wake it finds and
 * works the jobs of its kind that wait (and asks for scheduled ones), through the REST API.
 */
export interface WorkerJobKind {
  readonly name: string;
  runWaiting(c: RestConnection, ctx: JobContext): Promise<JobOutcome[]>;
}

/**
 * The job kinds every worker runs besides discs: generated documents (the PDFs Rhino cannot
 * render, issue 15) and fixity rounds (issue 18).
 */
export function defaultJobKinds(): WorkerJobKind[] {
  return [documentJobs(), fixityJobs()];
}

/** What the claim answers: what to build. */
interface BuildOrder {
  caseNumber: string | null;
  recordingIds: string[];
  producer: string | null;
  extractor: string | null;
  extractionTime: string | null;
  medium: string | null;
  label: string | null;
}

/** How one job ended, for logs and specs. */
export interface JobOutcome {
  id: string;
  state: 'built' | 'failed' | 'skipped';
  code?: string;
  sha256?: string;
  size?: number;
}

/**
 * Works every job a list web script answers waiting (`…/jobs?state=requested`), one at a time,
 * asking again until none is left or the worker stops; answers how each ended.
 */
export async function workWaiting(c: RestConnection, path: string, stopped: () => boolean,
  run: (id: string) => Promise<JobOutcome>): Promise<JobOutcome[]> {
  const out: JobOutcome[] = [];
  for (;;) {
    const list = await restJson<{ list: { entries: { entry: { id: string } }[] } }>(c, path);
    const ids = list.list.entries.map((e) => e.entry.id)
      .filter((id) => !out.some((o) => o.id === id));
    if (ids.length === 0 || stopped()) return out;
    for (const id of ids) {
      if (stopped()) return out;
      out.push(await run(id));
    }
  }
}

function body(value: unknown): RequestInit {
  return { method: 'POST', body: JSON.stringify(value) };
}

/** The worker: one job at a time, as many as are waiting on each wake. */
export class EfrWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  /** Not started, or stopped: no waking, no polling. */
  private idle = true;
  /** stop() was called: the job in hand is the last. */
  private stopped = false;

  private readonly kinds: readonly WorkerJobKind[];

  constructor(private readonly opts: WorkerOptions) {
    this.kinds = opts.jobs ?? defaultJobKinds();
  }

  private get c(): RestConnection {
    return this.opts.connection;
  }

  private say(line: string): void {
    this.opts.log?.(`efr worker: ${line}`);
  }

  /** Starts listening and polling. */
  start(): void {
    if (!this.idle || this.stopped) return;
    this.idle = false;
    this.opts.signals?.subscribe(() => this.wake());
    this.wake();
  }

  /** Stops after the job in hand (its lease lapses if the process dies instead). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.idle = true;
    clearTimeout(this.timer);
    await this.running;
    await this.opts.signals?.close();
  }

  /** Looks for jobs now (an event arrived, or the poll timer fired). */
  wake(): void {
    if (this.idle) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.idle) return;
      if (this.again) {
        this.again = false;
        this.wake();
        return;
      }
      const every = this.opts.signals?.connected
        ? this.opts.pollMs ?? 60_000 : this.opts.fallbackPollMs ?? 5_000;
      this.timer = setTimeout(() => this.wake(), every);
      this.timer.unref();
    });
  }

  private async drain(): Promise<void> {
    try {
      await this.runOnce();
    } catch (err) {
      // The repository is down or refuses the service user: said, and tried again later.
      this.say(`cannot reach the repository: ${(err as Error).message}`);
    }
  }

  /** Works through every requested job, discs first, then each kind's; answers how each ended. */
  async runOnce(): Promise<JobOutcome[]> {
    const out: JobOutcome[] = await this.treeHeads();
    out.push(...await this.runDiscJobs());
    const ctx: JobContext = { stopped: () => this.stopped, say: (line) => this.say(line),
      progressMs: this.opts.progressMs ?? 1000 };
    for (const kind of this.kinds) {
      if (this.stopped) break;
      out.push(...await kind.runWaiting(this.c, ctx));
    }
    return out;
  }

  /** Works through every requested disc job. */
  private runDiscJobs(): Promise<JobOutcome[]> {
    return workWaiting(this.c, `${EFR}/evidence-packages/jobs?state=requested&maxItems=10`,
      () => this.stopped, (id) => this.runJob(id));
  }

  /** Signs the tree heads asked for, and the day's (./jobs/tree-head.ts). */
  async treeHeads(): Promise<JobOutcome[]> {
    const signer = this.opts.logSigner;
    if (!signer) return [];
    try {
      const done = await runTreeHeadJobs(this.c, signer, this.opts.treeHeadEveryMs, Date.now(),
        this.opts.treeHeadSettleMs);
      for (const d of done) if (d.state === 'built') this.say(`signed tree head ${d.id}: ${d.treeSize} entries`);
      return done.map((d) => ({ id: d.id, state: d.state }));
    } catch (err) {
      if (err instanceof RestError && err.status >= 500) throw err;
      // An unreadable audit entry or a refused head: said, and the disc jobs still run.
      this.say(`tree head not signed: ${(err as Error).message}`);
      return [];
    }
  }

  /** Claims and builds one job. */
  async runJob(id: string): Promise<JobOutcome> {
    let order: BuildOrder;
    try {
      order = (await restJson<{ order: BuildOrder }>(this.c,
        `${EFR}/evidence-packages/${id}/claim`, body({}))).order;
    } catch (err) {
      if (err instanceof RestError && (err.status === 409 || err.status === 404)) {
        return { id, state: 'skipped' };
      }
      throw err;
    }
    this.say(`building ${id} (${order.caseNumber}, ${order.recordingIds.length} recordings)`);
    try {
      const built = await this.build(id, order);
      this.say(`built ${id}: ${built.size} bytes, sha256 ${built.sha256}`);
      return { id, state: 'built', ...built };
    } catch (err) {
      const failure = failureOf(err);
      this.say(`failed ${id}: ${failure.code} ${failure.message}`);
      try {
        await restCall(this.c, `${EFR}/evidence-packages/${id}/failure`, body(failure));
      } catch (report) {
        // The lease was lost (another worker took over) or the repository is gone: the job
        // is claimed again once the lease lapses.
        this.say(`could not report the failure of ${id}: ${(report as Error).message}`);
      }
      return { id, state: 'failed', code: failure.code };
    }
  }

  private async build(id: string, order: BuildOrder): Promise<{ sha256: string; size: number }> {
    if (!order.caseNumber || !order.extractionTime) {
      throw new JobFailure('efr.job.order', 'The job names no case or extraction time.');
    }
    const read = await restPackageSource(this.c, { caseNumber: order.caseNumber,
      producer: order.producer ?? '', extractor: order.extractor ?? '',
      extractionTime: order.extractionTime, medium: order.medium ?? '',
      label: order.label ?? '', recordingIds: order.recordingIds },
    // A disc's log entries need a signed head covering them (issue 18): signed now if none does,
    // once the newest has settled (a head leaves the last minute's entries to the next one).
    this.opts.logSigner ? async (newest: number) => {
      const settle = this.opts.treeHeadSettleMs ?? SETTLE_MS;
      const wait = Math.min(newest + settle + 1000 - Date.now(), settle + 1000);
      if (settle > 0 && wait > 0) await new Promise((done) => setTimeout(done, wait));
      await restCall(this.c, '/alfresco/s/efr/access-log/tree-heads', body({}));
      await this.treeHeads();
    } : undefined);
    const src = this.opts.source ? { ...read, facts: { ...read.facts, source: this.opts.source } }
      : read;
    const prepared = await preparePackage(src);
    let done = 0;
    const hash = createHash('sha256');
    let reporting: Promise<unknown> = Promise.resolve();
    let lost: Error | undefined;
    const report = (): void => {
      reporting = reporting.then(() => restCall(this.c, `${EFR}/evidence-packages/${id}/progress`,
        body({ bytesDone: done, bytesTotal: prepared.size }))).catch((err: Error) => {
        // 409: another worker took the job over after this one went quiet; stop uploading.
        if (err instanceof RestError && err.status === 409) lost = err;
      });
    };
    report();
    const tick = setInterval(report, this.opts.progressMs ?? 1000);
    // The image passes through here on its way to the upload: counted, hashed, and its own
    // failure kept (a fixity mismatch names the file; fetch would only say the body failed).
    const reader = prepared.stream().getReader();
    let streamError: unknown;
    const image = new ReadableStream<Uint8Array>({
      async pull(ctrl) {
        if (lost) {
          ctrl.error(lost);
          await reader.cancel(lost);
          return;
        }
        try {
          const next = await reader.read();
          if (next.done) {
            ctrl.close();
            return;
          }
          hash.update(next.value);
          done += next.value.byteLength;
          ctrl.enqueue(next.value);
        } catch (err) {
          streamError = err;
          ctrl.error(err);
        }
      },
      cancel: (reason) => reader.cancel(reason),
    }, { highWaterMark: 0 });
    try {
      await restCall(this.c, `${CORE}/nodes/${id}/content`, { method: 'PUT', body: image,
        headers: { 'content-type': 'application/x-iso9660-image' }, duplex: 'half' } as RequestInit);
    } catch (err) {
      throw streamError ?? lost ?? err;
    } finally {
      clearInterval(tick);
    }
    report();
    await reporting;
    if (lost) throw lost;
    const result = { sha256: hash.digest('hex'), size: done };
    await restCall(this.c, `${EFR}/evidence-packages/${id}/result`, body(result));
    return result;
  }
}

/** A failure the worker names with its own code. */
export class JobFailure extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'JobFailure';
  }
}

/** The failure report of an error: EFR's code and a sentence for the requester. */
export function failureOf(err: unknown): Record<string, string> & { code: string; message: string } {
  if (err instanceof FixityError) {
    return { code: 'efr.evidence.fixityMismatch', message: `${err.message} (R26.1)`,
      recordingId: err.recordingId, path: err.path, expected: err.expected, actual: err.actual };
  }
  if (err instanceof PackageTooLargeError) {
    const split = err.split?.map((d, i) => `光盘 ${i + 1} / disc ${i + 1}: ` +
      `${d.recordingIds.length} (${d.imageBytes} bytes)`).join('; ');
    return { code: 'efr.evidence.exceedsMedium',
      message: `${err.message} (R23.1)${split ? `; ${split}` : ''}` };
  }
  if (err instanceof JobFailure) return { code: err.code, message: err.message };
  if (err instanceof RestError) {
    // One code (its sentence is in docs/glossary.md); the status goes with the message.
    return { code: 'efr.job.repository',
      message: `${err.status} ${err.message}`.slice(0, 1900) };
  }
  return { code: 'efr.job.error', message: String((err as Error)?.message ?? err).slice(0, 1900) };
}
