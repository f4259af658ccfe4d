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

/**
 * Evaluates permissions for one user, caching per node for the life of a request. The
 * nearest ACL level that mentions a permission for one of the user's authorities decides
 * (DENIED before ALLOWED at the same level); inheritance stops where a node disables it.
 * The creator of a node is its owner and, as ACS's ROLE_OWNER, holds every permission.
 */
export class PermissionChecker {
  private readonly cache = new Map<string, Set<Permission>>();
  private readonly authorities: Set<string>;
  /** Whether the user is an administrator. */
  readonly isAdmin: boolean;

  constructor(
    private readonly db: Db,
    private readonly rows: NodeRows,
    auth: Authorities,
    readonly userId: string,
  ) {
    this.isAdmin = auth.isAdmin(userId);
    this.authorities = new Set([userId, ...auth.groupsOf(userId)]);
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
    const perms = new Set<Permission>();
    if (node.createdBy === this.userId) for (const p of ALL) perms.add(p);
    else {
      const decided = new Set<Permission>();
      let cur: NodeRow | undefined = node;
      for (let guard = 0; cur && guard < 200; guard++) {
        const aces = localAces(this.db, cur.id).filter((a) => this.authorities.has(a.authorityId));
        for (const status of ['DENIED', 'ALLOWED'] as const) {
          for (const a of aces.filter((x) => x.accessStatus === status)) {
            for (const p of ROLE_PERMS[a.name]) {
              if (decided.has(p)) continue;
              decided.add(p);
              if (status === 'ALLOWED') perms.add(p);
            }
          }
        }
        if (!cur.inherit || !cur.parentId) break;
        cur = this.rows.get(cur.parentId);
      }
    }
    this.cache.set(node.id, perms);
    return perms;
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
