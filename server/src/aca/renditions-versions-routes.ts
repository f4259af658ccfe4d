import type { FastifyInstance, FastifyRequest } from 'fastify';
import { callerOf } from '../http/auth.js';
import { AcsError, notFound } from '../http/errors.js';
import { listBody, parsePaging } from '../http/paging.js';
import { formatAcsDate } from '../model/property-values.js';
import { mimeTypeName } from '../repo/mimetypes.js';
import { propertiesJson } from '../repo/node-json.js';
import type { NodeRow } from '../repo/node-rows.js';
import type { Repository } from '../repo/repository.js';
import { CORE } from '../routes/paths.js';
import { checkRecordExposure } from '../../../core/src/index.js';

/** The only version server/ knows of a node: its current state (no version history is kept). */
const CURRENT_VERSION = '1.0';

/**
 * Renditions and versions as the Content App's viewer and version manager ask for them.
 *
 * Renditions: server/ generates none (discovery: `isThumbnailGenerationEnabled: false`), so a
 * node's list is empty. ACA's viewer needs the list answered: while it was a 404 the viewer
 * showed no video; with an empty list it plays the content itself (issue 17). One rendition is
 * a 404 in ACS's error shape. Asking for one (`POST`) is refused as ACS refuses it with
 * thumbnail generation disabled (501, `DisabledServiceException` in RenditionsImpl), and for an
 * `efr:recording` as a rule: no derived copy of an original is ever made (R23.1, like copies).
 *
 * Versions: no history is kept, so a file lists its current state as version 1.0 (a folder has
 * none). New content goes through `PUT nodes/{id}/content` or an `overwrite` upload, where the
 * content-update rule refuses it on sealed recordings (R26.1).
 */
export function registerRenditionsVersions(app: FastifyInstance, repo: Repository): void {
  const nodeOf = (req: FastifyRequest): { node: NodeRow; c: ReturnType<typeof callerOf> } => {
    const c = callerOf(repo, req);
    return { c, node: repo.resolve(c, (req.params as { nodeId: string }).nodeId) };
  };

  app.get(`${CORE}/nodes/:nodeId/renditions`, async (req) => {
    nodeOf(req);
    return listBody([], parsePaging(req.query as Record<string, unknown>), 0);
  });
  const noRendition = async (req: FastifyRequest): Promise<never> => {
    nodeOf(req);
    const id = (req.params as { renditionId: string }).renditionId;
    throw notFound(`The entity with id: ${id} was not found`);
  };
  app.get(`${CORE}/nodes/:nodeId/renditions/:renditionId`, noRendition);
  app.get(`${CORE}/nodes/:nodeId/renditions/:renditionId/content`, noRendition);
  app.post(`${CORE}/nodes/:nodeId/renditions`, async (req) => {
    const { c, node } = nodeOf(req);
    // RenditionsImpl#createRenditions reads one {"id"} or a list of them: anything else is 400.
    const body = req.body as unknown;
    const items = Array.isArray(body) ? body : [body];
    if (items.length === 0 || !items.every((x) => x !== null && typeof x === 'object' &&
      !Array.isArray(x) && typeof (x as { id?: unknown }).id === 'string')) {
      throw new AcsError(400, 'framework.exception.InvalidArgument',
        'A rendition request names the rendition: {"id": "doclib"} or a list of them');
    }
    if (node.type === 'efr:recording') {
      repo.enforce(c, checkRecordExposure('rendition'), 'createRendition', node);
    }
    throw new AcsError(501, 'framework.exception.DisabledService',
      'Thumbnail generation has been disabled.');
  });

  const versionJson = (node: NodeRow): Record<string, unknown> => ({
    id: CURRENT_VERSION,
    name: node.name,
    nodeType: node.type,
    isFolder: node.isFolder,
    isFile: node.isFile,
    modifiedAt: formatAcsDate(node.modifiedAt),
    modifiedByUser: { id: node.modifiedBy, displayName: repo.auth.displayName(node.modifiedBy) },
    ...(node.content ? { content: { mimeType: node.content.mimeType,
      mimeTypeName: mimeTypeName(node.content.mimeType), sizeInBytes: node.content.size,
      encoding: node.content.encoding } } : {}),
  });
  app.get(`${CORE}/nodes/:nodeId/versions`, async (req) => {
    const { node } = nodeOf(req);
    const q = req.query as Record<string, unknown>;
    const paging = parsePaging(q);
    const all = node.isFile ? [node] : [];
    const include = typeof q.include === 'string' ? q.include.split(',') : [];
    return listBody(all.slice(paging.skipCount, paging.skipCount + paging.maxItems).map((n) => ({
      ...versionJson(n),
      ...(include.includes('properties') ? { properties: propertiesJson(n) } : {}),
      ...(include.includes('aspectNames') ? { aspectNames: n.aspects } : {}),
    })), paging, all.length);
  });
  app.get(`${CORE}/nodes/:nodeId/versions/:versionId`, async (req) => {
    const { node } = nodeOf(req);
    const id = (req.params as { versionId: string }).versionId;
    if (!node.isFile || id !== CURRENT_VERSION) {
      throw notFound(`The entity with id: ${id} was not found`);
    }
    return { entry: versionJson(node) };
  });
}
