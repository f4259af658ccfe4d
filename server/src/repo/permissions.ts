import { isOwnerless, mayReadRequest, type Actor, type RequestParties } from
  '../../../core/src/index.js';
import type { Db } from '../db/database.js';
import type { Authorities } from './authorities.js';
import type { NodeRows, NodeRow } from './node-rows.js';

/** The basic permissions the server checks. */
export type Permission = 'Read' | 'Write' | 'Delete' | 'CreateChildren' | 'ChangePermissions';

/** The roles of ACS that can be set on a node. */
export const ROLES = ['Consumer', 'Editor', 'Contributor', 'Collaborator', 'Coordinator'] as const;
/** One role of ROLES. */
export type Role = (typeof ROLES)[number];

const ROLE_PERMS: Record<Role, Permission[]> = {
  Consumer: ['Read'],
  Editor: ['Read', 'Write'],
  Contributor: ['Read', 'CreateChildren'],
  Collaborator: ['Read', 'Write', 'CreateChildren'],
  Coordinator: ['Read', 'Write', 'Delete', 'CreateChildren', 'ChangePermissions'],
};
const ALL: Permission[] = ROLE_PERMS.Coordinator;

/** A local access control entry. */
export interface Ace {
  authorityId: string;
  name: Role;
  accessStatus: 'ALLOWED' | 'DENIED';
}

/** Whether a string is a settable role name. */
export function isRole(s: unknown): s is Role {
  return typeof s === 'string' && (ROLES as readonly string[]).includes(s);
}

/** Local ACEs of a node. */
export function localAces(db: Db, nodeId: string): Ace[] {
  return (
    db
      .prepare(
        'SELECT authority, role, allowed FROM aces WHERE node_id = ? ORDER BY authority, role',
      )
      .all(nodeId) as { authority: string; role: Role; allowed: number }[]
  ).map((r) => ({
    authorityId: r.authority,
    name: r.role,
    accessStatus: r.allowed === 1 ? 'ALLOWED' : 'DENIED',
  }));
}

/** Replaces the local ACEs of a node (caller runs a transaction and updates acl_local). */
export function setLocalAces(db: Db, nodeId: string, aces: Ace[]): void {
  db.prepare('DELETE FROM aces WHERE node_id = ?').run(nodeId);
  const ins = db.prepare(
    'INSERT OR REPLACE INTO aces (node_id, authority, role, allowed) VALUES (?,?,?,?)',
  );
  for (const a of aces)
    ins.run(nodeId, a.authorityId, a.name, a.accessStatus === 'ALLOWED' ? 1 : 0);
}

/** What the ACL chain from a node upward decides: permissions decided and those allowed. */
interface AclDecision {
  decided: Set<Permission>;
  allowed: Set<Permission>;
}

/** Ancestors walked at most (a folder deeper than the depth limit of node-writes.ts never exists). */
const MAX_CHAIN = 10_000;

/**
 * Evaluates permissions for one user, caching per node for the life of a request. The
 * nearest ACL level that mentions a permission for one of the user's authorities decides
 * (DENIED before ALLOWED at the same level); inheritance stops where a node disables it.
 * The creator of a node is its owner and, as ACS's ROLE_OWNER, holds every permission,
 * except on EFR records nobody owns (sealed recordings, workflow records: issue 16). A viewing
 * request is readable only by those its web scripts show it to (core's mayReadRequest).
 *
 * The decision of each ancestor is kept too, so a request that checks many nodes (a search,
 * a listing) reads each folder's ACL once: the cost does not grow with folder depth per node.
 */
export class PermissionChecker {
  private readonly cache = new Map<string, Set<Permission>>();
  private readonly acl = new Map<string, AclDecision>();
  private readonly authorities: Set<string>;
  private readonly actor: Actor;
  /** Whether the user is an administrator. */
  readonly isAdmin: boolean;

  constructor(
    private readonly db: Db,
    private readonly rows: NodeRows,
    auth: Authorities,
    readonly userId: string,
  ) {
    this.isAdmin = auth.isAdmin(userId);
    const groups = auth.groupsOf(userId);
    this.authorities = new Set([userId, ...groups]);
    this.actor = { userName: userId, groups };
  }

  /** Whether the user holds `perm` on `node`. */
  has(node: NodeRow, perm: Permission): boolean {
    if (this.isAdmin) return true;
    return this.permsOf(node).has(perm);
  }

  /** The permissions the user holds on `node`. */
  permsOf(node: NodeRow): Set<Permission> {
    if (this.isAdmin) return new Set(ALL);
    const hit = this.cache.get(node.id);
    if (hit) return hit;
    let perms: Set<Permission>;
    if (node.type === 'efr:accessRequest' && !mayReadRequest(requestParties(node), this.actor,
      false)) {
      perms = new Set();
    } else if (node.createdBy === this.userId && !isOwnerless(node.type, node.aspects)) {
      perms = new Set(ALL);
    } else {
      perms = new Set(this.decisionOf(node).allowed);
    }
    this.cache.set(node.id, perms);
    return perms;
  }

  /** The ACL decision of a node and its inherited chain, memoised per node. */
  private decisionOf(node: NodeRow): AclDecision {
    // Walk up to the nearest decided ancestor (or where inheritance stops), then decide down.
    const chain: NodeRow[] = [];
    let cur: NodeRow | undefined = node;
    let base: AclDecision = { decided: new Set(), allowed: new Set() };
    while (cur && chain.length < MAX_CHAIN) {
      const known = this.acl.get(cur.id);
      if (known) {
        base = known;
        break;
      }
      chain.push(cur);
      if (!cur.inherit || !cur.parentId) break;
      cur = this.rows.get(cur.parentId);
    }
    // `base` is what the top of the chain inherits (nothing where inheritance stops).
    for (let i = chain.length - 1; i >= 0; i--) {
      const n = chain[i];
      const aces = localAces(this.db, n.id).filter((x) => this.authorities.has(x.authorityId));
      const decided = new Set(base.decided);
      const allowed = new Set(base.allowed);
      const local = new Set<Permission>();
      for (const status of ['DENIED', 'ALLOWED'] as const) {
        for (const a of aces.filter((x) => x.accessStatus === status)) {
          for (const p of ROLE_PERMS[a.name]) {
            if (local.has(p)) continue;
            local.add(p);
            decided.add(p);
            if (status === 'ALLOWED') allowed.add(p);
            else allowed.delete(p);
          }
        }
      }
      base = { decided, allowed };
      this.acl.set(n.id, base);
    }
    return base;
  }

  /**
   * Whether the user holds `perm` on a child of `parent` that has no local ACL and that
   * someone else created: the inherited entries decide, not the user's ownership of the
   * parent (the owner of a folder does not own what others file in it).
   */
  hasOnChildren(parent: NodeRow, perm: Permission): boolean {
    if (this.isAdmin) return true;
    return this.has(
      { ...parent, id: `${parent.id}#child`, parentId: parent.id, createdBy: '', inherit: true,
        aclLocal: false },
      perm,
    );
  }

  /** ACS allowableOperations for a node. */
  allowableOperations(node: NodeRow): string[] {
    const p = this.permsOf(node);
    const ops: string[] = [];
    if (p.has('Delete')) ops.push('delete');
    if (p.has('Write')) ops.push('update');
    if (p.has('CreateChildren') && node.isFolder) ops.push('create');
    if (p.has('ChangePermissions')) ops.push('updatePermissions');
    return ops;
  }

  /** Inherited ACEs (from the parent chain) of a node, nearest first. */
  inheritedAces(node: NodeRow): Ace[] {
    const out: Ace[] = [];
    if (!node.inherit || !node.parentId) return out;
    let cur = this.rows.get(node.parentId);
    for (let guard = 0; cur && guard < 200; guard++) {
      out.push(...localAces(this.db, cur.id));
      if (!cur.inherit || !cur.parentId) break;
      cur = this.rows.get(cur.parentId);
    }
    return out;
  }
}

/** The requester and registered viewer of a viewing request node. */
function requestParties(n: NodeRow): RequestParties {
  const text = (k: string): string | null => (typeof n.props[k] === 'string' ? (n.props[k] as string) : null);
  return { requester: text('efr:requester'), viewer: text('efr:viewer') };
}
