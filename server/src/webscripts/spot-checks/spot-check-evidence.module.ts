import {
  campaignById, findingIn, findingJson, findingState,
} from '../../../../webscripts/src/spot-checks/campaign-json.js';
import { scopeOf } from '../../../../webscripts/src/spot-checks/campaign-scope.js';
import type { WebScriptDefinition } from '../../../../webscripts/src/web-script.js';
import { runPortWebScript } from '../port/port-routes.js';
import type { WebScriptModule } from '../web-script-host.js';
import { evidenceFor } from './spot-check-evidence.js';

/**
 * `GET /spot-checks/{id}/findings/{key}` (key = finding id or recording id): one finding with
 * its automatic evidence, server/ only so far (the evidence reads server/'s hash-chained access
 * log). The campaign, the finding and its JSON are the spot-check web scripts' own, written once
 * (webscripts/src/spot-checks/); the other spot-check web scripts are routed from there
 * (server/src/webscripts/modules.ts).
 */
export const spotCheckEvidenceModule: WebScriptModule = (ws, repo) => {
  const def: WebScriptDefinition = {
    id: 'spot-check-finding', method: 'GET', path: '/spot-checks/{id}/findings/{key}',
    area: 'spot-checks', title: 'EFR spot checks: a finding with its evidence',
    handle(port, call) {
      const c = campaignById(port, call.params.id);
      const f = findingIn(port, c, call.params.key);
      const id = findingState(port, f).recordingId;
      const rec = id === '' ? undefined : repo.rows.get(id);
      return { status: 200, body: { entry: {
        ...findingJson(port, f), evidence: rec ? evidenceFor(repo, scopeOf(c), rec) : null,
      } } };
    },
  };
  ws.get(def.path, (req) => runPortWebScript(repo, def, req));
};
