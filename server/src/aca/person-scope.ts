import { notFound } from '../http/errors.js';
import type { Caller, Repository } from '../repo/repository.js';

/**
 * The person of a `people/{personId}/…` resource that only its owner may see (favorites, sites,
 * preferences): `-me-` or the caller's own id. As ACS's `PeopleImpl.validatePerson(personId,
 * true)` (alfresco-community-repo 25.5.0.31, remote-api/…/rest/api/impl/PeopleImpl.java:223),
 * an unknown person and someone else both answer 404, so ids cannot be probed.
 */
export function ownPerson(repo: Repository, c: Caller, raw: string): string {
  const id = raw === '-me-' ? c.userId : raw;
  const person = repo.auth.person(id);
  if (!person || person.id.toLowerCase() !== c.userId.toLowerCase()) {
    throw notFound(`The entity with id: ${raw} was not found`);
  }
  return c.userId;
}
