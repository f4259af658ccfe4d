import {
  EVIDENCE_PACKAGE_WEB_SCRIPTS, evidencePackagesPost,
} from '../../../../webscripts/src/evidence-packages/evidence-packages.js';
import { jobRequests } from '../../worker/job-requests.js';
import { portWebScripts } from '../port/port-routes.js';
import type { WebScriptModule } from '../web-script-host.js';

/**
 * Evidence packages (R23.1) and their build jobs (issue 15), under /alfresco/s/efr: written
 * once for both hosts in webscripts/src/evidence-packages/evidence-packages.ts (request, list,
 * read, and the worker's jobs, claim, progress, result, failure). A committed request wakes
 * server/'s in-process efr worker at once (server/src/worker/in-process.ts), as ACS's event
 * stream wakes a worker beside ACS; the image itself arrives through the REST API's
 * `PUT /nodes/{id}/content`, written only by the worker holding the job (efr-rules.ts).
 */
export const evidencePackagesModule: WebScriptModule = portWebScripts(
  EVIDENCE_PACKAGE_WEB_SCRIPTS,
  (def, answer) => {
    if (def === evidencePackagesPost) {
      jobRequests.emit('requested', (answer.body as { entry: { id: string } }).entry.id);
    }
  },
);
