import type { FastifyInstance, FastifyRequest } from 'fastify';
import { callerOf } from '../http/auth.js';
import { refuse } from '../../../core/src/index.js';
import { AcsError } from '../http/errors.js';
import { listBody, parsePaging } from '../http/paging.js';
import type { Repository } from '../repo/repository.js';
import { CORE } from '../routes/paths.js';

/**
 * Shared links (quick share) stay off in server/: discovery says `isQuickShareEnabled: false`,
 * and no link can be made, so no recording can leave through an anonymous URL. Making, reading
 * or deleting a link is refused as a forbidden act (403, logged; issue 16: no 5xx on any input),
 * where ACS with quick share disabled answers 501 (QuickShareLinksImpl.checkEnabled throws
 * DisabledServiceException, alfresco-community-repo 25.5.0.31,
 * remote-api/…/rest/api/impl/QuickShareLinksImpl.java:672). The list alone is answered, empty,
 * so ACA's Shared screen (ADF's `-sharedlinks-` source: GET shared-links) loads: where ACS
 * would answer 501 there too, no link exists here to list.
 */
export function registerSharedLinks(app: FastifyInstance, repo: Repository): void {
  app.get(`${CORE}/shared-links`, async (req) => {
    callerOf(repo, req);
    return listBody([], parsePaging(req.query as Record<string, unknown>), 0);
  });
  const disabled = async (req: FastifyRequest): Promise<never> => {
    const c = callerOf(repo, req);
    repo.enforce(c, refuse(403, 'efr.sharedLinks.off', 'R24.2',
      'Shared links are off: no record leaves the archive through an anonymous link.',
      '共享链接已关闭：记录不得通过匿名链接外传。'), 'sharedLink', null);
    throw new AcsError(403, 'efr.sharedLinks.off', 'Shared links are off');
  };
  app.post(`${CORE}/shared-links`, disabled);
  app.get(`${CORE}/shared-links/:sharedId`, disabled);
  app.delete(`${CORE}/shared-links/:sharedId`, disabled);
}
