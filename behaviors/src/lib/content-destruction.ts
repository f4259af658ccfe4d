/**
 * How the module destroys a recording's bytes (issue 18), the way Alfresco Governance Services
 * destroys a record's content (alfresco-community-repo 25.5.0.31, amps/ags/rm-community/
 * rm-community-repo/source/java/org/alfresco/module/org_alfresco_module_rm/content/
 * ContentDestructionComponent.java l. 186-217, 228-266): each content URL the node and its
 * renditions reference is handed to ACS's eager content store cleaner with `force`
 * (`EagerContentStoreCleaner#registerOrphanedContentUrl(url, true)`, repository/…/content/
 * cleanup/EagerContentStoreCleaner.java l. 170-186), then the content property is cleared and
 * the renditions deleted. The cleaner deletes those URLs from the content store once the
 * transaction commits (l. 192-218), without its listeners (l. 216: no copy into
 * `contentstore.deleted`), and never when the transaction rolls back.
 *
 * Why force, not `system.content.eagerOrphanCleanup=true`: that setting (default false,
 * repository/src/main/resources/alfresco/repository.properties l. 218) changes the fate of every
 * orphaned file of the whole repository and the installation's own backup procedure ("Do not
 * change this unless you have examined the impact it has on your backup procedures", l. 217),
 * and the installation's alfresco-global.properties overrides a module's. Without it, and
 * without force, a dereferenced URL is only marked orphaned (AbstractContentDataDAOImpl l.
 * 919-933); the ContentStoreCleaner job then, after `system.content.orphanProtectDays` (14, l.
 * 221), copies the file into `contentstore.deleted` before deleting it (content-services-
 * context.xml l. 71-90, 128-130; ContentStoreCleaner l. 418; DeletedContentBackupCleanerListener
 * l. 62-77), a store ACS never empties (repository.properties l. 220): the bytes would never be
 * destroyed.
 *
 * The cleaner is a Spring bean (`eagerContentStoreCleaner`, content-services-context.xml l. 123),
 * reached through the web application context of the request thread (Spring's
 * ContextLoader#getCurrentWebApplicationContext; ACS loads its context with a
 * ContextLoaderListener, packaging/war/src/main/webapp/WEB-INF/web.xml l. 249). The content URL
 * is read with the public NodeService (a ScriptContentData does not show it). Classpath
 * scripts are secure, so `Packages` is there; where it is not, or the context is out of reach,
 * this throws and the step rolls back: bytes are never left behind silently.
 */
import { javaPackages } from './acs-api.js';

/** The few members of the beans used here. */
interface ContentDataLike {
  getContentUrl(): unknown;
  getSize(): unknown;
}
interface NodeServiceLike {
  getProperty(nodeRef: unknown, qname: unknown): ContentDataLike | null;
}
interface CleanerLike {
  registerOrphanedContentUrl(url: string, force: boolean): unknown;
}
interface ApplicationContextLike {
  getBean(name: string): unknown;
}

/** `cm:content` as a QName's text. */
const CM_CONTENT_QNAME = '{http://www.alfresco.org/model/content/1.0}content';

function javaClass(path: readonly string[]): Record<string, unknown> | null {
  let cursor: unknown = javaPackages();
  for (const part of path) {
    if (cursor === null || cursor === undefined) return null;
    cursor = (cursor as Record<string, unknown>)[part];
  }
  return cursor === null || cursor === undefined ? null : cursor as Record<string, unknown>;
}

/** The repository's Spring application context (throws when out of reach). */
function applicationContext(): ApplicationContextLike {
  const loader = javaClass(['org', 'springframework', 'web', 'context', 'ContextLoader']);
  const get = loader === null ? undefined : loader['getCurrentWebApplicationContext'];
  const ctx = typeof get === 'function' ? (get as () => unknown)() : null;
  if (ctx === null || ctx === undefined) {
    throw new Error('efr: the repository\'s application context is not reachable from this ' +
      'script; no content was destroyed');
  }
  return ctx as ApplicationContextLike;
}

/** A node's cm:content as stored: its content URL and size, or null when it has none. */
export function storedContentOf(nodeRef: unknown): { url: string; size: number } | null {
  const qname = javaClass(['org', 'alfresco', 'service', 'namespace', 'QName']);
  if (qname === null || typeof qname['createQName'] !== 'function') {
    throw new Error('efr: QName is not available to this script');
  }
  const q = (qname['createQName'] as (s: string) => unknown)(CM_CONTENT_QNAME);
  const nodeService = applicationContext().getBean('NodeService') as NodeServiceLike;
  const data = nodeService.getProperty(nodeRef, q);
  if (data === null || data === undefined) return null;
  const url = data.getContentUrl();
  if (url === null || url === undefined) return null;
  return { url: String(url), size: Number(data.getSize()) };
}

/**
 * Has ACS delete the content URL from the content store once the running transaction commits,
 * whatever `system.content.eagerOrphanCleanup` says (nothing happens if it rolls back).
 */
export function destroyAfterCommit(url: string): void {
  const cleaner = applicationContext().getBean('eagerContentStoreCleaner') as CleanerLike;
  cleaner.registerOrphanedContentUrl(url, true);
}
