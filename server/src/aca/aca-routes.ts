import type { FastifyInstance } from 'fastify';
import type { Repository } from '../repo/repository.js';
import { registerComments } from './comments-routes.js';
import { registerDeletedNodes } from './deleted-nodes-routes.js';
import { registerDictionaryClasses } from './dictionary-classes-webscript.js';
import { registerFavorites } from './favorites-routes.js';
import { registerModelApi } from './model-api-routes.js';
import { ModelDictionary } from './model-dictionary.js';
import { registerPreferences } from './preferences-routes.js';
import { registerRenditionsVersions } from './renditions-versions-routes.js';
import { registerSharedLinks } from './shared-links-routes.js';
import { registerSites } from './sites-routes.js';
import { registerTagsAndCategories } from './tags-categories-routes.js';

let dictionary: ModelDictionary | undefined;

/**
 * What the Alfresco Content App 8 asks of a repository beyond what EFR's own screens use
 * (issue 17): favorites, sites, preferences, renditions, versions, comments, the trashcan, a
 * node's tags and categories, and the model API, each at ACS's path with ACS's JSON.
 */
export function registerAcaSupport(app: FastifyInstance, repo: Repository): void {
  registerFavorites(app, repo);
  registerSites(app, repo);
  registerSharedLinks(app, repo);
  registerPreferences(app, repo);
  registerRenditionsVersions(app, repo);
  registerComments(app, repo);
  registerDeletedNodes(app, repo);
  registerTagsAndCategories(app, repo);
  // The models are read once per process: they do not change while it runs.
  dictionary ??= new ModelDictionary();
  registerModelApi(app, repo, dictionary);
  registerDictionaryClasses(app, repo, dictionary);
}
