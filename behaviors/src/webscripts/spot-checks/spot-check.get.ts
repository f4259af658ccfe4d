/** GET /efr/spot-checks/{id}: one campaign with its progress (R28.1); 404 for any other id. */
import { respond, runWebScript, templateArg } from '../../lib/ws-runtime.js';
import { campaignById, campaignJson } from './campaign-json.js';

runWebScript(() => {
  respond(200, { entry: campaignJson(campaignById(templateArg('id'))) });
});
