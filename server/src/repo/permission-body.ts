import { badRequest } from '../http/errors.js';
import { isRole, type Ace } from './permissions.js';

/** The PermissionsBody of the ACS API. */
export interface PermissionsBody {
  isInheritanceEnabled?: boolean;
  locallySet?: Ace[];
}

/** Validates a PermissionsBody (400 on any malformed part). */
export function parsePermissionsBody(v: unknown): PermissionsBody {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw badRequest('permissions must be an object');
  }
  const body = v as Record<string, unknown>;
  const out: PermissionsBody = {};
  if (body.isInheritanceEnabled !== undefined) {
    if (typeof body.isInheritanceEnabled !== 'boolean') {
      throw badRequest('isInheritanceEnabled must be a boolean');
    }
    out.isInheritanceEnabled = body.isInheritanceEnabled;
  }
  if (body.locallySet !== undefined) {
    if (!Array.isArray(body.locallySet)) throw badRequest('locallySet must be an array');
    out.locallySet = body.locallySet.map((e: unknown) => {
      const a = e as Record<string, unknown>;
      if (
        typeof e !== 'object' ||
        e === null ||
        typeof a.authorityId !== 'string' ||
        a.authorityId === '' ||
        !isRole(a.name)
      ) {
        throw badRequest('Each permission needs authorityId and a role name');
      }
      const status = a.accessStatus ?? 'ALLOWED';
      if (status !== 'ALLOWED' && status !== 'DENIED') {
        throw badRequest('accessStatus must be ALLOWED or DENIED');
      }
      return { authorityId: a.authorityId, name: a.name, accessStatus: status };
    });
  }
  return out;
}
