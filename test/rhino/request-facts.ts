// Viewing requests and their recordings as facts both hosts can hold, for the specs that run
// the module's close paths in Rhino and compare with server/: the ACS-like runtime's store
// (script-action-run.ts), and server/ rows in a repository of its own, where the specs also ask
// who may read a recording (server/'s read path: core's checkContentRead, the rule the module's
// onContentRead applies).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { openRepository } from '../../server/src/app.js';
import { ensureArchiveFolders, ensureGroups } from '../../server/src/demo/seed.js';
import { formatAcsDate } from '../../server/src/model/property-values.js';
import type { NodeRow } from '../../server/src/repo/node-rows.js';
import { addTargetsSync } from '../../server/src/repo/node-writes.js';
import type { Repository } from '../../server/src/repo/repository.js';
import { archiveFolder } from '../../server/src/webscripts/devices/record-writes.js';
import { recordingReadVerdict } from '../../server/src/webscripts/port/content-read.js';
import { serverPort } from '../../server/src/webscripts/port/server-port.js';
import { asWorkflowStep } from '../../server/src/webscripts/web-script-host.js';
import { closeEndedWindows } from '../../webscripts/src/access-requests/window-expiry.js';
import { aspectOfProperty, type StoredValue, type StoreNode } from './script-action-run.js';

export const HOUR = 3_600_000;

/** The facts of one request: the same on both hosts. */
export interface RequestFacts {
  name: string;
  status: 'approved' | 'registered';
  /** Names of the requested recordings (`<name>.mp4` in the archive). */
  recordings: string[];
  viewer?: string;
  from?: number;
  to?: number;
}

/** The recordings the requests name, each once, in the order first named. */
export function recordingNames(requests: readonly RequestFacts[]): string[] {
  const out: string[] = [];
  for (const name of requests.flatMap((r) => r.recordings)) {
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

/**
 * A request's properties at `now` (submitted as access-requests.post submits, reviewed,
 * approved and, when registered, registered an hour before its window), dates made by `date`
 * (JSON `{ date }` in Rhino, ACS text on server/).
 */
export function requestProps<D>(
  r: RequestFacts,
  now: number,
  date: (ms: number) => D,
): Record<string, string | boolean | D> {
  const p: Record<string, string | boolean | D> = {
    'cm:name': r.name, 'efr:requestStatus': r.status, 'efr:requester': 'officer1',
    'efr:purpose': 'work', 'efr:reason': '复核现场执法过程', 'efr:downloadAllowed': false,
    'efr:reviewer': 'director1', 'efr:reviewedAt': date(now - 5 * HOUR),
    'efr:approver': 'leader1', 'efr:approvedAt': date(now - 4 * HOUR),
  };
  if (r.status === 'registered') {
    Object.assign(p, {
      'efr:registrar': 'custodian1', 'efr:registeredAt': date((r.from as number) - HOUR),
      'efr:viewer': r.viewer as string, 'efr:viewReason': '案件复核需要',
      'efr:windowFrom': date(r.from as number), 'efr:windowTo': date(r.to as number),
    });
  }
  return p;
}

/**
 * The facts as the ACS-like runtime's store: the folders (the recordings folder readable by the
 * officers, as the archive is for every EFR group on both hosts: server/src/demo/
 * archive-folders.ts), each recording with the custodians' Collaborator, then the requests. No
 * viewer holds an ACE of their own: reading is decided at each read (issue 15).
 */
export function rhinoStore(requests: readonly RequestFacts[], now: number): StoreNode[] {
  const date = (ms: number): StoredValue => ({ date: new Date(ms).toISOString() });
  const nodes: StoreNode[] = [
    { id: 'home', type: 'cm:folder', properties: { 'cm:name': 'Company Home' } },
    { id: 'requests', type: 'cm:folder', parent: 'home', properties: { 'cm:name': '调阅申请' } },
    { id: 'recordings', type: 'cm:folder', parent: 'home', properties: { 'cm:name': '录像档案' },
      permissions: ['ALLOWED;GROUP_EFR_OFFICERS;Consumer'] },
  ];
  for (const clip of recordingNames(requests)) {
    nodes.push({ id: clip, type: 'efr:recording', parent: 'recordings',
      properties: { 'cm:name': `${clip}.mp4`, 'efr:secrecyLevel': 'none' },
      permissions: ['ALLOWED;GROUP_EFR_CUSTODIANS;Collaborator'] });
  }
  for (const r of requests) {
    nodes.push({ id: r.name, type: 'efr:accessRequest', parent: 'requests',
      properties: { ...requestProps(r, now, date), 'cm:created': date(now - 6 * HOUR) },
      assocs: { 'efr:requestRecordings': r.recordings } });
  }
  return nodes;
}

/** server/ holding the facts: its repository, and node ids by fact name and back. */
export interface ServerFacts {
  repo: Repository;
  /** Fact name (request or recording) → node id. */
  ids: Record<string, string>;
  /** Node id → fact name. */
  names: Record<string, string>;
  /** Closes the repository and removes its folder. */
  dispose(): void;
}

/**
 * Opens a repository of its own holding the facts at `now`, with `users` (user name → groups)
 * as people in their groups.
 */
export async function serverFacts(
  requests: readonly RequestFacts[],
  now: number,
  users: Record<string, string[]> = {},
): Promise<ServerFacts> {
  const dir = mkdtempSync(join(tmpdir(), 'efr-request-facts-'));
  const repo = await openRepository(dir);
  const dispose = (): void => {
    repo.db.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    ensureGroups(repo);
    for (const [id, groups] of Object.entries(users)) {
      repo.addPerson({ id, firstName: id, email: `${id}@efr.example.org`, password: 'pw' });
      for (const g of groups) repo.auth.addMember(g, id, 'PERSON');
    }
    await ensureArchiveFolders(repo);
    // A row carries the aspects its properties belong to (efr:reviewed, …), as server/'s own
    // writes leave it: an update keeps only the properties of the row's type and aspects.
    const aspectOf = aspectOfProperty();
    const row = (parent: string, name: string, type: string, props: NodeRow['props'],
      isFile: boolean): NodeRow => {
      const aspects = ['sys:referenceable', 'cm:auditable'];
      for (const k of Object.keys(props)) {
        if (aspectOf[k] !== undefined && !aspects.includes(aspectOf[k])) aspects.push(aspectOf[k]);
      }
      return {
        id: randomUUID(), type, parentId: parent, name, isFolder: false, isFile,
        createdAt: now - 6 * HOUR, createdBy: 'officer1', modifiedAt: now - HOUR,
        modifiedBy: 'custodian1', props, aspects, content: null, inherit: true, aclLocal: false,
        lock: null,
      };
    };
    const ids: Record<string, string> = {};
    for (const clip of recordingNames(requests)) {
      const n = row(archiveFolder(repo, 'recordings').id, `${clip}.mp4`, 'efr:recording',
        { 'efr:secrecyLevel': 'none' }, true);
      repo.rows.insert(n);
      ids[clip] = n.id;
    }
    for (const r of requests) {
      const n = row(archiveFolder(repo, 'requests').id, r.name, 'efr:accessRequest',
        requestProps(r, now, formatAcsDate), false);
      repo.rows.insert(n);
      addTargetsSync(repo, n, r.recordings.map((clip) => ({ targetId: ids[clip],
        assocType: 'efr:requestRecordings' })));
      ids[r.name] = n.id;
    }
    const names: Record<string, string> = {};
    for (const [name, id] of Object.entries(ids)) names[id] = name;
    return { repo, ids, names, dispose };
  } catch (e) {
    // A setup that fails halfway still leaves no repository open nor folder behind.
    dispose();
    throw e;
  }
}

/**
 * Who of `users` server/ lets read each of `recordings` inline at `nowMs` (none of them an
 * administrator), in `users` order.
 */
export function serverReaders(
  s: ServerFacts,
  recordings: readonly string[],
  users: readonly string[],
  nowMs: number,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const clip of recordings) {
    const node = s.repo.rows.get(s.ids[clip]) as NodeRow;
    out[clip] = users.filter((userId) => recordingReadVerdict(s.repo, node, { userId,
      groups: s.repo.auth.groupsOf(userId), isAdmin: false, now: nowMs, readMode: 'read' })
      .allowed);
  }
  return out;
}

/**
 * server/ closing the ended windows as its GET /access-requests does, in a step of its own:
 * the close written once (webscripts/src/access-requests/window-expiry.ts). Closed requests by
 * name.
 */
export function closeOnServer(s: ServerFacts): string[] {
  const caller = asWorkflowStep(s.repo.caller('admin'), 'window-expiry');
  return s.repo.db.transaction(() => closeEndedWindows(serverPort(s.repo, caller)))()
    .map((id) => s.names[id]);
}
