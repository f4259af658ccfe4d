import { VIOLATION_REPORT_WEB_SCRIPTS } from
  '../../../../webscripts/src/violations/violation-reports.js';
import { VIOLATION_WEB_SCRIPTS } from '../../../../webscripts/src/violations/violations.js';
import { portWebScripts, runPortWebScript } from '../port/port-routes.js';
import type { WebScriptModule } from '../web-script-host.js';
import { registerFolder } from './violation-records.js';

/**
 * The violation register's web scripts (issue 8; R29.1, R30.1), all written once for both
 * hosts: list, read, decision and measures (webscripts/src/violations/violations.ts), a
 * supervisor's report and the scan of refused attempts and late handovers
 * (webscripts/src/violations/violation-reports.ts). Failed spot-check findings propose theirs
 * from the spot-check web scripts.
 */
export const violationsModule: WebScriptModule = (ws, repo) => {
  portWebScripts(VIOLATION_WEB_SCRIPTS)(ws, repo);
  for (const def of VIOLATION_REPORT_WEB_SCRIPTS) {
    ws.post(def.path, (req) => {
      // server/'s setup of the register folder (the module's is its bootstrap): made by the
      // repository when first needed, before the call, as registerFolder always made it.
      repo.db.transaction(() => registerFolder(repo))();
      return runPortWebScript(repo, def, req);
    });
  }
};
