import { randomUUID } from 'node:crypto';
import { archiveTree, forgetNodes, liveTree, purgeVerdict } from '../aca/trashcan.js';
import { appendAccessLog } from '../access-log/access-log.js';
import { badRequest, conflict, forbidden } from '../http/errors.js';
import {
  applyPropertyChanges,
  checkAspectNames,
  checkMandatory,
  type PropMap,
} from '../model/node-properties.js';
import { checkNodeName } from '../model/names.js';
import { checkLockFor } from './locks.js';
import type { NodeRow } from './node-rows.js';
import { isEfr } from './node-writes.js';
import { parsePermissionsBody } from './permission-body.js';
import { setLocalAces } from './permissions.js';
import type { Caller, Repository } from './repository.js';

/** The NodeBodyUpdate of the ACS API. */
export interface UpdateInput {
  name?: unknown;
  nodeType?: unknown;
  aspectNames?: unknown;
  properties?: unknown;
  permissions?: unknown;
}

const UPDATE_KEYS = new Set(['name', 'nodeType', 'aspectNames', 'properties', 'permissions']);

/** Names of the properties whose values differ between two maps. */
function changedKeys(a: PropMap, b: PropMap): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/** PUT /nodes/{id}: name, type specialisation, aspects, properties, permissions. */
export function updateNode(repo: Repository, c: Caller, node: NodeRow, body: UpdateInput): NodeRow {
  for (const k of Object.keys(body)) {
    if (!UPDATE_KEYS.has(k)) throw badRequest(`Unknown field: ${k}`);
  }
  return repo.db.transaction(() => {
    const wantsContentChange =
      body.name !== undefined ||
      body.nodeType !== undefined ||
      body.aspectNames !== undefined ||
      body.properties !== undefined;
    if (wantsContentChange) {
      const act = body.aspectNames !== undefined ? 'aspects' : 'properties';
      repo.enforce(c, repo.rules.beforeGenericAct(node, act, c.rule), 'update', node);
      repo.require(c, node, 'Write');
      checkLockFor(c, node);
    }
    let type = node.type;
    if (body.nodeType !== undefined && body.nodeType !== node.type) {
      type = repo.checkType(body.nodeType);
      // ACS only specialises a type (a subtype of the current one).
      if (!repo.model.isSubClassOf(type, node.type)) {
        throw badRequest(`Type ${type} is not a subtype of ${node.type}`);
      }
    }
    let name = node.name;
    if (body.name !== undefined) {
      name = checkNodeName(body.name);
      const other = node.parentId ? repo.rows.childByName(node.parentId, name) : undefined;
      if (other && other.id !== node.id)
        throw conflict(`Duplicate child name not allowed: ${name}`);
    }
    let aspects = [...new Set([...node.aspects, ...repo.model.mandatoryAspects(type)])];
    if (body.aspectNames !== undefined) {
      const wanted = checkAspectNames(repo.model, body.aspectNames);
      // Asked to remove an aspect: the rules refuse protected ones (even mandatory ones, which
      // would otherwise be silently put back).
      const removed = node.aspects.filter((a) => !wanted.includes(a));
      repo.enforce(c, repo.rules.beforeGenericAct(node, 'aspects', c.rule, removed), 'update',
        node);
      const required = new Set(repo.model.mandatoryAspects(type));
      aspects = [...new Set([...wanted, ...required])];
    }
    let props = node.props;
    if (body.properties !== undefined) {
      if (
        typeof body.properties !== 'object' ||
        body.properties === null ||
        Array.isArray(body.properties)
      ) {
        throw badRequest('properties must be an object');
      }
      const applied = applyPropertyChanges(
        repo.model,
        type,
        aspects,
        node.props,
        body.properties as Record<string, unknown>,
        false,
      );
      props = applied.props;
      aspects = applied.aspects;
    }
    // Removing an aspect removes its properties.
    const allowed = new Set(repo.model.propertiesOf(type, aspects).map((p) => p.name));
    props = Object.fromEntries(Object.entries(props).filter(([k]) => allowed.has(k)));
    checkMandatory(repo.model, type, aspects, props);
    const after: NodeRow = { ...node, type, name, aspects, props };
    const changed = changedKeys(node.props, props);
    if (name !== node.name) changed.push('cm:name');
    if (type !== node.type) changed.push('nodeType');
    if (JSON.stringify([...node.aspects].sort()) !== JSON.stringify([...aspects].sort())) {
      changed.push('aspectNames');
    }
    if (changed.length > 0) {
      repo.enforce(c, repo.rules.beforeUpdate(node, after, changed, c.rule), 'update', node);
      after.modifiedAt = c.rule.now;
      after.modifiedBy = c.userId;
    }
    if (body.permissions !== undefined) {
      repo.enforce(c, repo.rules.beforeGenericAct(node, 'permissions', c.rule), 'permissions', node);
      repo.require(c, node, 'ChangePermissions');
      const perms = parsePermissionsBody(body.permissions);
      if (perms.isInheritanceEnabled !== undefined) after.inherit = perms.isInheritanceEnabled;
      if (perms.locallySet !== undefined) setLocalAces(repo.db, node.id, perms.locallySet);
      const count = (
        repo.db.prepare('SELECT COUNT(*) AS n FROM aces WHERE node_id = ?').get(node.id) as {
          n: number;
        }
      ).n;
      after.aclLocal = !after.inherit || count > 0;
      changed.push('permissions');
    }
    repo.rows.update(after);
    if (isEfr(node) && changed.length > 0) {
      appendAccessLog(repo.db, {
        user: c.userId,
        action: 'update',
        nodeId: node.id,
        values: { changed: changed.join(',') },
      });
    }
    return repo.rows.get(node.id) as NodeRow;
  })();
}

/** DELETE /nodes/{id}: the node and its subtree (checks every descendant). */
export function deleteNode(repo: Repository, c: Caller, node: NodeRow, permanent = false): void {
  if (node.id === repo.companyHomeId() || node.parentId === null) {
    throw forbidden('The root folder cannot be deleted');
  }
  repo.db.transaction(() => {
    const visit = (n: NodeRow): void => {
      repo.enforce(c, repo.rules.beforeGenericAct(n, 'delete', c.rule), 'delete', n);
      repo.require(c, n, 'Delete');
      checkLockFor(c, n);
      repo.enforce(c, repo.rules.beforeDelete(n, c.rule), 'delete', n);
      for (const id of repo.rows.childIds(n.id)) visit(repo.rows.get(id) as NodeRow);
      if (isEfr(n)) {
        appendAccessLog(repo.db, {
          user: c.userId,
          action: 'delete',
          nodeId: n.id,
          values: { type: n.type, name: n.name },
        });
      }
    };
    visit(node);
    if (!permanent) {
      // ACS archives a deleted tree (DELETE without permanent=true): restore brings it back.
      archiveTree(repo, c, node);
      return;
    }
    // As ACS's NodesImpl.deleteNode (alfresco-community-repo 25.5.0.31, remote-api/…/rest/api/
    // impl/NodesImpl.java:2169-2180): only the owner (creator) or an administrator deletes
    // permanently; and never a tree holding a recording's bytes (trashcan.ts purgeVerdict).
    if (!c.perms.isAdmin && node.createdBy.toLowerCase() !== c.userId.toLowerCase()) {
      throw forbidden(`Non-owner/non-admin cannot permanently delete: ${node.id}`);
    }
    const tree = liveTree(repo, node);
    repo.enforce(c, purgeVerdict(repo, tree), 'purge', node);
    forgetNodes(repo, tree);
    repo.rows.deleteTree(node.id);
  })();
}

/** POST /nodes/{id}/move. */
export function moveNode(
  repo: Repository,
  c: Caller,
  node: NodeRow,
  target: NodeRow,
  newName?: unknown,
): NodeRow {
  return repo.db.transaction(() => {
    if (!node.parentId) throw forbidden('The root folder cannot be moved');
    if (!target.isFolder) throw badRequest('Target is not a folder');
    if (repo.isAncestor(node.id, target)) throw badRequest('Cannot move a node into itself');
    repo.enforce(c, repo.rules.beforeGenericAct(node, 'move', c.rule), 'move', node);
    repo.require(c, node, 'Delete');
    repo.require(c, target, 'CreateChildren');
    repo.checkDepth(target, 1, node);
    checkLockFor(c, node);
    const name = newName === undefined ? node.name : checkNodeName(newName);
    const clash = repo.rows.childByName(target.id, name);
    if (clash && clash.id !== node.id) throw conflict(`Duplicate child name not allowed: ${name}`);
    const from = repo.rows.get(node.parentId) as NodeRow;
    repo.enforce(c, repo.rules.beforeMove(node, from, target, c.rule), 'move', node);
    const after: NodeRow = {
      ...node,
      parentId: target.id,
      name,
      modifiedAt: c.rule.now,
      modifiedBy: c.userId,
    };
    repo.rows.update(after);
    if (isEfr(node)) {
      appendAccessLog(repo.db, {
        user: c.userId,
        action: 'move',
        nodeId: node.id,
        values: { from: from.id, to: target.id },
      });
    }
    return repo.rows.get(node.id) as NodeRow;
  })();
}

/** POST /nodes/{id}/copy: a deep copy; content is shared (write-once, addressed by hash). */
export function copyNode(
  repo: Repository,
  c: Caller,
  node: NodeRow,
  target: NodeRow,
  newName?: unknown,
): NodeRow {
  return repo.db.transaction(() => {
    if (!target.isFolder) throw badRequest('Target is not a folder');
    if (repo.isAncestor(node.id, target)) throw badRequest('Cannot copy a node into itself');
    repo.require(c, target, 'CreateChildren');
    repo.checkDepth(target, 1, node);
    const name = newName === undefined ? node.name : checkNodeName(newName);
    if (repo.rows.childByName(target.id, name))
      throw conflict(`Duplicate child name not allowed: ${name}`);
    const copyTree = (src: NodeRow, parentId: string, nm: string): NodeRow => {
      repo.enforce(c, repo.rules.beforeGenericAct(src, 'copy', c.rule), 'copy', src);
      repo.require(c, src, 'Read');
      const now = c.rule.now;
      const dup: NodeRow = {
        ...src,
        id: randomUUID(),
        parentId,
        name: nm,
        createdAt: now,
        createdBy: c.userId,
        modifiedAt: now,
        modifiedBy: c.userId,
        lock: null,
        inherit: true,
        aclLocal: false,
        props: { ...src.props },
      };
      const parent = repo.rows.get(parentId) as NodeRow;
      repo.enforce(c, repo.rules.beforeCopy(src, parent, c.rule), 'copy', src);
      repo.enforce(c, repo.rules.beforeCreate(dup, parent, c.rule), 'copy', src);
      repo.rows.insert(dup);
      for (const id of repo.rows.childIds(src.id)) {
        const child = repo.rows.get(id) as NodeRow;
        copyTree(child, dup.id, child.name);
      }
      if (isEfr(src)) {
        appendAccessLog(repo.db, {
          user: c.userId,
          action: 'copy',
          nodeId: dup.id,
          values: { source: src.id },
        });
      }
      return dup;
    };
    return repo.rows.get(copyTree(node, target.id, name).id) as NodeRow;
  })();
}

/** POST /nodes/{id}/lock (NodeBodyLock). */
export function lockNode(
  repo: Repository,
  c: Caller,
  node: NodeRow,
  body: Record<string, unknown>,
): NodeRow {
  const type = body.type ?? 'ALLOW_OWNER_CHANGES';
  const lifetime = body.lifetime ?? 'PERSISTENT';
  const ttl = body.timeToExpire ?? 0;
  if (type !== 'ALLOW_OWNER_CHANGES' && type !== 'FULL') throw badRequest('Invalid lock type');
  if (lifetime !== 'PERSISTENT' && lifetime !== 'EPHEMERAL') throw badRequest('Invalid lifetime');
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 0) {
    throw badRequest('timeToExpire must be a non-negative integer');
  }
  for (const k of Object.keys(body)) {
    if (!['type', 'lifetime', 'timeToExpire'].includes(k)) throw badRequest(`Unknown field: ${k}`);
  }
  return repo.db.transaction(() => {
    if (!node.isFile) throw badRequest('Only files can be locked');
    repo.enforce(c, repo.rules.beforeGenericAct(node, 'lock', c.rule), 'lock', node);
    repo.require(c, node, 'Write');
    checkLockFor(c, node);
    const after: NodeRow = {
      ...node,
      lock: { owner: c.userId, type, expiresAt: ttl > 0 ? c.rule.now + ttl * 1000 : null },
      aspects: [...new Set([...node.aspects, 'cm:lockable'])],
    };
    repo.rows.update(after);
    return repo.rows.get(node.id) as NodeRow;
  })();
}

/** POST /nodes/{id}/unlock: the lock owner or an admin. */
export function unlockNode(repo: Repository, c: Caller, node: NodeRow): NodeRow {
  return repo.db.transaction(() => {
    repo.require(c, node, 'Write');
    if (node.lock && node.lock.owner !== c.userId && !c.perms.isAdmin) {
      throw forbidden(`Node is locked by ${node.lock.owner}`);
    }
    repo.rows.update({
      ...node,
      lock: null,
      aspects: node.aspects.filter((a) => a !== 'cm:lockable'),
    });
    return repo.rows.get(node.id) as NodeRow;
  })();
}
