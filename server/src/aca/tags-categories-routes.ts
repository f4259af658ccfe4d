import type { FastifyInstance, FastifyRequest } from 'fastify';
import { callerOf } from '../http/auth.js';
import { AcsError } from '../http/errors.js';
import { listBody, pageOf, parsePaging } from '../http/paging.js';
import type { NodeRow } from '../repo/node-rows.js';
import type { Caller, Repository } from '../repo/repository.js';
import { CORE } from '../routes/paths.js';

/** The node id of a `d:category`/`d:noderef` value (`workspace://SpacesStore/<id>` or an id). */
const idOfRef = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value.slice(value.lastIndexOf('/') + 1) : null;

/** The node ids a multi-valued reference property holds. */
function refs(node: NodeRow, prop: string): string[] {
  const value = node.props[prop];
  return (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])
    .map(idOfRef).filter((id): id is string => id !== null);
}

/**
 * The tags and categories of a node, as the Content App 8's tags column and properties tab read
 * them (`GET nodes/{id}/tags`, `GET nodes/{id}/category-links`; found 404 by
 * test/e2e/content-app.e2e.ts, issue 17). server/ keeps no tag or category nodes of its own
 * (no tagging scope, no category root), so both lists come from the node's own properties, as
 * ACS reads them (alfresco-community-repo 25.5.0.31):
 * - tags: `TagsImpl#getTags` → `TaggingServiceImpl#getTags(NodeRef, PagingRequest)`
 *   (repository/…/tagging/TaggingServiceImpl.java:882-912): only with the `cm:taggable` aspect,
 *   the `cm:taggable` property's tag nodes, each as its `cm:name`, sorted by name;
 * - categories: `CategoriesImpl#listCategoriesForNode` (remote-api/…/impl/CategoriesImpl.java:
 *   210-233): Read on the node, then the type check of `nodeTypeConstraint`
 *   (public-rest-context.xml:420-432: `cm:folder` or `cm:content`, else 422 "Invalid type"),
 *   then the `cm:categories` property's nodes as `{id, name, parentId, hasChildren}`.
 * Reading needs Read on the node (`repo.resolve`, 404/403 as ACS answers); a reference to a
 * node the caller may not read, or that no longer exists, is left out. Adding or removing tags
 * and category links is not served (ACS keeps tags in a tag scope and categories in a category
 * tree that server/ does not have): those calls get server/'s 404 "Unknown API", and nothing
 * of a record changes.
 */
export function registerTagsAndCategories(app: FastifyInstance, repo: Repository): void {
  const nodeOf = (req: FastifyRequest): { c: Caller; node: NodeRow } => {
    const c = callerOf(repo, req);
    return { c, node: repo.resolve(c, (req.params as { nodeId: string }).nodeId) };
  };
  /** The referenced nodes the caller may read. */
  const readable = (c: Caller, ids: string[]): NodeRow[] => ids.flatMap((id) => {
    try {
      return [repo.resolve(c, id)];
    } catch {
      return [];
    }
  });

  app.get(`${CORE}/nodes/:nodeId/tags`, async (req) => {
    const { c, node } = nodeOf(req);
    const paging = parsePaging(req.query as Record<string, unknown>);
    const tags = node.aspects.includes('cm:taggable')
      ? readable(c, refs(node, 'cm:taggable'))
        .map((t) => ({ id: t.id, tag: t.name }))
        // ACS sorts with the JVM's default Collator; the root collation here (Latin, then Han).
        .sort((a, b) => a.tag.localeCompare(b.tag))
      : [];
    return listBody(pageOf(tags, paging), paging, tags.length);
  });

  app.get(`${CORE}/nodes/:nodeId/category-links`, async (req) => {
    const { c, node } = nodeOf(req);
    if (!repo.model.isSubClassOf(node.type, 'cm:content') &&
      !repo.model.isSubClassOf(node.type, 'cm:folder')) {
      throw new AcsError(422, 'framework.exception.InvalidNodeType', 'Invalid type for node');
    }
    const paging = parsePaging(req.query as Record<string, unknown>);
    const categories = readable(c, refs(node, 'cm:categories')).map((cat) => ({
      id: cat.id,
      name: cat.name,
      parentId: cat.parentId ?? '-root-',
      hasChildren: repo.db.prepare('SELECT 1 FROM nodes WHERE parent_id = ? LIMIT 1')
        .get(cat.id) !== undefined,
    }));
    return listBody(pageOf(categories, paging), paging, categories.length);
  });
}
