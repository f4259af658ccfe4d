import type { FastifyInstance, FastifyRequest } from 'fastify';
import { callerOf } from '../http/auth.js';
import { badRequest, notFound } from '../http/errors.js';
import { listBody, parsePaging } from '../http/paging.js';
import type { Repository } from '../repo/repository.js';
import { CORE } from '../routes/paths.js';
import { ownPerson } from './person-scope.js';

type Q = Record<string, unknown>;

/**
 * Sites (libraries) as the Content App's Libraries screens ask for them. server/ has no sites
 * (EFR's archive is a folder tree under Company Home), so every list is empty and every site
 * is unknown (404), which ACA shows as an empty library list. What ACA calls on load
 * (@alfresco/adf-content-services 9.0.0 CustomResourcesService: `loadSites` → `GET sites`,
 * `loadMemberSites` → `GET people/-me-/sites`; @alfresco/aca-shared 8.0.0
 * ContentApiService.getFavoriteLibraries → favorites with `(EXISTS(target/site))`; ACA's
 * library search → `GET queries/sites`).
 */
export function registerSites(app: FastifyInstance, repo: Repository): void {
  const empty = (req: FastifyRequest): unknown => {
    callerOf(repo, req);
    return listBody([], parsePaging(req.query as Q), 0);
  };
  const emptyForOwner = (req: FastifyRequest): unknown => {
    const c = callerOf(repo, req);
    ownPerson(repo, c, (req.params as { personId: string }).personId);
    return listBody([], parsePaging(req.query as Q), 0);
  };
  const noSite = (req: FastifyRequest): never => {
    const c = callerOf(repo, req);
    const p = req.params as { personId?: string; siteId: string };
    if (p.personId !== undefined) ownPerson(repo, c, p.personId);
    throw notFound(`The entity with id: ${p.siteId} was not found`);
  };

  app.get(`${CORE}/sites`, async (req) => empty(req));
  app.get(`${CORE}/sites/:siteId`, async (req) => noSite(req));
  app.get(`${CORE}/people/:personId/sites`, async (req) => emptyForOwner(req));
  app.get(`${CORE}/people/:personId/sites/:siteId`, async (req) => noSite(req));
  app.get(`${CORE}/people/:personId/favorite-sites`, async (req) => emptyForOwner(req));
  app.get(`${CORE}/people/:personId/site-membership-requests`, async (req) => emptyForOwner(req));
  app.get(`${CORE}/queries/sites`, async (req) => {
    const term = (req.query as Q).term;
    // As the definition of GET queries/sites: the term needs at least 2 alphanumerics.
    if (typeof term !== 'string' || (term.match(/[\p{L}\p{N}]/gu) ?? []).length < 2) {
      callerOf(repo, req);
      throw badRequest(
        'Invalid parameter: term must contain a minimum of 2 alphanumeric characters');
    }
    return empty(req);
  });
}
