import { refuse, type Verdict } from '../../../core/src/index.js';
import { appendAccessLog } from '../access-log/access-log.js';
import { conflict, forbidden, notFound } from '../http/errors.js';
import type { NodeRow } from '../repo/node-rows.js';
import { isEfr } from '../repo/node-writes.js';
import type { Caller, Repository } from '../repo/repository.js';

/**
 * The trashcan: ACS's archive store (`archive://SpacesStore`) for server/. A deleted tree
 * leaves the live tables whole (so no search, listing or permission check sees it) and is kept
 * as one row of `archived_nodes`: its top node, the original parent, who deleted it and when,
 * and a snapshot of every row of the tree (nodes, aspects, properties, ACEs, associations).
 * Restore puts the rows back under the original parent with the same ids; purge forgets them.
 * Content bytes stay in the write-once store either way (store/content-store.ts).
 */

/** Everything of a deleted tree that restore puts back. */
interface TreeSnapshot {
  nodes: NodeRow[];
  aces: { node_id: string; authority: string; role: string; allowed: number }[];
  childAssocs: { parent_id: string; child_id: string; type: string }[];
  peerAssocs: { source_id: string; target_id: string; type: string }[];
}

/** One archived tree as listed by `deleted-nodes`. */
export interface ArchivedTree {
  /** The top node, as it was when deleted (its parentId is the original parent). */
  node: NodeRow;
  archivedAt: number;
  archivedBy: string;
}

interface ArchivedRaw {
  id: string;
  parent_id: string;
  archived_at: number;
  archived_by: string;
  snapshot: string;
}

/** The ids of a tree, top first, parents before children. */
function treeIds(repo: Repository, topId: string): string[] {
  const out: string[] = [];
  const visit = (id: string): void => {
    out.push(id);
    for (const child of repo.rows.childIds(id)) visit(child);
  };
  visit(topId);
  return out;
}

/** Moves a tree into the trashcan (inside the caller's transaction, after the delete checks). */
export function archiveTree(repo: Repository, c: Caller, top: NodeRow): void {
  const ids = JSON.stringify(treeIds(repo, top.id));
  const inTree = 'SELECT value FROM json_each(?)';
  const snapshot: TreeSnapshot = {
    nodes: repo.rows.getMany(JSON.parse(ids) as string[]),
    aces: repo.db.prepare(`SELECT node_id, authority, role, allowed FROM aces
      WHERE node_id IN (${inTree})`).all(ids) as TreeSnapshot['aces'],
    childAssocs: repo.db.prepare(`SELECT parent_id, child_id, type FROM child_assocs
      WHERE parent_id IN (${inTree}) OR child_id IN (${inTree})`).all(ids, ids) as
      TreeSnapshot['childAssocs'],
    peerAssocs: repo.db.prepare(`SELECT source_id, target_id, type FROM peer_assocs
      WHERE source_id IN (${inTree}) OR target_id IN (${inTree})`).all(ids, ids) as
      TreeSnapshot['peerAssocs'],
  };
  repo.db.prepare(`INSERT INTO archived_nodes (id, parent_id, name, type, archived_at,
    archived_by, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(top.id, top.parentId, top.name,
    top.type, c.rule.now, c.userId, JSON.stringify(snapshot));
  repo.rows.deleteTree(top.id);
}

function snapshotOf(raw: ArchivedRaw): TreeSnapshot {
  return JSON.parse(raw.snapshot) as TreeSnapshot;
}

function treeOf(raw: ArchivedRaw): ArchivedTree {
  return { node: snapshotOf(raw).nodes[0], archivedAt: raw.archived_at,
    archivedBy: raw.archived_by };
}

/**
 * Who sees an archived tree: administrators every one, anyone else the trees they deleted, as
 * ACS's trashcan lists for a non-admin only what the user archived (sys:archivedBy).
 */
function visibleTo(c: Caller, raw: ArchivedRaw): boolean {
  return c.perms.isAdmin || raw.archived_by.toLowerCase() === c.userId.toLowerCase();
}

/** The archived trees the caller may see, most recently deleted first. */
export function listArchived(repo: Repository, c: Caller): ArchivedTree[] {
  const rows = (c.perms.isAdmin
    ? repo.db.prepare('SELECT * FROM archived_nodes ORDER BY archived_at DESC, id').all()
    : repo.db.prepare(`SELECT * FROM archived_nodes WHERE archived_by = ? COLLATE NOCASE
      ORDER BY archived_at DESC, id`).all(c.userId)) as ArchivedRaw[];
  return rows.map(treeOf);
}

function archivedRaw(repo: Repository, c: Caller, id: string): ArchivedRaw {
  const raw = repo.db.prepare('SELECT * FROM archived_nodes WHERE id = ?').get(id) as
    ArchivedRaw | undefined;
  if (!raw || !visibleTo(c, raw)) throw notFound(`The entity with id: ${id} was not found`);
  return raw;
}

/** One archived tree the caller may see (404 otherwise). */
export function getArchived(repo: Repository, c: Caller, id: string): ArchivedTree {
  return treeOf(archivedRaw(repo, c, id));
}

/**
 * Whether a tree may be purged (or deleted permanently): never when it holds a recording, an
 * evidence package (whose disc image carries recordings) or a file whose bytes are a
 * recording's (same SHA-256 as an `efr:recording`'s fixity). Forgetting those is disposal, which
 * has its own procedure (R22, R26.1); the trashcan is not a way around it.
 */
export function purgeVerdict(repo: Repository, nodes: readonly NodeRow[]): Verdict {
  const isRecordingBytes = repo.db.prepare(`SELECT 1 FROM node_props WHERE qname = 'efr:sha256'
    AND v_text = ? AND node_type = 'efr:recording' LIMIT 1`);
  const holder = nodes.find((n) => n.type === 'efr:recording' || n.type === 'efr:evidencePackage' ||
    (n.content !== null && isRecordingBytes.get(n.content.sha256) !== undefined));
  if (!holder) return { allowed: true };
  return refuse(409, 'efr.recording.noPurge', 'R26.1',
    `${holder.name} holds a recording's bytes: it is disposed of only by the disposal procedure.`,
    `${holder.name} 含有录像内容，只能按处置程序销毁，不能彻底删除。`);
}

/** The nodes of a live tree, for the purge check of a permanent delete. */
export function liveTree(repo: Repository, top: NodeRow): NodeRow[] {
  return repo.rows.getMany(treeIds(repo, top.id));
}

/** Drops the favorites and comments of nodes that are gone for good (purge, permanent delete). */
export function forgetNodes(repo: Repository, nodes: readonly NodeRow[]): void {
  const ids = JSON.stringify(nodes.map((n) => n.id));
  for (const table of ['favorites', 'comments']) {
    repo.db.prepare(`DELETE FROM ${table} WHERE node_id IN (SELECT value FROM json_each(?))`)
      .run(ids);
  }
}

/** Forgets an archived tree for good (`DELETE deleted-nodes/{id}`). */
export function purgeArchived(repo: Repository, c: Caller, id: string): void {
  repo.db.transaction(() => {
    const raw = archivedRaw(repo, c, id);
    const snap = snapshotOf(raw);
    repo.enforce(c, purgeVerdict(repo, snap.nodes), 'purge', snap.nodes[0]);
    repo.db.prepare('DELETE FROM archived_nodes WHERE id = ?').run(id);
    forgetNodes(repo, snap.nodes);
    for (const n of snap.nodes.filter(isEfr)) {
      appendAccessLog(repo.db, { user: c.userId, action: 'purge', nodeId: n.id,
        values: { type: n.type, name: n.name } });
    }
  })();
}

/**
 * Restores an archived tree under its original parent, or under `targetParentId` (ACS's
 * NodeTargetAssoc), with the statuses of ACS's DeletedNodesImpl.restoreArchivedNode
 * (alfresco-community-repo 25.5.0.31, remote-api/…/rest/api/impl/DeletedNodesImpl.java:256-271):
 * parent gone 404, name taken 409, no right to add to the parent 403. The EFR rules of create
 * (and of move, when restored elsewhere) apply to the top node as to any new child.
 */
export function restoreArchived(repo: Repository, c: Caller, id: string,
  targetParentId?: string): NodeRow {
  return repo.db.transaction(() => {
    const raw = archivedRaw(repo, c, id);
    const snap = snapshotOf(raw);
    const top = snap.nodes[0];
    const parent = repo.rows.get(targetParentId ?? raw.parent_id);
    if (!parent) throw notFound(`Invalid parent id ${targetParentId ?? raw.parent_id}`);
    if (!parent.isFolder) throw notFound(`Invalid parent id ${parent.id}`);
    if (!c.perms.has(parent, 'CreateChildren')) throw forbidden('Permission was denied');
    if (repo.rows.childByName(parent.id, top.name)) {
      throw conflict('Name already exists in target');
    }
    const placed: NodeRow = { ...top, parentId: parent.id };
    repo.enforce(c, repo.rules.beforeCreate(placed, parent, c.rule), 'restore', top);
    if (parent.id !== raw.parent_id) {
      const from = repo.rows.get(raw.parent_id) ?? parent;
      repo.enforce(c, repo.rules.beforeMove(top, from, parent, c.rule), 'restore', top);
    }
    repo.db.prepare('DELETE FROM archived_nodes WHERE id = ?').run(id);
    for (const n of snap.nodes) repo.rows.insert(n.id === top.id ? placed : n);
    const insAce = repo.db.prepare(`INSERT OR IGNORE INTO aces (node_id, authority, role, allowed)
      VALUES (?, ?, ?, ?)`);
    for (const a of snap.aces) insAce.run(a.node_id, a.authority, a.role, a.allowed);
    // Associations come back only where the other end still exists.
    const exists = (nodeId: string): boolean => repo.rows.get(nodeId) !== undefined;
    const insChild = repo.db.prepare(`INSERT OR IGNORE INTO child_assocs (parent_id, child_id, type)
      VALUES (?, ?, ?)`);
    for (const a of snap.childAssocs) {
      if (exists(a.parent_id) && exists(a.child_id)) insChild.run(a.parent_id, a.child_id, a.type);
    }
    const insPeer = repo.db.prepare(`INSERT OR IGNORE INTO peer_assocs (source_id, target_id, type)
      VALUES (?, ?, ?)`);
    for (const a of snap.peerAssocs) {
      if (exists(a.source_id) && exists(a.target_id)) insPeer.run(a.source_id, a.target_id, a.type);
    }
    for (const n of snap.nodes.filter(isEfr)) {
      appendAccessLog(repo.db, { user: c.userId, action: 'restore', nodeId: n.id,
        values: { type: n.type, name: n.name, parent: parent.id } });
    }
    return repo.rows.get(top.id) as NodeRow;
  })();
}
