/**
 * POST /efr/spot-checks/{id}/close: refused while any finding is pending (R28.1); answers the
 * closed campaign as GET /efr/spot-checks/{id} does, as server/.
 */
import { checkCloseCampaign } from '../../../../core/src/index.js';
import { nowIso } from '../../lib/clock.js';
import {
  childrenOfType, enforce, logStep, nodeOfType, respond, runWebScript, templateArg,
} from '../devices/ws-runtime.js';
import { campaignJson, reread } from './campaign-json.js';
import { findingOf, readerOf } from './finding-state.js';
import { requireSupervisor } from './supervisor.js';

runWebScript(() => {
  requireSupervisor('closeSpotCheck');
  const campaign = nodeOfType(templateArg('id'), 'efr:spotCheck');
  const findings = childrenOfType(campaign, 'efr:finding').map((f) => findingOf(f,
    readerOf(f, {})));
  enforce(checkCloseCampaign(findings), 'closeSpotCheck', String(campaign.nodeRef));
  const now = nowIso();
  campaign.properties['efr:spotCheckStatus'] = 'closed';
  campaign.save();
  if (campaign.addAspect) campaign.addAspect('efr:closed', { 'efr:closedAt': new Date(now) });
  logStep('spotCheck.close', campaign, { findings: String(findings.length) });
  respond(200, { entry: campaignJson(reread(campaign)) });
});
