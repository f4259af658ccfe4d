/**
 * Evidence packages (R23.1) and their build jobs (issue 15) as both hosts answer them, read
 * through the repository port; and a package node's job as core/src/package-job.ts sees it,
 * which server/'s content rules and the module's behaviours read too (a stored node of either
 * host: dates as ISO 8601 or as ACS writes them, `…+0000`).
 */
import type { DiscJob, EvidencePackage } from '../../../contract/index.js';
import {
  JOB_STATES, jobPercent, parseInstant, type JobReadGrant, type JobState, type PackageJob,
} from '../../../core/src/index.js';
import { textProp, type PortNode, type RepositoryPort } from '../repository-port.js';

/** The type of a package. */
export const PACKAGE = 'efr:evidencePackage';

/** The type of a fixity audit round (issue 18), a job of the same aspect. */
export const FIXITY_ROUND = 'efr:fixityRound';

/** The aspect of a package built by efr worker. */
export const PACKAGE_JOB = 'efr:packageJob';

/** The properties a package's job is read from. */
export const JOB_PROPERTIES: readonly string[] = ['efr:jobState', 'efr:jobWorker',
  'efr:jobLeaseUntil', 'efr:jobBytesDone', 'efr:jobBytesTotal'];

/** A stored node as far as its job is read: aspects and properties of either host. */
export interface JobNodeLike {
  readonly aspects: readonly string[];
  readonly props: { readonly [name: string]: unknown };
}

/** A date property as ISO 8601 UTC (`…Z`), or null: ISO, or ACS's `…+0000`. */
export function instantOf(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const ms = parseInstant(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return ms === null ? null : new Date(ms).toISOString();
}

/** A number property of either host (a number, or its text), 0 when unset or not a number. */
export function numberOf(v: unknown): number {
  if (typeof v === 'number') return v;
  const n = Number(v === undefined || v === null ? 0 : v);
  return isNaN(n) ? 0 : n;
}

function textOf(n: JobNodeLike, name: string): string | null {
  const v = n.props[name];
  return typeof v === 'string' ? v : null;
}

/** The job of a package node, or null for a package made before jobs existed. */
export function jobOf(n: JobNodeLike): PackageJob | null {
  if (n.aspects.indexOf(PACKAGE_JOB) < 0) return null;
  const state = textOf(n, 'efr:jobState');
  return {
    state: state !== null && (JOB_STATES as readonly string[]).indexOf(state) >= 0
      ? state as JobState : 'failed',
    worker: textOf(n, 'efr:jobWorker'),
    leaseUntil: instantOf(n.props['efr:jobLeaseUntil']),
    bytesDone: numberOf(n.props['efr:jobBytesDone']),
    bytesTotal: numberOf(n.props['efr:jobBytesTotal']),
  };
}

/**
 * The disc jobs copying a recording, as core's `mayWorkerRead` reads them (who holds each and
 * until when), from the packages that name it (`efr:packageRecordings` sources) and the
 * fixity rounds that re-hash it (`efr:roundRecordings` sources, issue 18): the worker reads
 * the recording's content and its access-log entries only while it holds one of them.
 */
export function jobReadGrants(packages: readonly (JobNodeLike & { type: string })[],
  recordingId: string): JobReadGrant[] {
  const out: JobReadGrant[] = [];
  for (const p of packages) {
    const job = p.type === PACKAGE || p.type === FIXITY_ROUND ? jobOf(p) : null;
    if (job !== null) {
      out.push({ state: job.state, worker: job.worker, leaseUntil: job.leaseUntil,
        recordingIds: [recordingId] });
    }
  }
  return out;
}

/** The job part of a package's JSON (`built` for a package made before jobs existed). */
export function jobJson(n: PortNode): DiscJob {
  const size = numberOf(n.props['efr:imageSize']);
  const job = jobOf(n) || { state: 'built' as const, worker: null, leaseUntil: null,
    bytesDone: size, bytesTotal: size };
  const code = textProp(n, 'efr:jobErrorCode');
  return { state: job.state, bytesDone: job.bytesDone, bytesTotal: job.bytesTotal,
    percent: jobPercent(job), worker: job.worker,
    finishedAt: instantOf(n.props['efr:jobFinishedAt']),
    error: code === null ? null : { code, message: textProp(n, 'efr:jobError') || '' } };
}

/** Ids of the recordings a package copies, sorted (what the worker builds, in this order). */
export function packageRecordingIds(port: RepositoryPort, packageId: string): string[] {
  return port.targets(packageId, 'efr:packageRecordings').map((r) => r.id).sort();
}

/** A package as the web scripts answer it (contract/evidence-packages.ts). */
export function packageJson(port: RepositoryPort, n: PortNode): EvidencePackage {
  const kase = port.targets(n.id, 'efr:packageCase');
  return {
    id: n.id, name: n.name, caseId: kase.length > 0 ? kase[0].id : null,
    caseNumber: textProp(n, 'efr:caseNumber'), producer: textProp(n, 'efr:producer'),
    extractor: textProp(n, 'efr:extractor'),
    extractionTime: instantOf(n.props['efr:extractionTime']),
    medium: textProp(n, 'efr:medium'), label: textProp(n, 'efr:discLabel'),
    // The repository's own hash and size of the stored image (set when the image is stored).
    imageSha256: textProp(n, 'efr:imageSha256'), imageSize: numberOf(n.props['efr:imageSize']),
    recordingIds: packageRecordingIds(port, n.id),
    createdAt: instantOf(n.props['cm:created']) || '',
    createdBy: textProp(n, 'cm:creator') || '',
    job: jobJson(n),
  };
}

/** Newest first by `cm:created`, then id. */
export function newestFirst(a: PortNode, b: PortNode): number {
  const ca = instantOf(a.props['cm:created']) || '';
  const cb = instantOf(b.props['cm:created']) || '';
  if (ca !== cb) return ca < cb ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Oldest first by `cm:created`, then id (the jobs a worker takes, in the order asked). */
export function oldestFirst(a: PortNode, b: PortNode): number {
  const ca = instantOf(a.props['cm:created']) || '';
  const cb = instantOf(b.props['cm:created']) || '';
  if (ca !== cb) return ca < cb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
