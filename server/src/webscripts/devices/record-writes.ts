import { randomUUID } from 'node:crypto';
import {
  localStamp,
  type Actor,
  type Verdict,
  type Zone,
} from '../../../../core/src/index.js';
import { appendAccessLog } from '../../access-log/access-log.js';
import { AcsError, badRequest, conflict, notFound } from '../../http/errors.js';
import {
  applyDefaults,
  applyPropertyChanges,
  checkMandatory,
} from '../../model/node-properties.js';
import { checkNodeName } from '../../model/names.js';
import { formatAcsDate } from '../../model/property-values.js';
import { addTargetsSync } from '../../repo/node-writes.js';
import type { NodeRow } from '../../repo/node-rows.js';
import type { Caller, Repository } from '../../repo/repository.js';
import { toInstant } from '../../rules/recording-state.js';
import { bureauZone } from '../port/bureau-zone.js';

/**
 * Helpers shared by the device and exemption web scripts: the archive folders, a synchronous
 * create of a register entry (so that one workflow step writes several nodes and its log
 * entry in one transaction), and small readers of request bodies and stored values.
 */

/** The actor core sees for a caller. */
export function actorOf(c: Caller): Actor {
  return { userName: c.userId, groups: c.rule.groups };
}

/** The caller's clock as core wants it (ISO 8601, UTC). */
export function nowIso(c: Caller): string {
  return new Date(c.rule.now).toISOString();
}

/** The caller's clock as the model stores dates. */
export function nowAcs(c: Caller): string {
  return formatAcsDate(c.rule.now);
}

/**
 * The caller with the repository's own rights, for the writes of a step that core has
 * already allowed: as a web script of the module running as system, the rules decide who may
 * act, not the folder permissions (a holder reporting a loss has no write right on the
 * register). The node's creator and modifier stay the real user.
 */
export function elevated(repo: Repository, c: Caller): Caller {
  return { userId: c.userId, perms: repo.caller('admin', c.rule.now).perms, rule: c.rule };
}

/** Refuses with core's verdict (logged once by the error handler) unless it allows. */
export function enforce(
  repo: Repository,
  c: Caller,
  v: Verdict,
  step: string,
  node: NodeRow | null,
): void {
  repo.enforce(c, v, step, node);
}

/** An archive folder by its key in server/src/demo/archive-folders.ts (503 when not set up). */
export function archiveFolder(repo: Repository, key: string): NodeRow {
  const id = repo.meta(`efr_folder_${key}`);
  const node = id ? repo.rows.get(id) : undefined;
  if (!node) {
    throw new AcsError(503, 'efr.archive.notSetUp', `The archive folder ${key} is not set up`);
  }
  return node;
}

/** The sub-folder `name` of `parent`, created when missing (in the caller's transaction). */
export function subFolder(repo: Repository, parent: NodeRow, name: string, now: number): NodeRow {
  const existing = repo.rows.childByName(parent.id, name);
  if (existing) return existing;
  const row = repo.newFolderRow(parent.id, name, 'System', now);
  repo.rows.insert(row);
  return row;
}

/** A node of `type` by id that the caller may read (404 when missing or of another type). */
export function readableOfType(repo: Repository, c: Caller, id: string, type: string): NodeRow {
  const node = repo.getReadable(c, id);
  if (node.type !== type) throw notFound(`The entity with id: ${id} was not found`);
  return node;
}

/** What one register entry is made of. */
export interface NewRecord {
  type: string;
  name: string;
  props: Record<string, unknown>;
  aspects?: string[];
  targets?: { targetId: string; assocType: string }[];
  /** A file whose content arrives later (an evidence package built by efr worker). */
  isFile?: boolean;
  /** A folder (a type derived from cm:folder, e.g. an efr:spotCheck holding its findings). */
  isFolder?: boolean;
}

/**
 * Creates a register entry (no content) under `parent` inside the caller's transaction, with
 * the model's checks (400/422), the rule hook and the access-log `create` entry, as
 * POST /nodes/{id}/children does.
 */
export function insertRecord(
  repo: Repository,
  c: Caller,
  parent: NodeRow,
  rec: NewRecord,
): NodeRow {
  const type = repo.checkType(rec.type);
  const name = checkNodeName(rec.name);
  repo.require(c, parent, 'CreateChildren');
  if (repo.rows.childByName(parent.id, name))
    throw conflict(`Duplicate child name not allowed: ${name}`);
  const base = [...new Set([...repo.model.mandatoryAspects(type), ...(rec.aspects ?? [])])];
  const applied = applyPropertyChanges(repo.model, type, base, {}, rec.props, false);
  applyDefaults(repo.model, type, applied.aspects, applied.props);
  checkMandatory(repo.model, type, applied.aspects, applied.props);
  const now = c.rule.now;
  const node: NodeRow = {
    id: randomUUID(),
    type,
    parentId: parent.id,
    name,
    // A folder type (efr:handover, efr:case) holds children, as ACS makes it (node-writes.ts).
    isFolder: rec.isFolder === true || repo.model.isSubClassOf(type, 'cm:folder'),
    isFile: rec.isFile === true,
    createdAt: now,
    createdBy: c.userId,
    modifiedAt: now,
    modifiedBy: c.userId,
    props: applied.props,
    aspects: applied.aspects,
    content: null,
    inherit: true,
    aclLocal: false,
    lock: null,
  };
  repo.rows.insert(node);
  if (rec.targets) addTargetsSync(repo, node, rec.targets);
  repo.enforce(c, repo.rules.beforeCreate(node, parent, c.rule), 'create', parent);
  appendAccessLog(repo.db, {
    user: c.userId,
    action: 'create',
    nodeId: node.id,
    values: { type: node.type, name: node.name },
  });
  return repo.rows.get(node.id) as NodeRow;
}

/** Ids of the sources of `assocType` associations that point at `targetId`. */
export function sourcesOf(repo: Repository, targetId: string, assocType: string): NodeRow[] {
  return (
    repo.db
      .prepare(`SELECT source_id FROM peer_assocs WHERE target_id = ? AND type = ?`)
      .all(targetId, assocType) as { source_id: string }[]
  )
    .map((r) => repo.rows.get(r.source_id))
    .filter((n): n is NodeRow => n !== undefined);
}

/** The target of a node's `assocType` association, if any. */
export function targetOf(
  repo: Repository,
  sourceId: string,
  assocType: string,
): NodeRow | undefined {
  const r = repo.db
    .prepare('SELECT target_id FROM peer_assocs WHERE source_id = ? AND type = ? LIMIT 1')
    .get(sourceId, assocType) as { target_id: string } | undefined;
  return r ? repo.rows.get(r.target_id) : undefined;
}

/** The JSON object body of a step (an absent body is an empty object). */
export function bodyOf(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body))
    throw badRequest('The request body must be a JSON object');
  return body as Record<string, unknown>;
}

/** An optional text field: trimmed, or undefined when absent or blank; 400 when not text. */
export function optText(
  body: Record<string, unknown>,
  key: string,
  max = 2000,
): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw badRequest(`${key} must be a string`);
  if (v.length > max) throw badRequest(`${key} is longer than ${max} characters`);
  const t = v.trim();
  return t === '' ? undefined : t;
}

/** A stored text value, or null. */
export function textOf(n: NodeRow, key: string): string | null {
  const v = n.props[key];
  return typeof v === 'string' ? v : null;
}

/** A stored date as ISO 8601 UTC, or null. */
export function instantOf(n: NodeRow, key: string): string | null {
  return toInstant(n.props[key]);
}

let zone: Zone | null = null;

/**
 * A short unique suffix for entry names (time first, so names sort by time), in the bureau's
 * zone (EFR_TIME_ZONE), as the screens show times beside the names (issue 19, point 11).
 */
export function entrySuffix(now: number): string {
  zone ??= bureauZone();
  return `${localStamp(now, zone)}-${randomUUID().slice(0, 6)}`;
}

/** Whether a user exists and belongs to `group`. */
export function isUserInGroup(repo: Repository, userId: string, group: string): boolean {
  return repo.auth.person(userId) !== undefined && repo.auth.groupsOf(userId).includes(group);
}
