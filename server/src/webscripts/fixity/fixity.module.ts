import { FIXITY_WEB_SCRIPTS, fixityRunPost } from '../../../../webscripts/src/fixity/fixity.js';
import { jobRequests } from '../../worker/job-requests.js';
import { portWebScripts } from '../port/port-routes.js';
import type { WebScriptModule } from '../web-script-host.js';

/**
 * Fixity audits (issue 18, R26.1) under /alfresco/s/efr: written once for both hosts in
 * webscripts/src/fixity/fixity.ts (status, run, the rounds and the worker's steps). The rounds
 * are worked by efr worker (server/src/worker/jobs/fixity.ts), in-process here as beside ACS; a
 * round asked for wakes it at once, as ACS's event stream wakes a worker beside ACS.
 */
export const fixityModule: WebScriptModule = portWebScripts(
  FIXITY_WEB_SCRIPTS,
  (def, answer) => {
    const round = (answer.body as { entry: { id: string } | null }).entry;
    // 200 with no round: nothing was due, nothing to wake the worker for.
    if (def === fixityRunPost && round !== null) jobRequests.emit('requested', round.id);
  },
);
