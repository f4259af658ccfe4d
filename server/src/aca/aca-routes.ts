import type { FastifyInstance } from 'fastify';
import type { Repository } from '../repo/repository.js';
import { registerComments } from './comments-routes.js';
import { registerDeletedNodes } from './deleted-nodes-routes.js';
import { registerFavorites } from './favorites-routes.js';
import { registerPreferences } from './preferences-routes.js';
import { registerRenditionsVersions } from './renditions-versions-routes.js';
import { registerSites } from './sites-routes.js';

/**
 * What the Alfresco Content App 8 asks of a repository beyond what EFR's own screens use
 * (issue 17): favorites, sites, preferences, renditions, versions, comments, the trashcan and
 * the model API, each at ACS's path with ACS's JSON.
 */
export function registerAcaSupport(app: FastifyInstance, repo: Repository): void {
  registerFavorites(app, repo);
  registerSites(app, repo);
  registerPreferences(app, repo);
  registerRenditionsVersions(app, repo);
  registerComments(app, repo);
  registerDeletedNodes(app, repo);
}
