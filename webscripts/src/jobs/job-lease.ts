/**
 * The one job lease of efr worker's jobs (issue 15), for every kind whose node carries the
 * `efr:packageJob` aspect: the job of a node, the worker's right to write its content, and the
 * claim, progress and end of a job as core/src/package-job.ts decides them. The evidence discs
 * and the generated documents (../documents/documents.ts) claim, renew and end their jobs here;
 * what a kind adds (its order, its checks of the result, its log entries) stays with the kind.
 */
import {
  checkJobClaim, checkJobFailure, checkJobProgress, checkJobWorker, GROUP_EFR_WORKERS,
  JOB_STATES, leaseFrom, refuse, type PackageJob,
} from '../../../core/src/index.js';
import type { PortNode, PortValue, RepositoryPort } from '../repository-port.js';
import { invalidArgument, type WebScriptCall } from '../web-script.js';
import { jobOf, oldestFirst } from '../evidence-packages/package-json.js';

/**
 * The jobs of nodes of `type` in the state `?state=` asks (requested by default), oldest
 * first, for a worker only (core's checkJobWorker; 400 for another state).
 */
export function waitingJobs(port: RepositoryPort, call: WebScriptCall, type: string):
  PortNode[] {
  port.enforce(checkJobWorker(port.currentUser()), 'job.list', null);
  const state = call.query.state || 'requested';
  if ((JOB_STATES as readonly string[]).indexOf(state) < 0) {
    throw invalidArgument('state must be one of ' + JOB_STATES.join(', '));
  }
  return port.nodesWhere(type, 'efr:jobState', state).sort(oldestFirst);
}

/** The job of node `n` for a step on it (409 for a node made before jobs existed). */
export function leasedJob(port: RepositoryPort, n: PortNode, step: string,
  requirement: string): PackageJob {
  const job = jobOf(n);
  if (job === null) {
    port.enforce(refuse(409, 'efr.job.finished', requirement,
      'The job has already finished.', '该任务已结束。'), step, n.id);
  }
  return job as PackageJob;
}

/**
 * The worker's right to write the node's content: Collaborator while it holds the job,
 * granted by the claim (taking back a grant of a worker whose lease lapsed) and taken back by
 * the result or failure, so that `PUT /nodes/{id}/content` works for it and for nobody else of
 * the workers.
 */
export function setWorkerGrant(port: RepositoryPort, id: string, worker: string | null): void {
  let held = false;
  for (const ace of port.permissions(id)) {
    const [access, authority, role] = ace.split(';');
    if (access !== 'ALLOWED' || role !== 'Collaborator') continue;
    if (authority === worker) held = true;
    else if (port.groupsOf(authority).indexOf(GROUP_EFR_WORKERS) >= 0) {
      port.removePermission(id, authority, 'Collaborator');
    }
  }
  if (worker !== null && !held) port.setPermission(id, worker, 'Collaborator');
}

/**
 * A worker claims the job of `n` (core's checkJobWorker, checkJobClaim): the grant first (in
 * ACS the worker then writes the job's properties with its own rights), then the state, the
 * worker and a fresh lease. Answers the node as claimed and the job as it was.
 */
export function claimLeasedJob(port: RepositoryPort, n: PortNode, step: string,
  requirement: string): { node: PortNode; before: PackageJob } {
  const user = port.currentUser();
  port.enforce(checkJobWorker(user), step, n.id);
  const job = leasedJob(port, n, step, requirement);
  const now = port.now();
  port.enforce(checkJobClaim(job, user, now), step, n.id);
  setWorkerGrant(port, n.id, user.userName);
  port.updateNode(n.id, { 'efr:jobState': 'building', 'efr:jobWorker': user.userName,
    'efr:jobLeaseUntil': leaseFrom(now), 'efr:jobBytesDone': 0 });
  port.logStep(step, n.id, { previousWorker: job.worker || '', requirement });
  return { node: port.node(n.id) || n, before: job };
}

/**
 * A progress report `{bytesDone, bytesTotal}` of the holder, which renews its lease: written
 * with the worker's grant, or as the repository for a kind whose node the worker never writes
 * (a fixity round).
 */
export function reportLeasedProgress(port: RepositoryPort, n: PortNode,
  b: Record<string, unknown>, step: string, requirement: string,
  asRepository = false): PortNode {
  const job = leasedJob(port, n, step, requirement);
  const now = port.now();
  port.enforce(checkJobProgress(job, port.currentUser(), now, b.bytesDone, b.bytesTotal), step,
    n.id);
  const write = () => port.updateNode(n.id, { 'efr:jobBytesDone': b.bytesDone as number,
    'efr:jobBytesTotal': b.bytesTotal as number, 'efr:jobLeaseUntil': leaseFrom(now) });
  return asRepository ? port.asRepository(write) : write();
}

/** Ends the job of `n` as built with `props` (the kind's own), taking the grant back. */
export function finishLeasedJob(port: RepositoryPort, n: PortNode,
  props: Record<string, PortValue>): PortNode {
  const p: Record<string, PortValue> = { 'efr:jobState': 'built',
    'efr:jobFinishedAt': port.now() };
  for (const k in props) if (props.hasOwnProperty(k)) p[k] = props[k];
  const built = port.updateNode(n.id, p);
  setWorkerGrant(port, n.id, null);
  return built;
}

const SHORT_TEXT = 200;

/** An optional text detail of a failure report (400 when not text or too long). */
export function failureDetail(b: Record<string, unknown>, key: string): string | null {
  const v = b[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || v.length > SHORT_TEXT) {
    throw invalidArgument(key + ' must be a string of at most ' + SHORT_TEXT + ' characters');
  }
  return v;
}

/**
 * The holder reports the failure `{code, message}` (core's checkJobFailure): the job ends
 * `failed` with the reason kept for the requester, the grant taken back, logged as `step`.
 */
export function failLeasedJob(port: RepositoryPort, n: PortNode, b: Record<string, unknown>,
  step: string, requirement: string): PortNode {
  const job = leasedJob(port, n, step, requirement);
  const now = port.now();
  port.enforce(checkJobFailure(job, port.currentUser(), now, b.code, b.message), step, n.id);
  const code = b.code as string;
  const message = b.message as string;
  const failed = port.updateNode(n.id, { 'efr:jobState': 'failed', 'efr:jobErrorCode': code,
    'efr:jobError': message, 'efr:jobFinishedAt': now });
  setWorkerGrant(port, n.id, null);
  port.logStep(step, n.id, { code, message, requirement });
  return failed;
}
