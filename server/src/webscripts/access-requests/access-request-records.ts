import {
  canReadContent,
  DEFAULT_CONFIDENTIAL_REQUESTER_GROUPS,
  GROUP_EFR_CUSTODIANS,
  GROUP_EFR_LEADERS,
  GROUP_EFR_OFFICE_DIRECTORS,
  GROUP_EFR_SUPERVISORS,
  isMemberOfAny,
  leadersInChargeOfAll,
  mayDownload,
  viewingExpired,
  type AccessRequest,
  type RequestedRecording,
} from '../../../../core/src/index.js';
import {
  QUEUES, type AccessRequestJson, type Queue, type RequestedRecordingJson,
} from '../../../../contract/index.js';
import { badRequest, notFound } from '../../http/errors.js';
import type { NodeRow } from '../../repo/node-rows.js';
import type { Caller, Repository } from '../../repo/repository.js';
import { requestedRecordings } from '../../rules/access-request-rules.js';
import { accessRequestOf } from '../../rules/access-request-state.js';
import {
  actorOf,
  archiveFolder,
  instantOf,
  nowIso,
  targetOf,
  textOf,
} from '../devices/record-writes.js';

/**
 * Groups allowed to request state/trade-secret recordings (R27.1): the comma-separated
 * EFR_CONFIDENTIAL_REQUESTER_GROUPS, else core's default (custodians and leaders).
 */
export function confidentialRequesterGroups(
  env: string | undefined = process.env.EFR_CONFIDENTIAL_REQUESTER_GROUPS,
): readonly string[] {
  const groups = (env ?? '')
    .split(',')
    .map((g) => g.trim())
    .filter((g) => /^GROUP_\w+$/.test(g));
  return groups.length > 0 ? groups : DEFAULT_CONFIDENTIAL_REQUESTER_GROUPS;
}

/** What core needs about the recordings of a request. */
export function recordingsOf(repo: Repository, ids: readonly string[]): RequestedRecording[] {
  return requestedRecordings(repo.db, ids);
}

function recordingJson(repo: Repository, id: string): RequestedRecordingJson {
  const n = repo.rows.get(id);
  const duration = n?.props['efr:durationSeconds'];
  return {
    id,
    name: n?.name ?? id,
    title: n ? textOf(n, 'cm:title') : null,
    mimeType: n?.content?.mimeType ?? null,
    secrecyLevel: (n ? textOf(n, 'efr:secrecyLevel') : null) ?? 'none',
    durationSeconds: typeof duration === 'number' ? duration : null,
  };
}

/** The request as JSON at `now` (contract/access-requests.ts). */
export function accessRequestJson(repo: Repository, n: NodeRow, now: string): AccessRequestJson {
  const r = accessRequestOf(repo.db, n);
  const viewer = r.viewer;
  return {
    ...r,
    recordingIds: [...r.recordingIds],
    number: n.name,
    recordings: r.recordingIds.map((id) => recordingJson(repo, id)),
    caseId: targetOf(repo, n.id, 'efr:requestCase')?.id ?? null,
    requestedFrom: instantOf(n, 'efr:requestedFrom'),
    requestedTo: instantOf(n, 'efr:requestedTo'),
    approvers: leadersInChargeOfAll(recordingsOf(repo, r.recordingIds)),
    windowOpen: viewer !== null && canReadContent(r, viewer, now),
    expired: viewingExpired(r, now),
    downloadAllowed: mayDownload(r),
  };
}

/** Whether the caller sees every request (deciders, custodians, supervisors) or only their own. */
export function seesAll(c: Caller): boolean {
  return (
    c.rule.isAdmin ||
    isMemberOfAny(actorOf(c), [
      GROUP_EFR_OFFICE_DIRECTORS,
      GROUP_EFR_LEADERS,
      GROUP_EFR_CUSTODIANS,
      GROUP_EFR_SUPERVISORS,
    ])
  );
}

/** Whether the caller may see this request. */
export function maySee(c: Caller, r: AccessRequest): boolean {
  return seesAll(c) || r.requester === c.userId || r.viewer === c.userId;
}

/** A request by id the caller may see (404 otherwise, as ACS hides what one may not read). */
export function requestNode(repo: Repository, c: Caller, id: string): NodeRow {
  if (!/^[0-9A-Za-z-]{1,64}$/.test(id)) throw notFound(`The entity with id: ${id} was not found`);
  const n = repo.rows.get(id);
  if (!n || n.type !== 'efr:accessRequest' || !maySee(c, accessRequestOf(repo.db, n))) {
    throw notFound(`The entity with id: ${id} was not found`);
  }
  return n;
}

/** Whether a request is in the caller's `queue` at `now`. */
export function inQueue(c: Caller, q: Queue, r: AccessRequestJson, now: string): boolean {
  switch (q) {
    case 'mine':
      return r.requester === c.userId;
    case 'review':
      return r.status === 'submitted' && r.requester !== c.userId;
    case 'approve':
      return (
        r.status === 'reviewed' &&
        r.requester !== c.userId &&
        r.reviewedBy !== c.userId &&
        (r.approvers === null || r.approvers.includes(c.userId))
      );
    case 'register':
      return r.status === 'approved' || (r.status === 'registered' && r.expired);
    case 'registry':
      return r.registeredAt !== null;
    case 'viewing':
      return r.viewer === c.userId && canReadContent(r, c.userId, now);
    default:
      return true;
  }
}

/** Parses the list filters of GET /access-requests (400 on a bad value). */
export function listFilters(q: Record<string, string | string[] | undefined>): {
  queue: Queue;
  status?: string;
  recordingId?: string;
} {
  const one = (k: string): string | undefined => {
    const v = q[k];
    if (Array.isArray(v)) throw badRequest(`${k} may be given once`);
    return v === undefined || v === '' ? undefined : v;
  };
  const queue = one('queue') ?? 'all';
  if (!(QUEUES as readonly string[]).includes(queue)) {
    throw badRequest(`queue must be one of ${QUEUES.join(', ')}`);
  }
  return { queue: queue as Queue, status: one('status'), recordingId: one('recordingId') };
}

/** Every request the caller may see, newest first, as JSON at the caller's time. */
export function listRequests(repo: Repository, c: Caller): AccessRequestJson[] {
  const folder = archiveFolder(repo, 'requests');
  const raw = repo.db
    .prepare(
      `SELECT * FROM nodes WHERE parent_id = ? AND type = 'efr:accessRequest'
    ORDER BY created_at DESC, id`,
    )
    .all(folder.id);
  const now = nowIso(c);
  return repo.rows
    .fromRawRows(raw as Parameters<typeof repo.rows.fromRawRows>[0])
    .map((n) => accessRequestJson(repo, n, now))
    .filter((r) => maySee(c, r));
}
