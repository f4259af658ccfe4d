import { DOCUMENT_WEB_SCRIPTS } from '../../../../webscripts/src/documents/documents.js';
import { notFound } from '../../http/errors.js';
import type { Repository } from '../../repo/repository.js';
import { disposition } from '../../routes/content.js';
import { portWebScripts } from '../port/port-routes.js';
import type { WebScriptModule, WebScriptRequest } from '../web-script-host.js';

/**
 * Generated documents (issue 15), written once for both hosts
 * (webscripts/src/documents/documents.ts): the job web scripts efr worker renders them through.
 */
export const documentsModule: WebScriptModule = portWebScripts(DOCUMENT_WEB_SCRIPTS);

/**
 * Streams a stored document a port web script answered (`content`): its bytes as stored, with
 * their media type, as an attachment named as the document, never kept in a browser cache.
 * ACS's StreamContent answers the same bytes and type (docs/api.md, "In the ACS module").
 */
export function sendStoredContent(repo: Repository, req: WebScriptRequest,
  content: { nodeId: string; name: string }): WebScriptRequest['reply'] {
  const node = repo.rows.get(content.nodeId);
  if (!node?.content) throw notFound(`Node ${content.nodeId} has no content`);
  return req.reply.code(200).header('content-type', node.content.mimeType)
    .header('content-disposition', disposition('attachment', content.name))
    .header('cache-control', 'private, no-store')
    .header('content-length', String(node.content.size))
    .send(node.content.size === 0 ? '' : repo.store.read(node.content.sha256));
}
