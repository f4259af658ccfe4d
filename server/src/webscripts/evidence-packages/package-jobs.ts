/**
 * Evidence discs as jobs (issue 15; R23.1): `POST /evidence-packages` records the request as
 * an `efr:evidencePackage` with the `efr:packageJob` aspect and no content; `efr worker` (beside
 * ACS, or in-process here: server/src/worker/) claims it, builds the image through the REST API,
 * uploads it with `PUT /nodes/{id}/content` and hands back its SHA-256 and size, which the
 * repository checks against the bytes it stored before the package counts as made. Every step is
 * decided by core/src/package-job.ts and written to the access log.
 *
 * - `GET  /evidence-packages/jobs?state=requested` — jobs to do (workers only);
 * - `GET  /evidence-packages/{id}` — one package with its progress (the screen polls it);
 * - `POST /evidence-packages/{id}/claim` — take a requested (or abandoned) job, answers what to
 *   build;
 * - `POST /evidence-packages/{id}/progress` `{bytesDone, bytesTotal}` — renews the lease;
 * - `POST /evidence-packages/{id}/result` `{sha256, size}` — the image is made;
 * - `POST /evidence-packages/{id}/failure` `{code, message, recordingId?, path?, expected?,
 *   actual?}` — the job failed (a fixity mismatch is also logged as an alert on the recording).
 */
import { EventEmitter } from 'node:events';
import type { DiscJob } from '../../../../contract/index.js';
import {
  checkJobClaim, checkJobFailure, checkJobProgress, checkJobResult, isWorker, JOB_STATES,
  jobPercent, leaseFrom, type JobReadGrant, type JobState, type PackageJob,
} from '../../../../core/src/index.js';
import type { Db } from '../../db/database.js';
import { badRequest, notFound } from '../../http/errors.js';
import { listBody, pageOf, parsePaging } from '../../http/paging.js';
import { formatAcsDate } from '../../model/property-values.js';
import { NodeRows, type NodeRow } from '../../repo/node-rows.js';
import { updateNode } from '../../repo/node-updates.js';
import { localAces, type Ace } from '../../repo/permissions.js';
import type { Caller, Repository } from '../../repo/repository.js';
import { toInstant } from '../../rules/recording-state.js';
import {
  actorOf, bodyOf, elevated, nowIso, readableOfType, textOf,
} from '../devices/record-writes.js';
import type { WebScriptModule } from '../web-script-host.js';

const PACKAGE = 'efr:evidencePackage';

/**
 * Job requests inside this process: `requested` after a request commits, for server/'s
 * in-process worker (server/src/worker/in-process.ts), as ACS's event stream tells a worker
 * beside ACS.
 */
export const jobRequests = new EventEmitter();

function numberOf(n: NodeRow, key: string): number {
  const v = n.props[key];
  return typeof v === 'number' ? v : Number(v ?? 0) || 0;
}

/** The job of a package node, or null for a package made before jobs existed. */
export function jobOf(n: NodeRow): PackageJob | null {
  if (!n.aspects.includes('efr:packageJob')) return null;
  const state = textOf(n, 'efr:jobState') as JobState | null;
  return {
    state: state !== null && (JOB_STATES as readonly string[]).includes(state) ? state : 'failed',
    worker: textOf(n, 'efr:jobWorker'),
    leaseUntil: toInstant(n.props['efr:jobLeaseUntil']),
    bytesDone: numberOf(n, 'efr:jobBytesDone'),
    bytesTotal: numberOf(n, 'efr:jobBytesTotal'),
  };
}

/**
 * The disc jobs copying a recording, as core's `mayWorkerRead` reads them (who holds each and
 * until when): the worker reads the recording's content and its access-log entries (the disc's
 * extract) only while it holds one of them.
 */
export function jobsCopying(db: Db, recordingId: string): JobReadGrant[] {
  const rows = new NodeRows(db);
  return (db.prepare(`SELECT source_id FROM peer_assocs WHERE target_id = ? AND
    type = 'efr:packageRecordings'`).all(recordingId) as { source_id: string }[])
    .map((r) => rows.get(r.source_id))
    .filter((p): p is NodeRow => p !== undefined && p.type === PACKAGE)
    .flatMap((p) => {
      const job = jobOf(p);
      return job === null ? [] : [{ state: job.state, worker: job.worker,
        leaseUntil: job.leaseUntil, recordingIds: [recordingId] }];
    });
}

/** What the screens and workers read of a job (contract/evidence-packages.ts DiscJob). */
export type JobJson = DiscJob;

/** The job part of a package's JSON (`built` for a package made before jobs existed). */
export function jobJson(n: NodeRow): JobJson {
  const job = jobOf(n) ?? { state: 'built' as const, worker: null, leaseUntil: null,
    bytesDone: n.content?.size ?? 0, bytesTotal: n.content?.size ?? 0 };
  const code = textOf(n, 'efr:jobErrorCode');
  return { state: job.state, bytesDone: job.bytesDone, bytesTotal: job.bytesTotal,
    percent: jobPercent(job), worker: job.worker,
    finishedAt: toInstant(n.props['efr:jobFinishedAt']),
    error: code === null ? null : { code, message: textOf(n, 'efr:jobError') ?? '' } };
}

/** A package the caller may read, with its job (404 otherwise). */
function packageOf(repo: Repository, c: Caller, id: string): NodeRow {
  return readableOfType(repo, c, id, PACKAGE);
}

/** The job of a package for a step on it (409 for a package that is no job). */
function jobFor(repo: Repository, c: Caller, n: NodeRow, step: string): PackageJob {
  const job = jobOf(n);
  if (job === null) {
    repo.enforce(c, { allowed: false, status: 409, code: 'efr.job.finished', requirement: 'R23.1',
      message: 'The disc was made before jobs existed.', messageZh: '该光盘已制作完成。' },
    step, n);
  }
  return job as PackageJob;
}

/** Writes job properties as the step's own (the caller is marked as a workflow step). */
function setJob(repo: Repository, c: Caller, n: NodeRow, props: Record<string, unknown>): NodeRow {
  return updateNode(repo, elevated(repo, c), n, { properties: props });
}

/**
 * The worker's right to write the image: Collaborator on the package while it holds the job,
 * granted by the claim and taken back by the result or failure (as the module's steps grant a
 * viewer Consumer), so `PUT /nodes/{id}/content` works for it and for nobody else.
 */
function setWorkerGrant(repo: Repository, c: Caller, n: NodeRow, worker: string | null): NodeRow {
  const others = localAces(repo.db, n.id).filter((a) => !(a.name === 'Collaborator' &&
    a.authorityId !== worker && repo.auth.groupsOf(a.authorityId).includes('GROUP_EFR_WORKERS')));
  const aces: Ace[] = worker === null || others.some((a) => a.authorityId === worker)
    ? others : [...others, { authorityId: worker, name: 'Collaborator', accessStatus: 'ALLOWED' }];
  return updateNode(repo, elevated(repo, c), n, { permissions: { locallySet: aces } });
}

/** What a worker is told to build. */
export interface BuildOrder {
  caseId: string | null;
  caseNumber: string | null;
  recordingIds: string[];
  producer: string | null;
  extractor: string | null;
  extractionTime: string | null;
  medium: string | null;
  label: string | null;
}

function buildOrder(repo: Repository, n: NodeRow): BuildOrder {
  const recs = repo.db.prepare(`SELECT target_id FROM peer_assocs WHERE source_id = ? AND
    type = 'efr:packageRecordings' ORDER BY target_id`).all(n.id) as { target_id: string }[];
  const kase = repo.db.prepare(`SELECT target_id FROM peer_assocs WHERE source_id = ? AND
    type = 'efr:packageCase'`).get(n.id) as { target_id: string } | undefined;
  return { caseId: kase?.target_id ?? null, caseNumber: textOf(n, 'efr:caseNumber'),
    recordingIds: recs.map((r) => r.target_id), producer: textOf(n, 'efr:producer'),
    extractor: textOf(n, 'efr:extractor'), extractionTime: toInstant(n.props['efr:extractionTime']),
    medium: textOf(n, 'efr:medium'), label: textOf(n, 'efr:discLabel') };
}

function requireWorker(repo: Repository, c: Caller, step: string, n: NodeRow | null): void {
  if (isWorker(actorOf(c))) return;
  repo.enforce(c, { allowed: false, status: 403, code: 'efr.job.notWorker', requirement: 'R23.1',
    message: 'Only the EFR worker service account works on jobs.',
    messageZh: '仅 EFR 后台服务账号可以处理任务。' }, step, n);
}

const SHORT_TEXT = 200;

function detail(b: Record<string, unknown>, key: string): string | undefined {
  const v = b[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.length > SHORT_TEXT) {
    throw badRequest(`${key} must be a string of at most ${SHORT_TEXT} characters`);
  }
  return v;
}

/** What a worker's step on a job starts from: its caller, body, package, job and clock. */
interface JobStep {
  c: Caller;
  b: Record<string, unknown>;
  n: NodeRow;
  job: PackageJob;
  now: string;
}

/** Reads a worker's step on the job `id` (404 for no package, 409 for no job). */
function jobStep(repo: Repository, req: { caller: Caller; body: unknown;
  params: Record<string, string> }, step: string): JobStep {
  const c = req.caller;
  const n = packageOf(repo, elevated(repo, c), req.params.id);
  return { c, b: bodyOf(req.body), n, job: jobFor(repo, c, n, step), now: nowIso(c) };
}

/** The web scripts of disc jobs; `packageJson` renders a package with its job. */
export function packageJobsModule(
  packageJson: (repo: Repository, n: NodeRow) => unknown,
): WebScriptModule {
  return (ws, repo) => {
    ws.get('/evidence-packages/jobs', (req) => {
      const c = req.caller;
      requireWorker(repo, c, 'job.list', null);
      const state = typeof req.query.state === 'string' ? req.query.state : 'requested';
      if (!(JOB_STATES as readonly string[]).includes(state)) {
        throw badRequest(`state must be one of ${JOB_STATES.join(', ')}`);
      }
      const rows = repo.db.prepare(`SELECT node_id FROM node_props WHERE qname = 'efr:jobState'
        AND v_text = ? ORDER BY node_id`).all(state) as { node_id: string }[];
      const paging = parsePaging(req.query);
      const all = rows.map((r) => repo.rows.get(r.node_id))
        .filter((n): n is NodeRow => n !== undefined && n.type === PACKAGE)
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((n) => packageJson(repo, n));
      return { body: listBody(pageOf(all, paging), paging, all.length) };
    });

    ws.get('/evidence-packages/{id}', (req) => {
      const n = packageOf(repo, req.caller, req.params.id);
      return { body: { entry: packageJson(repo, n) } };
    });

    ws.post('/evidence-packages/{id}/claim', (req) => {
      const c = req.caller;
      const n = packageOf(repo, elevated(repo, c), req.params.id);
      requireWorker(repo, c, 'job.claim', n);
      const job = jobFor(repo, c, n, 'job.claim');
      const now = nowIso(c);
      repo.enforce(c, checkJobClaim(job, actorOf(c), now), 'job.claim', n);
      const claimed = repo.db.transaction(() => {
        setJob(repo, c, n, { 'efr:jobState': 'building', 'efr:jobWorker': c.userId,
          'efr:jobLeaseUntil': formatAcsDate(Date.parse(leaseFrom(now))), 'efr:jobBytesDone': 0 });
        return setWorkerGrant(repo, c, repo.rows.get(n.id) as NodeRow, c.userId);
      })();
      repo.log({ user: c.userId, action: 'job.claim', nodeId: n.id, values: {
        previousWorker: job.worker ?? '', requirement: 'R23.1' } });
      return { body: { entry: packageJson(repo, claimed), order: buildOrder(repo, claimed) } };
    });

    ws.post('/evidence-packages/{id}/progress', (req) => {
      const { c, b, n, job, now } = jobStep(repo, req, 'job.progress');
      repo.enforce(c, checkJobProgress(job, actorOf(c), now, b.bytesDone, b.bytesTotal),
        'job.progress', n);
      const next = setJob(repo, c, n, { 'efr:jobBytesDone': b.bytesDone,
        'efr:jobBytesTotal': b.bytesTotal,
        'efr:jobLeaseUntil': formatAcsDate(Date.parse(leaseFrom(now))) });
      return { body: { entry: packageJson(repo, next) } };
    });

    ws.post('/evidence-packages/{id}/result', (req) => {
      const { c, b, n, job, now } = jobStep(repo, req, 'job.result');
      repo.enforce(c, checkJobResult(job, actorOf(c), now, b.sha256, b.size), 'job.result', n);
      // The repository vouches for the image, not the worker: its own digest of what it stored.
      if (n.content?.sha256 !== b.sha256 || n.content?.size !== b.size) {
        repo.enforce(c, { allowed: false, status: 422, code: 'efr.job.imageMismatch',
          requirement: 'R23.1', message: 'The stored image differs from the one reported.',
          messageZh: '已保存的光盘映像与报告的不一致。' }, 'job.result', n);
      }
      const order = buildOrder(repo, n);
      const done = repo.db.transaction(() => {
        setJob(repo, c, n, { 'efr:jobState': 'built', 'efr:imageSha256': b.sha256,
          'efr:imageSize': b.size, 'efr:jobBytesDone': b.size, 'efr:jobBytesTotal': b.size,
          'efr:jobFinishedAt': formatAcsDate(c.rule.now) });
        const built = setWorkerGrant(repo, c, repo.rows.get(n.id) as NodeRow, null);
        const requestedBy = n.createdBy;
        for (const target of [n.id, ...order.recordingIds]) {
          repo.log({ user: requestedBy, action: 'evidence.package', nodeId: target, values: {
            packageId: n.id, caseNumber: order.caseNumber ?? '', imageSha256: String(b.sha256),
            producer: order.producer ?? '', extractor: order.extractor ?? '',
            medium: order.medium ?? '', recordings: String(order.recordingIds.length),
            builtBy: c.userId, requirement: 'R23.1' } });
        }
        return built;
      })();
      return { body: { entry: packageJson(repo, done) } };
    });

    ws.post('/evidence-packages/{id}/failure', (req) => {
      const { c, b, n, job, now } = jobStep(repo, req, 'job.failure');
      const recordingId = detail(b, 'recordingId');
      const path = detail(b, 'path');
      const expected = detail(b, 'expected');
      const actual = detail(b, 'actual');
      repo.enforce(c, checkJobFailure(job, actorOf(c), now, b.code, b.message), 'job.failure', n);
      const order = buildOrder(repo, n);
      if (recordingId !== undefined && !order.recordingIds.includes(recordingId)) {
        throw notFound(`The recording ${recordingId} is not on this disc`);
      }
      const failed = repo.db.transaction(() => {
        setJob(repo, c, n, { 'efr:jobState': 'failed',
          'efr:jobErrorCode': b.code, 'efr:jobError': b.message,
          'efr:jobFinishedAt': formatAcsDate(c.rule.now) });
        const next = setWorkerGrant(repo, c, repo.rows.get(n.id) as NodeRow, null);
        repo.log({ user: c.userId, action: 'job.failure', nodeId: n.id, values: {
          code: String(b.code), message: String(b.message), requirement: 'R23.1' } });
        if (recordingId !== undefined && b.code === 'efr.evidence.fixityMismatch') {
          // An alert: the stored original no longer matches its seal (R26.1).
          repo.log({ user: c.userId, action: 'evidence.fixityMismatch', nodeId: recordingId,
            values: { path: path ?? '', expected: expected ?? '', actual: actual ?? '',
              caseNumber: order.caseNumber ?? '', packageId: n.id, requirement: 'R26.1' } });
        }
        return next;
      })();
      return { body: { entry: packageJson(repo, failed) } };
    });
  };
}
