/**
 * Jobs too heavy for a web script (issue 15; DESIGN.md "Web scripts are written once"): an
 * evidence disc (R23.1) of several gigabytes cannot be written inside ACS's Rhino, so the web
 * script records the request as an `efr:packageJob` and `efr worker`, beside ACS (or in-process
 * in server/), claims it, builds the image through the REST API and hands the result back.
 *
 * This file decides every step of a job; the hosts only store what it allows:
 *
 *   requested ──claim──▶ building ──result──▶ built
 *       ▲                   │  └────fail────▶ failed
 *       └──(lease expired: another worker may claim it again)
 *
 * A worker holds a job for a lease; each progress report renews it. A worker that died (killed,
 * network gone) leaves the job `building` with an old lease: any worker may claim it again, and
 * the first worker's later reports are refused, so two images of one job never both land.
 */
import { GROUP_EFR_WORKERS, isMember } from './roles.js';
import type { Actor } from './roles.js';
import { allow, refuse } from './verdict.js';
import type { Verdict } from './verdict.js';
import { isNonBlank, isSha256Hex, parseInstant, requireInstant } from './validation.js';

/** The states of a job, in order. */
export const JOB_STATES = ['requested', 'building', 'built', 'failed'] as const;

/** One of {@link JOB_STATES}. */
export type JobState = (typeof JOB_STATES)[number];

/** How long a claim or progress report holds a job for its worker. */
export const JOB_LEASE_MS = 5 * 60 * 1000;

/** Reports are counted in bytes; a disc of any medium EFR writes is below this. */
export const JOB_MAX_BYTES = 128 * 1024 * 1024 * 1024;

/** A job as the rules see it. */
export interface PackageJob {
  state: JobState;
  /** The worker holding it (user name), or null before a claim. */
  worker: string | null;
  /** Until when that worker holds it (ISO instant), or null. */
  leaseUntil: string | null;
  /** Bytes written so far. */
  bytesDone: number;
  /** Bytes the image will have (0 until known). */
  bytesTotal: number;
}

/** Whether the actor may work on jobs: members of `GROUP_EFR_WORKERS` (the service user). */
export function isWorker(actor: Actor): boolean {
  return isMember(actor, GROUP_EFR_WORKERS);
}

function notWorker(): Verdict {
  return refuse(403, 'efr.job.notWorker', 'R23.1',
    'Only the EFR worker service account works on jobs.', '仅 EFR 后台服务账号可以处理任务。');
}

/** Whether `actor` may take a worker's step at all (list the jobs): 403 for anyone else. */
export function checkJobWorker(actor: Actor): Verdict {
  return isWorker(actor) ? allow() : notWorker();
}

function leaseLive(job: Pick<PackageJob, 'leaseUntil'>, now: number): boolean {
  const until = job.leaseUntil === null ? null : parseInstant(job.leaseUntil);
  return until !== null && until > now;
}

/** Whether `actor` may claim the job at `now`: a requested job, or one whose worker went quiet. */
export function checkJobClaim(job: PackageJob, actor: Actor, now: string): Verdict {
  const at = requireInstant(now, 'now');
  if (!isWorker(actor)) return notWorker();
  if (job.state === 'requested') return allow();
  if (job.state === 'building' && !leaseLive(job, at)) return allow();
  if (job.state === 'building') {
    return refuse(409, 'efr.job.claimed', 'R23.1',
      `The job is being built by ${job.worker ?? 'another worker'}.`, '该任务正由其他后台服务处理。');
  }
  return refuse(409, 'efr.job.finished', 'R23.1', 'The job has already finished.', '该任务已结束。');
}

/** Whether a report comes from the worker that holds the job now (lease live), any job kind. */
export function checkJobHolder(job: PackageJob, actor: Actor, now: number): Verdict {
  if (!isWorker(actor)) return notWorker();
  if (job.state !== 'building') {
    return refuse(409, 'efr.job.notBuilding', 'R23.1',
      'The job is not being built.', '该任务不在制作中。');
  }
  if (job.worker !== actor.userName || !leaseLive(job, now)) {
    return refuse(409, 'efr.job.leaseLost', 'R23.1',
      'The job was claimed again after this worker went quiet; its work is discarded.',
      '该任务因本服务长时间无响应已被重新领取，本次结果不予采用。');
  }
  return allow();
}

function isByteCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= JOB_MAX_BYTES;
}

/**
 * Whether new content may be written to a package: only the image of a job, by the worker
 * holding it (through the REST API's `PUT /nodes/{id}/content`, the streaming path both hosts
 * have); a finished package's image never changes (R23.1, R26.1).
 */
export function checkJobUpload(job: PackageJob | null, actor: Actor, now: string): Verdict {
  if (job === null || job.state === 'built' || job.state === 'failed') {
    return refuse(403, 'efr.workflow.stepsOnly', 'R23.1',
      'An evidence disc\'s image is written only by the worker building it.',
      '证据光盘映像只能由正在制作的后台服务写入。');
  }
  return checkJobHolder(job, actor, requireInstant(now, 'now'));
}

/** A progress report: bytes written so far out of the total, never going back. */
export function checkJobProgress(job: PackageJob, actor: Actor, now: string,
  bytesDone: unknown, bytesTotal: unknown): Verdict {
  const holder = checkJobHolder(job, actor, requireInstant(now, 'now'));
  if (!holder.allowed) return holder;
  if (!isByteCount(bytesDone) || !isByteCount(bytesTotal) || bytesDone > bytesTotal ||
    bytesDone < job.bytesDone) {
    return refuse(422, 'efr.job.progress', 'R23.1',
      'Progress is a byte count between the last report and the total.',
      '进度须为不小于上次报告且不超过总量的字节数。');
  }
  return allow();
}

/** The finished image handed back: its SHA-256 and size, checked again when stored. */
export function checkJobResult(job: PackageJob, actor: Actor, now: string,
  sha256: unknown, size: unknown): Verdict {
  const holder = checkJobHolder(job, actor, requireInstant(now, 'now'));
  if (!holder.allowed) return holder;
  if (typeof sha256 !== 'string' || !isSha256Hex(sha256) || !isByteCount(size) || size === 0) {
    return refuse(422, 'efr.job.result', 'R23.1',
      'The result needs the image\'s SHA-256 (64 hex digits) and its size in bytes.',
      '结果须包含光盘映像的 SHA-256（64 位十六进制）及其字节数。');
  }
  return allow();
}

/** A failure report: the reason is kept for the requester (R23.1 refusals keep their code). */
export function checkJobFailure(job: PackageJob, actor: Actor, now: string,
  code: unknown, message: unknown): Verdict {
  const holder = checkJobHolder(job, actor, requireInstant(now, 'now'));
  if (!holder.allowed) return holder;
  if (typeof code !== 'string' || !/^[a-zA-Z0-9_.]{1,100}$/.test(code) ||
    typeof message !== 'string' || !isNonBlank(message) || message.length > 2000) {
    return refuse(422, 'efr.job.failure', 'R23.1',
      'A failure needs a code and a message (at most 2,000 characters).',
      '失败报告须包含代码和说明（不超过 2000 字）。');
  }
  return allow();
}

/** The lease of a claim or report made at `now`. */
export function leaseFrom(now: string): string {
  return new Date(requireInstant(now, 'now') + JOB_LEASE_MS).toISOString();
}

/** Share of the work done, 0–100, for the screens (0 while the total is unknown). */
export function jobPercent(job: Pick<PackageJob, 'bytesDone' | 'bytesTotal' | 'state'>): number {
  if (job.state === 'built') return 100;
  if (job.bytesTotal <= 0) return 0;
  return Math.min(100, Math.floor((job.bytesDone * 100) / job.bytesTotal));
}

/** A job as the content-read rule sees it: who holds it and which recordings it copies. */
export interface JobReadGrant extends Pick<PackageJob, 'state' | 'worker' | 'leaseUntil'> {
  recordingIds: readonly string[];
}

/**
 * Whether a worker may read a recording's content: only while it holds a live claim on a job
 * that copies that recording (R23.1, R24.2). A worker is no viewer: outside its jobs it reads
 * nothing, and each read is logged as its own (the hosts' content-read log).
 */
export function mayWorkerRead(actor: Actor, recordingId: string, jobs: readonly JobReadGrant[],
  now: string): boolean {
  if (!isWorker(actor)) return false;
  const at = requireInstant(now, 'now');
  for (const job of jobs) {
    // No object spread: this rule runs in Rhino too (the module's onContentRead), where the
    // lowered spread needs Object.getOwnPropertySymbols, which Rhino 1.7.14 lacks.
    if (job.state === 'building' && job.worker === actor.userName && leaseLive(job, at) &&
      job.recordingIds.indexOf(recordingId) >= 0) return true;
  }
  return false;
}
