/**
 * GET /efr/spot-checks: every campaign the caller can read, newest first, each with its progress
 * (R28.1), as server/ lists them. No role gate, as on server/: the archive's permissions decide
 * who reads (every EFR group reads the archive; supervisors alone write, through the POSTs).
 */
import { respond, runWebScript } from '../../lib/ws-runtime.js';
import { campaignJson, listCampaigns, wholeList } from './campaign-json.js';

runWebScript(() => {
  respond(200, wholeList(listCampaigns().map(campaignJson)));
});
