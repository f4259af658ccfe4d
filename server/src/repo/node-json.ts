import { formatAcsDate } from '../model/property-values.js';
import { lockActive } from './locks.js';
import { mimeTypeName } from './mimetypes.js';
import type { NodeRow } from './node-rows.js';
import { localAces, ROLES } from './permissions.js';
import type { Caller, Repository } from './repository.js';

/** Which optional parts a response includes (the `include` parameter). */
export type Includes = Set<string>;

/** Node JSON as the ACS API returns it (definitions/Node). */
export type NodeJson = Record<string, unknown>;

/** Parses `include=a,b` into a set (unknown names are ignored, as ACS does). */
export function parseIncludes(v: unknown): Includes {
  if (typeof v !== 'string' || v === '') return new Set();
  return new Set(
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/**
 * Serialises a node. `defaults` adds properties and aspectNames as GET /nodes/{id} does by
 * default; listings add them only on request.
 */
export function nodeJson(
  repo: Repository,
  c: Caller,
  n: NodeRow,
  inc: Includes,
  defaults = false,
): NodeJson {
  const user = (id: string): { id: string; displayName: string } => ({
    id,
    displayName: id === 'System' ? 'System' : repo.auth.displayName(id),
  });
  const out: NodeJson = {
    id: n.id,
    name: n.name,
    nodeType: n.type,
    isFolder: n.isFolder,
    isFile: n.isFile,
    modifiedAt: formatAcsDate(n.modifiedAt),
    modifiedByUser: user(n.modifiedBy),
    createdAt: formatAcsDate(n.createdAt),
    createdByUser: user(n.createdBy),
  };
  if (n.parentId) out.parentId = n.parentId;
  if (n.content) {
    out.content = {
      mimeType: n.content.mimeType,
      mimeTypeName: mimeTypeName(n.content.mimeType),
      sizeInBytes: n.content.size,
      encoding: n.content.encoding,
    };
  }
  if (defaults || inc.has('aspectNames')) out.aspectNames = n.aspects;
  if (defaults || inc.has('properties')) out.properties = propertiesJson(n);
  if (inc.has('isLocked')) out.isLocked = lockActive(n, c.rule.now);
  if (inc.has('isLink')) out.isLink = false;
  if (inc.has('isFavorite')) {
    // The caller's favorites (aca/favorites.ts), as ADF's star column reads them.
    out.isFavorite = repo.db.prepare('SELECT 1 FROM favorites WHERE user_id = ? AND node_id = ?')
      .get(c.userId, n.id) !== undefined;
  }
  if (inc.has('association') && n.parentId)
    out.association = { assocType: 'cm:contains', isPrimary: true };
  if (inc.has('path')) out.path = repo.pathOf(n);
  if (inc.has('allowableOperations')) out.allowableOperations = c.perms.allowableOperations(n);
  if (inc.has('permissions')) {
    const disp = (a: {
      authorityId: string;
      name: string;
      accessStatus: string;
    }): Record<string, string> => ({
      ...a,
      authorityDisplayName: a.authorityId.startsWith('GROUP_')
        ? (repo.auth.group(a.authorityId)?.displayName ?? a.authorityId)
        : repo.auth.displayName(a.authorityId),
    });
    out.permissions = {
      isInheritanceEnabled: n.inherit,
      inherited: c.perms.inheritedAces(n).map(disp),
      locallySet: localAces(repo.db, n.id).map(disp),
      settable: [...ROLES],
    };
  }
  return out;
}

/** The `properties` object: stored properties plus the ones ACS derives from columns. */
export function propertiesJson(n: NodeRow): Record<string, unknown> {
  const props: Record<string, unknown> = { ...n.props };
  if (n.lock) {
    props['cm:lockOwner'] = { id: n.lock.owner, displayName: n.lock.owner };
    props['cm:lockType'] = n.lock.type === 'FULL' ? 'READ_ONLY_LOCK' : 'WRITE_LOCK';
    props['cm:lockLifetime'] = 'PERSISTENT';
  }
  return props;
}
