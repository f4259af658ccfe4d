import { VIOLATION_WEB_SCRIPTS } from '../../../../webscripts/src/violations/violations.js';
import { listBody } from '../../http/paging.js';
import { portWebScripts } from '../port/port-routes.js';
import type { WebScriptModule } from '../web-script-host.js';
import { violationJson } from './violation-records.js';
import { reportViolation, scanViolations } from './violation-steps.js';

/**
 * The violation register web scripts server/ alone has (issue 8; R29.1):
 * - `POST /violations` a supervisor reports one (proposed);
 * - `POST /violations/scan` proposes refused tampering attempts and late handovers.
 * The register's list, read, decision and measures are written once for both hosts
 * (webscripts/src/violations/violations.ts). Failed spot-check findings propose theirs from
 * the spot-check web scripts.
 */
export const violationsModule: WebScriptModule = (ws, repo) => {
  portWebScripts(VIOLATION_WEB_SCRIPTS)(ws, repo);

  ws.post('/violations', (req) => ({
    status: 201,
    body: { entry: violationJson(repo, reportViolation(repo, req.caller, req.body)) },
  }));

  ws.post('/violations/scan', (req) => {
    // What the scan proposed, as one whole REST API v1 list (with its pagination).
    const made = scanViolations(repo, req.caller).map((n) => violationJson(repo, n));
    return { body: listBody(made, { skipCount: 0, maxItems: made.length }, made.length) };
  });
};
