import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import {
  checkDisposal, compareCodeUnits, type Verdict, type Zone,
} from '../../../../core/src/index.js';
import { formatAcsDate } from '../../model/property-values.js';
import type { NodeRow } from '../../repo/node-rows.js';
import { moveNode, updateNode } from '../../repo/node-updates.js';
import { addTargetsSync } from '../../repo/node-writes.js';
import { localAces, type Ace } from '../../repo/permissions.js';
import { SYSTEM_USER, type Caller, type Repository } from '../../repo/repository.js';
import { toInstant } from '../../rules/recording-state.js';
import type {
  PortDestroyedContent, PortLogEntry, PortLogKind, PortLogQuery, PortNewNode, PortNode,
  PortSetting, PortValue, RepositoryPort,
} from '../../../../webscripts/src/repository-port.js';
import type { AccessLogEntry, AccessLogInput } from '../../access-log/access-log.js';
import { elevated, insertRecord, subFolder } from '../devices/record-writes.js';
import { registerFolder } from '../violations/violation-records.js';
import { bureauZone } from './bureau-zone.js';
import { destroyingBatchOf, storedBytesFate } from '../disposition/content-destruction.js';
import { nodeSha256Hex } from '../../access-log/log-tree.js';
import { allAuditEntries } from '../../routes/audit.js';

/** Work a call leaves for after its commit (server/'s unlink of destroyed bytes, issue 18). */
export type AfterCommit = () => Promise<void>;

/** The environment variable of each port setting. */
const SETTING_ENV: Record<PortSetting, string> = {
  timeZone: 'EFR_TIME_ZONE',
  exemptionRemindHours: 'EFR_EXEMPTION_REMIND_HOURS',
  fieldUnits: 'EFR_FIELD_UNITS',
  confidentialRequesterGroups: 'EFR_CONFIDENTIAL_REQUESTER_GROUPS',
  // --- fixity ---
  fixityCycleDays: 'EFR_FIXITY_CYCLE_DAYS',
  fixityBytesPerHour: 'EFR_FIXITY_BYTES_PER_HOUR',
};

const ID = /^[0-9A-Za-z-]{1,64}$/;

function isDateProperty(repo: Repository, type: string, name: string): boolean {
  const t = repo.model.effectiveProperty(type, name)?.type;
  return t === 'd:date' || t === 'd:datetime';
}

/**
 * A stored node as the port answers it: dates as ISO 8601 UTC, and cm:auditable's values
 * (created, creator, modified, modifier), which ACS keeps as properties and server/ as columns.
 */
export function nodeView(repo: Repository, n: NodeRow): PortNode {
  const props: Record<string, PortValue> = {
    'cm:created': new Date(n.createdAt).toISOString(),
    'cm:creator': n.createdBy,
    'cm:modified': new Date(n.modifiedAt).toISOString(),
    'cm:modifier': n.modifiedBy,
  };
  for (const [k, v] of Object.entries(n.props)) {
    if (v === null || v === undefined) continue;
    props[k] = isDateProperty(repo, n.type, k) ? toInstant(v) : (v as PortValue);
  }
  return { id: n.id, type: n.type, name: n.name, props, aspects: [...n.aspects] };
}

/**
 * server/'s adapter of the repository port (webscripts/src/repository-port.ts) over one
 * `Repository` and one caller, for one web script call: the route runs the handler inside one
 * SQLite transaction (port-routes.ts) and the caller is marked as a workflow step, as every
 * web script caller is (web-script-host.ts). Writes go through the same paths as the REST API
 * (model checks, rule hooks, access-log entries), with the repository's rights for the steps
 * core allowed (`elevated`), as the module's web scripts act.
 */
export function serverPort(
  repo: Repository, callerOfCall: Caller, attempts: AccessLogInput[] = [],
  afterCommit: AfterCommit[] = [],
): RepositoryPort {
  /** Who acts now: the call's caller, or the repository itself inside asRepository. */
  let caller = callerOfCall;
  const isDate = (type: string, name: string): boolean => isDateProperty(repo, type, name);
  const view = (n: NodeRow): PortNode => nodeView(repo, n);
  /** Port values as the model stores them (ISO instants as ACS dates). */
  const stored = (type: string, props: Record<string, PortValue>): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(props)) {
      out[k] = typeof v === 'string' && isDate(type, k) && v.length > 10
        ? formatAcsDate(new Date(v).getTime()) : v;
    }
    return out;
  };
  const readable = (n: NodeRow | undefined): NodeRow | undefined =>
    n !== undefined && caller.perms.has(n, 'Read') ? n : undefined;
  const rowsOf = (sql: string, ...args: unknown[]): PortNode[] =>
    repo.rows.fromRawRows(repo.db.prepare(sql).all(...args) as Parameters<
      typeof repo.rows.fromRawRows>[0])
      .filter((n) => readable(n) !== undefined).map(view);
  const peers = (sql: string, id: string, assocType: string): PortNode[] =>
    (repo.db.prepare(sql).all(id, assocType) as { id: string }[])
      .map((r) => readable(repo.rows.get(r.id)))
      .filter((n): n is NodeRow => n !== undefined).map(view);
  const row = (id: string): NodeRow => {
    const n = ID.test(id) ? repo.rows.get(id) : undefined;
    if (n === undefined) throw new Error(`port: no node ${id}`);
    return n;
  };
  const setAces = (id: string, edit: (aces: Ace[]) => Ace[]): void => {
    const n = row(id);
    updateNode(repo, elevated(repo, caller), n, {
      permissions: { locallySet: edit(localAces(repo.db, id)) },
    });
  };

  return {
    currentUser: () => ({ userName: caller.userId, groups: [...caller.rule.groups],
      isAdmin: caller.rule.isAdmin }),
    now: () => new Date(caller.rule.now).toISOString(),
    setting: (key) => {
      const v = process.env[SETTING_ENV[key]];
      return v === undefined || v.trim() === '' ? null : v.trim();
    },
    zone: (): Zone => bureauZone(),
    node: (id) => {
      const n = ID.test(id) ? readable(repo.rows.get(id)) : undefined;
      return n === undefined ? null : view(n);
    },
    archiveFolder: (name) => {
      const rootId = repo.meta('efr_archive');
      const f = rootId === undefined ? undefined : readable(repo.rows.childByName(rootId, name));
      return f === undefined ? null : view(f);
    },
    children: (parentId, type) => rowsOf(
      'SELECT * FROM nodes WHERE parent_id = ? AND type = ? ORDER BY name', parentId, type),
    nodesOfType: (type) => rowsOf('SELECT * FROM nodes WHERE type = ? ORDER BY name', type),
    targets: (id, assocType) => peers(
      'SELECT target_id AS id FROM peer_assocs WHERE source_id = ? AND type = ?', id, assocType),
    sources: (id, assocType) => peers(
      'SELECT source_id AS id FROM peer_assocs WHERE target_id = ? AND type = ?', id, assocType),
    folder: (parentId, name) => view(subFolder(repo, row(parentId), name, caller.rule.now)),
    createNode: (parentId, n: PortNewNode) => view(insertRecord(repo, elevated(repo, caller),
      row(parentId), { type: n.type, name: n.name, props: stored(n.type, n.props),
        aspects: n.aspects, targets: n.targets,
        isFolder: repo.model.isSubClassOf(n.type, 'cm:folder'),
        // A cm:content subtype is a file, as in ACS (its content arrives later: PUT content).
        isFile: repo.model.isSubClassOf(n.type, 'cm:content') })),
    updateNode: (id, props, addAspects = []) => {
      const n = row(id);
      return view(updateNode(repo, elevated(repo, caller), n, {
        ...(addAspects.length > 0
          ? { aspectNames: [...new Set([...n.aspects, ...addAspects])] } : {}),
        properties: stored(n.type, props),
      }));
    },
    createAssociation: (sourceId, targetId, assocType) =>
      addTargetsSync(repo, row(sourceId), [{ targetId: row(targetId).id, assocType }]),
    permissions: (id) => localAces(repo.db, row(id).id)
      .map((a) => `${a.accessStatus};${a.authorityId};${a.name}`).sort(),
    setPermission: (id, authority, role) => setAces(id, (aces) => [
      ...aces.filter((a) => !(a.authorityId === authority && a.name === role)),
      { authorityId: authority, name: role as Ace['name'], accessStatus: 'ALLOWED' },
    ]),
    removePermission: (id, authority, role) => setAces(id, (aces) =>
      aces.filter((a) => !(a.authorityId === authority && a.name === role))),
    stopInheritingPermissions: (id) => updateNode(repo, elevated(repo, caller), row(id), {
      permissions: { isInheritanceEnabled: false },
    }),
    personExists: (userName) => repo.auth.person(userName) !== undefined,
    groupsOf: (userName) => (repo.auth.person(userName) === undefined ? []
      : repo.auth.groupsOf(userName)),
    displayName: (userName) => repo.auth.displayName(userName) || userName,
    enforce: (verdict: Verdict, step, nodeId) => repo.enforce(caller, verdict, step,
      nodeId === null ? null : repo.rows.get(nodeId) ?? null),
    logStep: (step, nodeId, values) => repo.log({ user: caller.userId, action: step, nodeId,
      values }),
    logAttempt: (step, nodeId, values) => {
      attempts.push({ user: caller.userId, action: step, nodeId, values });
    },

    // --- handovers (issue 15) ---
    parentId: (id) => {
      const n = ID.test(id) ? readable(repo.rows.get(id)) : undefined;
      return n?.parentId ?? null;
    },
    moveNode: (id, parentId) =>
      view(moveNode(repo, elevated(repo, caller), row(id), row(parentId))),
    contentDigest: (id) => {
      const c = row(id).content;
      if (c === null) return null;
      // The store hashed the bytes while the upload streamed and keeps them under that SHA-256
      // (server/src/store/content-store.ts): the digest is the address, nothing is read again
      // whatever the size; the file must be there with the size recorded.
      if (c.size > 0) {
        try {
          if (statSync(repo.store.pathOf(c.sha256)).size !== c.size) return null;
        } catch {
          return null; // the stored file is gone: the repository cannot vouch for the bytes
        }
      }
      return { sha256: c.sha256, size: c.size };
    },
    organizationOf: (userName) => {
      const v = repo.auth.person(userName)?.props.organization;
      return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
    },
    // Made with the supervisors' Coordinator entry when missing (violation-records.ts).
    violationRegister: () => view(registerFolder(repo)),
    // --- spot checks (issue 15) ---
    // Found on the (qname, v_num) index of efr:recordingStart and read 500 rows at a time, so a
    // month among 100 000 recordings reads that month's rows, not the archive; read as the
    // repository (no permission filter), as the port says.
    recordingsStartedIn: (from, to) => {
      const ids = repo.db.prepare(
        `SELECT p.node_id FROM node_props p INDEXED BY node_props_num_node
        CROSS JOIN nodes n ON n.id = p.node_id
        WHERE p.qname = 'efr:recordingStart' AND p.v_num >= ? AND p.v_num < ?
          AND n.type = 'efr:recording'
        ORDER BY p.node_id`,
      ).pluck().all(Date.parse(from), Date.parse(to)) as string[];
      const out: PortNode[] = [];
      for (let i = 0; i < ids.length; i += 500) {
        for (const n of repo.rows.getMany(ids.slice(i, i + 500))) out.push(view(n));
      }
      return out.sort((a, b) => compareCodeUnits(a.id, b.id));
    },
    randomHex: (bytes) => randomBytes(bytes).toString('hex'),
    // --- access log (issue 15/18) ---
    accessLog: (query) => readAccessLog(repo, query),
    // --- evidence packages (issue 15) ---
    nodesWhere: (type, prop, value) => rowsOf(`SELECT n.* FROM nodes n WHERE n.type = ? AND
      EXISTS (SELECT 1 FROM node_props p WHERE p.node_id = n.id AND p.qname = ? AND
      p.v_text = ?) ORDER BY n.name`, type, prop, value),
    // --- disposition (issue 18) ---
    destroyContent: (id, tombstone): PortDestroyedContent => {
      const n = row(id);
      if (n.type !== 'efr:recording') throw new Error(`port: ${id} is not a recording`);
      const batchId = tombstone['efr:destroyedBatch'];
      const batch = destroyingBatchOf(typeof batchId === 'string' ? repo.rows.get(batchId)
        : undefined);
      // The tombstone goes through the rule hooks (core's checkDisposal, efr-rules.ts); then
      // the content reference, the same rule asked here: the row write below has no hook.
      const tomb = n.aspects.includes('efr:destroyed') ? n : updateNode(repo,
        elevated(repo, caller), n, { aspectNames: [...n.aspects, 'efr:destroyed'],
          properties: stored(n.type, tombstone) });
      repo.enforce(caller, checkDisposal({ recordingId: n.id, removesContent: true,
        changed: [], addedAspects: [], wasTombstone: true,
        inStep: caller.rule.workflowStep !== undefined, batch }), 'disposition.destroy', n);
      const sha = tomb.content?.sha256 ?? null;
      const size = tomb.content?.size ?? 0;
      const recorded = typeof tomb.props['efr:sha256'] === 'string' ? tomb.props['efr:sha256']
        : sha;
      if (sha === null) return { sha256: recorded, bytes: 0, removed: false };
      repo.rows.update({ ...tomb, content: null });
      const fate = storedBytesFate(repo, caller, batch?.id ?? '', sha, (e) => repo.log(e));
      if (fate.unlink) afterCommit.push(fate.unlink);
      return { sha256: recorded, bytes: fate.removed ? size : 0, removed: fate.removed };
    },
    // --- access requests (issue 15) ---
    mimeType: (id) => row(id).content?.mimeType ?? null,
    removeAspect: (id, aspect) => {
      const n = row(id);
      if (!n.aspects.includes(aspect)) return view(n);
      return view(updateNode(repo, elevated(repo, caller), n, {
        aspectNames: n.aspects.filter((a) => a !== aspect),
      }));
    },
    asRepository: <T>(work: () => T): T => {
      const saved = caller;
      // The repository itself: every node readable (an administrator's permissions), its
      // writes and log entries in System's name, still inside the call's workflow step.
      caller = { userId: SYSTEM_USER, perms: repo.caller('admin', saved.rule.now).perms,
        rule: { userId: SYSTEM_USER, groups: [], isAdmin: false, now: saved.rule.now,
          workflowStep: saved.rule.workflowStep ?? 'repository' } };
      try {
        return work();
      } finally {
        caller = saved;
      }
    },
    // --- access-log proofs ---
    sha256Hex: nodeSha256Hex,
    accessAuditEntries: () => allAuditEntries(repo),
  };
}

// --- access log (issue 15/18) ---

/** server/'s actions of each port log kind (routes/content.ts, Repository#enforce). */
const CONTENT_READS = ['read', 'range', 'download'];

function kindOf(action: string): PortLogKind {
  if (CONTENT_READS.includes(action)) return 'contentRead';
  return action === 'refused' ? 'refused' : 'other';
}

/** The chained access_log rows the query selects, oldest first, as port entries. */
export function readAccessLog(repo: Repository, query: PortLogQuery): PortLogEntry[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (query.nodeId !== undefined) {
    where.push('node_id = ?');
    args.push(query.nodeId);
  }
  if (query.kind === 'contentRead') {
    where.push(`action IN (${CONTENT_READS.map(() => '?').join(',')})`);
    args.push(...CONTENT_READS);
  } else if (query.kind === 'refused') {
    where.push("action = 'refused'");
  } else if (query.kind === 'other') {
    where.push(`action NOT IN (${CONTENT_READS.map(() => '?').join(',')}, 'refused')`);
    args.push(...CONTENT_READS);
  }
  const rows = repo.db.prepare(`SELECT id, entry_json FROM access_log
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`)
    .all(...args) as { id: number; entry_json: string }[];
  return rows.map((r) => {
    const e = JSON.parse(r.entry_json) as AccessLogEntry;
    return { seq: r.id, at: e.at, user: e.user, action: e.action, kind: kindOf(e.action),
      nodeId: e.nodeId ?? null, values: e.values ?? {} };
  });
}
